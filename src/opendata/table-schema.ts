/**
 * Table Schema (Data Package v2) fields derived from the zod schemas, so the published data
 * descriptor and the content schemas cannot drift: a column names the schema object it projects,
 * and its type, unit, enum values and whether it may be empty are read from that object.
 */
import type { z } from 'astro/zod';
import { Count, Fen, Flag, HoursTenths, IsoDate, PositiveFen, SignedFen, Slug } from '../schemas/primitives.ts';

/** A column of a data file: its header, its Chinese title and description, and the schema it projects. */
export interface Column {
  /** Header in the CSV and field name in the Table Schema (ASCII, snake_case). */
  name: string;
  /** Chinese title, shown in the README and the descriptor. */
  title: string;
  /** One Chinese sentence: what the column holds. */
  description: string;
  /** The zod schema of the content field (or of the derived value) this column projects. */
  schema: z.ZodType;
  /** Written in the file even though the schema allows it to be absent (a key column). */
  required?: boolean;
}

export interface TableSchemaField {
  name: string;
  title: string;
  description: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  /** Unit of a number column (custom property; Table Schema v2 allows extra properties). */
  unit?: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number };
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { def: Def }).def;

/** Strips optional/default wrappers; tells whether the field may be absent. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    const d = defOf(inner);
    if ((d.type === 'optional' || d.type === 'default') && d.innerType) {
      optional ||= d.type === 'optional';
      inner = d.innerType;
    } else return { inner, optional };
  }
}

/** Money in the files is yuan with two decimals (the content keeps integer fen). */
const MONEY = new Set<z.ZodType>([Fen, PositiveFen, SignedFen]);

/** The Table Schema field of a column, read from its zod schema. */
export function toTableSchemaField(c: Column): TableSchemaField {
  const { inner, optional } = unwrap(c.schema);
  const d = defOf(inner);
  const base = { name: c.name, title: c.title, description: c.description };
  const required = c.required ?? !optional;
  const constraints = (extra: TableSchemaField['constraints'] = {}) => {
    const all = { ...(required ? { required: true } : {}), ...extra };
    return Object.keys(all).length > 0 ? { constraints: all } : {};
  };
  if (MONEY.has(inner)) return { ...base, type: 'number', unit: 'CNY', ...constraints(inner === SignedFen ? {} : { minimum: 0 }) };
  if (inner === Count) return { ...base, type: 'integer', ...constraints({ minimum: 0 }) };
  if (inner === HoursTenths) return { ...base, type: 'number', unit: 'h', ...constraints({ minimum: 0 }) };
  if (inner === IsoDate) return { ...base, type: 'date', ...constraints() };
  if (inner === Flag) return { ...base, type: 'boolean', ...constraints() };
  if (inner === Slug) return { ...base, type: 'string', ...constraints() };
  // An enum, or a pipe that reads an enum (自然日/工作日): the written values are the enum.
  const enumSchema = d.type === 'enum' ? inner : d.type === 'pipe' && d.in && defOf(d.in).type === 'enum' ? d.in : undefined;
  if (enumSchema) return { ...base, type: 'string', ...constraints({ enum: [...(enumSchema as unknown as { options: readonly string[] }).options] }) };
  if (d.type === 'number') return { ...base, type: 'integer', ...constraints() };
  if (d.type === 'boolean') return { ...base, type: 'boolean', ...constraints() };
  if (d.type === 'string' || d.type === 'pipe') return { ...base, type: 'string', ...constraints() };
  throw new Error(`column ${c.name}: no Table Schema type for zod type ${d.type}`);
}
