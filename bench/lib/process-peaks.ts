/**
 * Which process of a build's tree holds the memory (issue 18): each sampled process named by what it is, from its
 * command line, its own peak RSS, and the processes that made up the tree's peak. Pure: bench/lib/proc.ts reads /proc
 * and feeds the samples in.
 */

/** One process as one sample saw it. */
export interface ProcessSample {
  pid: number;
  /** Its parent's pid. */
  ppid: number;
  /** Its command line, split at NUL (/proc/<pid>/cmdline); empty when it could not be read. */
  argv: readonly string[];
  rssBytes: number;
}

/** A process's own highest RSS over the run. */
export interface ProcessPeak {
  pid: number;
  /** What it is (`nameProcess`). */
  name: string;
  peakRssBytes: number;
  /** When its peak was sampled, ms after the start. */
  atMs: number;
}

/** The tree's highest sampled RSS and the processes it was made of (largest first). */
export interface TreePeak {
  rssBytes: number;
  atMs: number;
  processes: { pid: number; name: string; rssBytes: number }[];
}

const SCRIPTS: [RegExp, string][] = [
  [/(?:^|\/)scripts\/build(?:-run)?\.ts$/, 'build'],
  [/(?:^|\/)scripts\/build-pages\.ts$/, 'page process'],
  [/(?:^|\/)scripts\/build-county-steps\.ts$/, 'county steps'],
  [/(?:^|\/)check\/village-worker\.ts$/, 'check process'],
  [/(?:^|\/)posters\/[^/]*worker[^/]*\.ts$/, 'poster worker'],
];

/** The file name at the end of a path. */
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * What a process of the build is, from its command line: `build`, `check process`, `page process`, `county steps`, `poster worker`,
 * `Pagefind` (its binary, started by the search index's threads), another Node script by its file name (`node gen.ts`), or
 * else its program's name (`cp`, `sh`).
 */
export function nameProcess(argv: readonly string[]): string {
  for (const arg of argv) for (const [pattern, name] of SCRIPTS) if (pattern.test(arg)) return name;
  if (argv.some((arg) => /pagefind/i.test(baseName(arg)))) return 'Pagefind';
  if (argv.length === 0) return 'unknown';
  const program = baseName(argv[0]!);
  const script = program.startsWith('node') ? argv.slice(1).find((a) => !a.startsWith('-')) : undefined;
  return script ? `node ${baseName(script)}` : program;
}

/** Follows the peaks of a tree's processes over a run, one `add` per sample. */
export class ProcessPeaks {
  readonly #peaks = new Map<number, ProcessPeak>();
  #tree: TreePeak = { rssBytes: 0, atMs: 0, processes: [] };

  /**
   * One sample of the tree, taken `atMs` after the start; returns the tree's RSS. A child started from a process of the
   * tree shows its parent's command line (or none) and resident pages (shared, not copies) until it runs its own
   * program: it counts nothing until then, or a Pagefind process started by a 1 GB build would add up to 1 GB for a
   * moment (0.42 GB was seen at 300 villages).
   */
  add(atMs: number, sample: readonly ProcessSample[]): number {
    let sum = 0;
    const argvOf = new Map(sample.map((p) => [p.pid, p.argv.join('\0')]));
    // While it starts its program its command line reads empty for a moment, its pages still its parent's.
    const forked = (p: ProcessSample) => p.argv.length === 0 || argvOf.get(p.ppid) === p.argv.join('\0');
    const named = sample.map((p) => ({ pid: p.pid, name: nameProcess(p.argv), rssBytes: forked(p) ? 0 : p.rssBytes }));
    for (const p of named) {
      sum += p.rssBytes;
      const known = this.#peaks.get(p.pid);
      // A process is named as it was at its peak (a forked child shows its parent's command line until it execs).
      if (!known || p.rssBytes > known.peakRssBytes) this.#peaks.set(p.pid, { pid: p.pid, name: p.name, peakRssBytes: p.rssBytes, atMs });
    }
    if (sum > this.#tree.rssBytes) this.#tree = { rssBytes: sum, atMs, processes: named.filter((p) => p.rssBytes > 0).sort((a, b) => b.rssBytes - a.rssBytes) };
    return sum;
  }

  /** Every process seen, largest peak first (pid breaks ties). */
  processes(): ProcessPeak[] {
    return [...this.#peaks.values()].filter((p) => p.peakRssBytes > 0).sort((a, b) => b.peakRssBytes - a.peakRssBytes || a.pid - b.pid);
  }

  tree(): TreePeak {
    return this.#tree;
  }
}

/** Per name: the highest peak of a process of that name and how many such processes there were, largest first. */
export function peaksByName(peaks: readonly ProcessPeak[]): { name: string; peakRssBytes: number; count: number }[] {
  const out = new Map<string, { name: string; peakRssBytes: number; count: number }>();
  for (const p of peaks) {
    const x = out.get(p.name) ?? { name: p.name, peakRssBytes: 0, count: 0 };
    x.peakRssBytes = Math.max(x.peakRssBytes, p.peakRssBytes);
    x.count += 1;
    out.set(p.name, x);
  }
  return [...out.values()].sort((a, b) => b.peakRssBytes - a.peakRssBytes || (a.name < b.name ? -1 : 1));
}

/** The tree's peak as one line: "2,020 MB at 212.3 s = build 900 + Pagefind 600 + Pagefind 520" (MB, largest first). */
export function formatTreePeak(peak: TreePeak): string {
  const mb = (b: number) => Math.round(b / 1e6).toLocaleString('en-US');
  const parts = peak.processes.filter((p) => p.rssBytes >= 10e6).map((p) => `${p.name} ${mb(p.rssBytes)}`);
  const small = peak.processes.filter((p) => p.rssBytes < 10e6);
  if (small.length) parts.push(`${small.length} other ${mb(small.reduce((s, p) => s + p.rssBytes, 0))}`);
  return `${mb(peak.rssBytes)} MB at ${(peak.atMs / 1000).toFixed(1)} s = ${parts.join(' + ')}`;
}

/** Per-name peaks as one line: "page process 1,460 · build 880 · Pagefind 610 ×2" (MB). */
export function formatProcessPeaks(peaks: readonly { name: string; peakRssBytes: number; count: number }[]): string {
  return peaks
    .filter((p) => p.peakRssBytes >= 10e6)
    .map((p) => `${p.name} ${Math.round(p.peakRssBytes / 1e6).toLocaleString('en-US')}${p.count > 1 ? ` ×${p.count}` : ''}`)
    .join(' · ');
}
