/**
 * Runs a command and samples the resident memory of its whole process tree (Astro and Pagefind
 * start children and workers) from /proc every `intervalMs`, so peak memory is the tree's, not
 * just the parent's.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { ProcessPeaks, type ProcessPeak, type ProcessSample, type TreePeak } from './process-peaks.ts';

const PAGE = 4096;

/** pid → parent pid for every process we can see. */
function parentMap(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid … — comm may contain spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), Number(rest[1]));
    } catch {
      // the process ended between readdir and read
    }
  }
  return out;
}

function rssBytes(pid: number): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * PAGE;
  } catch {
    return 0;
  }
}

/** A process's command line, split at NUL; empty when it has ended (or is a kernel thread). */
function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** CPU time (user + system) a process has used so far, in clock ticks (USER_HZ). */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return 0;
  }
}

/** Sum of RSS over `root` and all its descendants, how many processes that was, their pids and each one's parent and RSS. */
export function treeRss(root: number): { bytes: number; processes: number; pids: Set<number>; each: Map<number, { ppid: number; rssBytes: number }> } {
  const parents = parentMap();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  const each = new Map<number, { ppid: number; rssBytes: number }>();
  let bytes = 0;
  for (const pid of tree) {
    const rss = rssBytes(pid);
    each.set(pid, { ppid: parents.get(pid) ?? 0, rssBytes: rss });
    bytes += rss;
  }
  return { bytes, processes: tree.size, pids: tree, each };
}

export interface RunResult {
  code: number | null;
  wallMs: number;
  /** Highest sampled RSS of the process tree. */
  peakRssBytes: number;
  /** Most processes seen in the tree at once. */
  peakProcesses: number;
  /** Each process's own peak RSS and what it is (bench/lib/process-peaks.ts), largest first. */
  processPeaks: ProcessPeak[];
  /** The sample with the tree's peak RSS: which processes made it up. */
  treePeak: TreePeak;
  /** Mean 1-minute load average while it ran (the machine is shared: > nproc means contention). */
  meanLoad: number;
  /** User and system CPU of the whole tree (the kernel's cumulative times of reaped children). */
  cpu: { userMs: number; systemMs: number };
  /**
   * User + system CPU of every process seen in the tree, as last sampled (misses at most one sampling
   * interval per process). Unlike `cpu`, right when several commands run at once.
   */
  sampledCpuMs: number;
  stdout: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Also write everything the command prints to this file. */
  logFile?: string;
  intervalMs?: number;
  /** Echo output lines that match (progress on the console). */
  echo?: RegExp;
  /** Called with every sample of the tree (a timeline of who holds the memory). */
  onSample?: (atMs: number, processes: readonly ProcessSample[]) => void;
}

/** Runs `command args` to completion, sampling tree RSS. Never throws on a non-zero exit. */
export function runSampled(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const before = childrenCpuMs();
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = options.logFile ? createWriteStream(options.logFile) : undefined;
    const chunks: string[] = [];
    let pending = '';
    const onData = (buf: Buffer) => {
      const text = buf.toString('utf8');
      chunks.push(text);
      log?.write(text);
      if (options.echo) {
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) if (options.echo.test(line)) console.log(`    │ ${line}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let peakRssBytes = 0;
    let peakProcesses = 0;
    const ticks = new Map<number, number>();
    const peaks = new ProcessPeaks();
    const loads: number[] = [];
    const sample = () => {
      if (child.pid === undefined) return;
      loads.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
      const { processes, pids, each } = treeRss(child.pid);
      for (const pid of pids) ticks.set(pid, Math.max(ticks.get(pid) ?? 0, cpuTicks(pid)));
      const atMs = Math.round(performance.now() - started);
      const sampled = [...each].map(([pid, p]) => ({ pid, ppid: p.ppid, argv: commandLine(pid), rssBytes: p.rssBytes }));
      // The tree's RSS without children that have not started their own program yet (bench/lib/process-peaks.ts).
      peakRssBytes = Math.max(peakRssBytes, peaks.add(atMs, sampled));
      options.onSample?.(atMs, sampled);
      peakProcesses = Math.max(peakProcesses, processes);
    };
    const timer = setInterval(sample, options.intervalMs ?? 250);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      log?.end();
      const after = childrenCpuMs();
      resolve({
        code,
        wallMs: performance.now() - started,
        peakRssBytes,
        peakProcesses,
        processPeaks: peaks.processes(),
        treePeak: peaks.tree(),
        meanLoad: loads.length ? Math.round((loads.reduce((a, b) => a + b, 0) / loads.length) * 100) / 100 : Number.NaN,
        cpu: { userMs: after.userMs - before.userMs, systemMs: after.systemMs - before.systemMs },
        sampledCpuMs: ([...ticks.values()].reduce((a, b) => a + b, 0) * 1000) / 100,
        stdout: chunks.join(''),
      });
    });
  });
}

/** CPU time of finished children of this process (user, system) in ms, from /proc/self/stat cutime/cstime. */
function childrenCpuMs(): { userMs: number; systemMs: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const tick = 100; // USER_HZ on Linux
  return { userMs: (Number(rest[13]) * 1000) / tick, systemMs: (Number(rest[14]) * 1000) / tick };
}
