/**
 * Components as contracts: the built pages that use VoteTable, ChainSteps and the kiosk slide
 * components show exactly what the records' facts say (src/records/), in the documented markup.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { listSearchDocuments } from '../../src/data/search.ts';
import type { County } from '../../src/check/model.ts';
import { getIssuer } from '../../src/records/context.ts';
import { getDisclosureFacts } from '../../src/records/disclosure.ts';
import { getLedgerFacts } from '../../src/records/ledger.ts';
import { getMeetingFacts } from '../../src/records/meeting.ts';
import { getNoticeFacts } from '../../src/records/notice.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

let dist: string;
let county: County;
beforeAll(() => {
  dist = ensureDemoDist().dist;
  county = loadCounty(ROOT, { env: {} }).county!;
});

const page = (path: string) => {
  const file = join(dist, path, 'index.html');
  expect(existsSync(file), `${path} should be built`).toBe(true);
  return readFileSync(file, 'utf8');
};
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('VoteTable and ChainSteps on the meeting pages', () => {
  it('show one ✓ 通过 or ✗ 未通过 badge per voted resolution, as many as the meeting facts count', () => {
    for (const v of county.villages) {
      for (const m of v.meetings) {
        const f = getMeetingFacts(m, v, county);
        const html = page(f.path);
        expect(count(html, /<span class="badge passed"/g), m.id).toBe(f.passed);
        expect(count(html, /<span class="badge failed"/g), m.id).toBe(f.failed);
        if (m.data.resolutions.length > 0)
          expect(html).toContain(f.consultative ? '<caption>协商事项及结果</caption>' : '<caption>各项决议的表决票数与结果（结果由票数计算）</caption>');
      }
    }
  });

  it('list the four steps of 四议两公开 with 尚无记录 for each step the chain facts lack, then the two 公开 steps, naming each one still pending', () => {
    let chains = 0;
    for (const v of county.villages) {
      for (const m of v.meetings) {
        const f = getMeetingFacts(m, v, county);
        const html = page(f.path);
        if (!f.chain) {
          expect(html, m.id).not.toContain('<ol class="steps">');
          continue;
        }
        chains += 1;
        const steps = /<ol class="steps">([\s\S]*?)<\/ol>/.exec(html)![1]!;
        expect(count(steps, /<li\b/g)).toBe(f.chain.steps.length + f.chain.publicSteps.length);
        expect(count(steps, /尚无记录/g)).toBe(f.chain.steps.filter((s) => !s.meeting).length);
        const pending = f.chain.publicSteps.filter((p) => !p.done);
        expect(count(steps, /待办——/g)).toBe(pending.length);
        expect(html).toContain(
          !f.chain.complete
            ? '（四议尚未完成）'
            : pending.length > 0
              ? `（四议已完成，待${pending.map((p) => p.zh).join('、')}）`
              : '（四议已完成，两公开已完成）',
        );
      }
    }
    expect(chains).toBeGreaterThan(0);
  });
});

describe('FactsList on the disclosure and notice pages', () => {
  it('links a disclosure to the meeting that approved it, with that meeting’s title', () => {
    let approved = 0;
    for (const v of county.villages) {
      for (const d of v.disclosures) {
        const f = getDisclosureFacts(d, v);
        const facts = /<dl class="facts">([\s\S]*?)<\/dl>/.exec(page(f.path))![1]!;
        if (!f.approval) {
          expect(facts).not.toContain('审定会议');
          continue;
        }
        approved += 1;
        expect(facts).toMatch(new RegExp(`<dt>审定会议</dt><dd><a href="[^"]*/${f.approval.path}/">${f.approval.title}</a>（`));
      }
    }
    expect(approved).toBeGreaterThan(0);
  });

  it('gives every notice its type and posting period as the first two facts', () => {
    for (const v of county.villages) {
      for (const n of v.notices) {
        const facts = /<dl class="facts">([\s\S]*?)<\/dl>/.exec(page(getNoticeFacts(n, v, county).path))![1]!;
        expect([...facts.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1]).slice(0, 2)).toEqual(['公示类型', '公示期']);
        expect(facts).toContain(`<dd>${n.data.type}</dd>`);
      }
    }
  });
});

describe('MoneyTable on the ledger pages', () => {
  it('right-aligns the 金额 column and lists every receivable and payable, or 无 when there are none, as cards on phones whose cells name their column', () => {
    for (const v of county.villages) {
      for (const l of v.ledgers) {
        const f = getLedgerFacts(l, v);
        const html = page(f.path);
        expect(html).toMatch(/<table class="stack">\s*<caption>应收款与应付款（单位：元）<\/caption>/);
        const debts = /<caption>应收款与应付款（单位：元）<\/caption>([\s\S]*?)<\/table>/.exec(html)![1]!;
        expect(debts).toContain('<th scope="col" class="num">金额</th>');
        const n = f.receivables.length + f.payables.length;
        expect(count(debts, /<tr(?: [^>]*)?><td data-label="类别">应(收|付)款<\/td>/g)).toBe(n);
        // A debt owed by or to a private person is shown but never indexed (PERSONAL_DATA_MARKS).
        const personal = [...f.receivables, ...f.payables].filter((r) => r.partyKind === '个人').length;
        expect(count(debts, /<tr data-pagefind-ignore="all" data-gongkai-personal><td data-label="类别">/g)).toBe(personal);
        expect(debts.includes('<td colspan="4">无</td>')).toBe(n === 0);
        for (const r of [...f.receivables, ...f.payables]) expect(debts).toContain(`<td data-label="对象">${r.party}</td>`);
      }
    }
  });
});

