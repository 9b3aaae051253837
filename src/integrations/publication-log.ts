/**
 * The publication log in the build. Leaves come from the record facts (src/records/content.ts):
 * one leaf per published record version, its digest the SHA-256 of the record's canonical content —
 * its own data as published, the very value every 核对码 is cut from — under digest scheme 2. Poster
 * wording, layout and site settings are not in it, so changing them never refuses a build. A version
 * is "published" once it has a publication date; a meeting whose resolutions are not yet posted is
 * not logged.
 *
 * `planPublicationLog` runs before rendering (scripts/build.ts): it refuses a changed record without
 * a new version before anything is written (naming the record's file and the field that changed, when
 * the last published content is at hand), and gives every record page its index. A record version
 * logged only under scheme 1 (the poster document, before 2026-12) is logged once more under scheme 2,
 * and the build says so. `logStep`, the last post-build step, appends the new leaves to
 * `<root>/log/entries.jsonl` and publishes checkpoint, tiles, proofs and each record's canonical
 * content (`log/content/<index>.json`, except 公示 naming private persons) into the staging folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogPlan } from '../build/context.ts';
import type { BuildStep } from '../build/steps.ts';
import type { County } from '../check/model.ts';
import { makeLineOf } from '../check/source-lines.ts';
import { formatFingerprint } from '../lib/fingerprint.ts';
import { getLogOrigin } from '../lib/tlog/checkpoint.ts';
import type { SignerKey } from '../lib/tlog/note.ts';
import { toHex } from '../lib/tlog/bytes.ts';
import { buildMerkleTree, hashLeaf } from '../lib/tlog/merkle.ts';
import { encodeLeafText, getLeafKey, getRecordKey } from '../log-store/leaf.ts';
import { getContentPath } from '../log-store/published-records.ts';
import { appendLeaves, type DescribeChange, planAppend, publishLog } from '../log-store/store.ts';
import { CONTENT_SCHEME, formatContent, listChangedFields, listPublishedVersions, type PublishedVersion, type RecordContent } from '../records/content.ts';
import type { LogLeaf } from '../schemas/log-leaf.ts';

/** The log folder of a county: `<root>/log`, beside content/, kept in git. */
export function getLogDir(root: string): string {
  return join(root, 'log');
}

export interface LoggedRecord {
  leaf: LogLeaf;
  /** The record version's facts: canonical content, 核对码, file. */
  record: PublishedVersion;
}

/**
 * One leaf per published record version, in the posters' fixed order (village, kind, id).
 * `keepText`: keep each published content's canonical JSON (the log step writes it).
 */
export function buildLogLeaves(county: County, keepText = false): LoggedRecord[] {
  return listPublishedVersions(county, keepText).map((record) => ({
    leaf: {
      county: county.site.county,
      village: record.village,
      kind: record.kind,
      id: record.id,
      version: record.version,
      publishedAt: record.publishedAt,
      digest: record.digest,
      scheme: CONTENT_SCHEME,
      ...(record.supersedes ? { supersedes: record.supersedes } : {}),
    },
    record,
  }));
}

/**
 * Names the file, line and field of a refused change: the record's data is compared with the content
 * published for its logged entry in the last build (`<lastOut>/log/content/<index>.json`).
 */
