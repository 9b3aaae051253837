/**
 * src/build/handover.ts: the build context reaches the worker threads started after it was handed
 * over only when the build renders its pages on worker threads (`--workers`); other worker threads
 * (the search step's) do not each get a copy of the county.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import { getBuildContext, provideBuildContext } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import { getVillage } from '../../src/data/county.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const HANDOVER = pathToFileURL(`${ROOT}/src/build/handover.ts`).href;

/** What a worker thread started now finds through handover.ts: the county's root folder, or null. */
function rootSeenByNewWorker(): Promise<string | null> {
  const code = `const { parentPort } = require('node:worker_threads');
import(${JSON.stringify(HANDOVER)}).then((m) => parentPort.postMessage(m.getBuildContext()?.root ?? null));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (root: string | null) => {
      resolve(root);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const context = (root: string) => ({ root, project: ROOT, asOf: '2026-01-20' }) as unknown as BuildContext;

describe('handing the build context over', () => {
  it('gives this thread the context, and no copy of the county to worker threads started afterwards', async () => {
    provideBuildContext(context('/county-one'));
    expect(getBuildContext()?.root).toBe('/county-one');
    expect(await rootSeenByNewWorker()).toBeNull();
  });

  it('gives the page workers of a build on worker threads their copy of the context', async () => {
    provideBuildContext(context('/county-two'), true);
    expect(await rootSeenByNewWorker()).toBe('/county-two');
  });

  it('gives the pages the villages of the county handed over, not those of a county handed over before in the same process', () => {
    const first = loadCounty(ROOT, { env: {} }).county!;
    const second = loadCounty(ROOT, { env: {} }).county!;
    const id = first.villages[0]!.id;
    provideBuildContext({ ...context('/county-three'), county: first });
    expect(getVillage(id)).toBe(first.villages[0]);
    provideBuildContext({ ...context('/county-four'), county: second });
    expect(getVillage(id)).toBe(second.villages.find((v) => v.id === id));
    expect(() => getVillage('no-such-village')).toThrow('unknown village no-such-village');
  });
});
