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
 * and the build says so. Only the records of villages whose files changed are hashed: the others'
 * leaves are the last build's (LeafCache). An edit of a masked character of a private name alone is
 * refused too (log/masked-names.jsonl, src/log-store/masked-names.ts). `logStep`, the last post-build
 * step, appends the planned lines to `<root>/log/entries.jsonl` and publishes checkpoint, tiles, proofs
 * and each record's canonical content (`log/content/<index>.json`, except 公示 naming private persons)
 * into the staging folder, writing only the files the carried-over log lacks (publishLog).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogPlan } from '../build/context.ts';
import type { BuildStep } from '../build/steps.ts';
import { readCacheJson, writeCacheFile } from '../check/cache-file.ts';
import type { County } from '../check/model.ts';
import { makeLineOf } from '../check/source-lines.ts';
import { formatFingerprint } from '../lib/fingerprint.ts';
import { getLogOrigin } from '../lib/tlog/checkpoint.ts';
import type { SignerKey } from '../lib/tlog/note.ts';
import { toHex } from '../lib/tlog/bytes.ts';
import { buildMerkleTree, hashLeaf } from '../lib/tlog/merkle.ts';
import { encodeLeafText, getLeafKey, getRecordKey } from '../log-store/leaf.ts';
import { getContentPath } from '../log-store/published-records.ts';
import { appendMaskedNames, formatMaskedNamesLine, hashMaskedNames, readMaskedNames } from '../log-store/masked-names.ts';
import { appendPlanned, type DescribeChange, LogRefusal, planAppend, publishLog } from '../log-store/store.ts';
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

function toLeaf(county: County, record: PublishedVersion): LogLeaf {
  return {
    county: county.site.county,
    village: record.village,
    kind: record.kind,
    id: record.id,
    version: record.version,
    publishedAt: record.publishedAt,
    digest: record.digest,
    scheme: CONTENT_SCHEME,
    ...(record.supersedes ? { supersedes: record.supersedes } : {}),
  };
}

/**
 * One leaf per published record version, in the posters' fixed order (village, kind, id).
 * `keepText`: keep each published content's canonical JSON (the log step writes it).
 */
export function buildLogLeaves(county: County, keepText = false, villages?: ReadonlySet<string>): LoggedRecord[] {
  return listPublishedVersions(county, keepText, villages).map((record) => ({ leaf: toLeaf(county, record), record }));
}

/**
 * The last build's leaves, kept between builds (unpublished, under .gongkai-build/) so that the
 * plan hashes only the records of villages whose files changed.
 */
export interface LeafCache {
  file: string;
  /** What every village's leaves depend on besides its own files: site.yaml and the code. */
  scope: string;
  /** Each village's content digest now (src/check/digest.ts). */
  villages: Readonly<Record<string, string>>;
}

/** A record version as the plan needs it: reused from the leaf cache (no `record`) or made this build. */
interface PlannedRecord {
  leaf: LogLeaf;
  file: string;
  personal: boolean;
  /** Salted digests of the names its content masks, by field path. */
  names?: Record<string, string>;
  record?: PublishedVersion;
}

interface CacheFile {
  scope: string;
  villages: Record<string, { digest: string; records: Omit<PlannedRecord, 'record'>[] }>;
}

/** Whether a leaf cache's body has the shape this code writes (its bytes are checked by src/check/cache-file.ts). */
function isCacheFile(value: unknown): value is CacheFile {
  const file = value as Partial<CacheFile> | null;
  return (
    typeof file?.scope === 'string' &&
    typeof file.villages === 'object' &&
    file.villages !== null &&
    Object.values(file.villages).every((v) => typeof v?.digest === 'string' && Array.isArray(v.records))
  );
}

