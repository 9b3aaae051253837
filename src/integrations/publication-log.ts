/**
 * The publication log in the build (issue 15 part B). Leaves come from the record facts the posters
 * print: one leaf per published record version, its digest the SHA-256 of the record's canonical
 * content (getRecordContent in src/posters/doc.ts: the very value the 核对码 is cut from). A
 * version is "published" once it has a publication date; a meeting whose resolutions are not yet
 * posted is not logged.
 *
 * `planPublicationLog` runs before rendering (scripts/build.ts): it refuses a changed record without
 * a new version before anything is written, and gives every record page its index. `logStep`, the
 * last post-build step, appends the new leaves to `<root>/log/entries.jsonl` and publishes checkpoint,
 * tiles, proofs and each record's canonical content (`log/content/<index>.json`, except posters that
 * carry personal data, which are never published) into the staging folder.
 */
import { join } from 'node:path';
import type { LogPlan } from '../build/context.ts';
import type { BuildStep } from '../build/steps.ts';
import type { County } from '../check/model.ts';
import { canonicalJson, hashValue } from '../lib/fingerprint.ts';
import { getLogOrigin } from '../lib/tlog/checkpoint.ts';
import type { SignerKey } from '../lib/tlog/note.ts';
import { toHex } from '../lib/tlog/bytes.ts';
import { buildMerkleTree, hashLeaf } from '../lib/tlog/merkle.ts';
import { encodeLeafText, getLeafKey, getRecordKey } from '../log-store/leaf.ts';
import { getContentPath } from '../log-store/published-records.ts';
import { appendLeaves, planAppend, publishLog } from '../log-store/store.ts';
import { buildPosterDocs } from '../posters/documents.ts';
import { getRecordContent, type PosterDoc } from '../posters/doc.ts';
import { getRecordTypeOfFolder } from '../records/registry.ts';
import type { LogLeaf } from '../schemas/log-leaf.ts';

/** The log folder of a county: `<root>/log`, beside content/, kept in git. */
export function getLogDir(root: string): string {
  return join(root, 'log');
}

export interface LoggedRecord {
  leaf: LogLeaf;
  doc: PosterDoc;
}

/** One leaf per published record version, in the posters' fixed order (village, kind, id). */
export function buildLogLeaves(county: County): LoggedRecord[] {
  const docs = buildPosterDocs(county);
  const byPoster = new Map(docs.map((d) => [`${d.village.id}/${d.id}`, d]));
  const out: LoggedRecord[] = [];
  for (const doc of docs) {
    if (!doc.publishedAt) continue;
    const kind = getRecordTypeOfFolder(doc.record.folder)!;
    const corrected = doc.corrects ? byPoster.get(`${doc.village.id}/${doc.corrects.posterId}`) : undefined;
    const leaf: LogLeaf = {
      county: county.site.county,
      village: doc.village.id,
      kind,
      id: doc.record.id,
      version: doc.version,
      publishedAt: doc.publishedAt,
      digest: hashValue(getRecordContent(doc)),
      ...(corrected ? { supersedes: corrected.record.id } : {}),
    };
    out.push({ leaf, doc });
  }
  return out;
}

/**
 * Plans this build's append before anything is rendered or written. Throws LogRefusal (with the
 * file, record and fix) when a logged record version changed.
 */
export function planPublicationLog(root: string, county: County, signer: SignerKey | undefined): LogPlan {
  const logged = buildLogLeaves(county);
  const plan = planAppend(
    getLogDir(root),
    logged.map((r) => r.leaf),
  );
  const tree = buildMerkleTree(plan.entries.map(hashLeaf));
  const records: LogPlan['records'] = {};
  for (const { leaf, doc } of logged) {
    const index = plan.indexes.get(getLeafKey(leaf))!;
    records[getRecordKey(leaf)] = { index, leaf: encodeLeafText(leaf), root: toHex(tree.getRoot(index + 1)).slice(0, 8), content: !doc.personal };
  }
  return {
    ...(signer ? { signer } : {}),
    size: plan.size,
    appended: plan.appended.length,
    appendedVillages: [...new Set(plan.appended.map((l) => l.village))],
    records,
  };
}

export const logStep: BuildStep = {
  name: 'publication-log',
  async run(ctx) {
    const plan = ctx.publicationLog;
    if (!plan) return;
    const logDir = getLogDir(ctx.root);
    const logged = buildLogLeaves(ctx.county);
    const appended = appendLeaves(
      logDir,
      logged.map((r) => r.leaf),
    );
    const content = new Map<string, string>();
    for (const { leaf, doc } of logged) {
      if (doc.personal) continue;
      const index = plan.records[getRecordKey(leaf)]?.index;
      if (index !== undefined) content.set(getContentPath(index), canonicalJson(getRecordContent(doc)));
    }
    const result = await publishLog({
      logDir,
      outDir: join(ctx.outDir, 'log'),
      origin: getLogOrigin(ctx.county.site.baseUrl),
      ...(plan.signer ? { signer: plan.signer } : {}),
      extraFiles: content,
    });
    ctx.log(`  ${result.message}；本次新增 ${appended.appended.length} 条 / ${appended.appended.length} appended`);
  },
};
