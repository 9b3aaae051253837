/**
 * Joins the PDFs this project writes (pdf.ts: pdfkit, PDF 1.3, an xref table, direct stream
 * lengths, no object streams) into one file, pages in order: the "本季度全部海报（一个文件）" a clerk
 * prints in one go. Not a general PDF tool: anything else stops with a message rather than a broken
 * file. Pure (bytes in, bytes out), so the same posters always give the same bytes.
 */

interface PdfObject {
  /** The object's dictionary or value, before any stream. */
  head: string;
  /** The stream's raw bytes (latin1), when the object has one. */
  stream?: string;
}

const fail = (what: string): never => {
  throw new Error(`无法合并海报 PDF：${what} / cannot join the poster PDFs: ${what}`);
};

/** The objects of one PDF by number, and the page objects in order. */
function readPdf(bytes: Uint8Array): { objects: Map<number, PdfObject>; pages: number[] } {
  const text = Buffer.from(bytes).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text) ?? fail('no startxref');
  const xref = text.slice(Number(startxref[1]));
  const table = /^xref\s+0\s+(\d+)\s+/.exec(xref) ?? fail('no classic xref table');
  const count = Number(table[1]);
  const rows = xref.slice(table[0].length).split(/\r?\n/).slice(0, count);
  const objects = new Map<number, PdfObject>();
  rows.forEach((row, n) => {
    const m = /^(\d{10}) (\d{5}) n/.exec(row);
    if (!m) return;
    const at = Number(m[1]);
    const header = new RegExp(`^${n} 0 obj\\s*`).exec(text.slice(at, at + 32)) ?? fail(`object ${n} not at its offset`);
    const start = at + header[0].length;
    const end = text.indexOf('endobj', start);
    const streamAt = text.indexOf('stream', start);
    if (streamAt >= 0 && streamAt < end) {
      const head = text.slice(start, streamAt).trimEnd();
      const length = /\/Length (\d+)(?! \d+ R)/.exec(head) ?? fail(`object ${n} has no direct stream length`);
      const dataAt = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
      objects.set(n, { head, stream: text.slice(dataAt, dataAt + Number(length[1])) });
    } else objects.set(n, { head: text.slice(start, end).trimEnd() });
  });
  const root = /\/Root (\d+) 0 R/.exec(xref) ?? fail('no /Root');
  const catalog = objects.get(Number(root[1]))?.head ?? fail('no catalog');
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog) ?? fail('no /Pages');
  const tree = objects.get(Number(pagesRef[1]))?.head ?? fail('no page tree');
  const kids = /\/Kids \[([^\]]*)\]/.exec(tree) ?? fail('no /Kids');
  const pages = [...kids[1]!.matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  for (const p of pages) if (!/\/Type \/Page\b/.test(objects.get(p)?.head ?? '')) fail(`nested page tree at object ${p}`);
  return { objects, pages };
}

/** One PDF with the pages of `pdfs` in order; `title` and `date` (YYYY-MM-DD) as pdf.ts sets them. */
export function joinPdfs(pdfs: readonly Uint8Array[], title: string, date?: string): Buffer {
  // 1: catalog, 2: page tree, 3: info; then each file's page objects and what they use.
  const out: PdfObject[] = [];
  const kids: number[] = [];
  for (const bytes of pdfs) {
    const { objects, pages } = readPdf(bytes);
    const renumber = new Map<number, number>();
    const queue: number[] = [];
    const need = (n: number) => {
      if (!renumber.has(n)) {
        if (!objects.has(n)) fail(`missing object ${n}`);
        renumber.set(n, 4 + out.length + renumber.size);
        queue.push(n);
      }
      return renumber.get(n)!;
    };
    for (const p of pages) kids.push(need(p));
    const refs = (head: string) => head.replace(/\/Parent \d+ 0 R/, '').matchAll(/(\d+) 0 R/g);
    for (let i = 0; i < queue.length; i += 1) for (const r of refs(objects.get(queue[i]!)!.head)) need(Number(r[1]));
    const sorted = [...renumber].sort((a, b) => a[1] - b[1]);
    for (const [old] of sorted) {
      const o = objects.get(old)!;
      const head = o.head
        .replace(/\/Parent \d+ 0 R/, '/Parent PARENT')
        .replace(/(\d+) 0 R/g, (_, n: string) => `${renumber.get(Number(n))!} 0 R`)
        .replace('/Parent PARENT', '/Parent 2 0 R');
      out.push({ head, ...(o.stream !== undefined ? { stream: o.stream } : {}) });
    }
  }
  const hex = (s: string) => `<FEFF${[...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('')}>`;
  const stamp = date ? `(D:${date.replaceAll('-', '')}000000Z)` : undefined;
  const all: PdfObject[] = [
    { head: '<< /Type /Catalog /Pages 2 0 R >>' },
    { head: `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] >>` },
    { head: `<< /Producer (gongkai) /Title ${hex(title)}${stamp ? ` /CreationDate ${stamp} /ModDate ${stamp}` : ''} >>` },
    ...out,
  ];
  let body = '%PDF-1.3\n%\xFF\xFF\xFF\xFF\n';
  const offsets: number[] = [];
  all.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o.head}\n${o.stream !== undefined ? `stream\n${o.stream}\nendstream\n` : ''}endobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