/** Every published record version, the unchanged villages' from the leaf cache (which is then updated). */
function planRecords(county: County, salt: string, cache: LeafCache | undefined): PlannedRecord[] {
  const scope = cache ? `${cache.scope}\0${salt}` : '';
  // A self-checking cache file: leaves cut short or altered are made again, never logged as they are.
  const spec = { kind: 'log-leaves', version: 1, key: scope };
  let stored = cache ? readCacheJson(cache.file, spec, isCacheFile) : undefined;
  if (stored?.scope !== scope) stored = undefined;
  const reused = (id: string) => (cache && stored?.villages[id]?.digest === cache.villages[id] ? stored?.villages[id] : undefined);
  const fresh = new Set(county.villages.filter((v) => !reused(v.id)).map((v) => v.id));
  const made = new Map<string, PlannedRecord[]>();
  for (const { leaf, record } of buildLogLeaves(county, false, fresh)) {
    const names = record.maskedNames ? hashMaskedNames(salt, record.maskedNames) : undefined;
    const list = made.get(leaf.village) ?? [];
    list.push({ leaf, file: record.file, personal: record.personal, ...(names ? { names } : {}), record });
    made.set(leaf.village, list);
  }
  const out = county.villages.flatMap((v) => made.get(v.id) ?? (fresh.has(v.id) ? [] : reused(v.id)!.records));
  if (cache && fresh.size > 0) {
    const next: CacheFile = { scope, villages: {} };
    for (const v of county.villages) {
      const digest = cache.villages[v.id];
      if (digest !== undefined)
        next.villages[v.id] = { digest, records: fresh.has(v.id) ? (made.get(v.id) ?? []).map(({ record: _r, ...rest }) => rest) : reused(v.id)!.records };
    }
    writeCacheFile(cache.file, spec, JSON.stringify(next));
  }
  return out;
}

/**
 * Names the file, line and field of a refused change: the record's data is compared with the content
 * published for its logged entry in the last build (`<lastOut>/log/content/<index>.json`).
 */
