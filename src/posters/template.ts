/**
 * Draws one sheet of a laid-out poster as a satori element tree: black on white, large type, table
 * rules drawn as black gaps between white cells (plain rectangles, which stay exact in SVG, PNG and
 * PDF), the page header repeated on every sheet and the QR code, 核对码 and posting dates in the
 * footer. Every measure comes from layout.ts, so what is drawn is what was paginated.
 *
 * Bump TEMPLATE_VERSION whenever the drawing changes: it is part of every poster's cache key.
 */
import { FONT_FAMILY } from './fonts.ts';
import type { LaidColumn, LaidItem, PosterLayout } from './layout.ts';
import { getStyle } from './layout.ts';

export const TEMPLATE_VERSION = 2;

/** A satori element: what JSX would produce, written as plain objects. */
export interface El {
  type: string;
  key?: string;
  props: { style?: Record<string, unknown>; children?: El | string | (El | string)[] };
}

function h(type: string, style: Record<string, unknown>, children?: El | string | (El | string)[], key?: string): El {
  return { type, ...(key ? { key } : {}), props: { style, ...(children === undefined ? {} : { children }) } };
}

const BLACK = '#000';
const WHITE = '#fff';

export function drawSheet(layout: PosterLayout, sheetIndex: number): El {
  const { size, doc, header, footer, content } = layout;
  const st = getStyle(size);
  const t = size.type;
  const sheet = layout.sheets[sheetIndex]!;
  const total = layout.sheets.length;
  const W = content.width;
  const m = size.margin;
  const text = (fontSize: number, extra: Record<string, unknown> = {}) => ({ display: 'flex', fontSize, lineHeight: `${st.lh(fontSize)}px`, ...extra });

  // ── header ──
  const headerEl = h(
    'div',
    { position: 'absolute', left: m, top: m, width: W, height: header.height, display: 'flex', flexDirection: 'column' },
    [
      h(
        'div',
        { display: 'flex', justifyContent: 'space-between', fontSize: t.footer, lineHeight: `${st.lh(t.footer)}px`, fontWeight: 700, height: st.lh(t.footer) },
        [h('div', { display: 'flex' }, header.strip), h('div', { display: 'flex' }, `第 ${sheet.number} 页 / 共 ${total} 页`)],
      ),
      h('div', text(t.title, { marginTop: 4, fontWeight: 700, justifyContent: 'center', textAlign: 'center', width: W }), doc.title, 'title'),
      h('div', text(t.body, { marginTop: 4, justifyContent: 'center', textAlign: 'center', width: W }), header.meta, 'meta'),
      h('div', { display: 'flex', marginTop: 6, height: size.rule.thick, width: W, background: BLACK }),
    ],
    'header',
  );

  // ── footer ──
  const footerEl = h(
    'div',
    { position: 'absolute', left: m, top: footer.top, width: W, height: footer.height, display: 'flex', flexDirection: 'column' },
    [
      h('div', { display: 'flex', height: size.rule.thick, width: W, background: BLACK }),
      h('div', { display: 'flex', marginTop: 8, width: W }, [
        // The QR code's box, left empty: render.ts draws the code into it after satori (qr.ts
        // drawQrSvg), as a few hundred rectangles satori would otherwise lay out one by one.
        h('div', { display: 'flex', width: size.qr, height: size.qr, background: WHITE, flexShrink: 0 }, undefined, 'qr'),
        h(
          'div',
          { display: 'flex', flexDirection: 'column', marginLeft: 12, width: W - size.qr - 12 },
          footer.lines.map((l, i) =>
            h('div', text(l.fontSize, { fontWeight: l.bold ? 700 : 400, wordBreak: 'break-all', width: W - size.qr - 12 }), l.text, `footer-${i}`),
          ),
        ),
      ]),
    ],
    'footer',
  );

  // ── content ──
  const items = sheet.items.map((item) => drawItem(item, layout));
  const contentEl = h(
    'div',
    { position: 'absolute', left: m, top: content.top, width: W, height: content.height, display: 'flex', flexDirection: 'column' },
    items,
    'content',
  );

  return h(
    'div',
    {
      display: 'flex',
      position: 'relative',
      width: size.width,
      height: size.height,
      background: WHITE,
      color: BLACK,
      fontFamily: FONT_FAMILY,
      fontWeight: 400,
    },
    [headerEl, contentEl, footerEl],
  );
}

function cellStyle(col: LaidColumn, i: number, layout: PosterLayout, extra: Record<string, unknown> = {}) {
  const { size } = layout;
  return {
    display: 'flex',
    flexShrink: 0,
    boxSizing: 'border-box',
    width: col.width,
    marginLeft: i === 0 ? 0 : size.rule.thin,
    padding: size.cellPad,
    background: WHITE,
    fontSize: size.type.table,
    lineHeight: `${getStyle(size).lh(size.type.table)}px`,
    justifyContent: col.align === 'right' ? 'flex-end' : col.align === 'center' ? 'center' : 'flex-start',
    textAlign: col.align,
    ...(col.wrap ? { wordBreak: 'break-word' } : { whiteSpace: 'nowrap' }),
    ...extra,
  };
}

function tableRow(cells: (El | string)[], layout: PosterLayout, top: boolean, key: string): El {
  const { size } = layout;
  return h(
    'div',
    {
      display: 'flex',
      flexShrink: 0,
      boxSizing: 'border-box',
      width: layout.content.width,
      background: BLACK,
      paddingLeft: size.rule.thin,
      paddingRight: size.rule.thin,
      paddingBottom: size.rule.thin,
      paddingTop: top ? size.rule.thin : 0,
    },
    cells,
    key,
  );
}

