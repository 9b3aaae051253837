/**
 * `npm run check -- --village <id>`: checks one village (and the county settings it depends on),
 * prints every problem, then a summary a clerk can act on: how many records of each kind, how many
 * problems, what is overdue, what is due next and by when (with the catalogue items expected), and
 * the notices still running.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { toComplianceVillage } from '../check/compliance-rules.ts';
import { formatProblems } from '../check/format.ts';
import { loadCounty, type LoadOptions } from '../check/load.ts';
import { OVERDUE_WHAT, toolText } from '../check/messages/index.ts';
import { listVillageIds } from '../check/tool-context.ts';
import { getPostingStatus } from '../lib/calendar.ts';
import { getExpectedItems } from '../lib/catalogue.ts';
import { getNextDueQuarter } from '../lib/compliance.ts';
import { daysBetween } from '../lib/dates.ts';
import { periodKey, periodLabel } from '../lib/period.ts';
import { getPublicationDeadline } from '../lib/schedule.ts';
import type { ToolResult } from './result.ts';

export function checkVillage(root: string, id: string, options: LoadOptions = {}): ToolResult {
  const ids = listVillageIds(root);
  if (!ids.includes(id)) return { code: 2, stdout: '', stderr: toolText('tool.village', { id, ids: ids.join(', ') || '—' }) };
  const result = loadCounty(root, { ...options, village: id });
  const out = [formatProblems(result.problems), ''];
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const code = errors > 0 ? 1 : 0;
  const county = result.partial;
  const v = county?.villages.find((x) => x.id === id);
  if (!county || !v) return { code, stdout: out.join('\n'), stderr: '' };

  out.push(toolText('summary.title', { name: v.data.name, id, asOf: county.asOf }));
  out.push(
    toolText('summary.records', {
      disclosures: v.disclosures.length,
      ledgers: v.ledgers.length,
      meetings: v.meetings.length,
      notices: v.notices.length,
      volunteers: v.volunteers.length,
    }),
  );
  out.push(toolText('summary.problems', { errors, warnings: result.problems.length - errors }));

  const overdue = result.problems.flatMap((p) => (p.code === 'disclosure.overdue' && p.file === v.file ? [p.params] : []));
  if (overdue.length > 0) {
    out.push(
      toolText('summary.overdue', {
        what: overdue.map((p) => `${p.period}${OVERDUE_WHAT[p.kind].zh}（已逾期 ${p.days} 天）`).join('、'),
        whatEn: overdue.map((p) => `${p.periodKey} ${OVERDUE_WHAT[p.kind].en} (${p.days} days)`).join(', '),
      }),
    );
  }

  const next = getNextDueQuarter(toComplianceVillage(v, county.site.largeExpenseThreshold), county.asOf, county.profile);
  const deadline = getPublicationDeadline(next, county.profile);
  out.push(toolText('summary.next', { period: periodLabel(next), periodKey: periodKey(next), deadline, days: daysBetween(county.asOf, deadline) }));
  const due = getExpectedItems(county.site.catalogue, next).due;
  out.push(
    toolText('summary.catalogue', {
      items: due.map((c) => `${c.code} ${c.title}${c.ledger ? '（账）' : ''}`).join('；'),
      codes: due.map((c) => c.code).join(', '),
    }),
  );
  const key = periodKey(next);
  const months = [0, 1, 2].map((i) => `${next.year}-${String((next.quarter - 1) * 3 + 1 + i).padStart(2, '0')}`);
  const present = ['disclosures', 'finances', 'volunteers'].flatMap((folder) => {
    const dir = join(root, 'content/villages', id, folder);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.startsWith(key) || months.some((m) => f.startsWith(m)))
          .map((f) => `${folder}/${f}`)
      : [];
  });
  out.push(present.length > 0 ? toolText('summary.started', { files: present.join('、') }) : toolText('summary.start', { id, periodKey: key }));

  for (const n of v.notices) {
    if (n.data.longTerm) continue;
    const status = getPostingStatus(n.data.startDate, n.endDate, county.asOf);
    if (status.state === 'running') out.push(toolText('summary.notice', { title: n.data.title, id: n.id, end: n.endDate, days: status.daysLeft }));
  }
  return { code, stdout: out.join('\n'), stderr: '' };
}
