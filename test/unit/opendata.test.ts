/**
 * The open-data tables and feeds on the demo county, without a build: column types come from the
 * zod schemas, and a notice with personal data leaves the data files and feeds after its
 * `unpublishAfter` date — its subjects' names never reach them at all.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { csvField, formatCsv, formatCsvLines } from '../../src/lib/csv.ts';
import { addDays } from '../../src/lib/dates.ts';
import { NOTICE_TYPE_NAMES } from '../../src/law/notice-types.ts';
import { listFeedEntries, buildAtomFeed, buildJsonFeed } from '../../src/opendata/feeds.ts';
import { buildDataFiles, getTableFields, type DataFile } from '../../src/opendata/files.ts';
import { TABLES } from '../../src/opendata/tables.ts';
import { toTableSchemaField } from '../../src/opendata/table-schema.ts';
import { assertNoPersonalNumbers } from '../../src/opendata/privacy-gate.ts';
import { DisclosureSchema } from '../../src/schemas/disclosure.ts';
import { LedgerSchema } from '../../src/schemas/ledger.ts';
import { Fen, IsoDate, Text } from '../../src/schemas/primitives.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

let county: County;
beforeAll(() => {
  county = loadCounty(ROOT, { env: {} }).county!;
});

const field = (table: string, name: string) => getTableFields(TABLES.find((t) => t.name === table)!).find((f) => f.name === name)!;

describe('the Table Schema of the data files', () => {
  it('takes enum values from the zod schemas: every notice type of the law table, every disclosure track', () => {
    expect(field('notices', 'type').constraints?.enum).toEqual([...NOTICE_TYPE_NAMES]);
    expect(field('disclosures', 'track').constraints?.enum).toEqual([...DisclosureSchema.shape.track.options]);
    expect(field('notices', 'day_unit').constraints?.enum).toEqual(['自然日', '工作日']);
  });

  it('writes money as yuan numbers with the unit CNY, negative only where the schema allows a negative balance', () => {
    expect(field('ledger-entries', 'amount')).toMatchObject({ type: 'number', unit: 'CNY', constraints: { minimum: 0 } });
    expect(field('ledgers', 'closing_balance')).toMatchObject({ type: 'number', unit: 'CNY' });
    expect(field('ledgers', 'closing_balance').constraints?.minimum).toBeUndefined();
  });

  it('marks a field the schema lets the clerk leave out as optional, and one it requires as required', () => {
    expect(toTableSchemaField({ name: 'x', title: 'x', description: 'x', schema: LedgerSchema.shape.entity }).constraints?.required).toBeUndefined();
    expect(toTableSchemaField({ name: 'x', title: 'x', description: 'x', schema: IsoDate }).constraints?.required).toBe(true);
    expect(toTableSchemaField({ name: 'x', title: 'x', description: 'x', schema: Fen.optional() })).toMatchObject({ type: 'number', unit: 'CNY' });
    expect(toTableSchemaField({ name: 'x', title: 'x', description: 'x', schema: Text }).type).toBe('string');
  });

  it('has a type for every column, unique column names per table and key columns that exist', () => {
    for (const t of TABLES) {
      const names = getTableFields(t).map((f) => f.name);
      expect(new Set(names).size, t.name).toBe(names.length);
      for (const k of [...t.primaryKey, ...(t.foreignKeys ?? []).flatMap((fk) => fk.fields)]) expect(names, `${t.name}.${k}`).toContain(k);
    }
  });
});

describe('CSV cells', () => {
  it('neutralise text that a spreadsheet would run as a formula but keep a negative balance a number', () => {
    expect(csvField('-1')).toBe(`"'-1"`);
    expect(csvField(-1234.5)).toBe('"-1234.5"');
    expect(formatCsv(['a'], [['=1+1']])).toBe('\uFEFF"a"\r\n"\'=1+1"\r\n');
  });

  it('are written as the one rule says for every first character and quote: quoted, quotes doubled, a formula start neutralised', () => {
    // The rule as it was first written, one regular expression each: the faster csvField must give the same bytes.
    const byRule = (value: string | number) => {
      const text = String(value);
      const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      return `"${safe.replace(/"/g, '""')}"`;
    };
    const pieces = ['', '=', '+', '-', '@', '\t', '\r', '\n', '"', '""', 'a', '低保', ',', ' ', "'", '1'];
    const values: (string | number)[] = [0, -1, 1.5, -1234.56, 1e21, Number.MAX_SAFE_INTEGER];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) values.push(`${a}${b}${c}`);
    for (const value of values) expect(csvField(value), JSON.stringify(value)).toBe(byRule(value));
    const rows = [values.slice(0, 7), [], values.slice(7, 30)];
    expect(formatCsvLines(rows)).toBe(rows.map((r) => `${r.map(byRule).join(',')}\r\n`).join(''));
  });
});

describe('a notice with personal data', () => {
  const maquDibao = () => {
    const v = county.villages.find((x) => x.id === 'maqu')!;
    const n = v.notices.find((x) => x.data.type === '低保初审' && x.data.unpublishAfter)!;
    return { v, n };
  };
  const filesAt = async (asOf: string): Promise<DataFile[]> => {
    const { v } = maquDibao();
    const c = { ...county, asOf };
    return buildDataFiles({
      county: c,
      villages: [v],
      findings: new Map(),
      folderUrl: 'https://example.cn/v/maqu/data/',
      pageUrl: 'https://example.cn/data/',
      label: '马曲村',
      name: 'gongkai-maqu',
    });
  };
  const rowsOf = (files: DataFile[], name: string) =>
    parseCsv<Record<string, string>>(files.find((f) => f.name === `${name}.csv`)!.body, { bom: true, columns: true });

  it('is published without names while it may be online, and not at all after unpublishAfter', async () => {
    const { v, n } = maquDibao();
    const names = n.data.subjects.map((s) => s.name!).filter(Boolean);
    expect(names.length).toBeGreaterThan(0);
    const before = await filesAt(n.data.unpublishAfter!);
    const after = await filesAt(addDays(n.data.unpublishAfter!, 1));
    expect(rowsOf(before, 'notices').some((r) => r.notice === n.id)).toBe(true);
    expect(rowsOf(before, 'notice-subjects').filter((r) => r.notice === n.id)).toHaveLength(n.data.subjects.length);
    expect(rowsOf(before, 'notice-subjects').every((r) => r.name === '')).toBe(true);
    expect(rowsOf(after, 'notices').some((r) => r.notice === n.id)).toBe(false);
    expect(rowsOf(after, 'notice-subjects').some((r) => r.notice === n.id)).toBe(false);
    for (const files of [before, after]) for (const f of files) for (const name of names) expect(f.body.includes(name), `${f.name} names ${name}`).toBe(false);

    for (const asOf of [n.data.unpublishAfter!, addDays(n.data.unpublishAfter!, 1)]) {
      const scope = {
        county: { ...county, asOf },
        villages: [v],
        baseUrl: 'https://example.cn/',
        title: 't',
        homeUrl: 'https://example.cn/v/maqu/',
        atomUrl: 'https://example.cn/v/maqu/feed.xml',
        jsonUrl: 'https://example.cn/v/maqu/feed.json',
        dataUrl: 'https://example.cn/v/maqu/#data',
      };
      const entries = listFeedEntries(scope);
      const listed = entries.some((e) => e.url.endsWith(`/notices/${n.id}/`));
      expect(listed, `listed on ${asOf}`).toBe(asOf <= n.data.unpublishAfter!);
      for (const text of [buildAtomFeed(scope, entries), buildJsonFeed(scope, entries)]) for (const name of names) expect(text.includes(name)).toBe(false);
    }
  });
});

describe('the privacy gate before a data file or feed is written', () => {
  it('stops the build on an ID number, naming the file and the masked number in Chinese and English', () => {
    expect(() => assertNoPersonalNumbers('v/maqu/data/notes.csv', '"备注","11010519491231002X"')).toThrow(
      /v\/maqu\/data\/notes\.csv.*个人号码.*11\*+02X.*personal numbers/,
    );
    expect(() => assertNoPersonalNumbers('feed.json', '{"title":"电话 0917-4631208"}')).not.toThrow();
  });

  it("finds in a county CSV file only what the scans of the villages' parts found: no number spans two villages' lines", () => {
    // The county file is scanned as its villages' parts, each once (src/data/opendata-parts.ts); digit groups at the end of
    // one village's last line and the start of the next village's first line must not add up to a number.
    const end = formatCsvLines([['maqu', '139 1712']]);
    const start = formatCsvLines([['3456', '6222 0212']]);
    const next = formatCsvLines([['3456 7890 1234', '0917']]);
    for (const part of [end, start, next]) expect(() => assertNoPersonalNumbers('v/x/data/t.csv', part)).not.toThrow();
    expect(() => assertNoPersonalNumbers('data/t.csv', `\uFEFF"a","b"\r\n${end}${start}${next}`)).not.toThrow();
    // The same digits inside one field are a number, in a part and in the county file.
    const whole = formatCsvLines([['maqu', '139 1712 3456']]);
    expect(() => assertNoPersonalNumbers('v/maqu/data/t.csv', whole)).toThrow(/139\*+3456/);
    expect(() => assertNoPersonalNumbers('data/t.csv', `${end}${whole}`)).toThrow(/139\*+3456/);
  });

  it('lets through the SHA-256 digests the build writes into a data package, even one whose digits read as a mobile number, and still stops a number beside one', () => {
    const digest = `ab${'16591239667'}${'c'.repeat(51)}`;
    expect(digest).toHaveLength(64);
    expect(() => assertNoPersonalNumbers('data/datapackage.json', `{"hash":"sha256:${digest}"}`)).not.toThrow();
    expect(() => assertNoPersonalNumbers('data/datapackage.json', `{"hash":"sha256:${digest}","note":"13991712345"}`)).toThrow(/139\*+2345/);
  });

  it('does not mistake a file digest in datapackage.json for a bank card number, but still finds one beside it', () => {
    // 16 digits that pass the Luhn check, inside a hex SHA-256 digest (a generated county's build stopped on one).
    const digest = `ab${'4111111111111111'}${'cdef0123'.repeat(5)}fe0a9b`;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(() => assertNoPersonalNumbers('data/datapackage.json', `{"path":"ledgers.csv","hash":"sha256:${digest}"}`)).not.toThrow();
    expect(() => assertNoPersonalNumbers('data/datapackage.json', `{"hash":"sha256:${digest}","description":"卡号 4111111111111111"}`)).toThrow(
      /bank 4111\*+1111/,
    );
  });
});
