/**
 * Builds the demo county with `npm run build`'s script and checks what villagers get in dist/:
 * a page for every village and record, figures that match the ledgers, computed outcomes,
 * masked private names, the as-of date, and no JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { narrowPagePolicies } from '../../src/integrations/page-policies.ts';
import type { County } from '../../src/check/model.ts';
import { formatYuan } from '../../src/lib/money.ts';
import { demoDistPath, ensureDemoDist } from '../helpers/dist.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';
import { addProjectCode } from '../helpers/project-tree.ts';

const DIST = demoDistPath();
let county: County;

function page(path: string): string {
  const file = join(DIST, path, 'index.html');
  expect(existsSync(file), `${path} should be built`).toBe(true);
  return readFileSync(file, 'utf8');
}

/** Visible text of a page: tags removed, entities for the few we emit decoded. */
function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function allHtml(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allHtml(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

beforeAll(() => {
  ensureDemoDist();
  county = loadCounty(ROOT, { env: {} }).county!;
});

describe('the built demo county', () => {
  it('has a page for every village and every record', () => {
    for (const v of county.villages) {
      page(`v/${v.id}`);
      for (const d of v.disclosures) page(`v/${v.id}/disclosures/${d.id}`);
      for (const l of v.ledgers) page(`v/${v.id}/finances/${l.id}`);
      for (const m of v.meetings) page(`v/${v.id}/meetings/${m.id}`);
      for (const n of v.notices) page(`v/${v.id}/notices/${n.id}`);
      for (const p of v.volunteers) page(`v/${v.id}/volunteers/${p.id}`);
    }
  });

  it('shows on every ledger page the same opening, totals, closing and entry amounts as the ledger file', () => {
    for (const v of county.villages) {
      for (const l of v.ledgers) {
        const t = text(page(`v/${v.id}/finances/${l.id}`));
        for (const fen of [l.data.openingBalance, l.data.totals.income, l.data.totals.expense, l.data.closingBalance]) expect(t).toContain(formatYuan(fen));
        for (const e of [...l.data.income, ...l.data.expense]) {
          expect(t).toContain(e.voucher);
          expect(t).toContain(formatYuan(e.amount));
        }
      }
    }
  });

  it('tells villagers on the home page which village is on time, late or overdue', () => {
    const t = text(page(''));
    const card = (name: string) => t.slice(t.indexOf(name), t.indexOf(name) + 120);
    expect(card('温水村')).toContain('未按期公开');
    expect(card('东兴村')).toContain('逾期公开');
    expect(card('马曲村')).toContain('按时公开');
  });

  it('lists each township on the home page with its standings and a link to its page of village cards', () => {
    const home = page('');
    expect(home).toContain('<a href="/t/wenshuizhen/">温水镇</a>');
    expect(text(home)).toMatch(/温水镇 1 0 0 1/);
    const t = text(page('t/wenshuizhen'));
    expect(t).toContain('温水镇各村村务公开');
    expect(t.slice(t.indexOf('温水村'), t.indexOf('温水村') + 120)).toContain('未按期公开');
    expect(t).not.toContain('马曲村');
  });

  it('prints 数据截至 on every county-wide page that depends on the date, and on no page of a village (so a new day does not rebuild the villages)', () => {
    const dated = /^(index\.html|search\/index\.html|data\/index\.html|compliance\/([^/]+\/){0,2}index\.html|t\/[^/]+\/index\.html)$/;
    for (const f of allHtml()) {
      const rel = relative(DIST, f);
      expect(readFileSync(f, 'utf8').includes('数据截至'), rel).toBe(dated.test(rel));
    }
    // The day the county's states last changed on or before the as-of date 2025-11-20: maqu's 低保 公示 started on 2025-11-17.
    expect(text(page(''))).toContain('数据截至 2025年11月17日');
    expect(page('')).toContain('<meta name="gongkai:as-of" content="2025-11-17">');
    expect(page('v/maqu/notices/2025-11-17-dibao')).not.toContain('gongkai:as-of');
  });

  it("shows on a village's board the date of its newest record instead of the as-of date (so a new day does not render it again)", () => {
    // 马曲村's newest record is its 低保 公示 of 2025-11-17; 东关社区's, its third quarter's disclosure of 2025-10-14.
    expect(text(page('v/maqu'))).toContain('最近更新 2025年11月17日');
    expect(text(page('v/maqu'))).toContain('本页最近更新于 2025年11月17日 （最新一条记录的日期）');
    expect(text(page('v/dongguan'))).toContain('最近更新 2025年10月14日');
    expect(page('v/maqu')).not.toContain('gongkai:as-of');
  });

  it('shows a running notice by its period, true on every later day it runs, and leaves the days left to the browser', () => {
    const html = page('v/maqu/notices/2025-11-17-dibao');
    const t = text(html);
    // 2025-11-17 + 7 days = 2025-11-24 (a Monday).
    expect(t).toContain('公示至2025年11月24日');
    expect(t).not.toMatch(/公示中|剩余\d+天/);
    // The count's place, filled by src/client/notice-days.ts and not indexed.
    expect(html).toContain('<span data-notice-days data-start="2025-11-17" data-end="2025-11-24" data-pagefind-ignore></span>');
    expect(text(page('v/maqu'))).toContain('公示至2025年11月24日');
  });

  it('masks the names of private persons and hides volunteers who did not consent', () => {
    const publicNames = new Set(county.villages.flatMap((v) => [...v.data.committee, ...v.data.supervisors, ...v.data.staff].map((m) => m.name)));
    const privateNames = county.villages
      .flatMap((v) => [
        ...v.notices.filter((n) => ['低保初审', '低保对象名单', '宅基地申请'].includes(n.data.type)).flatMap((n) => n.data.subjects.map((s) => s.name ?? '')),
        ...v.ledgers.flatMap((l) => [...l.data.receivables, ...l.data.payables].filter((r) => r.partyKind === '个人').map((r) => r.party)),
        ...v.volunteers.flatMap((p) => p.data.volunteers.filter((x) => !x.consent).map((x) => x.name)),
      ])
      .filter((n) => n && !publicNames.has(n));
    expect(privateNames.length).toBeGreaterThan(5);
    const everything = allHtml()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const name of privateNames) expect(everything, name).not.toContain(name);
    expect(text(page('v/maqu/notices/2025-11-17-dibao'))).toContain('马*顺');
  });

  it('marks a corrected disclosure as superseded and links to the correction with its reason', () => {
    const old = text(page('v/maqu/disclosures/2025-q3'));
    expect(old).toContain('已更正');
    expect(old).toContain(
      county.villages
        .find((v) => v.id === 'maqu')!
        .disclosures.find((d) => d.data.supersedes)!
        .data.correctionReason!.slice(0, 10),
    );
    expect(page('v/maqu/disclosures/2025-q3')).toContain('href="/v/maqu/disclosures/2025-q3-gengzheng/"');
  });

  it('derives meeting outcomes from the counts, including a failed resolution', () => {
    const t = text(page('v/dongguan/meetings/2025-08-26-daibiao'));
    expect(t).toContain('✓ 通过');
    expect(t).toContain('✗ 未通过');
    const chain = text(page('v/maqu/meetings/2025-07-22-daibiao'));
    expect(chain).toContain('四议已完成');
  });

  it('needs no JavaScript: no page ships a script, except the search page, the kiosk screens, the optional publication-log check and a running 公示’s days left beside the period it prints', () => {
    const pages = allHtml().filter((f) => relative(DIST, f) !== join('search', 'index.html') && !relative(DIST, f).startsWith('kiosk/'));
    expect(pages.length).toBeGreaterThan(50);
    // A record page's log check only adds a sentence; without it the page links the proof (test/build/publication-log.test.ts).
    const logCheck = /<script type="module" src="\/_astro\/LogCheckScript\.[^"]+\.js"><\/script>/g;
    const noticeDays = /<script type="module" src="\/_astro\/NoticeDays\.[^"]+\.js"><\/script>/;
    let checked = 0;
    let counted = 0;
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      if (html.includes('src="/_astro/LogCheckScript.')) {
        checked++;
        expect(html, relative(DIST, f)).toMatch(/data-log-index="\d+"[^>]*>[\s\S]*?<a href="\/log\/proof\/\d+\.tlog-proof"/);
      }
      // A 公示 page may add the days left in the browser; without JavaScript it prints the period, which stays true.
      if (noticeDays.test(html)) {
        counted++;
        expect(text(html), relative(DIST, f)).toMatch(/公示至\d{4}年\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日起公示|长期公示/);
      }
      expect(html.replace(logCheck, '').replace(noticeDays, ''), relative(DIST, f)).not.toMatch(/<script/i);
    }
    expect(checked).toBeGreaterThan(10);
    expect(counted, 'the running 低保 公示 of 马曲村 counts its days').toBeGreaterThan(0);
  });

  it('gives byte-identical output when the same content is built again', async () => {
    // In a project of its own (a copy of this checkout's code and content), never this checkout's folders.
    const tree = makeTree();
    try {
      addProjectCode(tree.root);
      const out = join(tree.root, 'determinism');
      const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
        cwd: tree.root,
        encoding: 'utf8',
        env: { ...process.env, GONGKAI_AS_OF: '', ASTRO_TELEMETRY_DISABLED: '1' },
      });
      expect(run.status, run.stderr).toBe(0);
      // scripts/build.ts narrows each page's policy to its own hashes once Astro has written the pages; `astro build` alone does not.
      await narrowPagePolicies(out);
      const digest = (dir: string) =>
        Object.fromEntries(allHtml(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
      expect(digest(out)).toEqual(digest(DIST));
    } finally {
      tree.cleanup();
    }
  }, 300_000);
});

