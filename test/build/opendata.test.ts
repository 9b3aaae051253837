/**
 * The open data of the built demo county: data packages that validate against the official Data
 * Package v2 profiles, CSV files that Excel opens and that re-add to the site's totals, feeds a
 * reader accepts, download and feed links on the pages, share cards and no personal data anywhere.
 * That a second build gives the same bytes in every data file and feed is proved by
 * test/build/reproducible.test.ts, which compares every output file of two builds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { formatYuan, parseFen } from '../../src/lib/money.ts';
import { findPersonalNumbers } from '../../src/lib/privacy.ts';
import { getNoticeType } from '../../src/law/notice-types.ts';
import { listFeedEntries, selectFeedEntries } from '../../src/opendata/feeds.ts';
import { TABLES } from '../../src/opendata/tables.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { dataPackageValidators, type DataPackageResource as Resource } from '../helpers/datapackage-profiles.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

let DIST: string;
let county: County;

/** The data folders: the county's and every village's. */
const folders = () => ['data', ...county.villages.map((v) => `v/${v.id}/data`)];
const readPackage = (folder: string) => JSON.parse(readFileSync(join(DIST, folder, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
const csvRows = (file: string): Record<string, string>[] => parseCsv(readFileSync(file), { bom: true, columns: true, record_delimiter: '\r\n' });
const pathsOf = (r: Resource): string[] => (Array.isArray(r.path) ? r.path : [r.path]);
/** A table's rows, from its one file or its parts in order. */
const tableRows = (folder: string, name: string): Record<string, string>[] =>
  pathsOf(readPackage(folder).resources.find((r) => r.name === name)!).flatMap((p) => csvRows(join(DIST, folder, p)));
const feedFiles = () => ['feed.xml', 'feed.json', ...county.villages.flatMap((v) => [`v/${v.id}/feed.xml`, `v/${v.id}/feed.json`])];

/** Every data file and feed, as text (the workbook's cells read back with exceljs). */
async function publishedTexts(): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const folder of folders()) {
    for (const name of readdirSync(join(DIST, folder))) {
      const file = join(folder, name);
      if (name.endsWith('.xlsx')) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(DIST, file));
        const cells: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
        out.push({ file, text: cells.join('\n') });
      } else if (name !== 'index.html') out.push({ file, text: readFileSync(join(DIST, file), 'utf8') });
    }
  }
  for (const f of feedFiles()) out.push({ file: f, text: readFileSync(join(DIST, f), 'utf8') });
  return out;
}

beforeAll(() => {
  DIST = ensureDemoDist().dist;
  county = loadCounty(ROOT, { env: {} }).county!;
});

