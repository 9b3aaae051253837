/**
 * Every derived fact about one quarterly disclosure, once: which correction replaced it (so it is
 * no longer in force), which it corrects, the committee meeting that approved it, whether it counts
 * for the village's timeliness (a first publication on the 村务 track), its page path.
 */
import type { DisclosureRec, VillageRecords } from '../check/model.ts';
import { chineseNumeral } from '../lib/chinese-numeral.ts';
import { describeTextChange } from '../lib/text-change.ts';
import { recordPath } from './registry.ts';

export interface DisclosureFacts {
  id: string;
  path: string;
  /** The correction that replaced it, if any: it is then no longer in force. */
  supersededBy?: string;
  /** The disclosure it corrects. */
  corrects?: string;
  /** What the correction changed, one sentence per item (poster callout, feeds). */
  changes?: string[];
  /** The committee meeting that approved it (审定). */
  approval?: { meetingId: string; title: string; date: string; path: string };
}

export function getDisclosureFacts(d: DisclosureRec, v: VillageRecords): DisclosureFacts {
  const newer = v.disclosures.find((x) => x.data.supersedes === d.id);
  const older = d.data.supersedes ? v.disclosures.find((x) => x.id === d.data.supersedes) : undefined;
  const approval = d.data.approval ? v.meetings.find((m) => m.id === d.data.approval!.meeting) : undefined;
  return {
    id: d.id,
    path: recordPath('disclosure', v.id, d.id),
    ...(newer ? { supersededBy: newer.id } : {}),
    ...(d.data.supersedes ? { corrects: d.data.supersedes } : {}),
    ...(older ? { changes: describeCorrection(older, d) } : {}),
    ...(approval
      ? { approval: { meetingId: approval.id, title: approval.data.title, date: approval.data.date, path: recordPath('meeting', v.id, approval.id) } }
      : {}),
  };
}

/** What a correction changed against the disclosure it corrects: one sentence per changed item. */
export function describeCorrection(before: DisclosureRec, after: DisclosureRec): string[] {
  const lines: string[] = [];
  const n = Math.max(before.data.items.length, after.data.items.length);
  for (let i = 0; i < n; i += 1) {
    const a = before.data.items[i];
    const b = after.data.items[i];
    const label = `第${chineseNumeral(i + 1)}项`;
    if (a && !b) lines.push(`${label}“${a.title}”已删去。`);
    else if (!a && b) lines.push(`${label}“${b.title}”为新增。`);
    else if (a && b) {
      const t = describeTextChange(a.title, b.title);
      if (t) lines.push(`${label}标题：“${t.before}”改为“${t.after}”。`);
      const c = describeTextChange(a.content, b.content);
      if (c) lines.push(`${label}“${b.title}”：“${c.before}”改为“${c.after}”。`);
    }
  }
  if (lines.length === 0) lines.push('公开事项未变，其余更正见更正原因。');
  return lines;
}
