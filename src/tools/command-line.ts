/**
 * The one way a command in scripts/ reads its command line: Node's `parseArgs`, with `--help` (or `-h`) printing the
 * command's usage and a command line it cannot read (an unknown option, an option without its value, an argument too
 * many) answered in Chinese and English with the usage, exit code 2 — never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { finish } from './result.ts';

/** The command line as `parseArgs` reads it, or the process ends with the usage (--help: 0; a wrong line: 2). */
export function readCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  const end = args.indexOf('--');
  if ((end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) finish({ code: 0, stdout: usage, stderr: '' });
  try {
    return parseArgs<T>({ ...config, args });
  } catch (error) {
    const problem = explainCommandLineError(error);
    if (problem === undefined) throw error;
    return finish({ code: 2, stdout: '', stderr: `${problem}\n\n${usage}` });
  }
}

/** What was wrong with a command line, from `parseArgs`'s error (undefined: not a command-line error). */
export function explainCommandLineError(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  // Node names the argument in quotes: Unknown option '--hlep'. / Option '--root <value>' argument missing
  const named = /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项 unknown option: ${named}（这个命令能用的选项见下 the options this command knows are below）`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项缺少取值，或不该带取值 an option is missing its value, or takes none: ${named}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 an argument this command does not take: ${named}`;
    default:
      return undefined;
  }
}
