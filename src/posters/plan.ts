/**
 * One village's posters as the pages list them and the build step renders them: each poster's
 * document, whether (and why) it is in the default set, and per paper size its sheet count (from the
 * layout cache; laid out only when its record changed), the formats every build writes and their
 * cache key. The pages and the build step both call this, so every link points at a file the build
 * writes.
 */
import type { LogPlan } from '../build/context.ts';
import type { County, VillageRecords } from '../check/model.ts';
import { formatFingerprint } from '../lib/fingerprint.ts';
import { getRecordTypeOfFolder } from '../records/registry.ts';
import { getPosterKeys, openLayoutCache } from './cache.ts';
import type { PosterDoc } from './doc.ts';
import { buildVillagePosterDocs, type KnownFingerprints } from './documents.ts';
import { getLayoutFonts } from './fonts.ts';
import { layoutPoster } from './layout.ts';
import { selectDefaultPosters, type DefaultReason } from './selection.ts';
import { DEFAULT_FORMATS, POSTER_SIZES, SIZES, type PosterFormat, type SizeKey } from './sizes.ts';

export interface PlannedSize {
  size: SizeKey;
  sheets: number;
  /** What every build writes (empty when the poster is not in the default set). */
  formats: readonly PosterFormat[];
  /** Cache key of the default files (undefined when none are written). */
  key?: string;
}

export interface PlannedPoster {
  doc: PosterDoc;
  /** Why every build renders it; undefined: on request only. */
  reason?: DefaultReason;
  sizes: PlannedSize[];
}

/** The poster with its publication-log stamp (LogPlan.records), when its record is logged. */
export function stampPosterDoc(doc: PosterDoc, log: LogPlan | undefined): PosterDoc {
  const entry = log?.records[`${doc.village.id}/${getRecordTypeOfFolder(doc.record.folder)}/${doc.record.id}`];
  return entry ? { ...doc, log: { index: entry.index, size: entry.index + 1, root: entry.root } } : doc;
}

/**
 * The 核对码 of village `village`'s logged records as the log's plan holds them (each leaf's digest, derived once by
 * the plan from the record's content: src/records/content.ts), so the posters do not hash the records again.
 */
export function getLoggedFingerprints(log: LogPlan | undefined, village: string): KnownFingerprints | undefined {
  if (!log) return undefined;
  return (kind, id) => {
    const entry = log.records[`${village}/${kind}/${id}`];
    return entry ? formatFingerprint((JSON.parse(entry.leaf) as { digest: string }).digest) : undefined;
  };
}

/**
 * Plans one village's posters, stamped with their publication-log entries (`log`). `all` false plans (and looks up layouts of) only the default set, as
 * the build step does; the pages plan every poster, since the print page lists them all.
 */
export function planVillagePosters(root: string, county: County, v: VillageRecords, all = true, log?: LogPlan): PlannedPoster[] {
  const docs = buildVillagePosterDocs(county, v, getLoggedFingerprints(log, v.id)).map((d) => stampPosterDoc(d, log));
  const reasons = selectDefaultPosters(county, docs);
  const layouts = openLayoutCache(root, v.id);
  const out: PlannedPoster[] = [];
  for (const doc of docs) {
    const reason = reasons.get(doc.id);
    if (!all && !reason) continue;
    const keys = getPosterKeys(doc);
    out.push({
      doc,
      ...(reason ? { reason } : {}),
      sizes: POSTER_SIZES.map((size) => {
        const preset = SIZES[size];
        const sheets = layouts.lookup(keys.layout(preset), () => layoutPoster(doc, preset, getLayoutFonts()).sheets.length);
        const formats = reason ? DEFAULT_FORMATS[size] : [];
        return { size, sheets, formats, ...(formats.length > 0 ? { key: keys.cache(preset, formats) } : {}) };
      }),
    });
  }
  layouts.save(all);
  return out;
}

/**
 * The posters joined into one PDF per quarter and paper size (files.ts getQuarterPdfName), so a clerk
 * prints a quarter's board in one go: the public posters of the default set, in plan order, for each
 * quarter with two or more of them. The build step writes these files and the print page links them.
 */
export function getQuarterBundles<P extends Pick<PlannedPoster, 'reason'> & { doc: Pick<PosterDoc, 'personal' | 'quarter'> }>(
  plan: readonly P[],
): Map<string, P[]> {
  const out = new Map<string, P[]>();
  for (const p of plan) if (p.reason && !p.doc.personal) out.set(p.doc.quarter, [...(out.get(p.doc.quarter) ?? []), p]);
  for (const [q, list] of out) if (list.length < 2) out.delete(q);
  return out;
}
