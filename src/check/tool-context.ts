/**
 * Shared by the clerk tools (npm run new, import, check --village): find a village and load what
 * passed its own checks, with clerk-facing messages when the village does not exist or its
 * village.yaml is broken.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblems } from './format.ts';
import { loadCounty, type LoadOptions } from './load.ts';
import { toolText } from './messages/index.ts';
import type { County, Problem, VillageRecords } from './model.ts';

export type VillageContext = { ok: true; county: County; village: VillageRecords; problems: Problem[] } | { ok: false; message: string };

export function listVillageIds(root: string): string[] {
  const dir = join(root, 'content/villages');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => existsSync(join(dir, n, 'village.yaml')))
        .sort()
    : [];
}

export function loadVillageContext(root: string, id: string, options: LoadOptions = {}): VillageContext {
  const ids = listVillageIds(root);
  if (!ids.includes(id)) return { ok: false, message: toolText('tool.village', { id, ids: ids.join(', ') || '—' }) };
  const result = loadCounty(root, { ...options, village: id });
  const village = result.partial?.villages.find((v) => v.id === id);
  if (!result.partial || !village) return { ok: false, message: `${formatProblems(result.problems)}\n\n${toolText('tool.village-invalid', { id })}` };
  return { ok: true, county: result.partial, village, problems: result.problems };
}
