/**
 * A village (or community): content/villages/<village-id>/village.yaml. The folder name is the
 * village id used in URLs.
 */
import { z } from 'astro/zod';
import { Count, IsoDate, OfficePhone, PersonName, Text } from './primitives.ts';

/** A member of the village committee, party branch or supervision committee. */
export const MemberSchema = z.strictObject({
  /** Full name (cadres' names are public under 村民委员会组织法 §24). */
  name: PersonName,
  /** Role, e.g. 村党支部书记、村委会主任, 村委会委员, 报账员, 主任, 委员. */
  role: Text,
});
export type Member = z.infer<typeof MemberSchema>;

/**
 * Register figures that were in force before a change: each entry holds the numbers valid until (not
 * including) `until`. The top-level figures are the current register, in force from the last entry's
 * `until` (or from the beginning when there is none). Only the figures that changed need be given.
 */
export const RegisterEntrySchema = z.strictObject({
  /** The first day these figures no longer held (the day the register changed), YYYY-MM-DD. */
  until: IsoDate,
  /** 户数 before that day. */
  households: Count.optional(),
  /** 18 岁以上村民 before that day. */
  adults: Count.optional(),
  /** 村民代表 before that day. */
  representatives: Count.optional(),
  /** 集体经济组织成员 before that day. */
  members: Count.optional(),
  /** 成员代表 before that day. */
  memberRepresentatives: Count.optional(),
});
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>;

export const VillageSchema = z.strictObject({
  /** Name, e.g. 马曲村. */
  name: Text,
  /** Township (乡镇/街道), e.g. 天成镇. */
  township: Text,
  /** 行政村 (administrative village) or 社区 (community). */
  kind: z.enum(['行政村', '社区']).default('行政村'),
  /** Number of households (户数): the base for meetings counted by household. */
  households: Count,
  /** Registered population (户籍人口). */
  population: Count,
  /** Villagers aged 18 and over: the base of the 村民会议 quorum (组织法 §22). */
  adults: Count,
  /** Registered villagers' representatives (村民代表): the `eligible` of every 村民代表会议 (组织法 §25–26). */
  representatives: Count.optional(),
  /** Members of the collective economic organisation (集体经济组织成员): the `eligible` of a 成员大会. */
  members: Count.optional(),
  /** Members' representatives (成员代表): the `eligible` of a 成员代表大会. */
  memberRepresentatives: Count.optional(),
  /** Earlier register figures, oldest first or in any order: how the numbers above changed over time. */
  registerHistory: z.array(RegisterEntrySchema).default([]),
  /** Village groups (村民小组), e.g. [一组, 二组]. */
  groups: z.array(Text).default([]),
  /** Members of the village committee (村民委员会), with roles. */
  committee: z.array(MemberSchema).min(1),
  /** Members of the village supervision committee (村务监督委员会); they review disclosures. */
  supervisors: z.array(MemberSchema).min(1),
  /** Other staff who prepare records (报账员, 会计, 文书). */
  staff: z.array(MemberSchema).default([]),
  /** Public office phone for questions and objections (监督电话). */
  phone: OfficePhone,
  /** Where and when villagers can raise a question or objection in person (村务监督委员会接待), shown on the village board. */
  office: z
    .strictObject({
      /** Address, e.g. 马曲村村委会二楼村务监督委员会办公室. */
      address: Text,
      /** Opening hours in words, e.g. 工作日上午9:00—12:00，下午2:30—5:30. */
      hours: Text,
    })
    .optional(),
  /** Where the village's notice boards (公开栏) stand. */
  boards: z.array(z.strictObject({ /** Where the board stands, e.g. 村委会大院东墙. */ location: Text })).min(1),
  /** Finance cadence if stricter than the province profile: 每月 (monthly). */
  financeCadence: z.enum(['每季度', '每月']).optional(),
});
export type Village = z.infer<typeof VillageSchema>;