function describeChangeIn(root: string, lastOut: string | undefined, logged: readonly LoggedRecord[]): DescribeChange {
  return (before, index, now) => {
    const record = logged.find((r) => r.leaf === now)?.record;
    if (!record) return null;
    const last = lastOut ? join(lastOut, 'log', getContentPath(index)) : undefined;
    let old: Partial<RecordContent> | undefined;
    try {
      old = last && existsSync(last) ? (JSON.parse(readFileSync(last, 'utf8')) as Partial<RecordContent>) : undefined;
    } catch {
      old = undefined;
    }
    // Only the same record version's content tells which field changed (not another log's dist/).
    const same = old && old.village === record.village && old.kind === record.kind && old.id === record.id && old.version === record.version;
    const fields = same ? listChangedFields(old, record.content) : [];
    if (fields.length === 0)
      return {
        zh: `${record.file}: 这份记录的内容与公开日志登记的第 ${before.version} 版不同（找不到上次发布的内容，无法指出是哪个字段，请用 git diff 查看改动）。`,
        en: `${record.file}: this record's content differs from version ${before.version} as logged (the last published content is not at hand to name the field; see git diff).`,
      };
    const file = join(root, record.file);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const first = fields[0]!;
    let line: number | undefined;
    if (first !== 'body') {
      const path = first
        .split(/[.[\]]/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      line = makeLineOf(text, record.file.endsWith('.yaml') ? 'yaml' : 'md')(path);
    } else if (typeof old?.body === 'string' && text.includes(record.content.body)) {
      // The first line of the body that differs, counted in the file.
      const was = old.body.split('\n');
      const is = record.content.body.split('\n');
      const at = is.findIndex((l, i) => l !== was[i]);
      line = text.slice(0, text.indexOf(record.content.body)).split('\n').length + Math.max(at, 0);
    }
    const where = `${record.file}${line ? `:${line}` : ''}`;
    return {
      zh: `${where}: 字段 ${fields.map((f) => (f === 'body' ? '正文' : f)).join('、')} 与公开日志登记的第 ${before.version} 版不同。`,
      en: `${where}: field ${fields.join(', ')} differs from version ${before.version} as logged.`,
    };
  };
}

/**
 * Plans this build's append before anything is rendered or written. Throws LogRefusal (with the
 * file, field, record and fix) when a logged record version changed. `lastOut`: the last build's
 * output folder, whose published content names the field that changed.
 */
export function planPublicationLog(root: string, county: County, signer: SignerKey | undefined, lastOut?: string): LogPlan {
  const logged = buildLogLeaves(county);
  const plan = planAppend(
    getLogDir(root),
    logged.map((r) => r.leaf),
    describeChangeIn(root, lastOut, logged),
  );
  const tree = buildMerkleTree(plan.entries.map(hashLeaf));
  const records: LogPlan['records'] = {};
  for (const { leaf, record } of logged) {
    const index = plan.indexes.get(getLeafKey(leaf))!;
    const earlier = plan.earlier.get(getLeafKey(leaf));
    records[getRecordKey(leaf)] = {
      index,
      leaf: encodeLeafText(leaf),
      root: toHex(tree.getRoot(index + 1)).slice(0, 8),
      content: !record.personal,
      ...(earlier ? { earlier: { index: earlier.index, fingerprint: formatFingerprint(earlier.leaf.digest) } } : {}),
    };
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
    const logged = buildLogLeaves(ctx.county, true);
    const appended = appendLeaves(
      logDir,
      logged.map((r) => r.leaf),
    );
    const content = new Map<string, string>();
    for (const { leaf, record } of logged) {
      if (record.personal) continue;
      const index = plan.records[getRecordKey(leaf)]?.index;
      if (index !== undefined) content.set(getContentPath(index), record.text ?? formatContent(record.content));
    }
    const result = await publishLog({
      logDir,
      outDir: join(ctx.outDir, 'log'),
      origin: getLogOrigin(ctx.county.site.baseUrl),
      ...(plan.signer ? { signer: plan.signer } : {}),
      extraFiles: content,
    });
    ctx.log(`  ${result.message}；本次新增 ${appended.appended.length} 条 / ${appended.appended.length} appended`);
    if (appended.relogged.length > 0)
      ctx.log(
        `  其中 ${appended.relogged.length} 条是按新的摘要方案（记录本身的数据，方案 2）重新登记的已发布版本，旧条目保留；此后只有记录数据变了才需要新版本（docs/transparency-log.md） / ${appended.relogged.length} of them re-log published versions under digest scheme 2 (the record's own data); the old entries stay`,
      );
  },
};