describe('a build with bad content', () => {
  it('is refused with the clerk-facing message and leaves the previous dist/ untouched', () => {
    const tree = makeTree();
    try {
      const ledger = join(tree.root, 'content/villages/maqu/finances/2025-q3.yaml');
      writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('closingBalance: 296,163.98', 'closingBalance: 296,163.99'));
      mkdirSync(join(tree.root, 'dist'));
      writeFileSync(join(tree.root, 'dist', 'index.html'), 'previous build');
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: tree.root, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('content/villages/maqu/finances/2025-q3.yaml');
      expect(run.stdout).toContain('字段 field: closingBalance');
      expect(run.stdout).toContain('The closing balance 296,163.99 does not reconcile');
      expect(readFileSync(join(tree.root, 'dist', 'index.html'), 'utf8')).toBe('previous build');
      expect(readdirSync(join(tree.root, 'dist'))).toEqual(['index.html']);
    } finally {
      tree.cleanup();
    }
  });
});

/**
 * Latin words a villager page may show: addresses, 核对码 (hex groups), the publication log's content digest (hex), catalogue codes,
 * units (file sizes among them), paper sizes, licence codes beside their Chinese names, and the names of file formats and the programs
 * that open them, each explained in Chinese where it is used.
 */
const LATIN_ALLOWED = [
  /\bCC(0| BY) \d\.\d\b/g,
  /https?:\/\/\S+/g,
  /\b[0-9a-f]{16,64}\b/g,
  /\b[\w-]+(\.[\w-]+)+(\/[\w./%-]*)?/g,
  /\b[0-9A-F]{4}(-[0-9A-F]{4})+\b/g,
  /\b[A-Z]{2}-\d{2}\b/g,
  /\b(PDF|QR|A3|A4|PNG|SVG|dpi|km|m²|kWh|KB|MB|CSV|XLSX|Excel|WPS|Atom|JSON Feed|JSON|RSS)\b/g,
];

