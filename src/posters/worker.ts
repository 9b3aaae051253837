/**
 * A poster worker process: loads the fonts once, then renders the jobs the build sends it (each
 * serialised with node:v8, pool.ts), one at a time. A separate process, not a thread, so that a
 * crash in the native PNG renderer (resvg can abort the process) takes down one worker with a
 * clear message instead of the whole build, and so that its memory can be capped and given back.
 */
import { deserialize } from 'node:v8';
import { runPosterJob, type PosterJob } from './job.ts';

process.on('message', (msg: { job: Uint8Array } | { exit: true }) => {
  if ('exit' in msg) {
    process.disconnect?.();
    return;
  }
  const job = deserialize(msg.job) as PosterJob;
  // The build may have stopped (another poster failed) while this one rendered: then there is no one to tell.
  const reply = (m: object) => (process.connected ? process.send!(m) : undefined);
  runPosterJob(job).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) => reply({ ok: false, key: job.key, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
