/**
 * Shared material for the poster tests: the demo county and its posters, a county whose ledger has
 * hundreds of entries, and every text a poster sheet draws (read from the element tree the template
 * produces, so it is exactly what satori is given).
 */
import type { LogPlan } from '../../src/build/context.ts';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import type { PosterDoc } from '../../src/posters/doc.ts';
import { buildLogLeaves, type LoggedRecord } from '../../src/integrations/publication-log.ts';
import { encodeLeafText } from '../../src/log-store/leaf.ts';
import { buildPosterDocs, buildVillagePosterDocs } from '../../src/posters/documents.ts';
import type { PosterLayout } from '../../src/posters/layout.ts';
import { drawSheet, type El } from '../../src/posters/template.ts';
import { ROOT } from './fixture-tree.ts';

let county: County | undefined;

export function demoCounty(): County {
  county ??= loadCounty(ROOT, { env: {} }).county!;
  return county;
}

export function demoDocs(): PosterDoc[] {
  return buildPosterDocs(demoCounty());
}

export function demoDoc(village: string, id: string): PosterDoc {
  const d = demoDocs().find((x) => x.village.id === village && x.id === id);
  if (!d) throw new Error(`no poster ${village}/${id}`);
  return d;
}

/** A log plan holding `logged` (default: every published record of the county) as a first build appends them. */
export function logPlanOf(county: County, logged: readonly LoggedRecord[] = buildLogLeaves(county)): LogPlan {
  return {
    size: logged.length,
    appended: logged.length,
    appendedVillages: [...new Set(logged.map(({ leaf }) => leaf.village))],
    relogged: 0,
    lines: [],
    logBytes: 0,
    logSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    maskedNames: { salt: '', lines: [] },
    records: Object.fromEntries(
      logged.map(({ leaf }, index) => [`${leaf.village}/${leaf.kind}/${leaf.id}`, { index, leaf: encodeLeafText(leaf), root: '00000000', content: true }]),
    ),
  };
}

/** Every string a sheet draws, in drawing order. */
export function drawnTexts(el: El | string | undefined): string[] {
  if (el === undefined) return [];
  if (typeof el === 'string') return [el];
  const c = el.props.children;
  if (c === undefined) return [];
  return (Array.isArray(c) ? c : [c]).flatMap((x) => drawnTexts(x));
}

/** Every string every sheet of a layout draws. */
export function layoutTexts(layout: PosterLayout): string[] {
  return layout.sheets.flatMap((_, i) => drawnTexts(drawSheet(layout, i)));
}

const SUMMARIES = [
  '村级组织运转经费',
  '光伏电站发电收益（供电公司结算，含上月未结部分）',
  '村道“户户通”硬化工程进度款',
  '集体门面房租金',
  '困难群众慰问（米、面、油）',
  '办公用品及打印耗材',
  '防汛物资采购：编织袋、铁锹、雨衣',
  '一事一议财政奖补资金',
];

/**
 * The demo county with maqu's 2025-q3 ledger replaced by `entries` generated entries (two thirds
 * expenses), with totals and closing balance that reconcile. Vouchers are 记-<n>.
 */
export function countyWithLongLedger(entries: number): { county: County; doc: PosterDoc; vouchers: string[] } {
  // vouchers: in the order the poster prints them (income section, then expense section).
  const base = demoCounty();
  const c = structuredClone(base);
  const v = c.villages.find((x) => x.id === 'maqu')!;
  const l = v.ledgers.find((x) => x.id === '2025-q3')!;
  const income: typeof l.data.income = [];
  const expense: typeof l.data.expense = [];
  for (let i = 0; i < entries; i += 1) {
    const day = `2025-${String(7 + Math.floor((i * 3) / entries)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const voucher = `记-${String(i + 1).padStart(3, '0')}`;
    const summary = `${SUMMARIES[i % SUMMARIES.length]}${i % 5 === 0 ? '，按合同分期支付，本期为第二期' : ''}`;
    const amount = 1_000 + ((i * 7919) % 900_000);
    if (i % 3 === 0) income.push({ date: day, voucher, category: '补助收入', summary, amount, source: '县级财政转移支付' });
    else expense.push({ date: day, voucher, category: i % 2 ? '管理费用' : '公益支出', summary, amount, handler: '马晓东', approver: '赵建军' });
  }
  const sum = (xs: { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);
  l.data = {
    ...l.data,
    income,
    expense,
    totals: { income: sum(income), expense: sum(expense) },
    closingBalance: l.data.openingBalance + sum(income) - sum(expense),
  };
  const doc = buildVillagePosterDocs(c, v).find((d) => d.id === 'finance-2025-q3')!;
  return { county: c, doc, vouchers: [...income, ...expense].map((e) => e.voucher) };
}