describe('LedgerEntries on the ledger pages', () => {
  it('lists every income and expense entry once, each row carrying its entry anchor, with the side’s own columns and its total', () => {
    for (const v of county.villages) {
      for (const l of v.ledgers) {
        const f = getLedgerFacts(l, v);
        const html = page(f.path);
        for (const [side, anchors, own] of [
          ['收入', f.entryAnchors.income, ['资金来源']],
          ['支出', f.entryAnchors.expense, ['经手/审批', '决议']],
        ] as const) {
          const table = new RegExp(`<caption>[^<]*${side}明细（单位：元）</caption>([\\s\\S]*?)</table>`).exec(html)![1]!;
          expect(count(table, /<tr id="/g), `${f.path} ${side}`).toBe(anchors.length);
          for (const a of anchors) expect(table).toContain(`<tr id="${a}">`);
          for (const label of own) expect(table).toContain(`<th scope="col">${label}</th>`);
          expect(table).toContain(`${side}合计`);
        }
      }
    }
  });
});

describe('SearchBody', () => {
  it('marks exactly one search body on every record page, ignores its ledger entry tables, and keeps the glossary, print and download links out of the index', () => {
    const docs = listSearchDocuments(county);
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      const html = page(d.path);
      expect(count(html, /data-pagefind-body/g), d.path).toBe(1);
      expect(html).toMatch(/<article data-pagefind-body[\s>][^>]*>\s*<h1>/);
      expect(count(html, /<div class="table-scroll" data-pagefind-ignore>/g)).toBe(d.path.includes('/finances/') ? 2 : 0);
      // Boilerplate that many pages repeat would otherwise match every query for its words (一事一议, 核对码 …).
      for (const cls of ['terms meta', 'print-link no-print', 'data-links no-print']) {
        for (const m of html.matchAll(new RegExp(`<[a-z]+ class="${cls}"[^>]*>`, 'g')))
          expect(m[0], `${d.path}: ${cls}`).toContain('data-pagefind-ignore="all"');
      }
    }
    expect(page('')).not.toContain('data-pagefind-body');
  });

  it('carries on its search body exactly the filters, result meta and sort date of the record’s search document, in data attributes that show nothing', () => {
    const decode = (value: string) =>
      value
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    for (const d of listSearchDocuments(county)) {
      const html = page(d.path);
      const tag = /<article data-pagefind-body[^>]*>/.exec(html)![0];
      const attributes = new Map([...tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, decode(value!)]));
      // As Pagefind reads a marker list: `name[attribute]` takes the value of that attribute of the same element.
      const read = (list: string) =>
        list.split(', ').map((m) => {
          const [, name, attribute] = /^([^[]+)\[([^\]]+)\]$/.exec(m)!;
          expect(attributes.has(attribute!), `${d.path}: ${attribute}`).toBe(true);
          return [name!, attributes.get(attribute!)!] as const;
        });
      const filters: Record<string, string[]> = {};
      for (const [name, value] of read(attributes.get('data-pagefind-filter')!)) (filters[name] ??= []).push(value);
      expect(filters, d.path).toEqual(d.filters);
      const title = /<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!;
      expect(Object.fromEntries(read(attributes.get('data-pagefind-meta')!)), d.path).toEqual({
        title: decode(title),
        ...d.meta,
        // A 公示's period (never its state, which changes with the day): the search page shows the state from it.
        ...(d.posting ? { posting: `${d.posting.start}~${d.posting.end ?? ''}` } : {}),
      });
      expect(attributes.get('data-pagefind-sort')).toBe(`date:${d.date}`);
      // Only attributes: no marker element that a screen reader could reach or a stylesheet could show.
      expect(html).not.toMatch(/<span data-pagefind-(filter|meta|sort)/);
    }
  });
});

describe('the ledger page', () => {
  it('names the issuing committee as the accounting entity: 居民委员会 for a 社区, as on its posters', () => {
    const community = county.villages.find((v) => v.data.kind === '社区')!;
    const l = community.ledgers.find((x) => !x.data.entity)!;
    expect(page(getLedgerFacts(l, community).path)).toContain(`核算单位：${getIssuer(community)}`);
  });
});

describe('the kiosk slide components', () => {
  it('render one section per slide kind with its own markup, and name no person of a personal notice', () => {
    const markup: Record<string, RegExp> = {
      notice: /<p class="tag"><span class="chip">公示<\/span>/,
      disclosure: /<p class="content">/,
      finance: /<dl class="figures">/,
      'finance-categories': /<table class="amounts">/,
      'finance-purposes': /<ol class="purposes">/,
      meeting: /<ul class="resolutions">/,
      volunteers: /<ul class="highlights">/,
    };
    const seen = new Set<string>();
    for (const v of county.villages) {
      const html = page(`kiosk/${v.id}`);
      for (const [, kind, body] of html.matchAll(/<section class="slide ([a-z-]+)"[^>]*>([\s\S]*?)<\/section>/g)) {
        expect(markup[kind!], kind).toBeDefined();
        expect(body).toMatch(markup[kind!]!);
        seen.add(kind!);
      }
      for (const n of v.notices) {
        const f = getNoticeFacts(n, v, county);
        if (!f.personal) continue;
        for (const s of n.data.subjects) if (s.name) expect(html, `${v.id} ${n.id}`).not.toContain(s.name);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(markup).sort());
  });
});
