/**
 * A county whose data files would pass the largest file a host takes (issue 18), built for real with a small cap
 * (`scripts/build.ts --data-file-mb`; the default is src/lib/deploy-hosts.ts `DATA_FILE_BYTES`): the county's ledger
 * entries are one file per year, each in numbered parts under the cap; every entry of the villages' files is in
 * exactly one part; the data package describes the parts and validates; the workbook leaves out the entries it
 * cannot hold and says where they are; /data/ links every part with its size. The villages' files stay one each.
 */
import { appendFileSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCEL_MAX_ROWS } from '../../src/opendata/files.ts';
import { TABLES } from '../../src/opendata/tables.ts';
import { dataPackageValidators, type DataPackageResource as Resource } from '../helpers/datapackage-profiles.ts';
import { buildGeneratedCounty, type GeneratedCounty } from '../helpers/generated-county.ts';

/** 0.15 MB: above one village's entries of one year (≈ 80 KB), below three villages' (≈ 240 KB). */
const CAP_MB = 0.15;
const CAP = Math.floor(CAP_MB * 1024 * 1024);

let county: GeneratedCounty | undefined;
let dist: string;
let villages: string[];

beforeAll(() => {
  county = buildGeneratedCounty('split', { villages: 3, quarters: 8, seed: 5, buildArgs: ['--data-file-mb', String(CAP_MB)] });
  dist = county.dist;
  villages = readdirSync(join(dist, 'v')).filter((d) => statSync(join(dist, 'v', d, 'data'), { throwIfNoEntry: false })?.isDirectory());
}, 600_000);

afterAll(() => county?.remove());

