/**
 * View-models for everything the web shows about the notice-board posters: the village's print page
 * (/v/<village>/posters/, every poster of every quarter; download links for the default set every
 * build writes, and how to get the others) and the 核对码 box on each record's page. Built from the
 * same plan the build step renders (posters/plan.ts), one village at a time with sheet counts from
 * the layout cache, so every link points at a file that exists and every 核对码 matches the paper.
 */
import type { County } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { parsePeriod, periodLabel } from '../lib/period.ts';
import type { PosterDoc } from '../posters/doc.ts';
import { KIND_OF_FOLDER } from '../posters/documents.ts';
import { getPosterFiles, getPosterFolder, getQuarterPdfName } from '../posters/files.ts';
import { getQuarterBundles, planVillagePosters, type PlannedPoster } from '../posters/plan.ts';
import type { DefaultReason } from '../posters/selection.ts';
import { DEFAULT_SIZE, POSTER_SIZES, SIZES } from '../posters/sizes.ts';
import { getCounty, getCountyRoot, getVillage, href, rendersRecordPage, urls } from './county.ts';
import { postersPath } from '../records/dated.ts';
import { getRecordTypeOfFolder } from '../records/registry.ts';
import { getLogPlan } from './publication-log.ts';

/** Site-relative address of a file (no trailing slash). */
function fileHref(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${path}`;
}

export interface PosterSizeView {
  key: string;
  labelZh: string;
  sheets: number;
  /** The PDF, when this build wrote it and it is published. */
  pdf?: string;
  /** The preview picture of the first sheet, when written and published. */
  preview?: string;
}

export interface PosterView {
  id: string;
  kindZh: string;
  title: string;
  fingerprint: string;
  version: number;
  periodZh: string;
  postingZh: string;
  /** Paper only: shows personal data the law requires on the board; not downloadable. */
  personal: boolean;
  recordHref: string;
  /** The version this one corrects. */
  corrects?: { fingerprint: string; version: number; anchor: string };
  /** A newer version replaces this one on the board. */
  supersededBy?: { title: string; fingerprint: string; version: number; anchor: string };
  anchor: string;
  /** Why every build writes its files (e.g. 本季度); undefined: written on request only. */
  defaultZh?: string;
  /** The command that writes this poster's files when no build does (older periods, other formats). */
  command: string;
  sizes: PosterSizeView[];
}

const REASON_ZH: Readonly<Record<DefaultReason, string>> = {
  'current-quarter': '本季度',
  'running-notice': '公示期内',
  'resolution-due': '待公开',
  correction: '更正',
};

/** A planned poster as the pages keep it: everything but the sheets' content (`blocks`), which no page shows. */
type PosterEntry = Omit<PlannedPoster, 'doc'> & { doc: Omit<PosterDoc, 'blocks'> };

/**
 * Each village's plan, made once per county (keyed by the county object, so two counties in one
 * process never see each other's) and only for the villages a page asks about. Kept for the
 * whole page generation (every record page of the village reads it) without the posters' content,
 * which weighs more than the checked county itself and is laid out by the poster step, not here.
 */
const plansByCounty = new WeakMap<County, Map<string, PosterEntry[]>>();

function villagePlan(villageId: string): PosterEntry[] {
  const county = getCounty();
  let plans = plansByCounty.get(county);
  if (!plans) plansByCounty.set(county, (plans = new Map<string, PosterEntry[]>()));
  let plan = plans.get(villageId);
  if (!plan) {
    plan = planVillagePosters(getCountyRoot(), county, getVillage(villageId), true, getLogPlan()).map(({ doc: { blocks: _blocks, ...doc }, ...p }) => ({
      ...p,
      doc,
    }));
    plans.set(villageId, plan);
  }
  return plan;
}

const RECORD_HREF: Readonly<Record<PosterDoc['record']['folder'], (v: string, id: string) => string>> = {
  disclosures: urls.disclosure,
  finances: urls.ledger,
  notices: urls.notice,
  meetings: urls.meeting,
};

function toView(p: PosterEntry, all: readonly PosterEntry[]): PosterView {
  const doc = p.doc;
  const newer = all.find((d) => d.doc.corrects?.posterId === doc.id)?.doc;
  const folder = getPosterFolder(doc);
  return {
    id: doc.id,
    kindZh: doc.kindZh,
    title: doc.title,
    fingerprint: doc.fingerprint,
    version: doc.version,
    periodZh: doc.periodZh,
    postingZh: doc.postingZh,
    personal: doc.personal,
    recordHref: RECORD_HREF[doc.record.folder](doc.village.id, doc.record.id),
    ...(doc.corrects ? { corrects: { fingerprint: doc.corrects.fingerprint, version: doc.corrects.version, anchor: `poster-${doc.corrects.posterId}` } } : {}),
    ...(newer ? { supersededBy: { title: newer.title, fingerprint: newer.fingerprint, version: newer.version, anchor: `poster-${newer.id}` } } : {}),
    anchor: `poster-${doc.id}`,
    ...(p.reason ? { defaultZh: REASON_ZH[p.reason] } : {}),
    command: `npm run posters -- --village ${doc.village.id} --period ${doc.quarter}`,
    sizes: p.sizes.map((s) => {
      const size = SIZES[s.size];
      const files = getPosterFiles(doc, size, s.sheets, doc.personal ? [] : s.formats);
      return {
        key: s.size,
        labelZh: size.labelZh,
        sheets: s.sheets,
        ...(files.pdf ? { pdf: fileHref(`${folder}/${files.pdf}`) } : {}),
        ...(files.preview ? { preview: fileHref(`${folder}/${files.preview}`) } : {}),
      };
    }),
  };
}

/** The village's print page: posters grouped by quarter, newest quarter first. */
export function getVillagePostersView(villageId: string) {
  const v = getVillage(villageId);
  const mine = villagePlan(villageId);
  const quarters = [...new Set(mine.map((d) => d.doc.quarter))].sort().reverse();
  const bundles = getQuarterBundles(mine);
  const folder = `v/${v.id}/posters`;
  return {
    village: { id: v.id, name: v.data.name, township: v.data.township, href: urls.village(v.id) },
    defaultSize: SIZES[DEFAULT_SIZE].labelZh,
    quarters: quarters.map((q) => ({
      key: q,
      label: periodLabel(parsePeriod(q)!),
      /** All of the quarter's posters to put up, one PDF per paper size (written by the build step). */
      bundle: bundles.has(q)
        ? {
            count: bundles.get(q)!.length,
            sizes: POSTER_SIZES.map((size) => ({
              labelZh: SIZES[size].labelZh,
              sheets: bundles.get(q)!.reduce((n, p) => n + p.sizes.find((s) => s.size === size)!.sheets, 0),
              pdf: fileHref(`${folder}/${getQuarterPdfName(q, SIZES[size])}`),
            })),
          }
        : undefined,
      posters: mine.filter((d) => d.doc.quarter === q).map((d) => toView(d, mine)),
    })),
    hasPersonal: mine.some((d) => d.doc.personal),
  };
}

/** The 核对码 box on a record's page, or undefined when the record has no poster. */
export function getRecordPosterView(villageId: string, folder: PosterDoc['record']['folder'], recordId: string) {
  const mine = villagePlan(villageId);
  const planned = mine.find((d) => d.doc.record.folder === folder && d.doc.record.id === recordId && d.doc.kind === KIND_OF_FOLDER[folder]);
  if (!planned) return undefined;
  const doc = planned.doc;
  const view = toView(planned, mine);
  const a3 = view.sizes.find((s) => s.key === DEFAULT_SIZE)!;
  return {
    ...view,
    postersHref: `${href(`v/${villageId}/posters`)}#${view.anchor}`,
    downloads: view.sizes.filter((s) => s.pdf).map((s) => ({ label: `${s.labelZh} PDF（${s.sheets} 页）`, href: s.pdf! })),
    /** The print button's file: the A4 PDF (any office printer), none for a superseded or paper-only poster. */
    print:
      view.supersededBy || view.personal
        ? undefined
        : view.sizes.filter((s) => s.key === 'A4' && s.pdf).map((s) => ({ href: s.pdf!, label: `${s.labelZh}，${s.sheets} 页` }))[0],
    sheetsA3: a3.sheets,
    publishedZh: doc.publishedAt ? formatDateZh(doc.publishedAt) : undefined,
    /** The 核对码 posters printed before the county's log moved to digest scheme 2 carry (same version). */
    earlier: getLogPlan()?.records[`${villageId}/${getRecordTypeOfFolder(folder)}/${recordId}`]?.earlier,
  };
}

/**
 * The print pages this build renders: every village's, or in an incremental build the changed villages' and, on a new
 * day, those of villages a notice of which left the default set (src/records/dated.ts `postersPath`).
 */
export function listPosterPages() {
  return getCounty()
    .villages.filter((v) => rendersRecordPage(v.id, postersPath(v.id)))
    .map((v) => ({ params: { village: v.id } }));
}