function describeChangeIn(root: string, lastOut: string | undefined, logged: readonly PlannedRecord[]): DescribeChange {
  return (before, index, now) => {
    const planned = logged.find((r) => r.leaf === now);
    if (!planned) return null;
    const record = planned.record;
    const last = lastOut ? join(lastOut, 'log', getContentPath(index)) : undefined;
    let old: Partial<RecordContent> | undefined;
    try {
      old = last && existsSync(last) ? (JSON.parse(readFileSync(last, 'utf8')) as Partial<RecordContent>) : undefined;
    } catch {
      old = undefined;
    }
    // Only the same record version's content tells which field changed (not another log's dist/).
    const same = record && old && old.village === record.village && old.kind === record.kind && old.id === record.id && old.version === record.version;
    const fields = same ? listChangedFields(old, record.content) : [];
    if (!record || fields.length === 0)
      return {
        zh: `${planned.file}: 这份记录的内容与公开日志登记的第 ${before.version} 版不同（找不到上次发布的内容，无法指出是哪个字段，请用 git diff 查看改动）。`,
        en: `${planned.file}: this record's content differs from version ${before.version} as logged (the last published content is not at hand to name the field; see git diff).`,
      };
    const file = join(root, record.file);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const first = fields[0]!;
    let line: number | undefined;
    if (first !== 'body') line = lineOfField(text, record.file, first);
    else if (typeof old?.body === 'string' && text.includes(record.content.body)) {
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

/** The line of a field path (`subjects[2].name`) in a record's file, when it can be found. */
function lineOfField(text: string, file: string, field: string): number | undefined {
  const path = field
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return makeLineOf(text, file.endsWith('.yaml') ? 'yaml' : 'md')(path);
}

/**
 * The refusal of an edit that changed only masked characters of private names (张三明 → 张山明: the
 * published content, and so the leaf, is the same): file, line, fields and the fix, in both languages.
 */
function refuseMaskedEdit(root: string, planned: PlannedRecord, fields: string[], logged: LogLeaf): LogRefusal {
  const text = existsSync(join(root, planned.file)) ? readFileSync(join(root, planned.file), 'utf8') : '';
  const line = lineOfField(text, planned.file, fields[0]!);
  const where = `${planned.file}${line ? `:${line}` : ''}`;
  const key = getLeafKey(planned.leaf);
  return new LogRefusal(
    `${where}: 字段 ${fields.join('、')} 中的姓名与公开日志登记的第 ${logged.version} 版不同。网上显示的是遮挡后的姓名（张*明），被遮挡的字改了也看不出来，但已发布的内容同样不能悄悄修改：请撤回这处改动；确实写错了，请发布一份更正（新的记录，supersedes 指向 ${planned.leaf.id}，写明更正原因），法律要求的公示需重新公示。\n` +
      `${where}: the name in field ${fields.join(', ')} differs from version ${logged.version} as logged (${key}). The web shows names masked (张*明), so a change of a masked character is not visible, but published content still cannot be changed quietly: undo the edit, or publish a correction (a new record with supersedes: ${planned.leaf.id} and a reason); a 公示 the law requires must then be posted again.`,
  );
}

/**
 * Plans this build's append before anything is rendered or written. Throws LogRefusal (with the
 * file, field, record and fix) when a logged record version changed, including when only a masked
 * character of a private name changed (log/masked-names.jsonl). `lastOut`: the last build's output
 * folder, whose published content names the field that changed. `cache`: reuse the last build's
 * leaves of villages whose files did not change (only the others' records are hashed again).
 */
export function planPublicationLog(root: string, county: County, signer: SignerKey | undefined, lastOut?: string, cache?: LeafCache): LogPlan {
  const logDir = getLogDir(root);
  const masked = readMaskedNames(logDir);
  const logged = planRecords(county, masked.salt, cache);
  const plan = planAppend(
    logDir,
    logged.map((r) => r.leaf),
    describeChangeIn(root, lastOut, logged),
  );
  const maskedLines: string[] = [];
  for (const r of logged) {
    if (!r.names) continue;
    const key = getLeafKey(r.leaf);
    const before = masked.byKey.get(key);
    if (!before) {
      maskedLines.push(formatMaskedNamesLine(key, r.names));
      continue;
    }
    const changed = Object.keys(r.names).filter((path) => before[path] !== undefined && before[path] !== r.names![path]);
    if (changed.length > 0) throw refuseMaskedEdit(root, r, changed, r.leaf);
  }
  const tree = buildMerkleTree(plan.entries.map(hashLeaf));
  const records: LogPlan['records'] = {};
  for (const { leaf, personal } of logged) {
    const index = plan.indexes.get(getLeafKey(leaf))!;
    const earlier = plan.earlier.get(getLeafKey(leaf));
    records[getRecordKey(leaf)] = {
      index,
      leaf: encodeLeafText(leaf),
      root: toHex(tree.getRoot(index + 1)).slice(0, 8),
      content: !personal,
      ...(earlier ? { earlier: { index: earlier.index, fingerprint: formatFingerprint(earlier.leaf.digest) } } : {}),
    };
  }
  return {
    ...(signer ? { signer } : {}),
    size: plan.size,
    appended: plan.appended.length,
    appendedVillages: [...new Set(plan.appended.map((l) => l.village))],
    records,
    lines: plan.lines,
    logBytes: plan.bytes,
    logSha256: plan.sha256,
    maskedNames: { salt: masked.salt, lines: maskedLines },
    relogged: plan.relogged.length,
  };
}

export const logStep: BuildStep = {
  name: 'publication-log',
  async run(ctx) {
    const plan = ctx.publicationLog;
    if (!plan) return;
    const logDir = getLogDir(ctx.root);
    appendPlanned(logDir, { lines: plan.lines, bytes: plan.logBytes });
    appendMaskedNames(logDir, plan.maskedNames.salt, plan.maskedNames.lines);
    // Content files are made only for the paths the published log lacks (a village's records at a time).
    const texts = new Map<string, Map<string, string>>();
    const textOf = (village: string, key: string) => () => {
      if (!texts.has(village))
        texts.set(
          village,
          new Map(
            buildLogLeaves(ctx.county, true, new Set([village])).map(({ leaf, record }) => [getRecordKey(leaf), record.text ?? formatContent(record.content)]),
          ),
        );
      return texts.get(village)!.get(key)!;
    };
    const content = new Map<string, () => string>();
    for (const [key, record] of Object.entries(plan.records)) if (record.content) content.set(getContentPath(record.index), textOf(key.split('/')[0]!, key));
    const result = await publishLog({
      logDir,
      outDir: join(ctx.outDir, 'log'),
      origin: getLogOrigin(ctx.county.site.baseUrl),
      ...(plan.signer ? { signer: plan.signer } : {}),
      extraFiles: content,
      extraDirs: ['content'],
      // The log as the plan read and checked it, with the lines just appended: not decoded again.
      checked: { bytes: plan.logBytes, sha256: plan.logSha256, lines: plan.lines },
    });
    ctx.log(`  ${result.message}；本次新增 ${plan.appended} 条，写入 ${result.written} 个文件 / ${plan.appended} appended, ${result.written} files written`);
    if (plan.relogged > 0)
      ctx.log(
        `  其中 ${plan.relogged} 条是按新的摘要方案（记录本身的数据，方案 2）重新登记的已发布版本，旧条目保留；此后只有记录数据变了才需要新版本（docs/transparency-log.md） / ${plan.relogged} of them re-log published versions under digest scheme 2 (the record's own data); the old entries stay`,
      );
  },
};
