/**
 * Lays a poster out on sheets of one paper size: measures every block with the conservative line
 * model (src/lib/linebreak.ts) and the font's real glyph widths, sizes table columns to their
 * content, and flows the blocks onto as few sheets as needed (src/lib/paginate.ts), shared evenly between them, repeating the
 * page header on every sheet and the table header above every continued table. Pure given the
 * font metrics, so the web pages (sheet counts, links) and the renderer agree on every sheet.
 *
 * The renderer draws each item in a box of exactly the height computed here and checks, on every
 * sheet, that satori's layout never needs more: nothing is cut off.
 */
import { countLines, measureText, type AdvanceFn } from '../lib/linebreak.ts';
import { paginate, UnitTooTallError, type FlowSheet, type FlowUnit } from '../lib/paginate.ts';
import type { Block, PosterDoc, TableColumn } from './doc.ts';
import type { SizePreset } from './sizes.ts';

export interface Fonts {
  regular: AdvanceFn;
  bold: AdvanceFn;
}

/** Every measure the template draws with, derived from the size preset. */
export interface PosterStyle {
  size: SizePreset;
  /** Line box height of a font size. */
  lh(fontSize: number): number;
  contentWidth: number;
}

/**
 * Satori snaps every box to whole points, so every measure here is whole: line boxes are rounded up
 * to whole points and text boxes are measured 1 pt narrower than drawn.
 */
export function getStyle(size: SizePreset): PosterStyle {
  return { size, lh: (fs) => Math.ceil(fs * size.lineHeight), contentWidth: Math.floor(size.width - 2 * size.margin) };
}

/** Safety margin taken off every text box's width when counting its lines, in points. */
const SNAP = 1;

export interface LaidColumn extends TableColumn {
  /** Width of the cell's white box (between the rules), in points. */
  width: number;
}

export type LaidItem = { key: string; height: number; spaceBefore: number } & (
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold: boolean; align: 'left' | 'right' }
  | { kind: 'fact'; label: string; value: string; labelWidth: number }
  | { kind: 'summary'; cells: { label: string; value: string }[]; perRow: number; cellWidth: number }
  | { kind: 'table-head'; caption: string; columns: LaidColumn[] }
  | { kind: 'table-row'; cells: string[]; columns: LaidColumn[]; last: boolean }
  | { kind: 'table-total'; label: string; value: string; column: number; columns: LaidColumn[] }
  | { kind: 'callout'; title: string; lines: string[] }
  | { kind: 'signoff'; rows: string[][][] }
);

export interface LaidSheet {
  /** 1-based sheet number. */
  number: number;
  items: LaidItem[];
}

export interface PosterLayout {
  doc: PosterDoc;
  size: SizePreset;
  /** Top strip: village and board on the left, 第 n / 共 N 页 on the right. */
  header: { strip: string; titleHeight: number; metaHeight: number; height: number; meta: string };
  footer: { top: number; height: number; lines: { text: string; bold: boolean; fontSize: number; height: number }[] };
  /** Content area between header and footer. */
  content: { top: number; height: number; width: number };
  sheets: LaidSheet[];
}

/** A laid item before it gets its key (Omit that keeps the union apart). */
type ItemWithoutKey = LaidItem extends infer T ? (T extends LaidItem ? Omit<T, 'key'> : never) : never;

/** A poster could not be laid out (a block taller than a sheet, a table wider than the paper). */
export class PosterLayoutError extends Error {}

const PARA_CHUNK_LINES = 8;

