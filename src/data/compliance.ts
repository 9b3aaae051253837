/**
 * View-model of the county compliance page (/compliance/): per village and quarter, on time or
 * late, and each legal check with its findings in words. Computed by src/lib/compliance.ts from the
 * same checked content the rest of the site uses; the page only renders it.
 */
import { dataFileHref } from './opendata.ts';
import { assembleCompliance, timelinessText } from '../check/compliance-rules.ts';
import { renderMessage } from '../check/messages/index.ts';
import { COMPLIANCE_CHECKS, latestDueQuarterKey } from '../lib/compliance.ts';
import { formatDateZh } from '../lib/dates.ts';
import { periodKey, periodLabel } from '../lib/period.ts';
import { getRecordTypeOfFolder, recordPath } from '../records/registry.ts';
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

/** The compliance page's filters and orders, each a page of its own so they work without JavaScript. */
export const COMPLIANCE_MODES = [
  { mode: undefined, zh: '按乡镇排列' },
  { mode: 'you-wenti', zh: '只看有问题的村' },
  { mode: 'wenti-duo', zh: '问题多的村排在前面' },
] as const;
export type ComplianceMode = (typeof COMPLIANCE_MODES)[number]['mode'];

export function getComplianceView(mode: ComplianceMode = undefined) {
  const county = getCounty();
  const { villages, rows } = assembleCompliance(county, getCheckProblems());
  const latest = latestDueQuarterKey(county.asOf, county.profile);
  const latestRows = rows.filter((r) => periodKey(r.quarter) === latest);
  const checks = COMPLIANCE_CHECKS.filter((c) => c.key !== 'timeliness' && c.key !== 'other');
  const townships = [...new Set(villages.map((v) => v.township))].map((t) => ({
    name: t,
    villages: villages
      .filter((v) => v.township === t)
      .map((v) => ({
        id: v.id,
        name: v.name,
        href: urls.village(v.id),
        rows: rows
          .filter((r) => r.village === v.id)
          .map((r) => ({
            label: periodLabel(r.quarter),
            key: periodKey(r.quarter),
            timeliness: { state: r.timeliness.state, short: SHORT[r.timeliness.state], zh: timelinessText(r.timeliness).zh },
            cells: checks.map((c) => {
              const cell = r.cells.find((x) => x.check === c.key)!;
              const state = cell.errors > 0 ? 'bad' : cell.warnings > 0 ? 'warn' : 'ok';
              return { label: c.zh, state, text: state === 'ok' ? '✓' : `${state === 'bad' ? '✗' : '!'} ${cell.problems.length} 项`, srText: state === 'ok' ? '无问题' : state === 'bad' ? '有错误' : '有提醒' };
            }),
            findings: r.cells
              .filter((c) => c.check !== 'timeliness' || c.problems.some((p) => p.code !== 'disclosure.deadline'))
              .flatMap((c) => c.problems.map((p) => ({ check: COMPLIANCE_CHECKS.find((x) => x.key === c.check)!.zh, severity: p.severity, zh: renderMessage(p.code, p.params).zh, href: recordHref(p.file) }))),
          })),
      }))
      .map((v) => ({ ...v, problems: v.rows.reduce((n, r) => n + r.findings.length + (r.timeliness.state === 'late' || r.timeliness.state === 'overdue' ? 1 : 0), 0) })),
  }));
  const all = townships.flatMap((t) => t.villages);
  const shown =
    mode === 'you-wenti'
      ? [{ name: `有问题的村（${all.filter((v) => v.problems > 0).length} 个）`, villages: all.filter((v) => v.problems > 0) }]
      : mode === 'wenti-duo'
        ? [{ name: '全县各村，问题多的在前', villages: [...all].sort((a, b) => b.problems - a.problems || a.name.localeCompare(b.name, 'zh')) }]
        : townships;
  return {
    modes: COMPLIANCE_MODES.map((m) => ({ zh: m.zh, href: m.mode ? href(`compliance/${m.mode}`) : href('compliance'), current: m.mode === mode })),
    /** The open-data file of the same findings (src/data/opendata.ts). */
    csvHref: dataFileHref('compliance-findings.csv'),
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
    townships: shown,
  };
}
