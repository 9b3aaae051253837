/**
 * View-model of the county compliance page (/compliance/): per village and quarter, on time or
 * late, and each legal check with its findings in words. Computed by src/lib/compliance.ts from the
 * same checked content the rest of the site uses; the page only renders it.
 */
import { assembleCompliance, timelinessText } from '../check/compliance-rules.ts';
import { renderMessage } from '../check/messages/index.ts';
import { COMPLIANCE_CHECKS, latestDueQuarterKey } from '../lib/compliance.ts';
import { formatDateZh } from '../lib/dates.ts';
import { periodKey, periodLabel } from '../lib/period.ts';
import { getRecordTypeOfFolder, recordPath } from '../records/registry.ts';
import type { County, Problem } from '../check/model.ts';
import { getTownshipSlugs } from '../lib/township.ts';
import { getCheckProblems, getCounty, href, urls } from './county.ts';

const SHORT = { 'on-time': '✓ 按时公开', late: '! 逾期公开', overdue: '✗ 未公开', 'not-due': '· 未到期' } as const;

export const complianceHref = (): string => href('compliance');

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

function assembleComplianceView(county: County, problems: readonly Problem[]) {
  const { villages, rows } = assembleCompliance(county, problems);
  const latest = latestDueQuarterKey(county.asOf, county.profile);
  const checks = COMPLIANCE_CHECKS.filter((c) => c.key !== 'timeliness' && c.key !== 'other');
  const rowsOf = new Map<string, typeof rows>();
  for (const r of rows) (rowsOf.get(r.village) ?? rowsOf.set(r.village, []).get(r.village)!).push(r);
  const slugs = getTownshipSlugs([...county.villages.map((v) => v.data.township), ...villages.map((v) => v.township)]);
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
      villages: mine.map((v) => ({
        id: v.id,
        name: v.name,
        href: urls.village(v.id),
        rows: (rowsOf.get(v.id) ?? []).map((r) => ({
          label: periodLabel(r.quarter),
          key: periodKey(r.quarter),
          timeliness: { state: r.timeliness.state, short: SHORT[r.timeliness.state], zh: timelinessText(r.timeliness).zh },
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
                zh: renderMessage(p.code, p.params).zh,
                href: recordHref(p.file),
              })),
            ),
        })),
      })),
    };
  });
  const latestRows = rows.filter((r) => periodKey(r.quarter) === latest);
  return {
    county: `${county.site.province}${county.site.city ?? ''}${county.site.county}`,
    profileName: county.profile.name,
    asOfZh: formatDateZh(county.asOf),
    checks: checks.map((c) => c.zh),
    summary: {
      label: periodLabel(latestRows[0]?.quarter ?? { kind: 'quarter', year: Number(latest.slice(0, 4)), quarter: Number(latest.slice(-1)) as 1 }),
      onTime: latestRows.filter((r) => r.timeliness.state === 'on-time').length,
      late: latestRows.filter((r) => r.timeliness.state === 'late').length,
      overdue: latestRows.filter((r) => r.timeliness.state === 'overdue').length,
      withFindings: new Set(rows.filter((r) => r.cells.some((c) => c.problems.length > 0)).map((r) => r.village)).size,
    },
    townships,
  };
}

function getAssembled() {
  const county = getCounty();
  let view = assembled.get(county);
  if (!view) assembled.set(county, (view = assembleComplianceView(county, getCheckProblems())));
  return view;
}

/** The county page (/compliance/): the summary and one line per township, linking to its page. */
export function getComplianceView() {
  const { townships, ...rest } = getAssembled();
  return { ...rest, townships: townships.map(({ villages: _villages, ...t }) => t) };
}

/** A township's compliance page (/compliance/<slug>/): every village and quarter with its findings. */
export function getComplianceTownshipView(slug: string) {
  const { townships, ...rest } = getAssembled();
  return { ...rest, township: townships.find((t) => t.slug === slug)! };
}

/** Paths of the township compliance pages (always rendered: they depend on the date). */
export function listComplianceTownshipPages() {
  return getAssembled().townships.map((t) => ({ params: { township: t.slug } }));
}
