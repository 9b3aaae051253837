/**
 * `npm run report [-- --csv out.csv] [--village id]`: the county's compliance view in the terminal
 * and, for the county office, as a CSV (UTF-8 with BOM and CRLF so Excel and WPS open it directly):
 * per village and quarter, whether it was published on time and every problem by check. Works on
 * content with errors too — that is when the county needs it most.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assembleCompliance, timelinessText } from '../check/compliance-rules.ts';
import { formatProblems } from '../check/format.ts';
import { loadCounty, type LoadOptions } from '../check/load.ts';
import { renderMessage, toolText } from '../check/messages/index.ts';
import type { Problem } from '../check/model.ts';
import { COMPLIANCE_CHECKS, latestDueQuarterKey } from '../lib/compliance.ts';
import { periodKey, periodLabel } from '../lib/period.ts';
import { csvField, formatCsv } from '../lib/csv.ts';
import type { ToolResult } from './result.ts';

export { csvField };

const RESULT = { 'on-time': '按时 on time', late: '逾期公开 late', overdue: '未公开 overdue', 'not-due': '未到期 not due' } as const;

export const CSV_HEADER = [
  '乡镇 Township',
  '村 Village',
  '村编号 Village id',
  '期间 Period',
  '检查项',
  'Check',
  '结果 Result',
  '文件 File',
  '字段 Field',
  '问题',
  'Problem',
  '修改 Fix',
];

export interface Report {
  code: number;
  text: string;
  csvRows: string[][];
}

export function buildReport(root: string, options: LoadOptions & { only?: string | undefined } = {}): Report {
  const { only, ...load } = options;
  const result = loadCounty(root, load);
  if (!result.partial) return { code: 1, text: formatProblems(result.problems), csvRows: [] };
  const county = result.partial;
  const problems: Problem[] = result.problems;
  const { villages, rows, countyProblems } = assembleCompliance(county, problems);
  const checkName = new Map(COMPLIANCE_CHECKS.map((c) => [c.key, c]));
  const lines: string[] = [
    toolText('report.title', {
      county: `${county.site.province}${county.site.city ?? ''}${county.site.county}`,
      asOf: county.asOf,
      profile: county.profile.name,
    }),
    '',
  ];
  const csvRows: string[][] = [];

  const latest = latestDueQuarterKey(county.asOf, county.profile);
  const latestRows = rows.filter((r) => periodKey(r.quarter) === latest);
  const erring = new Set(rows.filter((r) => r.cells.some((c) => c.errors > 0)).map((r) => r.village));
  lines.push(
    toolText('report.summary', {
      period: periodLabel(latestRows[0]?.quarter ?? { kind: 'quarter', year: Number(latest.slice(0, 4)), quarter: Number(latest.slice(-1)) as 1 }),
      periodKey: latest,
      villages: villages.length,
      onTime: latestRows.filter((r) => r.timeliness.state === 'on-time').length,
      late: latestRows.filter((r) => r.timeliness.state === 'late').length,
      overdue: latestRows.filter((r) => r.timeliness.state === 'overdue').length,
      withErrors: erring.size,
    }),
    '',
  );
  if (countyProblems.length > 0) lines.push(toolText('report.county-problems'), formatProblems(countyProblems), '');

  for (const v of villages.filter((x) => !only || x.id === only)) {
    lines.push(`■ ${v.township} ${v.name}（${v.id}）`);
    for (const r of rows.filter((x) => x.village === v.id)) {
      const t = timelinessText(r.timeliness);
      const mark = { 'on-time': '✓', late: '!', overdue: '✗', 'not-due': '·' }[r.timeliness.state];
      lines.push(`  ${periodLabel(r.quarter)} ${periodKey(r.quarter)}  ${mark} ${t.zh}  ${t.en}`);
      csvRows.push([
        v.township,
        v.name,
        v.id,
        periodKey(r.quarter),
        checkName.get('timeliness')!.zh,
        checkName.get('timeliness')!.en,
        RESULT[r.timeliness.state],
        '',
        '',
        t.zh,
        t.en,
        '',
      ]);
      const failing = r.cells.filter((c) => c.problems.length > 0);
      for (const c of failing) {
        const name = checkName.get(c.check)!;
        lines.push(
          `    ${c.errors > 0 ? '✗' : '!'} ${name.zh} ${name.en}：${[c.errors ? `${c.errors} 个错误 error(s)` : '', c.warnings ? `${c.warnings} 个提醒 warning(s)` : ''].filter(Boolean).join('，')}`,
        );
        for (const p of c.problems) {
          const m = renderMessage(p.code, p.params);
          lines.push(`        ${m.zh}`, `        ${m.en}`, `        〈${p.file}${p.path ? ` · ${p.path}` : ''}〉`);
          csvRows.push([
            v.township,
            v.name,
            v.id,
            periodKey(r.quarter),
            name.zh,
            name.en,
            p.severity === 'error' ? '错误 error' : '提醒 warning',
            p.file,
            p.path,
            m.zh,
            m.en,
            m.fixZh,
          ]);
        }
      }
      if (failing.length === 0) lines.push(`    ✓ ${toolText('report.all-ok').replace('\n', ' ')}`);
    }
    lines.push('');
  }
  for (const p of only ? [] : countyProblems) {
    const m = renderMessage(p.code, p.params);
    csvRows.push([
      '',
      '',
      '',
      '',
      '县级配置',
      'county configuration',
      p.severity === 'error' ? '错误 error' : '提醒 warning',
      p.file,
      p.path,
      m.zh,
      m.en,
      m.fixZh,
    ]);
  }
  return { code: 0, text: lines.join('\n'), csvRows };
}

/** The CSV text: BOM, header, CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return formatCsv(CSV_HEADER, rows);
}

export function report(
  root: string,
  options: { csv?: string | undefined; village?: string | undefined; cwd?: string | undefined; env?: LoadOptions['env'] } = {},
): ToolResult {
  const r = buildReport(root, { ...(options.env ? { env: options.env } : {}), only: options.village });
  const rows = r.csvRows;
  const text = r.text;
  if (r.code !== 0) return { code: r.code, stdout: '', stderr: text };
  if (options.csv) {
    const file = resolve(options.cwd ?? root, options.csv);
    writeFileSync(file, toCsv(rows));
    return { code: 0, stdout: `${text}\n${toolText('report.csv-written', { file: options.csv, rows: rows.length })}`, stderr: '' };
  }
  return { code: 0, stdout: text, stderr: '' };
}
