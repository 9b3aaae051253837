/**
 * The record types, in one table: where each lives in content/ (folder), its public URL segment,
 * its schema, the Astro collection that renders its body, its labels, and what it becomes on paper
 * (poster kind), in search (kind label) and on the kiosk (slide kinds). Read this first: README.md
 * next to it maps each type to the modules that check, derive, render, print, index and show it.
 */
import { DisclosureSchema, LedgerSchema, MeetingSchema, NoticeSchema, VolunteerPeriodSchema } from '../schemas/index.ts';

export interface RecordType {
  /** Folder under content/villages/<id>/ (and the key of a check/load.ts folder rule). */
  folder: 'disclosures' | 'finances' | 'meetings' | 'notices' | 'volunteers';
  /** Path segment of its pages: /v/<village>/<segment>/<id>/. Public: never renamed. */
  segment: string;
  /** Key of the record list on a checked village (VillageRecords). */
  list: 'disclosures' | 'ledgers' | 'meetings' | 'notices' | 'volunteers';
  /** The zod schema of its front matter or YAML. */
  schema: typeof DisclosureSchema | typeof LedgerSchema | typeof MeetingSchema | typeof NoticeSchema | typeof VolunteerPeriodSchema;
  /** Astro content collection that renders its Markdown body (src/content.config.ts); none for YAML records. */
  collection?: 'disclosures' | 'meetings' | 'notices';
  /** Name of the kind in search filters and result meta. */
  zh: string;
  en: string;
  /** The poster kind printed from it (src/posters/doc.ts); none: not printed. */
  poster?: 'disclosure' | 'finance' | 'notice' | 'resolution';
  /** The kiosk slide kinds it is shown as (src/data/kiosk.ts, src/components/kiosk/). */
  kiosk: readonly string[];
}

export const RECORD_TYPES = {
  disclosure: {
    folder: 'disclosures',
    segment: 'disclosures',
    list: 'disclosures',
    schema: DisclosureSchema,
    collection: 'disclosures',
    zh: '村务公开',
    en: 'Disclosure',
    poster: 'disclosure',
    kiosk: ['disclosure'],
  },
  ledger: {
    folder: 'finances',
    segment: 'finances',
    list: 'ledgers',
    schema: LedgerSchema,
    zh: '财务收支',
    en: 'Finance',
    poster: 'finance',
    kiosk: ['finance', 'finance-categories'],
  },
  meeting: {
    folder: 'meetings',
    segment: 'meetings',
    list: 'meetings',
    schema: MeetingSchema,
    collection: 'meetings',
    zh: '会议决议',
    en: 'Meeting',
    poster: 'resolution',
    kiosk: ['meeting'],
  },
  notice: {
    folder: 'notices',
    segment: 'notices',
    list: 'notices',
    schema: NoticeSchema,
    collection: 'notices',
    zh: '公示',
    en: 'Notice',
    poster: 'notice',
    kiosk: ['notice'],
  },
  volunteer: {
    folder: 'volunteers',
    segment: 'volunteers',
    list: 'volunteers',
    schema: VolunteerPeriodSchema,
    zh: '志愿服务',
    en: 'Volunteering',
    kiosk: ['volunteers'],
  },
} as const satisfies Record<string, RecordType>;

export type RecordTypeName = keyof typeof RECORD_TYPES;
export const RECORD_TYPE_NAMES = Object.keys(RECORD_TYPES) as RecordTypeName[];

/** The record type kept in a content folder. */
export function getRecordTypeOfFolder(folder: string): RecordTypeName | undefined {
  return RECORD_TYPE_NAMES.find((t) => RECORD_TYPES[t].folder === folder);
}

// ── URLs: the one builder ─────────────────────────────────────────────────

/** Path of a record's page under the site root, without slashes at either end: v/maqu/finances/2025-q3. */
export function recordPath(type: RecordTypeName, villageId: string, id: string): string {
  return `v/${villageId}/${RECORD_TYPES[type].segment}/${id}`;
}

/** Path of a village board: v/maqu. */
export function villagePath(villageId: string): string {
  return `v/${villageId}`;
}

/** The site's address with exactly one trailing slash. */
export function siteBase(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

/** Absolute address of a record's page (as in a poster's QR code); the id is percent-encoded. */
export function recordUrl(baseUrl: string, type: RecordTypeName, villageId: string, id: string): string {
  return new URL(`${recordPath(type, villageId, encodeURIComponent(id))}/`, siteBase(baseUrl)).href;
}
