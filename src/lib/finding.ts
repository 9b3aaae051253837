/**
 * What a rule reports: a message code with its typed parameters (see src/check/messages/content.ts)
 * and the field path inside the record. Rules stay pure and emit data; the checker adds the file and
 * the formatter the wording. A code with no message, or wrong parameters, does not compile.
 *
 * The one import from src/check is type-only: the catalogue is where each code's parameters are
 * declared, and nothing of it runs here.
 */
import type { ContentCode, ContentMessage, ContentParams, ImportMessage } from '../check/messages/index.ts';

export type { ContentCode, ContentMessage, ContentParams, ImportMessage };

export type Finding = ContentMessage & {
  path: readonly (string | number)[];
  /** Errors stop the build; warnings are printed and shown in the compliance view. */
  severity?: 'error' | 'warning';
};
