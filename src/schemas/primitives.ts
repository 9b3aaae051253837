/**
 * Field types shared by every content schema. Content YAML is read with every scalar as text, so
 * these parse text exactly: dates stay ISO strings, money becomes integer fen, counts integers.
 * A failed parse raises an issue whose `params.code` names a clerk-facing message
 * (src/check/messages/content.ts).
 */
import { z } from 'astro/zod';
import { isIsoDate } from '../lib/dates.ts';
import { parseFen } from '../lib/money.ts';
import { normalisePersonName } from '../lib/person-name.ts';

type Ctx = { addIssue(arg: { code: 'custom'; message: string; params?: Record<string, unknown>; input?: unknown }): void };

/** Raises a custom issue that names a message code. */
export function raise(ctx: Ctx, code: string, params: Record<string, unknown> = {}, input?: unknown): void {
  ctx.addIssue({ code: 'custom', message: code, params: { code, ...params }, input });
}

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** Trimmed, non-empty text. */
export const Text = z.string().trim().min(1);

/** A calendar date written YYYY-MM-DD, e.g. 2025-10-08. */
export const IsoDate = Scalar.transform((v, ctx) => {
  const s = String(v).trim();
  if (!isIsoDate(s)) {
    raise(ctx, 'date.format', { value: s });
    return z.NEVER;
  }
  return s;
});

/** An amount of money written in yuan (1234.56, 1,234.56, １２３４.５６), kept as integer fen (> 0). */
export const Fen = Scalar.transform((v, ctx) => {
  const r = parseFen(typeof v === 'boolean' ? '' : v);
  if (!r.ok) {
    raise(ctx, `money.${r.error}`, { value: String(v) });
    return z.NEVER;
  }
  return r.fen;
});

/**
 * A balance that may honestly be below zero (a ledger's closing balance), kept as integer fen, so
 * that the ledger rule can say "the closing balance is negative" instead of "remove the minus sign".
 */
export const SignedFen = Scalar.transform((v, ctx) => {
  const r = parseFen(typeof v === 'boolean' ? '' : v, { allowNegative: true });
  if (!r.ok) {
    raise(ctx, `money.${r.error}`, { value: String(v) });
    return z.NEVER;
  }
  return r.fen;
});

/** A positive amount of money in yuan, kept as integer fen. */
export const PositiveFen = Fen.refine((fen) => fen > 0, { params: { code: 'money.zero' } });

/** A whole number ≥ 0 (a count of people, households, votes). */
export const Count = Scalar.transform((v, ctx) => {
  const s = String(v).trim();
  if (!/^\d+$/.test(s)) {
    raise(ctx, 'int.format', { value: s });
    return z.NEVER;
  }
  return Number(s);
});

/** Hours with at most one decimal, e.g. 2.5, kept as integer tenths of an hour. */
export const HoursTenths = Scalar.transform((v, ctx) => {
  const s = String(v).trim();
  const m = /^(\d+)(?:\.(\d))?$/.exec(s);
  if (!m) {
    raise(ctx, 'hours.format', { value: s });
    return z.NEVER;
  }
  return Number(m[1]) * 10 + Number(m[2] ?? '0');
});

/** yes/no: true, false, 是, 否, yes, no. */
export const Flag = Scalar.transform((v, ctx) => {
  const written = String(v).trim();
  const s = written.toLowerCase();
  if (['true', 'yes', '是', 'y'].includes(s)) return true;
  if (['false', 'no', '否', 'n'].includes(s)) return false;
  raise(ctx, 'bool.format', { value: written });
  return z.NEVER;
});

/** Text that must match a pattern; a mismatch raises the message `code`. */
export function Pattern(re: RegExp, code: string) {
  return z.string().superRefine((s, ctx) => {
    if (!re.test(s)) raise(ctx, code, { value: s });
  });
}

/** A short lowercase identifier used in file names and URLs: letters, digits and hyphens. */
export const Slug = Pattern(/^[a-z0-9][a-z0-9-]*$/, 'slug.format');

/**
 * A person's name as written on a record, shown as written but for what nobody sees: zero-width and
 * bidirectional characters dropped, full-width letters as ASCII, no space beside a Chinese character
 * (刘 志强 is 刘志强), so that one person is one name everywhere (src/lib/person-name.ts).
 */
export const PersonName = Text.transform((name, ctx) => {
  const shown = normalisePersonName(name);
  // A name of invisible characters only is no name.
  if (shown === '') raise(ctx, 'text.empty');
  return shown;
});

/**
 * A public office phone number (landline with area code, or a hotline such as 12345). Private
 * mobile numbers are refused everywhere by the privacy scan.
 */
export const OfficePhone = Text;

/** How a posting period is counted: 自然日 (calendar days) or 工作日 (working days). */
export const DayUnit = z.enum(['自然日', '工作日']).transform((u) => (u === '工作日' ? 'working' : 'calendar'));
