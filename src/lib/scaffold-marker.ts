/**
 * The mark `npm run new` leaves in every value a clerk still has to fill in, e.g.
 * `publishedAt: 〔待填：公布日期〕`. The checker reports each one as "not filled in yet" instead of
 * a confusing type error, so a fresh scaffold fails only in obvious fill-me-in ways.
 */
export const PLACEHOLDER = '〔待填';

/** A placeholder value with its hint: 〔待填：hint〕. */
export function placeholder(hint: string): string {
  return `${PLACEHOLDER}：${hint}〕`;
}

/** Paths of every placeholder string inside parsed YAML data. */
export function findPlaceholders(data: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof data === 'string') return data.includes(PLACEHOLDER) ? [{ path, value: data }] : [];
  if (Array.isArray(data)) return data.flatMap((x, i) => findPlaceholders(x, [...path, i]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => findPlaceholders(v, [...path, k]));
  return [];
}
