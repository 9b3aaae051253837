/**
 * A child process of the parallel check (load-workers.ts): given the county folder and the village scope as its first
 * message, checks each village folder it is sent next and sends its result back (or why the check threw). Started by
 * Node itself (never bundled); it reads only content/ files. A process, not a worker thread: a finished worker thread's
 * heap stays in its parent's memory (nodejs/node#51868), which would hold about 0.2 GB of the build process's memory
 * beside the page process at 300 villages; a process gives all of it back when it exits (docs/benchmarks.md, session 14).
 */
import { PROFILES } from '../law/profiles.ts';
import { checkVillageFiles, type CheckedVillageFiles, type VillageScope } from './load.ts';

/** What the check process is sent: first the county folder and scope, then one village id at a time. */
export type VillageWorkerRequest = { root: string; scope: VillageScope | undefined } | string;
/** What it sends back for each village: its result, or the error its check threw. */
export type VillageWorkerReply = { result: CheckedVillageFiles } | { error: string };

if (process.send) {
  let root = '';
  let scope: VillageScope | undefined;
  process.on('message', (request: VillageWorkerRequest) => {
    if (typeof request !== 'string') {
      ({ root, scope } = request);
      // The profile is the law table's own object, as in the build process (not a copy).
      if (scope) scope.county.profile = PROFILES[scope.county.site.profile] ?? scope.county.profile;
      return;
    }
    let reply: VillageWorkerReply;
    try {
      reply = { result: checkVillageFiles(root, request, scope) };
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send!(reply);
  });
  // Ends when the build closes the channel.
  process.on('disconnect', () => process.exit(0));
}