function drawItem(item: LaidItem, layout: PosterLayout): El {
  const { size, content } = layout;
  const t = size.type;
  const W = content.width;
  const lh = (fs: number) => `${getStyle(size).lh(fs)}px`;
  const base = { display: 'flex', flexShrink: 0, boxSizing: 'border-box', marginTop: item.spaceBefore, width: W };
  switch (item.kind) {
    case 'heading':
      return h('div', { ...base, fontSize: t.heading, lineHeight: lh(t.heading), fontWeight: 700 }, item.text, item.key);
    case 'paragraph':
      return h(
        'div',
        {
          ...base,
          fontSize: t.body,
          lineHeight: lh(t.body),
          fontWeight: item.bold ? 700 : 400,
          justifyContent: item.align === 'right' ? 'flex-end' : 'flex-start',
          textAlign: item.align,
          wordBreak: 'break-word',
        },
        item.text,
        item.key,
      );
    case 'fact':
      return h(
        'div',
        { ...base, fontSize: t.body, lineHeight: lh(t.body) },
        [
          h('div', { display: 'flex', flexShrink: 0, width: item.labelWidth, fontWeight: 700 }, item.label),
          h('div', { display: 'flex', width: W - item.labelWidth, wordBreak: 'break-word' }, item.value),
        ],
        item.key,
      );
    case 'summary': {
      const rows: El[] = [];
      const n = item.perRow;
      const cellW = item.cellWidth;
      for (let r = 0; r * n < item.cells.length; r += 1) {
        const lastW = W - 2 * size.rule.thin - (n - 1) * (cellW + size.rule.thin);
        const cells = item.cells.slice(r * n, r * n + n).map((c, i) =>
          h(
            'div',
            {
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              boxSizing: 'border-box',
              width: i === n - 1 ? lastW : cellW,
              flexShrink: 0,
              marginLeft: i === 0 ? 0 : size.rule.thin,
              padding: size.cellPad,
              background: WHITE,
            },
            [
              h('div', { display: 'flex', fontSize: t.table, lineHeight: lh(t.table) }, c.label),
              h('div', { display: 'flex', fontSize: t.heading, lineHeight: lh(t.heading), fontWeight: 700 }, c.value),
            ],
          ),
        );
        rows.push(tableRow(cells, layout, r === 0, `${item.key}-r${r}`));
      }
      return h('div', { ...base, flexDirection: 'column' }, rows, item.key);
    }
    case 'table-head':
      return h(
        'div',
        { ...base, flexDirection: 'column' },
        [
          h('div', { display: 'flex', fontSize: t.body, lineHeight: lh(t.body), fontWeight: 700, marginBottom: 4, width: W }, item.caption),
          tableRow(
            item.columns.map((c, i) => h('div', cellStyle(c, i, layout, { fontWeight: 700, justifyContent: 'center', textAlign: 'center' }), c.label)),
            layout,
            true,
            `${item.key}-h`,
          ),
        ],
        item.key,
      );
    case 'table-row':
      return h(
        'div',
        { ...base, flexDirection: 'column' },
        [
          tableRow(
            item.cells.map((c, i) => h('div', cellStyle(item.columns[i]!, i, layout), c)),
            layout,
            false,
            `${item.key}-r`,
          ),
        ],
        item.key,
      );
    case 'table-total': {
      const span = item.columns.slice(0, item.column);
      const spanWidth = span.reduce((s, c) => s + c.width, 0) + (span.length - 1) * size.rule.thin;
      const cells: El[] = [
        h('div', cellStyle({ label: '', align: 'center', wrap: true, width: spanWidth }, 0, layout, { fontWeight: 700 }), item.label),
        ...item.columns
          .slice(item.column)
          .map((c, i) => h('div', cellStyle({ ...c, wrap: false }, i + 1, layout, { fontWeight: 700 }), i === 0 ? item.value : '')),
      ];
      return h('div', { ...base, flexDirection: 'column' }, [tableRow(cells, layout, false, `${item.key}-r`)], item.key);
    }
    case 'callout':
      return h(
        'div',
        { ...base, background: BLACK, padding: size.rule.thick },
        [
          h(
            'div',
            {
              display: 'flex',
              flexDirection: 'column',
              boxSizing: 'border-box',
              width: W - 2 * size.rule.thick,
              background: WHITE,
              padding: size.cellPad * 2,
              fontSize: t.body,
              lineHeight: lh(t.body),
            },
            [
              h('div', { display: 'flex', fontWeight: 700, wordBreak: 'break-word' }, item.title),
              ...item.lines.map((l) => h('div', { display: 'flex', wordBreak: 'break-word' }, l)),
            ],
          ),
        ],
        item.key,
      );
    case 'signoff':
      return h(
        'div',
        { ...base, flexDirection: 'column', fontSize: t.body, lineHeight: lh(t.body) },
        [
          h('div', { display: 'flex', height: size.rule.thin, width: W, background: BLACK, marginBottom: size.cellPad }),
          ...item.rows.map((fields) =>
            h(
              'div',
              { display: 'flex', width: W, marginBottom: size.cellPad },
              fields.map((lines) =>
                h(
                  'div',
                  { display: 'flex', flexDirection: 'column', boxSizing: 'border-box', width: Math.floor(W / fields.length), paddingRight: size.cellPad },
                  lines.map((l) => h('div', { display: 'flex', wordBreak: 'break-word' }, l)),
                ),
              ),
            ),
          ),
        ],
        item.key,
      );
  }
}
