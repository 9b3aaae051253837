/**
 * A poster worker process: loads the fonts once, then renders the jobs the build sends it, one at
 * a time. A separate process, not a thread, so that a crash in the native PNG renderer (resvg can
 * abort the process) takes down one worker with a clear message instead of the whole build.
 */
import { runPosterJob, type PosterJob } from './job.ts';

process.on('message', (msg: { job: PosterJob } | { exit: true }) => {
  if ('exit' in msg) {
    process.disconnect?.();
    return;
  }
  runPosterJob(msg.job).then(
    (result) => process.send!({ ok: true, result }),
    (error: unknown) => process.send!({ ok: false, key: msg.job.key, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.send!({ ready: true });
