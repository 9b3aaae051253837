/**
 * What a rule reports: a message code (see src/check/messages.ts), the field path inside the record
 * and the values the message needs. Rules stay pure; the checker adds the file and the wording.
 */
export interface Finding {
  code: string;
  path: readonly (string | number)[];
  params?: Record<string, string | number>;
  /** Errors stop the build; warnings are printed and shown in the compliance view. */
  severity?: 'error' | 'warning';
}
