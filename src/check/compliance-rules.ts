/**
 * The county-view rules as checker warnings (src/lib/compliance.ts): overdue quarters, catalogue
 * items missing, 四议两公开 chains a resolution relies on but that lack steps. Warnings, so they
 * never stop a build; the compliance page and `npm run report` show them per village and quarter.
 */
import { buildComplianceRows, findComplianceGaps, villageOf, type ComplianceRow, type ComplianceVillage, type Timeliness } from '../lib/compliance.ts';
import { renderToolText } from './messages/index.ts';
import type { Finding } from '../lib/finding.ts';
import type { County, Problem, VillageRecords } from './model.ts';
import { lastAuthorisedPayment } from './county-rules.ts';
import { addDays } from '../lib/dates.ts';
import { getBodyRule } from '../law/bodies.ts';

/** The records of a village in the shape the compliance rules read. */
export function toComplianceVillage(v: VillageRecords, largeExpenseThresholdFen: number): ComplianceVillage {
  return {
    disclosures: v.disclosures.map((d) => ({
      id: d.id,
      file: d.file,
      period: d.period,
      track: d.data.track,
      publishedAt: d.data.publishedAt,
      supersedes: d.data.supersedes,
      codes: d.data.items.map((i) => i.code),
    })),
    ledgers: v.ledgers.map((l) => ({ id: l.id, file: l.file, period: l.period })),
    meetings: v.meetings.map((m) => ({ id: m.id, file: m.file, body: m.data.body, date: m.data.date, previous: m.data.previous })),
    failed: v.failed,
    largeExpenseResolutions: new Set(
      v.ledgers.flatMap((l) => l.data.expense.filter((e) => e.amount > largeExpenseThresholdFen && e.resolution).map((e) => e.resolution!.meetingId)),
    ),
  };
}

/** The county-view warnings on one village's records (the county's site, profile and as-of date; not its other villages). */
export function checkVillageCompliance(v: VillageRecords, county: Pick<County, 'site' | 'asOf' | 'profile'>): { file: string; finding: Finding }[] {
  return [
    ...findComplianceGaps(toComplianceVillage(v, county.site.largeExpenseThreshold), v.file, county.site.catalogue, county.asOf, county.profile),
    ...checkPublicationDates(v, county.asOf),
    ...checkFourStepPostingDue(v, county),
  ];
}

/** Publication dates after the as-of date (the site would show as posted what is not up yet), and meetings dated after it. */
export function checkPublicationDates(v: VillageRecords, asOf: string): { file: string; finding: Finding }[] {
  const dated: { file: string; field: string; date: string | undefined }[] = [
    ...v.disclosures.map((d) => ({ file: d.file, field: 'publishedAt', date: d.data.publishedAt })),
    ...v.ledgers.map((l) => ({ file: l.file, field: 'publishedAt', date: l.data.publishedAt })),
    ...v.meetings.flatMap((m) => [
      { file: m.file, field: 'publishedAt', date: m.data.publishedAt },
      { file: m.file, field: 'resultPublishedAt', date: m.data.resultPublishedAt },
    ]),
  ];
  const out: { file: string; finding: Finding }[] = dated
    .filter((x): x is { file: string; field: string; date: string } => x.date !== undefined && x.date > asOf)
    .map(({ file, field, date }) => ({
      file,
      finding: { code: 'record.published-future', path: [field], severity: 'warning', params: { field, date, asOf } },
    }));
  // Minutes record a meeting that was held: one dated after the as-of date shows votes nobody has cast yet.
  for (const m of v.meetings)
    if (m.data.date > asOf)
      out.push({ file: m.file, finding: { code: 'record.held-future', path: ['date'], severity: 'warning', params: { date: m.data.date, asOf } } });
  return out;
}

/** The two 公开 of 四议两公开 not recorded when their deadline (province profile) has passed on the as-of date. */
export function checkFourStepPostingDue(v: VillageRecords, county: Pick<County, 'asOf' | 'profile'>): { file: string; finding: Finding }[] {
  const out: { file: string; finding: Finding }[] = [];
  const { resolutionWithinDays, resultWithinDays, source } = county.profile.fourStepPosting;
  const province = `${county.profile.name}，${source}`;
  for (const m of v.meetings) {
    if (getBodyRule(m.data.body)?.fourStep !== 'resolve' || !m.data.previous) continue;
    const resDeadline = addDays(m.data.date, resolutionWithinDays);
    if (!m.data.publishedAt && resDeadline < county.asOf)
      out.push({
        file: m.file,
        finding: { code: 'chain.posting-missing', path: ['publishedAt'], severity: 'warning', params: { step: 'resolution', deadline: resDeadline, province } },
      });
    const last = lastAuthorisedPayment(m, v);
    const resultDeadline = last ? addDays(last, resultWithinDays) : undefined;
    if (!m.data.resultPublishedAt && resultDeadline && resultDeadline < county.asOf)
      out.push({
        file: m.file,
        finding: {
          code: 'chain.posting-missing',
          path: ['resultPublishedAt'],
          severity: 'warning',
          params: { step: 'result', deadline: resultDeadline, province },
        },
      });
  }
  return out;
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
export function assembleCompliance(
  county: County,
  problems: readonly Problem[],
): { villages: ComplianceVillageInfo[]; rows: ComplianceRow[]; countyProblems: Problem[] } {
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

/**
 * On time, late, overdue or not yet due, in words. Dates stay ISO (the report's pinned text) unless
 * `formatDate` is given: the public pages pass `formatDateZh` (2025年10月15日). `dayCounts: false` (the public pages
 * and data files): an overdue quarter says its deadline, not how many days ago it passed, so the text stays true
 * until the quarter is published and does not change every day (src/records/dated.ts `getStateDate`).
 */
export function timelinessText(t: Timeliness, formatDate: (iso: string) => string = (d) => d, dayCounts = true): { zh: string; en: string } {
  const deadline = formatDate(t.deadline);
  if (t.state === 'on-time') return renderToolText('timeliness.on-time', { publishedAt: formatDate(t.publishedAt), deadline });
  if (t.state === 'late') return renderToolText('timeliness.late', { publishedAt: formatDate(t.publishedAt), deadline, days: t.daysLate });
  if (t.state === 'overdue') return renderToolText('timeliness.overdue', dayCounts ? { deadline, days: t.daysLate } : { deadline });
  return renderToolText('timeliness.not-due', { deadline });
}

/**
 * A finding's parameters as the public pages and data files print them: without the days since a deadline
 * (disclosure.overdue) or the build's date (record.published-future), which change every day; what is left is a
 * state, true on every day until it changes (src/records/dated.ts `getStateDate`). The clerk's check keeps them.
 */
export function toPublicParams(p: { code: string; params?: Readonly<Record<string, unknown>> | undefined }): Readonly<Record<string, unknown>> | undefined {
  const drop = p.code === 'disclosure.overdue' ? 'days' : p.code === 'record.published-future' || p.code === 'record.held-future' ? 'asOf' : undefined;
  if (!p.params || !drop) return p.params;
  return Object.fromEntries(Object.entries(p.params).filter(([k]) => k !== drop));
}
