/**
 * Volunteer activity for one period: content/villages/<id>/volunteers/<yyyy>-q<n>.yaml. The legal
 * record lives in the national volunteer system; this is what the village displays. Names are
 * shown only with the volunteer's consent (志愿服务条例 §20).
 */
import { z } from 'astro/zod';
import { Flag, HoursTenths, IsoDate, PersonName, Slug, Text } from './primitives.ts';

/** A volunteer team (志愿服务队). */
export const TeamSchema = z.strictObject({
  /** Short id used by activities, e.g. zhulao. */
  id: Slug,
  /** Name, e.g. 马曲村助老志愿服务队. */
  name: Text,
});

/** A registered volunteer. */
export const VolunteerSchema = z.strictObject({
  /** Short id used by activities, e.g. v01 (never an ID number). */
  id: Slug,
  /** Name; shown only when consent is true. */
  name: PersonName,
  /** Team id. */
  team: Slug,
  /** The volunteer agreed in writing to have their name published. */
  consent: Flag.default(false),
  /** Registered in the national volunteer system (全国志愿服务信息系统). */
  registered: Flag.default(false),
});

/** One activity. */
export const ActivitySchema = z.strictObject({
  /** Date, YYYY-MM-DD, inside the period. */
  date: IsoDate,
  /** Kind: 助老, 环境, 文明实践, 防汛, 文化, 其他. */
  type: z.enum(['助老', '环境', '文明实践', '防汛', '文化', '其他']),
  /** What was done, e.g. 为独居老人打扫庭院. */
  title: Text,
  /** Public place, never a private address. */
  place: Text,
  /** Team id. */
  team: Slug,
  /** Who took part and for how many hours (travel time not counted). */
  participants: z.array(z.strictObject({ /** Volunteer id. */ volunteer: Slug, /** Hours served, e.g. 2.5. */ hours: HoursTenths })).min(1),
});

export const VolunteerPeriodSchema = z.strictObject({
  /** Teams. */
  teams: z.array(TeamSchema).min(1),
  /** Registered volunteers. */
  volunteers: z.array(VolunteerSchema).min(1),
  /** Activities in the period. */
  activities: z.array(ActivitySchema).default([]),
});
export type VolunteerPeriod = z.infer<typeof VolunteerPeriodSchema>;
