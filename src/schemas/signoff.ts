/**
 * The review and sign-off block every disclosure and ledger carries: drafted by the village
 * committee, reviewed and signed by the supervision committee, then published. The reviewer may not
 * be the preparer or the responsible person, and the review comes before publication.
 */
import { z } from 'astro/zod';
import { IsoDate, PersonName, Text } from './primitives.ts';

export const SignoffSchema = z.strictObject({
  /** Responsible person (负责人), usually the 村委会主任. */
  responsible: PersonName,
  /** Who prepared it (经办人 / 会计 / 报账员). */
  preparer: PersonName,
  /** Supervision committee member who reviewed and signed it (村务监督委员会审核人). */
  reviewer: PersonName.optional(),
  /** Date of the review, YYYY-MM-DD. */
  reviewedAt: IsoDate.optional(),
  /** Review opinion: 同意, 修改后同意 or 不同意. */
  opinion: z.enum(['同意', '修改后同意', '不同意']).optional(),
  /** Review notes. */
  note: Text.optional(),
});
export type Signoff = z.infer<typeof SignoffSchema>;
