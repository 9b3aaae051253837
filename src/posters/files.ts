/**
 * Where each poster file goes and what it is called, for the build step (which writes them) and
 * the pages (which link them). Public posters live beside the village's print page,
 * /v/<village>/posters/; posters with personal data go to private-posters/<village>/ on the build
 * machine and are never published (see documents.ts).
 */
import type { PosterDoc } from './doc.ts';
import { PNG_DPI, type PosterFormat, type SizePreset } from './sizes.ts';

export interface SheetFiles {
  svg?: string;
  /** PNG per resolution, e.g. { 150: 'x-a3-1-150dpi.png', 300: … }. */
  png: Record<number, string>;
}

export interface PosterFiles {
  /** All sheets in one PDF. */
  pdf?: string;
  /** The small preview picture of the first sheet. */
  preview?: string;
  sheets: SheetFiles[];
}

/** Folder of a poster's files, relative to dist/ (public) or to the project root (private). */
export function getPosterFolder(doc: Pick<PosterDoc, 'personal' | 'village'>): string {
  return doc.personal ? `private-posters/${doc.village.id}` : `v/${doc.village.id}/posters`;
}

/** File names of a poster at one size with `sheets` sheets in the given formats, relative to its folder. */
export function getPosterFiles(doc: Pick<PosterDoc, 'id'>, size: SizePreset, sheets: number, formats: readonly PosterFormat[]): PosterFiles {
  const base = `${doc.id}-${size.key.toLowerCase()}`;
  const dpis = formats.map((f) => PNG_DPI[f]).filter((d): d is number => d !== undefined);
  return {
    ...(formats.includes('pdf') ? { pdf: `${base}.pdf` } : {}),
    ...(formats.includes('preview') ? { preview: `${base}-preview.png` } : {}),
    sheets: Array.from({ length: sheets }, (_, i) => {
      const n = i + 1;
      return {
        ...(formats.includes('svg') ? { svg: `${base}-${n}.svg` } : {}),
        png: Object.fromEntries(dpis.map((dpi) => [dpi, `${base}-${n}-${dpi}dpi.png`])),
      };
    }),
  };
}

/** Every file name of a poster at one size, in a fixed order. */
export function listPosterFiles(files: PosterFiles): string[] {
  return [
    ...(files.pdf ? [files.pdf] : []),
    ...(files.preview ? [files.preview] : []),
    ...files.sheets.flatMap((s) => [...(s.svg ? [s.svg] : []), ...Object.values(s.png)]),
  ];
}

/** The one PDF with all of a quarter's posters to put up (at one paper size), beside the print page. */
export function getQuarterPdfName(quarter: string, size: SizePreset): string {
  return `all-${quarter}-${size.key.toLowerCase()}.pdf`;
}
