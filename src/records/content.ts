/**
 * A record's canonical content, once: its checked data as the public sees it (a private person's
 * name masked as on the web, 张*明), with the record's identity and version. It is the one value the
 * publication log's leaf digest hashes (`log/content/<index>.json` is its canonical JSON) and the
 * one every 核对码 is cut from: poster, record page and print page read `fingerprint` from here and
 * never compute their own. Data only: no poster wording, layout, site setting, law table or build
 * date goes in, so a change in how a record is presented never changes its digest; only a change
 * in the record's own file does (which then needs a new version or a correction).
 */
import type { County, DisclosureRec, LedgerRec, NoticeRec, Rec, VillageRecords, VolunteerRec } from '../check/model.ts';
import { getNoticeType } from '../law/notice-types.ts';
import { canonicalJson, formatFingerprint, hashText } from '../lib/fingerprint.ts';
import { maskName } from '../lib/privacy.ts';
import type { Meeting } from '../schemas/index.ts';
import { getMeetingFacts } from './meeting.ts';
import { getNoticeFacts } from './notice.ts';
import type { RecordTypeName } from './registry.ts';

/**
 * The digest scheme of this content, written into every log leaf (`scheme` in src/schemas/log-leaf.ts).
 * Scheme 1 (leaves without `scheme`, logged before 2026-12) hashed the poster document instead.
 */
export const CONTENT_SCHEME = 2;

/** What a record's digest and 核对码 cover. */
export interface RecordContent {
  /** Village id. */
  village: string;
  kind: RecordTypeName;
  /** Record id (file name without extension). */
  id: string;
  /** 1 for a first publication, one more for each correction in its chain. */
  version: number;
  /** The record's checked data (front matter or YAML) as published: private persons' names masked. */
  data: unknown;
  /** Its Markdown body as written ('' for YAML records). */
  body: string;
}

export interface ContentFacts {
  content: RecordContent;
  /** SHA-256 of the canonical JSON of `content`, lower-case hex: the log leaf's digest. */
  digest: string;
  /** The 核对码: the digest's first 8 hex digits, upper case, as `3F9A-C2D1`. */
  fingerprint: string;
}

/** The version of a disclosure: 1, or one more than the disclosure it corrects. */
export function getDisclosureVersion(d: DisclosureRec, v: Pick<VillageRecords, 'disclosures'>): number {
  let version = 1;
  const seen = new Set([d.id]);
  for (let id = d.data.supersedes; id !== undefined && !seen.has(id);) {
    seen.add(id);
    version += 1;
    id = v.disclosures.find((x) => x.id === id)?.data.supersedes;
  }
  return version;
}

/** Names of private persons masked, as the web shows them. */
function publicLedgerData(x: LedgerRec['data']): LedgerRec['data'] {
  const mask = (items: LedgerRec['data']['receivables']) => items.map((r) => (r.partyKind === '个人' ? { ...r, party: maskName(r.party) } : r));
  return { ...x, receivables: mask(x.receivables), payables: mask(x.payables) };
}

/**
 * A 公示 as published, names of private persons masked. `unpublishAfter` is left out: it is when the
 * web takes the names down (PIPL §47), not what the 公示 says, and may be brought forward at a
 * household's request without a new 公示.
 */
function publicNoticeData(x: NoticeRec['data']): Omit<NoticeRec['data'], 'unpublishAfter'> {
  const { unpublishAfter: _web, ...said } = x;
  if (!getNoticeType(x.type)?.personal) return said;
  return { ...said, subjects: x.subjects.map((s) => (s.name === undefined ? s : { ...s, name: maskName(s.name) })) };
}

/**
 * The full names that the public content masks, by field path (`subjects[2].name`,
 * `receivables[0].party`): the log keeps a salted digest of each (never published), so an edit of a
 * masked character alone is refused like any other change of a logged record.
 */
function listMaskedNames(r: AnyRecord): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.kind === 'ledger')
    for (const side of ['receivables', 'payables'] as const)
      r.rec.data[side].forEach((x, i) => {
        if (x.partyKind === '个人') out[`${side}[${i}].party`] = x.party;
      });
  if (r.kind === 'notice' && getNoticeType(r.rec.data.type)?.personal)
    r.rec.data.subjects.forEach((x, i) => {
      if (x.name !== undefined) out[`subjects[${i}].name`] = x.name;
    });
  return out;
}

type AnyRecord =
  | { kind: 'disclosure'; rec: DisclosureRec }
  | { kind: 'ledger'; rec: LedgerRec }
  | { kind: 'meeting'; rec: Rec<Meeting> }
  | { kind: 'notice'; rec: NoticeRec }
  | { kind: 'volunteer'; rec: VolunteerRec };