/**
 * Latin words in a page's visible text and in the attributes a screen reader or a browser shows. A command, option or folder to type
 * (a `<code>` holding `npm run …`, `--out` or `private-posters/`, on the clerk's poster page) is not prose: it is left out; any
 * other English in `<code>` counts.
 */
function latinWords(html: string, names: readonly string[] = []): string[] {
  const attrs = [...html.matchAll(/\s(?:alt|title|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  let t = `${text(html.replace(/<code\b[^>]*>\s*(?:npm run [^<]*|--[\w-]+|[\w.-]+\/)\s*<\/code>/g, ' '))} ${attrs.join(' ')}`;
  for (const re of LATIN_ALLOWED) t = t.replace(re, ' ');
  return [...new Set(t.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !names.includes(w));
}

describe('the public pages speak Chinese', () => {
  it('shows no Latin words on any public page — villager pages, the kiosk, the open-data page and the clerk’s poster page — beyond addresses, 核对码, catalogue codes, units and file-format names (bilingual text stays in clerk tools)', () => {
    const found: string[] = [];
    for (const f of allHtml()) {
      const path = relative(DIST, f);
      // A village's pinyin id is a name (the search page says it can be typed: 如 maqu).
      const words = latinWords(
        readFileSync(f, 'utf8'),
        county.villages.map((v) => v.id),
      );
      if (words.length > 0) found.push(`${path}: ${words.slice(0, 8).join(' ')}`);
    }
    expect(found).toEqual([]);
  });

  it('finds English if a page had it (the check itself works)', () => {
    expect(latinWords('<p>数据截至 Figures as of 2025-11-20，核对码 F31E-9FB0，CW-01，A3 PDF，cwgk.longxian.example.cn/v/maqu/</p>')).toEqual([
      'Figures',
      'as',
      'of',
    ]);
  });
});

describe('the village board in plain words', () => {
  it('opens with where the latest quarter’s money came from and its largest expense by purpose, with the amount', () => {
    const v = county.villages.find((x) => x.id === 'maqu')!;
    const latest = [...v.ledgers].sort((a, b) => b.id.localeCompare(a.id))[0]!;
    const largest = [...latest.data.expense].sort((a, b) => b.amount - a.amount)[0]!;
    const board = text(page('v/maqu'));
    const plain = board.slice(board.indexOf('钱从哪来、花在哪'), board.indexOf('村务、党务公开'));
    expect(plain).toContain(largest.summary);
    expect(plain).toContain(`${formatYuan(largest.amount)} 元`);
    expect(plain).toContain(`${formatYuan(latest.data.income.reduce((s, e) => s + e.amount, 0))} 元`);
    expect(plain).toMatch(/与\d{4}年第.季度相比，收入(多|少) [\d,.]+ 元|持平/);
    expect(board.indexOf('钱从哪来')).toBeLessThan(board.indexOf('村务、党务公开'));
  });

  it('shows each quarter’s income, spending and closing balance once, in one table whose bars are drawn beside the figures, each quarter linking to its every entry', () => {
    for (const v of county.villages) {
      const html = page(`v/${v.id}`);
      const finance = html.slice(html.indexOf('id="finance"'), html.indexOf('id="notices"'));
      expect(finance.match(/<table/g), v.id).toHaveLength(1);
      const figures = text(finance);
      const max = Math.max(...v.ledgers.flatMap((l) => [l.data.totals.income, l.data.totals.expense]));
      for (const l of v.ledgers) {
        for (const fen of [l.data.totals.income, l.data.totals.expense, l.data.closingBalance]) {
          expect(figures.split(formatYuan(fen)).length - 1, `${v.id} ${l.id} ${formatYuan(fen)}`).toBe(1);
        }
        expect(finance).toContain(`href="/v/${v.id}/finances/${l.id}/"`);
        // The longest bar is the largest figure; the others are in proportion.
        for (const fen of [l.data.totals.income, l.data.totals.expense]) expect(finance).toContain(`<rect width="${Math.round((fen / max) * 1000) / 10}"`);
      }
    }
  });

  it('lets every phone number on a villager page be tapped to call', () => {
    const v = county.villages.find((x) => x.id === 'maqu')!;
    const tel = `tel:${v.data.phone.replace(/[^\d+]/g, '')}`;
    for (const p of ['v/maqu', ...v.ledgers.map((l) => `v/maqu/finances/${l.id}`)]) expect(page(p), p).toContain(`href="${tel}"`);
  });

  it('puts the clerk’s poster link after the board’s content, not above it', () => {
    const board = page('v/maqu');
    expect(board.indexOf('posters/')).toBeGreaterThan(board.indexOf('村务监督委员会成员'));
  });
});

describe('the print button', () => {
  it('links a current record to its A4 poster PDF, a file the build wrote, and offers none for a superseded one', () => {
    const withButton = (p: string) => /<p class="print-link[^"]*"[^>]*><a href="([^"]+)">/.exec(page(p))?.[1];
    const v = county.villages.find((x) => x.id === 'maqu')!;
    const old = v.disclosures.find((d) => v.disclosures.some((n) => n.data.supersedes === d.id))!;
    const fix = v.disclosures.find((d) => d.data.supersedes === old.id)!;
    const pdf = withButton(`v/maqu/disclosures/${fix.id}`);
    expect(pdf).toMatch(/-a4\.pdf$/);
    expect(readFileSync(join(DIST, pdf!)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(withButton(`v/maqu/disclosures/${old.id}`)).toBeUndefined();
  });
});