describe('the data packages', () => {
  it('validate against the official Data Package v2, Table Schema and Table Dialect profiles', () => {
    const { pkg, schema, dialect } = dataPackageValidators();
    for (const folder of folders()) {
      const d = readPackage(folder);
      expect(pkg(d), `${folder}/datapackage.json: ${JSON.stringify(pkg.errors)}`).toBe(true);
      expect(d.resources.length).toBeGreaterThan(0);
      for (const r of d.resources) {
        expect(schema(r.schema), `${folder} ${r.name} schema: ${JSON.stringify(schema.errors)}`).toBe(true);
        expect(dialect(r.dialect), `${folder} ${r.name} dialect: ${JSON.stringify(dialect.errors)}`).toBe(true);
      }
    }
  });

  it('describe every file byte for byte (size and SHA-256) and every column in the README', () => {
    for (const folder of folders()) {
      const readme = readFileSync(join(DIST, folder, 'README.md'), 'utf8');
      for (const r of readPackage(folder).resources) {
        const bodies = pathsOf(r).map((p) => readFileSync(join(DIST, folder, p)));
        expect(r.bytes, `${folder}/${String(r.path)}`).toBe(bodies.reduce((n, b) => n + b.length, 0));
        // A table in parts has its total size and no hash (of which file?); each part is listed on /data/ with its size.
        if (bodies.length === 1) expect(r.hash).toBe(`sha256:${createHash('sha256').update(bodies[0]!).digest('hex')}`);
        else expect(r.hash).toBeUndefined();
        for (const f of r.schema.fields) expect(readme, `${folder}/README.md should explain ${r.name}.${f.name}`).toContain(`| ${f.name} |`);
      }
    }
  });

  it('give CSV files with a BOM, CRLF line ends, the declared header, typed cells and unique keys that resolve', () => {
    for (const folder of folders()) {
      const resources = readPackage(folder).resources.filter((r) => r.format === 'csv');
      const rowsOf = new Map(resources.map((r) => [r.name, tableRows(folder, r.name)]));
      for (const r of resources) {
        for (const path of pathsOf(r)) {
          const raw = readFileSync(join(DIST, folder, path), 'utf8');
          expect(raw.startsWith('\uFEFF'), `${folder}/${path} BOM`).toBe(true);
          expect(raw.replace(/\r\n/g, '')).not.toMatch(/\n(?=")/);
          expect(raw.slice(1, raw.indexOf('\r\n'))).toBe(r.schema.fields.map((f) => `"${f.name}"`).join(','));
        }
        const rows = rowsOf.get(r.name)!;
        for (const [i, row] of rows.entries()) {
          for (const f of r.schema.fields) {
            const v = row[f.name]!;
            const where = `${folder}/${r.name} row ${i + 1} ${f.name}=${JSON.stringify(v)}`;
            if (v === '') {
              expect(f.constraints?.required, `${where} is required`).not.toBe(true);
              continue;
            }
            if (f.type === 'integer') expect(v, where).toMatch(/^-?\d+$/);
            if (f.type === 'number') expect(v, where).toMatch(/^-?\d+(\.\d{1,2})?$/);
            if (f.type === 'date') expect(v, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            if (f.type === 'boolean') expect(['true', 'false'], where).toContain(v);
            if (f.constraints?.enum) expect(f.constraints.enum, where).toContain(v);
            if (f.constraints?.minimum !== undefined) expect(Number(v), where).toBeGreaterThanOrEqual(f.constraints.minimum);
          }
        }
        const keys = rows.map((row) => r.schema.primaryKey.map((k) => row[k]).join('\u0000'));
        expect(new Set(keys).size, `${folder}/${r.name} primary key`).toBe(keys.length);
        for (const fk of r.schema.foreignKeys ?? []) {
          const target = new Set(rowsOf.get(fk.reference.resource)!.map((row) => fk.reference.fields.map((k) => row[k]).join('\u0000')));
          for (const row of rows) expect(target.has(fk.fields.map((k) => row[k]).join('\u0000')), `${folder}/${r.name} → ${fk.reference.resource}`).toBe(true);
        }
      }
    }
  });
});

describe('the ledger data', () => {
  it('re-adds from ledger-entries.csv (the county: its year files) to the totals in ledgers.csv and on every ledger page', () => {
    expect(existsSync(join(DIST, 'data', 'ledger-entries-2025.csv'))).toBe(true);
    for (const folder of folders()) {
      const entries = tableRows(folder, 'ledger-entries');
      const ledgers = csvRows(join(DIST, folder, 'ledgers.csv'));
      expect(ledgers.length).toBeGreaterThan(0);
      for (const l of ledgers) {
        const mine = entries.filter((e) => e.village === l.village && e.ledger === l.ledger);
        const sum = (side: string) => mine.filter((e) => e.side === side).reduce((s, e) => s + fen(e.amount!), 0);
        const income = sum('收入');
        const expense = sum('支出');
        expect(income).toBe(fen(l.income_total!));
        expect(expense).toBe(fen(l.expense_total!));
        expect(fen(l.opening_balance!) + income - expense).toBe(fen(l.closing_balance!));
        const page = readFileSync(join(DIST, l.url!.slice(1), 'index.html'), 'utf8');
        for (const amount of [income, expense, fen(l.opening_balance!), fen(l.closing_balance!)]) expect(page).toContain(formatYuan(amount));
      }
    }
    // Every ledger of the county is in the county file.
    expect(csvRows(join(DIST, 'data', 'ledgers.csv')).length).toBe(county.villages.reduce((n, v) => n + v.ledgers.length, 0));
  });

  it('gives the same rows in the Excel workbook as in the CSV files', async () => {
    for (const folder of folders()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(DIST, folder, 'ledgers.xlsx'));
      for (const r of readPackage(folder).resources.filter((x) => x.format === 'xlsx')) {
        const sheetName = (r.dialect as { sheetName: string }).sheetName;
        const ws = wb.getWorksheet(sheetName)!;
        expect(ws, `${folder} sheet ${sheetName}`).toBeDefined();
        const csv = tableRows(folder, r.name.replace(/-xlsx$/, ''));
        const header = (ws.getRow(1).values as unknown[]).slice(1);
        expect(header).toEqual(r.schema.fields.map((f) => f.name));
        expect(ws.rowCount - 1).toBe(csv.length);
        csv.forEach((row, i) => {
          const values = (ws.getRow(i + 2).values as unknown[]).slice(1);
          r.schema.fields.forEach((f, j) => expect(String(values[j] ?? ''), `${folder} ${sheetName} row ${i + 2} ${f.name}`).toBe(row[f.name]));
        });
      }
    }
  });
});

const fen = (yuan: string): number => {
  const r = parseFen(yuan, { allowNegative: true });
  if (!r.ok) throw new Error(`not an amount: ${yuan}`);
  return r.fen;
};

describe('personal data', () => {
  it('never reaches a data file or feed: the privacy scan finds no ID, mobile or bank number', async () => {
    for (const { file, text } of await publishedTexts()) expect(findPersonalNumbers(text), file).toEqual([]);
  });

  it('never reaches a data file or feed: no name of a private person on a notice, a debt or a volunteer list', async () => {
    const names = new Set<string>();
    for (const v of county.villages) {
      for (const n of v.notices) for (const s of n.data.subjects) if (s.name && getNoticeType(n.data.type)!.personal) names.add(s.name);
      for (const l of v.ledgers) for (const d of [...l.data.receivables, ...l.data.payables]) if (d.partyKind === '个人') names.add(d.party);
      for (const p of v.volunteers) for (const x of p.data.volunteers) if (!x.consent) names.add(x.name);
    }
    expect(names.size, 'the demo county has private persons to protect').toBeGreaterThan(3);
    for (const { file, text } of await publishedTexts()) for (const name of names) expect(text.includes(name), `${file} names ${name}`).toBe(false);
  });
});

describe('the feeds', () => {
  /** The entries a scope's feeds carry, as src/opendata/feeds.ts lists and bounds them. */
  const carried = (file: string) => {
    const village = /^v\/([^/]+)\//.exec(file)?.[1];
    const villages = village ? county.villages.filter((v) => v.id === village) : county.villages;
    return selectFeedEntries(listFeedEntries({ county, villages, baseUrl: county.site.baseUrl.replace(/\/?$/, '/') }));
  };

  it('are JSON Feeds with a title and every item of the newest records with an id, URL, title and date from its record', () => {
    for (const file of feedFiles().filter((f) => f.endsWith('.json'))) {
      const feed = JSON.parse(readFileSync(join(DIST, file), 'utf8'));
      expect(feed.version).toBe('https://jsonfeed.org/version/1');
      expect(feed.title).toBeTruthy();
      expect(feed.feed_url).toBe(new URL(file, county.site.baseUrl.replace(/\/?$/, '/')).href);
      const entries = carried(file);
      expect(entries.length).toBeGreaterThan(0);
      expect(feed.items.map((i: { id: string }) => i.id)).toEqual(entries.map((e) => e.url));
      for (const [i, item] of feed.items.entries()) {
        expect(item.title).toBe(entries[i]!.title);
        expect(item.url.startsWith(county.site.baseUrl)).toBe(true);
        expect(item.date_published).toBe(new Date(`${entries[i]!.date}T00:00:00+08:00`).toISOString());
        expect(existsSync(join(DIST, new URL(item.url).pathname.slice(1), 'index.html')), item.url).toBe(true);
      }
    }
  });

  it("are Atom documents a browser parses, as a reader sees them: the feed's id, self link and updated, entries newest first with unique ids, a link and the record's date", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      for (const file of feedFiles().filter((f) => f.endsWith('.xml'))) {
        const xml = readFileSync(join(DIST, file), 'utf8');
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const NS = 'http://www.w3.org/2005/Atom';
          const child = (el: Element, name: string) => [...el.children].find((c) => c.namespaceURI === NS && c.localName === name);
          const root = doc.documentElement;
          return {
            error: doc.getElementsByTagName('parsererror').length > 0,
            root: `${root.namespaceURI} ${root.localName}`,
            id: child(root, 'id')?.textContent,
            title: child(root, 'title')?.textContent,
            subtitle: child(root, 'subtitle')?.textContent,
            updated: child(root, 'updated')?.textContent,
            self: [...root.children].find((c) => c.localName === 'link' && c.getAttribute('rel') === 'self')?.getAttribute('href'),
            entries: [...root.children]
              .filter((c) => c.namespaceURI === NS && c.localName === 'entry')
              .map((e) => ({
                id: child(e, 'id')?.textContent,
                // type="html": what a reader shows is the text of the HTML.
                title: new DOMParser().parseFromString(child(e, 'title')?.textContent ?? '', 'text/html').body.textContent,
                updated: child(e, 'updated')?.textContent,
                link: child(e, 'link')?.getAttribute('href'),
              })),
          };
        }, xml);
        expect(parsed.error, file).toBe(false);
        expect(parsed.root).toBe('http://www.w3.org/2005/Atom feed');
        expect(parsed.id && parsed.title && parsed.updated, file).toBeTruthy();
        expect(parsed.self).toBe(new URL(file, county.site.baseUrl.replace(/\/?$/, '/')).href);
        expect(parsed.subtitle).toContain(file.startsWith('v/') ? `${file.slice(0, -'feed.xml'.length)}#data` : '/data/');
        const entries = carried(file);
        expect(parsed.entries.map((e) => e.id)).toEqual(entries.map((e) => e.url));
        expect(new Set(parsed.entries.map((e) => e.id)).size).toBe(parsed.entries.length);
        expect(parsed.updated).toBe(new Date(`${entries[0]!.date}T00:00:00+08:00`).toISOString());
        for (const [i, e] of parsed.entries.entries()) {
          expect(e.link, `${file} entry`).toBe(e.id);
          expect(e.title).toBe(entries[i]!.title);
          expect(e.updated).toBe(new Date(`${entries[i]!.date}T00:00:00+08:00`).toISOString());
          if (i > 0) expect(Date.parse(e.updated!) <= Date.parse(parsed.entries[i - 1]!.updated!), `${file}: newest first`).toBe(true);
        }
      }
    } finally {
      await browser.close();
    }
  });

  it('announce a correction with what changed', () => {
    const corrections = county.villages.flatMap((v) => v.disclosures.filter((d) => d.data.supersedes).map((d) => ({ v, d })));
    expect(corrections.length).toBeGreaterThan(0);
    for (const { v, d } of corrections) {
      const feed = JSON.parse(readFileSync(join(DIST, 'v', v.id, 'feed.json'), 'utf8'));
      const item = feed.items.find((i: { id: string }) => i.id.endsWith(`/v/${v.id}/disclosures/${d.id}/`));
      expect(item.tags).toContain('更正');
      expect(item.content_html).toContain(d.data.correctionReason!.replace(/。$/, ''));
      expect(item.content_html).toMatch(/“[^”]+”改为“[^”]+”/);
    }
  });
});

