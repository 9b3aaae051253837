/**
 * One PDF with the pages of several: each village's quarter of posters as one file to print
 * (`all-<quarter>-a3.pdf`). pdf-lib copies the pages of the cached per-poster PDFs; the metadata is
 * set from the record dates (never the clock), so the same posters always give the same bytes.
 */
import { PDFDocument } from 'pdf-lib';

/** One PDF with the pages of `pdfs` in order; `title` and `date` (YYYY-MM-DD) as pdf.ts sets them. */
export async function joinPdfs(pdfs: readonly Uint8Array[], title: string, date?: string): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setTitle(title);
  out.setProducer('gongkai');
  out.setCreator('gongkai');
  if (date) {
    // Noon China time, as pdf.ts dates each poster, so it reads as the posting day everywhere.
    const day = new Date(`${date}T12:00:00+08:00`);
    out.setCreationDate(day);
    out.setModificationDate(day);
  }
  for (const bytes of pdfs) {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  }
  return out.save({ useObjectStreams: false });
}
