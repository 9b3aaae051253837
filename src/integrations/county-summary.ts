/**
 * Post-build step: writes <site>/county.json (src/schemas/county-summary.ts), the small summary of
 * this county that the province portal reads. Every fact comes from the view-models the county's
 * own pages use (home, village board) and from the compliance assembly; nothing is derived here.
 */
import { join } from 'node:path';
import { assembleCompliance } from '../check/compliance-rules.ts';
import { getHomeView, getRunningNoticesView } from '../data/views.ts';
import { countyInputHash } from '../build/input-hash.ts';
import type { CountySummary } from '../schemas/county-summary.ts';
import { replaceFile } from '../build/staging-files.ts';
import type { BuildStep, StepContext } from '../build/steps.ts';

export const COUNTY_SUMMARY_FILE = 'county.json';

/** Site-relative path without the base, e.g. "/v/x/" → "v/x/" (post-build steps run with base "/"). */
const relative = (href: string) => href.replace(/^\/+/, '');

export function summariseCounty(ctx: Pick<StepContext, 'root' | 'county' | 'problems' | 'inputHash'>, project: string): CountySummary {
  const { county } = ctx;
  const home = getHomeView();
  // The build only goes on with warnings; the county's problems are those warnings.
  const { rows } = assembleCompliance(county, [...ctx.problems]);
  const findings = new Map<string, { errors: number; warnings: number }>();
  for (const r of rows) {
    const f = findings.get(r.village) ?? { errors: 0, warnings: 0 };
    for (const c of r.cells) for (const p of c.problems) f[p.severity === 'error' ? 'errors' : 'warnings']++;
    findings.set(r.village, f);
  }
  return {
    version: 1,
    province: county.site.province,
    county: home.county,
    title: home.title,
    baseUrl: county.site.baseUrl,
    asOf: county.asOf,
    // The build's own (its digests of content/ and the code, taken once); hashing them again costs seconds at 300 villages.
    inputHash: ctx.inputHash ?? countyInputHash(ctx.root, project, county.asOf),
    counts: {
      villages: home.counts.villages,
      onTime: home.counts.onTime,
      late: home.counts.late,
      overdue: home.counts.overdue,
      withFindings: [...findings.values()].filter((f) => f.errors + f.warnings > 0).length,
    },
    townships: home.townships.map((t) => ({
      name: t.name,
      villages: t.villages.map((v) => ({
        id: v.id,
        name: v.name,
        path: relative(v.href),
        ...(v.latest ? { latestQuarter: v.latest.label } : {}),
        standing: v.standing.state,
        standingDetail: v.standing.detail,
        runningNotices: getRunningNoticesView(v.id).map((n) => ({ title: n.title, path: relative(n.href) })),
        findings: findings.get(v.id) ?? { errors: 0, warnings: 0 },
      })),
    })),
  };
}

export const countySummaryStep: BuildStep = {
  name: 'county-summary',
  async run(ctx) {
    const summary = summariseCounty(ctx, join(import.meta.dirname, '..', '..'));
    const file = join(ctx.outDir, COUNTY_SUMMARY_FILE);
    replaceFile(file, `${JSON.stringify(summary, null, 1)}\n`);
  },
};