describe('the pages', () => {
  const recordPages = () =>
    county.villages.flatMap((v) => [
      ...v.disclosures.map((d) => `v/${v.id}/disclosures/${d.id}`),
      ...v.ledgers.map((l) => `v/${v.id}/finances/${l.id}`),
      ...v.meetings.map((m) => `v/${v.id}/meetings/${m.id}`),
      ...v.notices.map((n) => `v/${v.id}/notices/${n.id}`),
      ...v.volunteers.map((p) => `v/${v.id}/volunteers/${p.id}`),
    ]);
  const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
  const attr = (page: string, re: RegExp) => [...page.matchAll(re)].map((m) => m[1]!);

  it('link downloadable data from every record page and village board, to files that exist', () => {
    for (const path of [...recordPages(), ...county.villages.map((v) => `v/${v.id}`)]) {
      const links = attr(html(path), /href="(\/[^"]*\/data\/[^"]+\.(?:csv|xlsx|md))"/g);
      expect(links.length, path).toBeGreaterThan(0);
      for (const l of links) expect(existsSync(join(DIST, l.slice(1))), `${path} → ${l}`).toBe(true);
    }
  });

  it('announce the feeds in the head with <link rel="alternate">, pointing at files that exist', () => {
    for (const path of ['', ...recordPages()]) {
      const page = html(path);
      const atom = attr(page, /<link rel="alternate" type="application\/atom\+xml"[^>]*href="([^"]+)"/g);
      const json = attr(page, /<link rel="alternate" type="application\/feed\+json"[^>]*href="([^"]+)"/g);
      expect(atom.length, path).toBeGreaterThan(0);
      expect(json.length, path).toBeGreaterThan(0);
      for (const l of [...atom, ...json]) expect(existsSync(join(DIST, l.slice(1))), `${path} → ${l}`).toBe(true);
    }
  });

  it('give every record page a share card: title, description, absolute URL, and the poster preview when the poster is published', () => {
    for (const path of recordPages()) {
      const page = html(path);
      const meta = (p: string) => attr(page, new RegExp(`<meta property="og:${p}" content="([^"]*)"`, 'g'))[0];
      expect(meta('title'), path).toBeTruthy();
      expect(meta('description'), path).toBeTruthy();
      expect(meta('url')).toBe(new URL(`${path}/`, county.site.baseUrl).href);
      const image = meta('image');
      if (image) {
        expect(image.startsWith(county.site.baseUrl)).toBe(true);
        expect(existsSync(join(DIST, new URL(image).pathname.slice(1))), image).toBe(true);
      }
      // A record whose poster is in this build's printed set (its A3 PDF is linked on the page) shows that poster's preview.
      if (/-a3\.pdf"/.test(page)) expect(image, `${path} has a published poster`).toBeTruthy();
    }
  });

  it('list every county dataset on /data/ with its size, the licence and how to cite it, and each village by township, linking its board’s downloads', () => {
    const page = html('data');
    for (const r of readPackage('data').resources) for (const p of pathsOf(r)) expect(page).toContain(`/data/${p}"`);
    expect(page).toContain('CC BY 4.0');
    expect(page).toContain('引用方式');
    expect(page).toMatch(/\d+(\.\d)? KB/);
    for (const v of county.villages) {
      expect(page, v.id).toContain(`/v/${v.id}/#data"`);
      expect(page, v.data.township).toMatch(new RegExp(`<h3[^>]*>${v.data.township}</h3>`));
      // The board's 开放数据下载 section (id="data") lists every file of the village's data package and the package itself.
      const board = html(`v/${v.id}`);
      expect(board).toContain('id="data"');
      for (const r of readPackage(`v/${v.id}/data`).resources) expect(board, `${v.id} ${String(r.path)}`).toContain(`/v/${v.id}/data/${String(r.path)}`);
      expect(board).toContain(`/v/${v.id}/data/datapackage.json`);
      // Each file is named by what it holds for a villager, the file name beside it.
      for (const t of TABLES) expect(board, `${v.id} ${t.name}`).toContain(`${t.title} — ${t.name}.csv`);
    }
  });
});
