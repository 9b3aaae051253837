/**
 * Every derived fact about one quarterly disclosure, once: which correction replaced it (so it is
 * no longer in force), which it corrects, the committee meeting that approved it, whether it counts
 * for the village's timeliness (a first publication on the 村务 track), its page path.
 */
import type { DisclosureRec, VillageRecords } from '../check/model.ts';
import { recordPath } from './registry.ts';

export interface DisclosureFacts {
  id: string;
  path: string;
  /** The correction that replaced it, if any: it is then no longer in force. */
  supersededBy?: string;
  /** The disclosure it corrects. */
  corrects?: string;
  /** The committee meeting that approved it (审定). */
  approval?: { meetingId: string; title: string; date: string; path: string };
}

export function getDisclosureFacts(d: DisclosureRec, v: VillageRecords): DisclosureFacts {
  const newer = v.disclosures.find((x) => x.data.supersedes === d.id);
  const approval = d.data.approval ? v.meetings.find((m) => m.id === d.data.approval!.meeting) : undefined;
  return {
    id: d.id,
    path: recordPath('disclosure', v.id, d.id),
    ...(newer ? { supersededBy: newer.id } : {}),
    ...(d.data.supersedes ? { corrects: d.data.supersedes } : {}),
    ...(approval ? { approval: { meetingId: approval.id, title: approval.data.title, date: approval.data.date, path: recordPath('meeting', v.id, approval.id) } } : {}),
  };
}
