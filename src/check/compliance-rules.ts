/**
 * The county-view rules as checker warnings (src/lib/compliance.ts): overdue quarters, catalogue
 * items missing, 四议两公开 chains a resolution relies on but that lack steps. Warnings, so they
 * never stop a build; the compliance page and `npm run report` show them per village and quarter.
 */
import { buildComplianceRows, findComplianceGaps, villageOf, type ComplianceRow, type ComplianceVillage, type Timeliness } from '../lib/compliance.ts';
import { renderToolText } from './messages/index.ts';
import type { Finding } from '../lib/finding.ts';
import type { County, Problem, VillageRecords } from './model.ts';

/** The records of a village in the shape the compliance rules read. */
export function toComplianceVillage(v: VillageRecords, largeExpenseThresholdFen: number): ComplianceVillage {
  return {
    disclosures: v.disclosures.map((d) => ({ id: d.id, file: d.file, period: d.period, track: d.data.track, publishedAt: d.data.publishedAt, supersedes: d.data.supersedes, codes: d.data.items.map((i) => i.code) })),
    ledgers: v.ledgers.map((l) => ({ id: l.id, file: l.file, period: l.period })),
    meetings: v.meetings.map((m) => ({ id: m.id, file: m.file, body: m.data.body, date: m.data.date, previous: m.data.previous })),
    failed: v.failed,
    largeExpenseResolutions: new Set(v.ledgers.flatMap((l) => l.data.expense.filter((e) => e.amount > largeExpenseThresholdFen && e.resolution).map((e) => e.resolution!.meetingId))),
  };
}

export function checkCompliance(county: County): { file: string; finding: Finding }[] {
  return county.villages.flatMap((v) => findComplianceGaps(toComplianceVillage(v, county.site.largeExpenseThreshold), v.file, county.site.catalogue, county.asOf, county.profile));
}

export interface ComplianceVillageInfo {
  id: string;
  name: string;
  township: string;
}

/**
 * The compliance rows of a county from what the checker returned: every village whose village.yaml
 * passed, plus any village that only appears in problems (its village.yaml is broken), so no village
 * drops out of the county's view for having errors. Problems of site.yaml are returned apart.
 */
export function assembleCompliance(county: County, problems: readonly Problem[]): { villages: ComplianceVillageInfo[]; rows: ComplianceRow[]; countyProblems: Problem[] } {
  const known = new Map(county.villages.map((v) => [v.id, v]));
  const ids = [...new Set([...known.keys(), ...problems.map((p) => villageOf(p.file)).filter((x): x is string => !!x)])].sort();
  const empty: ComplianceVillage = { disclosures: [], ledgers: [], meetings: [], largeExpenseResolutions: new Set() };
  const villages = ids.map((id) => {
    const v = known.get(id);
    return { id, name: v?.data.name ?? id, township: v?.data.township ?? '—', records: v ? toComplianceVillage(v, county.site.largeExpenseThreshold) : empty };
  });
  villages.sort((a, b) => a.township.localeCompare(b.township, 'zh-CN') || a.id.localeCompare(b.id));
  const rows = buildComplianceRows(villages, problems, county.asOf, county.profile);
  return { villages: villages.map(({ id, name, township }) => ({ id, name, township })), rows, countyProblems: problems.filter((p) => !villageOf(p.file)) };
}

/** On time, late, overdue or not yet due, in words. */
export function timelinessText(t: Timeliness): { zh: string; en: string } {
  if (t.state === 'on-time') return renderToolText('timeliness.on-time', { publishedAt: t.publishedAt, deadline: t.deadline });
  if (t.state === 'late') return renderToolText('timeliness.late', { publishedAt: t.publishedAt, deadline: t.deadline, days: t.daysLate });
  if (t.state === 'overdue') return renderToolText('timeliness.overdue', { deadline: t.deadline, days: t.daysLate });
  return renderToolText('timeliness.not-due', { deadline: t.deadline });
}
