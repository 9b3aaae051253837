/**
 * View-model of the county compliance page (/compliance/): per village and quarter, on time or
 * late, and each legal check with its findings in words. Computed by src/lib/compliance.ts from the
 * same checked content the rest of the site uses; the page only renders it.
 */
import { assembleCompliance, timelinessText, toPublicParams } from '../check/compliance-rules.ts';
import { renderMessage } from '../check/messages/index.ts';
import { COMPLIANCE_CHECKS, latestDueQuarterKey } from '../lib/compliance.ts';
import { filterWithProblems, listMostProblems, sortByProblems } from '../lib/compliance-views.ts';
import { formatDateZh, isIsoDate } from '../lib/dates.ts';
import { periodKey, periodLabel } from '../lib/period.ts';
import { getRecordTypeOfFolder, recordPath } from '../records/registry.ts';
import type { County } from '../check/model.ts';
import { getTownshipSlugs } from '../lib/township.ts';
import { getCheckProblems, getCounty, getStateDate, href, rendersTownship, urls } from './county.ts';

const SHORT = { 'on-time': '✓ 按时公开', late: '! 逾期公开', overdue: '✗ 未公开', 'not-due': '· 未到期' } as const;

export const complianceHref = (): string => href('compliance');

/**
 * The views of a township's page besides the full list: plain links to static pages, nested under
 * the township's own address (/compliance/<slug>/<view>/), so no township slug can collide with them.
 */
export const COMPLIANCE_VIEWS = {
  'you-wenti': { label: '只看有问题的村', title: '有问题的村' },
  'wenti-duo': { label: '按问题多少排序', title: '按问题多少排序' },
} as const;
export type ComplianceViewKey = keyof typeof COMPLIANCE_VIEWS;

/** How many villages the county page lists as having the most problems. */
const TOP_VILLAGES = 20;

/** A finding's parameters with ISO dates written the Chinese way (2025年10月15日) for the public pages. */
function withChineseDates(params: object = {}): object {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && isIsoDate(v) ? formatDateZh(v) : v]));
}

/** The page of the record a problem is about, if it has one. */
function recordHref(file: string): string | undefined {
  const m = /^content\/villages\/([^/]+)\/(?:([^/]+)\/([^/]+)\.(?:mdx?|ya?ml)|village\.yaml)$/.exec(file);
  if (!m) return undefined;
  const [, v, folder, id] = m;
  if (!folder || !id) return urls.village(v!);
  const type = getRecordTypeOfFolder(folder);
  return type ? urls.path(recordPath(type, v!, id)) : undefined;
}

/** The county's compliance, assembled once per checked county (every compliance page reads it). */
const assembled = new WeakMap<County, ReturnType<typeof assembleComplianceView>>();
/** `assembleCompliance` of each checked county and the build's problems, made once: the compliance pages and the open-data findings read it. */
const assemblies = new WeakMap<County, ReturnType<typeof assembleCompliance>>();

/** The county's compliance rows and villages (src/check/compliance-rules.ts `assembleCompliance`), made once per checked county. */
export function getComplianceAssembly(): ReturnType<typeof assembleCompliance> {
  const county = getCounty();
  let assembly = assemblies.get(county);
  if (!assembly) assemblies.set(county, (assembly = assembleCompliance(county, getCheckProblems())));
  return assembly;
}

