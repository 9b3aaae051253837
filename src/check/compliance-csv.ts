/**
 * The county compliance table as CSV rows (UTF-8 with BOM and CRLF so Excel and WPS open it
 * directly): per village and quarter, whether it was published on time and every problem by check.
 * Written by `npm run report -- --csv` (src/tools/report.ts) and published beside the compliance
 * page (src/pages/compliance/hegui.csv.ts).
 */
import type { County, Problem } from './model.ts';
import { assembleCompliance, timelinessText } from './compliance-rules.ts';
import { renderMessage } from './messages/index.ts';
import { COMPLIANCE_CHECKS } from '../lib/compliance.ts';
import { csvField, formatCsv } from '../lib/csv.ts';
import { periodKey } from '../lib/period.ts';

export { csvField };

const RESULT = { 'on-time': '按时 on time', late: '逾期公开 late', overdue: '未公开 overdue', 'not-due': '未到期 not due' } as const;

export const CSV_HEADER = ['乡镇 Township', '村 Village', '村编号 Village id', '期间 Period', '检查项', 'Check', '结果 Result', '文件 File', '字段 Field', '问题', 'Problem', '修改 Fix'];

/** One row per village and quarter for timeliness, then one per problem; county configuration problems last (not for one village). */
export function getComplianceCsvRows(county: County, problems: readonly Problem[], only?: string): string[][] {
  const { villages, rows, countyProblems } = assembleCompliance(county, problems);
  const checkName = new Map(COMPLIANCE_CHECKS.map((c) => [c.key, c]));
  const out: string[][] = [];
  for (const v of villages.filter((x) => !only || x.id === only)) {
    for (const r of rows.filter((x) => x.village === v.id)) {
      const t = timelinessText(r.timeliness);
      out.push([v.township, v.name, v.id, periodKey(r.quarter), checkName.get('timeliness')!.zh, checkName.get('timeliness')!.en, RESULT[r.timeliness.state], '', '', t.zh, t.en, '']);
      for (const c of r.cells.filter((x) => x.problems.length > 0)) {
        const name = checkName.get(c.check)!;
        for (const p of c.problems) {
          const m = renderMessage(p.code, p.params);
          out.push([v.township, v.name, v.id, periodKey(r.quarter), name.zh, name.en, p.severity === 'error' ? '错误 error' : '提醒 warning', p.file, p.path, m.zh, m.en, m.fixZh]);
        }
      }
    }
  }
  for (const p of only ? [] : countyProblems) {
    const m = renderMessage(p.code, p.params);
    out.push(['', '', '', '', '县级配置', 'county configuration', p.severity === 'error' ? '错误 error' : '提醒 warning', p.file, p.path, m.zh, m.en, m.fixZh]);
  }
  return out;
}

/** The CSV text: BOM, header, CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return formatCsv(CSV_HEADER, rows);
}
