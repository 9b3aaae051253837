/**
 * The county summary: <county site>/county.json, written by every county build
 * (src/integrations/county-summary.ts) and read by the province portal (`npm run province -- assemble`).
 * Small on purpose: the portal lists every village of a province from these files alone.
 */
import { z } from 'astro/zod';

const Standing = z.enum(['on-time', 'late', 'overdue']);

export const CountySummaryVillageSchema = z.strictObject({
  /** Village id (folder name under content/villages/). */
  id: z.string(),
  /** Village name, e.g. 东风村. */
  name: z.string(),
  /** Path of the village board under the county site, e.g. v/dongfeng/. */
  path: z.string(),
  /** Label of the latest 村务 disclosure in force, e.g. 2025年第三季度; absent when none. */
  latestQuarter: z.string().optional(),
  /** Whether the latest due quarter was disclosed on time, late or not at all. */
  standing: Standing,
  /** The standing in one Chinese sentence, as the county home shows it. */
  standingDetail: z.string(),
  /** Notices being posted on the as-of date. */
  runningNotices: z.array(z.strictObject({ title: z.string(), path: z.string() })),
  /** Compliance findings of this village (all quarters): errors and warnings. */
  findings: z.strictObject({ errors: z.number().int(), warnings: z.number().int() }),
});

export const CountySummarySchema = z.strictObject({
  /** Format version of this file. */
  version: z.literal(1),
  /** Province, e.g. 陕西省. */
  province: z.string(),
  /** Full county name, e.g. 陕西省宝鸡市陇县. */
  county: z.string(),
  /** Title of the county site. */
  title: z.string(),
  /** Public address of the county site (site.yaml baseUrl). */
  baseUrl: z.string(),
  /** The as-of date of the build, YYYY-MM-DD. */
  asOf: z.string(),
  /** SHA-256 of content/, the code and the as-of date: equal hashes mean the same site. */
  inputHash: z.string(),
  /** Counts over villages for the latest due quarter, and villages with any compliance finding. */
  counts: z.strictObject({
    villages: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    overdue: z.number().int(),
    withFindings: z.number().int(),
  }),
  /** Townships in the order of the county home, each with its villages. */
  townships: z.array(z.strictObject({ name: z.string(), villages: z.array(CountySummaryVillageSchema) })),
});
export type CountySummary = z.infer<typeof CountySummarySchema>;
export type CountySummaryVillage = z.infer<typeof CountySummaryVillageSchema>;
