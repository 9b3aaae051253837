/**
 * Reads province.yaml and turns schema issues into messages for the person who keeps the file:
 * file, field, what is wrong and how to fix it, in Chinese with the English beside it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ProvinceSchema, type Province } from '../schemas/province.ts';

export type ProvinceResult = { province: Province; problems: [] } | { province: undefined; problems: string[] };

export function parseProvince(text: string, file = 'province.yaml'): ProvinceResult {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return {
      province: undefined,
      problems: [`${file}: 不是有效的 YAML，请检查缩进和冒号。 Not valid YAML; check indentation and colons. (${(error as Error).message.split('\n')[0]})`],
    };
  }
  const result = ProvinceSchema.safeParse(raw);
  if (result.success) return { province: result.data, problems: [] };
  return {
    province: undefined,
    problems: result.error.issues.map((i) => {
      const field =
        i.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '') || '(整个文件 whole file)';
      return `${file}: ${field}: ${i.message}。请按 src/schemas/province.ts 中该字段的说明修改。 Fix this field as described in src/schemas/province.ts.`;
    }),
  };
}

export function readProvince(file: string): ProvinceResult {
  return parseProvince(readFileSync(file, 'utf8'), file);
}

/** Where county <id> lives on the portal, and so what its site.yaml baseUrl must be. */
export function countyBaseUrl(province: Pick<Province, 'baseUrl'>, id: string): string {
  return `${province.baseUrl}${id}/`;
}
