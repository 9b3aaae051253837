/**
 * Meeting minutes: content/villages/<id>/meetings/<yyyy-mm-dd>-<slug>.md or .mdx. Counts are
 * written; quorum and outcome are computed from them and never typed by hand.
 */
import { z } from 'astro/zod';
import { BODY_NAMES } from '../law/bodies.ts';
import { Count, IsoDate, PersonName, Text } from './primitives.ts';
import { EntryRefSchema } from './refs.ts';

/** Votes on one resolution. */
export const VotesSchema = z.strictObject({
  /** 赞成 */
  yes: Count,
  /** 反对 */
  no: Count,
  /** 弃权 */
  abstain: Count.default(0),
});

/** One resolution (决议) put to the meeting. */
export const ResolutionSchema = z.strictObject({
  /** What was decided, e.g. 通过村道硬化工程实施方案. */
  title: Text,
  /** The vote; omit for consultative bodies (议事协商会, 听证会). */
  votes: VotesSchema.optional(),
  /** Consultation result (协商结果) for bodies that do not vote. */
  result: Text.optional(),
  /** Ledger entries this resolution authorises: <ledger period>/<voucher>, e.g. 2025-q3/记-08-003 (parsed: `{ ref, ledgerId, voucher }`). */
  authorises: z.array(EntryRefSchema).default([]),
});

export const MeetingSchema = z.strictObject({
  /** Title, e.g. 村民代表会议（村道硬化工程）. */
  title: Text,
  /** The body that met: 村民会议, 村民代表会议, 两委联席会议, 党员大会, 成员大会, 议事协商会, 听证会 … */
  body: z.enum(BODY_NAMES),
  /** Date of the meeting; must match the date in the file name. */
  date: IsoDate,
  /** Date villagers or members were notified (通知日期). */
  noticeDate: IsoDate.optional(),
  /** Where it was held. */
  location: Text,
  /** Who chaired it (主持人). */
  host: PersonName,
  /** Who took the minutes (记录人). */
  recorder: PersonName,
  /** Persons entitled to attend (应到人数). */
  eligible: Count,
  /** Persons present (实到人数). */
  present: Count,
  /** Households entitled and present, where the body counts households (村民会议 by 户代表). */
  households: z.strictObject({ /** 应到户数 */ eligible: Count, /** 实到户数 */ present: Count }).optional(),
  /** Women representatives entitled and present (山东 村民代表会议). */
  womenReps: z.strictObject({ /** 应到 */ eligible: Count, /** 实到 */ present: Count }).optional(),
  /** Agenda items (议程). */
  agenda: z.array(Text).min(1),
  /** Resolutions voted on (or consultation results). */
  resolutions: z.array(ResolutionSchema).default([]),
  /** Previous step of a 四议两公开 chain: that meeting's id, e.g. 2025-07-08-dangyuan. */
  previous: Text.optional(),
  /** Date the resolutions went up on the notice board (决议公开), YYYY-MM-DD; printed on the poster. */
  publishedAt: IsoDate.optional(),
  /** 四议两公开: date the result of carrying out the resolution went up on the board (实施结果公开), YYYY-MM-DD. */
  resultPublishedAt: IsoDate.optional(),
});
export type Meeting = z.infer<typeof MeetingSchema>;