const countyFiles = () => readdirSync(join(dist, 'data')).filter((f) => f !== 'index.html');
const pkg = (folder: string) => JSON.parse(readFileSync(join(dist, folder, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
const pathsOf = (r: Resource) => (Array.isArray(r.path) ? r.path : [r.path]);
/** A CSV file's lines after its header (each field is quoted and no generated text holds a line break). */
const dataLines = (file: string) => readFileSync(file, 'utf8').split('\r\n').slice(1, -1);

describe('a county whose data would pass the file cap', () => {
  it('has no data file above the cap, and the ledger entries in one file per year, numbered when a year passes it', () => {
    expect(villages.length).toBe(3);
    for (const f of countyFiles()) expect(statSync(join(dist, 'data', f)).size, f).toBeLessThanOrEqual(CAP);
    const parts = countyFiles().filter((f) => f.startsWith('ledger-entries'));
    const years = new Set(parts.map((f) => f.match(/^ledger-entries-(\d{4})(-\d+)?\.csv$/)?.[1]));
    expect(years.size, parts.join()).toBeGreaterThanOrEqual(2);
    expect(years.has(undefined), parts.join()).toBe(false);
    expect(
      parts.some((f) => /-\d{4}-2\.csv$/.test(f)),
      parts.join(),
    ).toBe(true);
    // Each part starts with the BOM and the header, so each opens in Excel on its own.
    const header = readFileSync(join(dist, 'data', parts[0]!), 'utf8').split('\r\n')[0];
    expect(header!.startsWith('\uFEFF"village"')).toBe(true);
    for (const f of parts) expect(readFileSync(join(dist, 'data', f), 'utf8').split('\r\n')[0], f).toBe(header);
  });

  it('puts every row of every village file in exactly one county part, entries in the part of their year', () => {
    for (const t of TABLES) {
      const villageLines = villages.flatMap((v) => dataLines(join(dist, 'v', v, 'data', `${t.name}.csv`)));
      const r = pkg('data').resources.find((x) => x.name === t.name)!;
      const countyLines = pathsOf(r).flatMap((p) => dataLines(join(dist, 'data', p)));
      expect(countyLines.length, t.name).toBe(villageLines.length);
      expect([...countyLines].sort(), t.name).toEqual([...villageLines].sort());
      expect(new Set(countyLines).size, t.name).toBe(countyLines.length);
      for (const p of pathsOf(r)) {
        const year = p.match(/-(\d{4})(-\d+)?\.csv$/)?.[1];
        if (t.countyPartsBy && year) for (const line of dataLines(join(dist, 'data', p))) expect(line.split('","')[1]!.slice(0, 4), p).toBe(year);
      }
    }
    expect(pkg('data').resources.find((x) => x.name === 'ledger-entries')!.path).toBeInstanceOf(Array);
  });

  it('keeps one file per table for each village', () => {
    for (const v of villages) {
      const files = readdirSync(join(dist, 'v', v, 'data'));
      for (const t of TABLES) expect(files, v).toContain(`${t.name}.csv`);
      expect(
        files.filter((f) => f.startsWith('ledger-entries')),
        v,
      ).toEqual(['ledger-entries.csv']);
      for (const r of pkg(`v/${v}/data`).resources) expect(typeof r.path, `${v} ${r.name}`).toBe('string');
    }
  });

  it('describes the parts in a data package that validates against the official profiles, with their total size', () => {
    const { pkg: validate, schema, dialect } = dataPackageValidators();
    for (const folder of ['data', ...villages.map((v) => `v/${v}/data`)]) {
      const d = pkg(folder);
      expect(validate(d), `${folder}: ${JSON.stringify(validate.errors)}`).toBe(true);
      for (const r of d.resources) {
        expect(schema(r.schema), `${folder} ${r.name}`).toBe(true);
        expect(dialect(r.dialect), `${folder} ${r.name}`).toBe(true);
        expect(r.bytes, `${folder} ${r.name}`).toBe(pathsOf(r).reduce((n, p) => n + statSync(join(dist, folder, p)).size, 0));
      }
    }
    // Every county file but the descriptor itself is described.
    const described = new Set(pkg('data').resources.flatMap(pathsOf));
    for (const f of countyFiles().filter((x) => x !== 'datapackage.json' && x !== 'README.md')) expect(described, f).toContain(f);
  });

  it('gives a workbook Excel opens: the entries it cannot hold left out, a sheet saying which files hold them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dist, 'data', 'ledgers.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(['期间汇总', '说明']);
    for (const ws of wb.worksheets) expect(ws.rowCount).toBeLessThanOrEqual(EXCEL_MAX_ROWS);
    const note: string[] = [];
    wb.getWorksheet('说明')!.eachRow((row) => note.push(String(row.getCell(1).value)));
    for (const f of countyFiles().filter((x) => x.startsWith('ledger-entries'))) expect(note, f).toContain(f);
    expect(pkg('data').resources.map((r) => r.name)).not.toContain('ledger-entries-xlsx');
    expect(readFileSync(join(dist, 'data', 'README.md'), 'utf8')).toContain('工作表“说明”');
    // A village's workbook still has its entries.
    const village = new ExcelJS.Workbook();
    await village.xlsx.readFile(join(dist, 'v', villages[0]!, 'data', 'ledgers.xlsx'));
    expect(village.worksheets.map((w) => w.name)).toEqual(['期间汇总', '收支明细']);
  });

  it('lists every part on /data/ under its table, by year and part, with its size', () => {
    const page = readFileSync(join(dist, 'data', 'index.html'), 'utf8');
    for (const f of countyFiles()) expect(page, f).toContain(`href="/data/${f}"`);
    const first = countyFiles().find((f) => /^ledger-entries-\d{4}-1\.csv$/.test(f))!;
    const year = first.slice('ledger-entries-'.length, -'-1.csv'.length);
    expect(page).toContain(`${year}年第1部分 ${first}`);
    expect(page).toContain(`${CAP_MB} MB`);
    expect(page.match(/财务收支明细（每笔一行）/g)?.length).toBe(1);
  });

  // Last: it builds the county again.
  it('drops, in an incremental build, a county data file the last build had and this one does not write', () => {
    const before = countyFiles().sort();
    writeFileSync(join(dist, 'data', 'ledger-entries-1999.csv'), '\uFEFF"village"\r\n');
    appendFileSync(join(county!.root, 'content', 'villages', villages[0]!, 'village.yaml'), '\n# 改了一处\n');
    expect(county!.rebuild()).toContain('增量构建：1 个村有变化');
    dist = realpathSync(join(county!.root, 'site'));
    expect(countyFiles().sort()).toEqual(before);
  }, 600_000);
});
