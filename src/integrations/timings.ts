/**
 * Stage timings for the benchmark: when GONGKAI_TIMINGS names a file, each stage of a build
 * (content check, Astro build, post-build steps, swap) appends one JSON line to it. Costs nothing
 * when the variable is not set.
 */
import { appendFileSync } from 'node:fs';

/** Appends `{ stage, ms, pid }` to the GONGKAI_TIMINGS file, if any. */
export function recordTiming(stage: string, ms: number, extra: Record<string, unknown> = {}): void {
  const file = process.env['GONGKAI_TIMINGS'];
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ stage, ms: Math.round(ms), pid: process.pid, ...extra })}\n`);
}

/** Runs `fn`, records how long it took under `stage`, and returns its result. */
export function timed<T>(stage: string, fn: () => T): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    recordTiming(stage, performance.now() - started);
  }
}
