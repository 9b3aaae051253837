/**
 * Compliance findings per village, for the open-data file compliance-findings.csv: the same rows
 * and words as the compliance page and `npm run report` (src/check/compliance-rules.ts), Chinese only; like the
 * page, without day counts (an overdue quarter says its deadline), so the file changes only with a state.
 */
import { assembleCompliance, timelinessText, toPublicParams } from '../check/compliance-rules.ts';
import { renderMessage } from '../check/messages/index.ts';
import type { County, Problem } from '../check/model.ts';
import { COMPLIANCE_CHECKS } from '../lib/compliance.ts';
import { periodKey } from '../lib/period.ts';
import type { Finding } from './tables.ts';

const RESULT = { 'on-time': '按时', late: '逾期公开', overdue: '未公开', 'not-due': '未到期' } as const;

/** `assembled`: what `assembleCompliance` gave for the same county and problems, when the caller has it already (the compliance pages'). */
export function getFindingsByVillage(
  county: County,
  problems: readonly Problem[],
  assembled: Pick<ReturnType<typeof assembleCompliance>, 'rows'> = assembleCompliance(county, problems),
): Map<string, Finding[]> {
  const { rows } = assembled;
  const checkName = new Map(COMPLIANCE_CHECKS.map((c) => [c.key, c.zh]));
  const out = new Map<string, Finding[]>();
  for (const r of rows) {
    const list = out.get(r.village) ?? [];
    const period = periodKey(r.quarter);
    list.push({
      period,
      check: checkName.get('timeliness')!,
      result: RESULT[r.timeliness.state],
      severity: '',
      file: '',
      field: '',
      problem: timelinessText(r.timeliness, undefined, false).zh,
      fix: '',
    });
    for (const c of r.cells) {
      for (const p of c.problems) {
        const m = renderMessage(p.code, toPublicParams(p));
        list.push({
          period,
          check: checkName.get(c.check)!,
          result: '',
          severity: p.severity === 'error' ? '错误' : '提醒',
          file: p.file,
          field: p.path,
          problem: m.zh,
          fix: m.fixZh,
        });
      }
    }
    out.set(r.village, list);
  }
  return out;
}
