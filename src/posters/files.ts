/**
 * Where each poster file goes and what it is called, for the build step (which writes them) and
 * the pages (which link them). Public posters live beside the village's print page,
 * /v/<village>/posters/; posters with personal data go to private-posters/<village>/ on the build
 * machine and are never published (see documents.ts).
 */
import type { PosterDoc } from './doc.ts';
import type { SizePreset } from './sizes.ts';

export interface SheetFiles {
  svg?: string;
  /** PNG per resolution, e.g. { 150: 'x-a3-1-150dpi.png', 300: … }. */
  png: Record<number, string>;
  thumbnail?: string;
}

export interface PosterFiles {
  /** All sheets in one PDF. */
  pdf: string;
  sheets: SheetFiles[];
}

/** Folder of a poster's files, relative to dist/ (public) or to the project root (private). */
export function getPosterFolder(doc: PosterDoc): string {
  return doc.personal ? `private-posters/${doc.village.id}` : `v/${doc.village.id}/posters`;
}

/** File names of a poster at one size with `sheets` sheets, relative to its folder. */
export function getPosterFiles(doc: PosterDoc, size: SizePreset, sheets: number): PosterFiles {
  const base = `${doc.id}-${size.key.toLowerCase()}`;
  return {
    pdf: `${base}.pdf`,
    sheets: Array.from({ length: sheets }, (_, i) => {
      const n = i + 1;
      return {
        ...(size.outputs.svg ? { svg: `${base}-${n}.svg` } : {}),
        png: Object.fromEntries(size.outputs.dpi.map((dpi) => [dpi, `${base}-${n}-${dpi}dpi.png`])),
        ...(size.outputs.thumbnail ? { thumbnail: `${base}-${n}-thumb.png` } : {}),
      };
    }),
  };
}

/** Every file name of a poster at one size, in a fixed order. */
export function listPosterFiles(files: PosterFiles): string[] {
  return [files.pdf, ...files.sheets.flatMap((s) => [...(s.svg ? [s.svg] : []), ...Object.values(s.png), ...(s.thumbnail ? [s.thumbnail] : [])])];
}
