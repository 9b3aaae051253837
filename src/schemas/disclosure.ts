/**
 * A quarterly disclosure: content/villages/<id>/disclosures/<yyyy>-q<n>[-<slug>].md or .mdx. The
 * front matter is checked here; the Markdown body is the narrative shown on the page.
 */
import { z } from 'astro/zod';
import { IsoDate, OfficePhone, Text } from './primitives.ts';
import { SignoffSchema } from './signoff.ts';

/** One disclosed item, citing the county catalogue. */
export const DisclosureItemSchema = z.strictObject({
  /** Catalogue item code from site.yaml, e.g. CW-03. */
  code: Text,
  /** Heading of the item, e.g. 村道硬化工程进展. */
  title: Text,
  /** What is disclosed, in one or a few sentences. */
  content: Text,
});

export const DisclosureSchema = z.strictObject({
  /** Title, e.g. 马曲村2025年第三季度村务公开. */
  title: Text,
  /** Track: 党务 (party affairs), 村务 (village affairs) or 财务 (finances). */
  track: z.enum(['党务', '村务', '财务']),
  /** The disclosed items. */
  items: z.array(DisclosureItemSchema).min(1),
  /** Review and sign-off; a reviewer is required for 村务 and 财务. */
  signoff: SignoffSchema,
  /** The meeting that fixed the disclosure plan (两委联席会议). */
  approval: z
    .strictObject({
      /** Meeting id: the meeting file's name without extension, e.g. 2025-10-08-lianxi. */
      meeting: Text,
    })
    .optional(),
  /** Date it went up on the notice board, YYYY-MM-DD. */
  publishedAt: IsoDate,
  /** Last day it stays on the board, YYYY-MM-DD. */
  postedUntil: IsoDate,
  /** Where it is published; the 公开栏 is the legal channel and must be listed. */
  channels: z.array(z.enum(['公开栏', '网站', '电子屏', '广播', '会议', '明白纸', '微信群'])).min(1),
  /** Phone for questions and objections; defaults to the village phone. */
  objectionPhone: OfficePhone.optional(),
  /** Id of the disclosure this one corrects (its file name without extension). */
  supersedes: Text.optional(),
  /** Why the earlier version was corrected; required with supersedes. */
  correctionReason: Text.optional(),
});
export type Disclosure = z.infer<typeof DisclosureSchema>;