/** Splits a long paragraph after sentence ends into chunks of at most a few lines. */
function chunkParagraph(text: string, width: number, adv: AdvanceFn): string[] {
  if (countLines(text, width, adv) <= PARA_CHUNK_LINES) return [text];
  const sentences = text.match(/[^。！？；]+[。！？；」”）]*|[。！？；」”）]+/g) ?? [text];
  const chunks: string[] = [];
  let cur = '';
  for (const s of sentences) {
    if (cur && countLines(cur + s, width, adv) > PARA_CHUNK_LINES) {
      chunks.push(cur);
      cur = s;
    } else cur += s;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

/** Widths of a table's columns: fixed columns as wide as their widest cell, the rest share what is left. */
function layoutColumns(
  columns: readonly TableColumn[],
  rows: readonly string[][],
  total: { label: string; value: string; column: number } | undefined,
  st: PosterStyle,
  fonts: Fonts,
): LaidColumn[] {
  const { size } = st;
  const fs = size.type.table;
  const pad = 2 * size.cellPad;
  const inner = st.contentWidth - (columns.length + 1) * size.rule.thin;
  const natural = columns.map((c, i) => {
    let w = measureText(c.label, fonts.bold) * fs;
    for (const r of rows) w = Math.max(w, measureText(r[i] ?? '', fonts.regular) * fs);
    if (total && total.column === i) w = Math.max(w, measureText(total.value, fonts.bold) * fs);
    return Math.ceil(w + pad + 1);
  });
  const wrap = columns.map((c) => c.wrap);
  // A wrapping column is at least 3 characters wide and, where the paper allows, as wide as its header.
  const headerW = (i: number) => measureText(columns[i]!.label, fonts.bold) * fs;
  let fullHeaders = true;
  const minWrap = (i: number) => Math.ceil(Math.max(3 * fs, fullHeaders ? headerW(i) + 1 : headerW(i) / 2) + pad);
  // If the fixed columns leave too little room, let the widest of them wrap too.
  for (;;) {
    const fixed = natural.reduce((s, w, i) => s + (wrap[i] ? 0 : w), 0);
    const mins = natural.reduce((s, _, i) => s + (wrap[i] ? minWrap(i) : 0), 0);
    if (fixed + mins <= inner) break;
    if (fullHeaders) {
      fullHeaders = false;
      continue;
    }
    const widest = natural.reduce((best, w, i) => (!wrap[i] && (best < 0 || w > natural[best]!) ? i : best), -1);
    if (widest < 0) throw new PosterLayoutError(`表格列太多，${size.labelZh}纸上放不下 / the table has too many columns for ${size.key}`);
    wrap[widest] = true;
  }
  const fixed = natural.reduce((s, w, i) => s + (wrap[i] ? 0 : w), 0);
  const free = inner - fixed;
  const weights = columns.map((c, i) => (wrap[i] ? (c.weight ?? 1) : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = natural.map((w, i) => (wrap[i] ? Math.max(minWrap(i), Math.min(w, Math.floor((free * weights[i]!) / sum))) : w));
  // Give what is left (columns that needed less than their share) to the wrapping columns.
  let left = inner - widths.reduce((a, b) => a + b, 0);
  const order = widths.map((_, i) => i).filter((i) => wrap[i]);
  while (left > 0.5 && order.length > 0) {
    const share = left / order.length;
    for (const i of order) widths[i] = widths[i]! + share;
    left = inner - widths.reduce((a, b) => a + b, 0);
  }
  if (order.length === 0 && left > 0) widths[widths.length - 1] = widths[widths.length - 1]! + left;
  // Whole points; the last wrapping column (or the last column) takes the rounding remainder.
  const whole = widths.map((w) => Math.floor(w));
  const rest = inner - whole.reduce((a, b) => a + b, 0);
  const taker = order.length > 0 ? order[order.length - 1]! : whole.length - 1;
  whole[taker] = whole[taker]! + rest;
  return columns.map((c, i) => ({ ...c, wrap: wrap[i]!, width: whole[i]! }));
}

function rowHeight(cells: readonly string[], columns: readonly LaidColumn[], st: PosterStyle, adv: AdvanceFn): number {
  const { size } = st;
  const fs = size.type.table;
  let lines = 1;
  cells.forEach((text, i) => {
    const col = columns[i]!;
    const w = (col.width - 2 * size.cellPad - SNAP) / fs;
    lines = Math.max(lines, col.wrap ? countLines(text, w, adv) : 1);
  });
  return lines * st.lh(fs) + 2 * size.cellPad + size.rule.thin;
}

/** Height of the label + value lines of a text box. */
function textHeight(text: string, width: number, fs: number, adv: AdvanceFn, st: PosterStyle): number {
  return countLines(text, (width - SNAP) / fs, adv) * st.lh(fs);
}

/** Lays out the sheets of a poster at one size. */
/**
 * The sheets for the units: as few as the content needs, with the breaks moved up so the sheets share
 * the content evenly — no last sheet holding one sentence and the sign-off under a blank page. The
 * smallest sheet height that still needs no more sheets, found by halving (pure and deterministic).
 */
function balancedFlow(units: readonly FlowUnit[], capacity: number): FlowSheet[] {
  const full = paginate(units, capacity);
  if (full.length < 2) return full;
  const fits = (c: number) => {
    try {
      return paginate(units, c).length <= full.length;
    } catch (e) {
      if (e instanceof UnitTooTallError) return false;
      throw e;
    }
  };
  let lo = (capacity * (full.length - 1)) / full.length;
  let hi = capacity;
  for (let k = 0; k < 24 && hi - lo > 0.5; k += 1) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  // A block that must stay together can leave an earlier sheet short: raise the height until every
  // sheet but the last is at least half full (the plain fill-first flow when nothing else does).
  for (let c = hi; c < capacity; c += capacity / 100) {
    const flow = paginate(units, c);
    if (flow.length === full.length && flow.slice(0, -1).every((sheet) => sheetFill(units, sheet) >= capacity / 2)) return flow;
  }
  return full;
}

/** The height a sheet's units take, with the space between them and a repeated table header. */
function sheetFill(units: readonly FlowUnit[], sheet: FlowSheet): number {
  return sheet.units.reduce(
    (sum, u, k) => sum + units[u]!.height + (k === 0 ? (sheet.repeatsHeader ? (units[u]!.repeatHeight ?? 0) : 0) : units[u]!.spaceBefore),
    0,
  );
}

export function layoutPoster(doc: PosterDoc, size: SizePreset, fonts: Fonts): PosterLayout {
  try {
    return layoutUnchecked(doc, size, fonts);
  } catch (e) {
    if (e instanceof PosterLayoutError || !(e instanceof Error) || !e.message.startsWith('字体缺少字符')) throw e;
    throw new PosterLayoutError(
      `${doc.record.file}：${e.message}。海报上会印成方框，已停止生成。请改用通行写法，或请县里换用覆盖这个字的字体。 ${doc.record.file}: a character has no glyph in the poster font and would print as a box; the build stopped. Use the common form of the character, or ask the county to use a font that has it.`,
    );
  }
}

function layoutUnchecked(doc: PosterDoc, size: SizePreset, fonts: Fonts): PosterLayout {
  const st = getStyle(size);
  const W = st.contentWidth;
  const t = size.type;

  // ── header (same on every sheet) ──
  const strip = `${doc.village.township} ${doc.village.name} 公开栏 · ${doc.kindZh}`;
  const meta = `${doc.periodZh}　${doc.postingZh}`;
  const titleHeight = textHeight(doc.title, W, t.title, fonts.bold, st);
  const metaHeight = textHeight(meta, W, t.body, fonts.regular, st);
  const stripHeight = st.lh(t.footer);
  const headerHeight = stripHeight + 4 + titleHeight + 4 + metaHeight + 6 + size.rule.thick;

  // ── footer (same on every sheet) ──
  const textW = W - size.qr - 12;

  const footerTexts = [
    { text: `核对码 ${doc.fingerprint}　第${doc.version}版`, bold: true, fontSize: t.fingerprint },
    ...(doc.log
      ? [{ text: `公开日志第 ${doc.log.index} 条 · 登记时日志共 ${doc.log.size} 条 · 根哈希 ${doc.log.root}`, bold: false, fontSize: t.footer }]
      : []),
    { text: '扫左侧二维码或打开下面的网址，核对网上公开的核对码是否相同：', bold: false, fontSize: t.footer },
    { text: doc.url, bold: false, fontSize: t.footer },
    { text: `村监督电话：${doc.phone}　县监督电话：${doc.hotline}`, bold: false, fontSize: t.footer },
  ];
  const footerLines = footerTexts.map((f) => ({ ...f, height: textHeight(f.text, textW, f.fontSize, f.bold ? fonts.bold : fonts.regular, st) }));
  const footerText = footerLines.reduce((s, l) => s + l.height, 0);
  const footerHeight = size.rule.thick + 8 + Math.max(size.qr, footerText);

  const contentTop = size.margin + headerHeight + size.gap;
  const footerTop = Math.floor(size.height - size.margin - footerHeight);
  const contentHeight = footerTop - size.gap - contentTop;

  // ── blocks → flow units ──
  type Pending = { unit: FlowUnit; item: LaidItem; repeat?: LaidItem };
  const pending: Pending[] = [];
  let key = 0;
  const add = (item: ItemWithoutKey, unit: Partial<FlowUnit> = {}, repeat?: LaidItem) => {
    const laid = { ...item, key: `i${key++}` };
    pending.push({ unit: { height: laid.height, spaceBefore: laid.spaceBefore, ...unit }, item: laid, ...(repeat ? { repeat } : {}) });
  };
  const para = st.lh(t.body);
  const signLine = '签字：＿＿＿＿＿＿';

  doc.blocks.forEach((block: Block) => {
    switch (block.kind) {
      case 'heading':
        add(
          { kind: 'heading', text: block.text, height: textHeight(block.text, W, t.heading, fonts.bold, st), spaceBefore: size.gap * 1.5 },
          { keepWithNext: true },
        );
        break;
      case 'paragraph': {
        const adv = block.bold ? fonts.bold : fonts.regular;
        const indent = block.align === 'right' || block.bold ? '' : '　　';
        const chunks = chunkParagraph(indent + block.text, W / t.body, adv);
        chunks.forEach((text, i) => {
          add(
            {
              kind: 'paragraph',
              text,
              bold: Boolean(block.bold),
              align: block.align ?? 'left',
              height: textHeight(text, W, t.body, adv, st),
              spaceBefore: i === 0 ? size.gap * 0.6 : 0,
            },
            block.bold || (block.keepWithNext && i === chunks.length - 1) ? { keepWithNext: true } : {},
          );
        });
        break;
      }
      case 'facts': {
        const labelWidth = Math.ceil(Math.max(...block.rows.map((r) => measureText(`${r.label}：`, fonts.bold))) * t.body + 2);
        block.rows.forEach((r, i) => {
          const h = Math.max(para, textHeight(r.value, W - labelWidth, t.body, fonts.regular, st));
          add({ kind: 'fact', label: `${r.label}：`, value: r.value, labelWidth, height: h, spaceBefore: i === 0 ? size.gap : 2 });
        });
        break;
      }
      case 'summary': {
        const cellW = (n: number) => Math.floor((W - (n + 1) * size.rule.thin) / n) - 2 * size.cellPad - SNAP;
        const fits = (n: number) =>
          block.cells.every((c) => measureText(c.value, fonts.bold) * t.heading <= cellW(n) && measureText(c.label, fonts.regular) * t.table <= cellW(n));
        const perRow = fits(block.cells.length) ? block.cells.length : fits(2) ? 2 : 1;
        const rows = Math.ceil(block.cells.length / perRow);
        const h = rows * (st.lh(t.table) + st.lh(t.heading) + 2 * size.cellPad + size.rule.thin) + size.rule.thin;
        add({
          kind: 'summary',
          cells: block.cells,
          perRow,
          cellWidth: Math.floor((W - (perRow + 1) * size.rule.thin) / perRow),
          height: h,
          spaceBefore: size.gap,
        });
        break;
      }
      case 'table': {
        const columns = layoutColumns(block.columns, block.rows, block.total, st, fonts);
        const headCells = columns.map((c) => c.label);
        const captionH = Math.max(textHeight(block.caption, W, t.body, fonts.bold, st), textHeight(`${block.caption}（续）`, W, t.body, fonts.bold, st));
        const headH = captionH + 4 + rowHeight(headCells, columns, st, fonts.bold) + size.rule.thin;
        const head = { kind: 'table-head' as const, caption: block.caption, columns, height: headH, spaceBefore: size.gap };
        const repeat = { ...head, caption: `${block.caption}（续）`, spaceBefore: 0, key: `r${key}` } as LaidItem;
        add(head, { keepWithNext: true });
        block.rows.forEach((cells, i) => {
          const last = i === block.rows.length - 1;
          add(
            { kind: 'table-row', cells, columns, last, height: rowHeight(cells, columns, st, fonts.regular), spaceBefore: 0 },
            { repeatHeight: headH, keepWithNext: last && block.total !== undefined },
            repeat,
          );
        });
        if (block.total) {
          const label = block.total.label;
          const labelW = columns.slice(0, block.total.column).reduce((s, c) => s + c.width, 0) + (block.total.column - 1) * size.rule.thin;
          const h = Math.max(textHeight(label, labelW - 2 * size.cellPad, t.table, fonts.bold, st), st.lh(t.table)) + 2 * size.cellPad + size.rule.thin;
          add(
            { kind: 'table-total', label, value: block.total.value, column: block.total.column, columns, height: h, spaceBefore: 0 },
            { repeatHeight: headH },
            repeat,
          );
        }
        break;
      }
      case 'callout': {
        const innerW = W - 2 * size.rule.thick - 2 * size.cellPad * 2;

        const h =
          textHeight(block.title, innerW, t.body, fonts.bold, st) +
          block.lines.reduce((s, l) => s + textHeight(l, innerW, t.body, fonts.regular, st), 0) +
          2 * size.rule.thick +
          4 * size.cellPad;
        add({ kind: 'callout', title: block.title, lines: block.lines, height: h, spaceBefore: size.gap });
        break;
      }
      case 'signoff': {
        const rows = block.rows.map((fields) => fields.map((f) => [`${f.label}：${f.value}`, ...(f.sign ? [signLine] : [])]));
        const h =
          rows.reduce((sum, fields) => {
            const fw = Math.floor(W / fields.length) - size.cellPad;
            const lines = Math.max(...fields.map((ls) => ls.reduce((s, l) => s + countLines(l, (fw - SNAP) / t.body, fonts.regular), 0)));
            return sum + lines * para + size.cellPad;
          }, 0) +
          size.rule.thin +
          size.cellPad;
        add({ kind: 'signoff', rows, height: h, spaceBefore: size.gap * 1.5 });
        break;
      }
    }
  });

  let flow;
  try {
    flow = balancedFlow(
      pending.map((p) => p.unit),
      contentHeight,
    );
  } catch (e) {
    if (e instanceof UnitTooTallError) {
      const item = pending[e.unit]!.item;
      throw new PosterLayoutError(
        `海报 ${doc.village.id}/${doc.id}（${doc.record.file}）中有一段内容太长，一张${size.labelZh}纸放不下（第 ${e.unit + 1} 段，${item.kind}）。请把这段拆短。 A block of ${doc.record.file} is taller than a whole ${size.key} sheet (block ${e.unit + 1}, ${item.kind}); split it into shorter parts.`,
      );
    }
    throw e;
  }
  const sheets: LaidSheet[] = flow.map((s, i) => {
    const items: LaidItem[] = [];
    s.units.forEach((u, k) => {
      const p = pending[u]!;
      if (k === 0 && s.repeatsHeader && p.repeat) items.push({ ...p.repeat, key: `${p.repeat.key}-${i}` });
      items.push(k === 0 ? { ...p.item, spaceBefore: 0 } : p.item);
    });
    return { number: i + 1, items };
  });

  return {
    doc,
    size,
    header: { strip, titleHeight, metaHeight, height: headerHeight, meta },
    footer: { top: footerTop, height: footerHeight, lines: footerLines },
    content: { top: contentTop, height: contentHeight, width: W },
    sheets,
  };
}