function assembleComplianceView(county: County) {
  const { villages, rows } = getComplianceAssembly();
  const latest = latestDueQuarterKey(county.asOf, county.profile);
  const checks = COMPLIANCE_CHECKS.filter((c) => c.key !== 'timeliness' && c.key !== 'other');
  const rowsOf = new Map<string, typeof rows>();
  for (const r of rows) (rowsOf.get(r.village) ?? rowsOf.set(r.village, []).get(r.village)!).push(r);
  const slugs = getTownshipSlugs([...county.villages.map((v) => v.data.township), ...villages.map((v) => v.township)]);
  const rowView = (r: (typeof rows)[number]) => ({
    label: periodLabel(r.quarter),
    key: periodKey(r.quarter),
    timeliness: { state: r.timeliness.state, short: SHORT[r.timeliness.state], zh: timelinessText(r.timeliness, formatDateZh, false).zh },
    cells: checks.map((c) => {
      const cell = r.cells.find((x) => x.check === c.key)!;
      const state = cell.errors > 0 ? 'bad' : cell.warnings > 0 ? 'warn' : 'ok';
      return {
        label: c.zh,
        state,
        text: state === 'ok' ? '✓' : `${state === 'bad' ? '✗' : '!'} ${cell.problems.length} 项`,
        srText: state === 'ok' ? '无问题' : state === 'bad' ? '有错误' : '有提醒',
      };
    }),
    findings: r.cells
      .filter((c) => c.check !== 'timeliness' || c.problems.some((p) => p.code !== 'disclosure.deadline'))
      .flatMap((c) =>
        c.problems.map((p) => ({
          check: COMPLIANCE_CHECKS.find((x) => x.key === c.check)!.zh,
          severity: p.severity,
          zh: renderMessage(p.code, withChineseDates(toPublicParams(p))).zh,
          href: recordHref(p.file),
        })),
      ),
  });
  const townships = [...new Set(villages.map((v) => v.township))].map((t) => {
    const mine = villages.filter((v) => v.township === t);
    const latestRows = mine.flatMap((v) => (rowsOf.get(v.id) ?? []).filter((r) => periodKey(r.quarter) === latest));
    return {
      name: t,
      slug: slugs.get(t)!,
      href: href(`compliance/${slugs.get(t)!}`),
      counts: {
        villages: mine.length,
        onTime: latestRows.filter((r) => r.timeliness.state === 'on-time').length,
        late: latestRows.filter((r) => r.timeliness.state === 'late').length,
        overdue: latestRows.filter((r) => r.timeliness.state === 'overdue').length,
        withFindings: mine.filter((v) => (rowsOf.get(v.id) ?? []).some((r) => r.cells.some((c) => c.problems.length > 0))).length,
      },
      villages: mine.map((v) => {
        const own = rowsOf.get(v.id) ?? [];
        let shown: ReturnType<typeof rowView>[] | undefined;
        return {
          id: v.id,
          name: v.name,
          href: urls.village(v.id),
          /** Every check result against the village in the quarters shown (a late or missing quarter counts as one). */
          problems: own.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.problems.length, 0), 0),
          /**
           * Its quarters with their findings in words, made when a page first shows them: a one-village update renders one
           * township's pages (src/build/context.ts `townshipsToRender`), and the county page needs only the counts.
           */
          get rows() {
            return (shown ??= own.map(rowView));
          },
        };
      }),
    };
  });
  const latestRows = rows.filter((r) => periodKey(r.quarter) === latest);
  const mostProblems = listMostProblems(
    townships.flatMap((t) => t.villages.map((v) => ({ id: v.id, name: v.name, problems: v.problems, township: t.name, href: `${t.href}#v-${v.id}` }))),
    TOP_VILLAGES,
  );
  return {
    county: `${county.site.province}${county.site.city ?? ''}${county.site.county}`,
    profileName: county.profile.name,
    asOfZh: formatDateZh(getStateDate()),
    checks: checks.map((c) => c.zh),
    summary: {
      label: periodLabel(latestRows[0]?.quarter ?? { kind: 'quarter', year: Number(latest.slice(0, 4)), quarter: Number(latest.slice(-1)) as 1 }),
      onTime: latestRows.filter((r) => r.timeliness.state === 'on-time').length,
      late: latestRows.filter((r) => r.timeliness.state === 'late').length,
      overdue: latestRows.filter((r) => r.timeliness.state === 'overdue').length,
      withFindings: new Set(rows.filter((r) => r.cells.some((c) => c.problems.length > 0)).map((r) => r.village)).size,
    },
    townships,
    mostProblems,
  };
}

function getAssembled() {
  const county = getCounty();
  let view = assembled.get(county);
  if (!view) assembled.set(county, (view = assembleComplianceView(county)));
  return view;
}

/** The county page (/compliance/): the summary and one line per township, linking to its page. */
export function getComplianceView() {
  const { townships, ...rest } = getAssembled();
  return { ...rest, townships: townships.map(({ villages: _villages, ...t }) => t) };
}

/**
 * A township's compliance page (/compliance/<slug>/): every village and quarter with its findings;
 * with a view key, only the villages with problems (you-wenti) or every village, most problems first
 * (wenti-duo; ties keep the page's order).
 */
export function getComplianceTownshipView(slug: string, view?: ComplianceViewKey) {
  const { townships, mostProblems: _mostProblems, ...rest } = getAssembled();
  const township = townships.find((t) => t.slug === slug)!;
  const villages = view === 'you-wenti' ? filterWithProblems(township.villages) : view === 'wenti-duo' ? sortByProblems(township.villages) : township.villages;
  const views = [
    { href: township.href, label: '全部村', current: view === undefined },
    ...Object.entries(COMPLIANCE_VIEWS).map(([key, v]) => ({ href: `${township.href}${key}/`, label: v.label, current: view === key })),
  ];
  return { ...rest, township: { ...township, villages }, views, viewTitle: view ? COMPLIANCE_VIEWS[view].title : undefined };
}

/**
 * Paths of the township compliance pages this build renders: all of them (they depend on the date), but in a one-village
 * update on the same day only the changed villages' townships (src/build/context.ts `townshipsToRender`).
 */
export function listComplianceTownshipPages() {
  return getAssembled()
    .townships.filter((t) => rendersTownship(t.name))
    .map((t) => ({ params: { township: t.slug } }));
}

/** Paths of a township's filtered and sorted views (/compliance/<slug>/you-wenti/, …/wenti-duo/). */
export function listComplianceViewPages() {
  return getAssembled()
    .townships.filter((t) => rendersTownship(t.name))
    .flatMap((t) => Object.keys(COMPLIANCE_VIEWS).map((view) => ({ params: { township: t.slug, view: view as ComplianceViewKey } })));
}