function getPublicData(r: AnyRecord): unknown {
  switch (r.kind) {
    case 'ledger':
      return publicLedgerData(r.rec.data);
    case 'notice':
      return publicNoticeData(r.rec.data);
    default:
      return r.rec.data;
  }
}

/** The canonical content of one record, its digest and its 核对码. */
export function getContentFacts(r: AnyRecord, v: VillageRecords): ContentFacts {
  return describeContent(r, v).facts;
}

/** A record's content facts and the canonical JSON they were hashed from (made once: it is the costly part). */
function describeContent(r: AnyRecord, v: VillageRecords): { facts: ContentFacts; text: string } {
  const content: RecordContent = {
    village: v.id,
    kind: r.kind,
    id: r.rec.id,
    version: r.kind === 'disclosure' ? getDisclosureVersion(r.rec, v) : 1,
    data: getPublicData(r),
    body: r.rec.body,
  };
  const text = formatContent(content);
  const digest = hashText(text);
  return { facts: { content, digest, fingerprint: formatFingerprint(digest) }, text };
}

/** The exact bytes published at `log/content/<index>.json` (their SHA-256 is the digest). */
export function formatContent(content: RecordContent): string {
  return canonicalJson(content);
}

/**
 * The fields in which two contents of one record differ, as paths into its data (`items[0].content`,
 * `income`), `body` for the Markdown body; at most `limit`, in canonical key order.
 */
export function listChangedFields(before: unknown, after: RecordContent, limit = 5): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit || canonicalJson(a) === canonicalJson(b)) return;
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`));
      return;
    }
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      return;
    }
    out.push(path);
  };
  const old = (before ?? {}) as Partial<RecordContent>;
  walk(old.data, after.data, '');
  if (old.body !== after.body && out.length < limit) out.push('body');
  return out;
}

/** A record version that is published (has its publication date), as the log lists it. */
export interface PublishedVersion extends ContentFacts {
  village: string;
  kind: RecordTypeName;
  id: string;
  version: number;
  publishedAt: string;
  /** The record (same village and kind) this one corrects. */
  supersedes?: string;
  /** The record's file, relative to the project root. */
  file: string;
  /**
   * A 公示 naming private persons: its content (even masked) is not published in the log, because its
   * page takes the names down after `unpublishAfter` while published log files stay in mirrors.
   */
  personal: boolean;
  /** `formatContent(content)`, kept only when asked for (the log step publishes it; the plan needs just the digest). */
  text?: string;
  /** The full names its content masks, by field path (absent when none): see listMaskedNames. Never published. */
  maskedNames?: Record<string, string>;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every published record version of the county, in a fixed order (village, then disclosures,
 * ledgers, notices, meetings by id, as the posters): what the publication log holds one leaf for. A
 * meeting is published once its resolutions are posted (`posted`, with `publishedAt`); volunteer
 * records are not logged. `keepText`: keep each version's canonical JSON (`text`), made once with its digest.
 * `villages`: only these villages' versions (the build's log plan reuses the others' from its last build).
 */
export function listPublishedVersions(county: County, keepText = false, villages?: ReadonlySet<string>): PublishedVersion[] {
  const out: PublishedVersion[] = [];
  for (const v of county.villages) {
    if (villages && !villages.has(v.id)) continue;
    const add = (r: AnyRecord, publishedAt: string | undefined, supersedes?: string, personal = false) => {
      if (!publishedAt) return;
      const { facts, text } = describeContent(r, v);
      const { id, file } = r.rec;
      const names = r.kind === 'ledger' || r.kind === 'notice' ? listMaskedNames(r) : {};
      out.push({
        ...facts,
        village: v.id,
        kind: r.kind,
        id,
        version: facts.content.version,
        publishedAt,
        ...(supersedes ? { supersedes } : {}),
        file,
        personal,
        ...(keepText && !personal ? { text } : {}),
        ...(Object.keys(names).length > 0 ? { maskedNames: names } : {}),
      });
    };
    for (const d of [...v.disclosures].sort(byId)) add({ kind: 'disclosure', rec: d }, d.data.publishedAt, d.data.supersedes);
    for (const l of [...v.ledgers].sort(byId)) add({ kind: 'ledger', rec: l }, l.data.publishedAt);
    for (const n of [...v.notices].sort(byId)) add({ kind: 'notice', rec: n }, n.data.startDate, undefined, getNoticeFacts(n, v, county).namesPersons);
    for (const m of [...v.meetings].sort(byId)) if (getMeetingFacts(m, v, county).posted) add({ kind: 'meeting', rec: m }, m.data.publishedAt);
  }
  return out;
}
