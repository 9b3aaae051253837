/**
 * A worker thread of the search index step (search-index.ts startIndexing): loads jieba once, then indexes the
 * bundles the build sends it, one at a time, each with its own Pagefind process (Pagefind's Node API keeps one
 * process per thread, so two threads index two bundles at once).
 */
import { parentPort } from 'node:worker_threads';
import { loadJieba } from '../lib/search-lexicon.ts';
import { indexBundle, type BundleJob, type BundleWorkerMessage } from './search-index.ts';

const port = parentPort!;
const jieba = await loadJieba();
const send = (msg: BundleWorkerMessage) => port.postMessage(msg);
port.on('message', (job: BundleJob) => {
  indexBundle(job, jieba).then(
    (result) => send({ ok: true, result }),
    (error: unknown) => send({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
send({ ready: true });
