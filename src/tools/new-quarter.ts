/**
 * `npm run new -- <village-id> <yyyy-qn>`: scaffolds a village's files for a quarter — disclosure(s),
 * ledger(s) and volunteers — carrying the previous closing balance, the signers and the volunteer
 * rosters forward and listing the catalogue items due, with 〔待填〕 placeholders for the rest
 * (see src/lib/scaffold.ts). Never overwrites: if any of the files exists, nothing is written.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toolText } from '../check/messages/index.ts';
import { loadVillageContext } from '../check/tool-context.ts';
import { comparePeriods, parsePeriod, periodEnd, periodLabel, periodLabelEn, periodStart, previousQuarter, type Period } from '../lib/period.ts';
import { buildScaffold, type ScaffoldInput } from '../lib/scaffold.ts';
import { getPublicationDeadline } from '../lib/schedule.ts';
import type { County, VillageRecords } from '../check/model.ts';
import type { ToolResult } from './result.ts';

export function newQuarter(root: string, id: string | undefined, periodText: string | undefined): ToolResult {
  const out: string[] = [];
  const err: string[] = [];
  if (!id || !periodText) return { code: 2, stdout: '', stderr: toolText('new.usage') };
  const quarter = parsePeriod(periodText);
  if (!quarter || quarter.kind !== 'quarter') return { code: 2, stdout: '', stderr: toolText('new.period', { value: periodText }) };
  const ctx = loadVillageContext(root, id);
  if (!ctx.ok) return { code: 1, stdout: '', stderr: ctx.message };
  const { files, monthly, adjacent } = scaffoldFor(ctx.county, ctx.village, quarter);
  const v = ctx.village;
  const county = ctx.county;
  const dir = join(root, 'content/villages', id);
  const existing = files.filter((f) => existsSync(join(dir, f.path))).map((f) => `content/villages/${id}/${f.path}`);
  if (existing.length > 0) return { code: 1, stdout: '', stderr: toolText('new.exists', { files: existing.join(', ') }) };
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text, { flag: 'wx' });
  }
  out.push(toolText('new.created', { village: v.data.name, id, period: periodLabel(quarter), periodEn: periodLabelEn(quarter) }));
  for (const f of files) out.push(`  + content/villages/${id}/${f.path}`);
  if (!adjacent) {
    const prev = previousQuarter(quarter);
    const key = `${prev.year}-q${prev.quarter}`;
    out.push('', toolText('new.no-previous-ledger', { previous: key, monthly }));
  }
  out.push('', toolText('new.next', { id, deadline: getPublicationDeadline(quarter, county.profile) }));
  return { code: 0, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The scaffold of a village's quarter from what passed its checks (also used by npm run import for a new ledger). */
export function scaffoldFor(county: County, v: VillageRecords, quarter: Period & { kind: 'quarter' }) {
  const monthly = v.data.financeCadence === '每月' || county.profile.financeCadence === 'month';
  const before = (p: Period) => periodEnd(p) < periodStart(quarter);
  const previousLedger = [...v.ledgers].filter((l) => before(l.period)).sort((a, b) => comparePeriods(b.period, a.period))[0];
  const adjacent = previousLedger && periodEnd(previousLedger.period) === periodEnd(previousQuarter(quarter)) ? previousLedger : undefined;
  const previousDisclosures: ScaffoldInput['previousDisclosures'] = {};
  for (const d of [...v.disclosures]
    .filter((x) => before(x.period))
    .sort((a, b) => comparePeriods(a.period, b.period) || a.data.publishedAt.localeCompare(b.data.publishedAt))) {
    previousDisclosures[d.data.track] = { signoff: d.data.signoff, channels: d.data.channels };
  }
  const previousVolunteers = [...v.volunteers].filter((p) => before(p.period)).sort((a, b) => comparePeriods(b.period, a.period))[0];

  const files = buildScaffold({
    villageName: v.data.name,
    quarter,
    catalogue: county.site.catalogue,
    profile: county.profile,
    largeExpenseThresholdFen: county.site.largeExpenseThreshold,
    monthlyFinance: monthly,
    committee: v.data.committee,
    supervisors: v.data.supervisors,
    ...(adjacent
      ? {
          previousLedger: {
            key: adjacent.id,
            closingBalanceFen: adjacent.data.closingBalance,
            entity: adjacent.data.entity,
            signoff: adjacent.data.signoff,
            receivables: adjacent.data.receivables.map((r) => ({ party: r.party, partyKind: r.partyKind, amountFen: r.amount, note: r.note })),
            payables: adjacent.data.payables.map((r) => ({ party: r.party, partyKind: r.partyKind, amountFen: r.amount, note: r.note })),
          },
        }
      : {}),
    previousDisclosures,
    ...(previousVolunteers
      ? { previousVolunteers: { key: previousVolunteers.id, teams: previousVolunteers.data.teams, volunteers: previousVolunteers.data.volunteers } }
      : {}),
  });

  return { files, monthly, adjacent };
}
