/**
 * View-models for everything the web shows about the notice-board posters: the village's print page
 * (/v/<village>/posters/, every poster of every quarter with its download links) and the 核对码 box
 * on each record's page. Built from the same poster documents and layout the build step renders,
 * so every link points at a file that exists and every 核对码 matches the paper.
 */
import type { County } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { parsePeriod, periodLabel } from '../lib/period.ts';
import type { PosterDoc } from '../posters/doc.ts';
import { buildPosterDocs, KIND_OF_FOLDER } from '../posters/documents.ts';
import { getPosterFiles, getPosterFolder } from '../posters/files.ts';
import { getLayoutFonts } from '../posters/fonts.ts';
import { layoutPoster } from '../posters/layout.ts';
import { DEFAULT_SIZE, POSTER_SIZES, SIZES } from '../posters/sizes.ts';
import { getCounty, href, rendersVillage, urls } from './county.ts';

/** Site-relative address of a file (no trailing slash). */
function fileHref(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${path}`;
}

export interface PosterSizeView {
  key: string;
  labelZh: string;
  sheets: number;
  pdf?: string;
  /** Per sheet: SVG and PNG links (absent for posters that are not published). */
  sheetLinks: { number: number; svg?: string; png: { dpi: number; href: string }[]; thumbnail?: string }[];
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
  sizes: PosterSizeView[];
}

let docsCache: { county: County; docs: PosterDoc[]; sheets: Map<string, number> } | undefined;

function posterData() {
  const county = getCounty();
  if (docsCache?.county !== county) {
    const docs = buildPosterDocs(county);
    const fonts = getLayoutFonts();
    const sheets = new Map<string, number>();
    for (const d of docs) for (const s of POSTER_SIZES) sheets.set(`${d.village.id}/${d.id}@${s}`, layoutPoster(d, SIZES[s], fonts).sheets.length);
    docsCache = { county, docs, sheets };
  }
  return docsCache;
}

const RECORD_HREF: Readonly<Record<PosterDoc['record']['folder'], (v: string, id: string) => string>> = {
  disclosures: urls.disclosure,
  finances: urls.ledger,
  notices: urls.notice,
  meetings: urls.meeting,
};

function toView(doc: PosterDoc, all: readonly PosterDoc[]): PosterView {
  const { sheets } = posterData();
  const newer = all.find((d) => d.village.id === doc.village.id && d.corrects?.posterId === doc.id);
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
    sizes: POSTER_SIZES.map((key) => {
      const size = SIZES[key];
      const n = sheets.get(`${doc.village.id}/${doc.id}@${key}`)!;
      const files = getPosterFiles(doc, size, n);
      return {
        key,
        labelZh: size.labelZh,
        sheets: n,
        ...(doc.personal ? {} : { pdf: fileHref(`${folder}/${files.pdf}`) }),
        sheetLinks: doc.personal
          ? []
          : files.sheets.map((s, i) => ({
              number: i + 1,
              ...(s.svg ? { svg: fileHref(`${folder}/${s.svg}`) } : {}),
              png: Object.entries(s.png).map(([dpi, name]) => ({ dpi: Number(dpi), href: fileHref(`${folder}/${name}`) })),
              ...(s.thumbnail ? { thumbnail: fileHref(`${folder}/${s.thumbnail}`) } : {}),
            })),
      };
    }),
  };
}

/** The village's print page: posters grouped by quarter, newest quarter first. */
export function getVillagePostersView(villageId: string) {
  const { docs } = posterData();
  const county = getCounty();
  const v = county.villages.find((x) => x.id === villageId)!;
  const mine = docs.filter((d) => d.village.id === villageId);
  const quarters = [...new Set(mine.map((d) => d.quarter))].sort().reverse();
  return {
    village: { id: v.id, name: v.data.name, township: v.data.township, href: urls.village(v.id) },
    defaultSize: SIZES[DEFAULT_SIZE].labelZh,
    quarters: quarters.map((q) => ({
      key: q,
      label: periodLabel(parsePeriod(q)!),
      posters: mine.filter((d) => d.quarter === q).map((d) => toView(d, mine)),
    })),
    hasPersonal: mine.some((d) => d.personal),
  };
}

/** The 核对码 box on a record's page, or undefined when the record has no poster. */
export function getRecordPosterView(villageId: string, folder: PosterDoc['record']['folder'], recordId: string) {
  const { docs } = posterData();
  const mine = docs.filter((d) => d.village.id === villageId);
  const doc = mine.find((d) => d.record.folder === folder && d.record.id === recordId && d.kind === KIND_OF_FOLDER[folder]);
  if (!doc) return undefined;
  const view = toView(doc, mine);
  const a3 = view.sizes.find((s) => s.key === DEFAULT_SIZE)!;
  return {
    ...view,
    postersHref: `${href(`v/${villageId}/posters`)}#${view.anchor}`,
    downloads: view.sizes.filter((s) => s.pdf).map((s) => ({ label: `${s.labelZh} PDF（${s.sheets} 页）`, href: s.pdf! })),
    sheetsA3: a3.sheets,
    publishedZh: doc.publishedAt ? formatDateZh(doc.publishedAt) : undefined,
  };
}

/** The print pages this build renders (every village, or in an incremental build the changed ones). */
export function listPosterPages() {
  return getCounty()
    .villages.filter((v) => rendersVillage(v.id))
    .map((v) => ({ params: { village: v.id } }));
}
