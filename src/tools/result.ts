/** What a clerk tool returns: an exit code and the text for stdout and stderr (printed by scripts/). */
export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Prints a tool result and exits with its code (used by the thin CLIs in scripts/). */
export function finish(result: ToolResult): never {
  if (result.stdout) console.log(result.stdout);
  if (result.stderr) console.error(result.stderr);
  process.exit(result.code);
}
