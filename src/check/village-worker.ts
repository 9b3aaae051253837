/**
 * A worker thread of the parallel check (load-workers.ts): checks each village folder it is sent and
 * sends its result back. Started by Node itself (never bundled); it reads only content/ files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PROFILES } from '../law/profiles.ts';
import { checkVillageFiles, type VillageScope } from './load.ts';

const { root, scope } = workerData as { root: string; scope: VillageScope | undefined };
// The profile is the law table's own object, as on the main thread (not a copy).
if (scope) scope.county.profile = PROFILES[scope.county.site.profile] ?? scope.county.profile;
const port = parentPort!;
port.on('message', (id: string) => port.postMessage(checkVillageFiles(root, id, scope)));
