/**
 * Astro integration: refuses to build when content/ has errors, before anything is written, with
 * the same messages as `npm run check`. When scripts/build.ts has just checked this content in the
 * same process, its checked county is used instead of checking again (src/check/county-cache.ts).
 * Either way the county is shared with the page modules (src/data/county.ts), so a build reads and
 * validates content/ once.
 */
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { shareCounty, takeCheckedCounty } from '../check/county-cache.ts';
import { formatProblems } from '../check/format.ts';
import { loadCounty } from '../check/load.ts';
import { timed } from './timings.ts';

export function contentCheck(root: string): AstroIntegration {
  return {
    name: 'gongkai:content-check',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        if (timed('astro:county-handover', () => takeCheckedCounty(resolve(root)))) return;
        const result = timed('astro:content-check', () => loadCounty(root));
        if (!result.county || result.problems.some((p) => p.severity === 'error')) {
          throw new Error(`内容检查未通过，已停止构建。Content check failed; the build was stopped.\n\n${formatProblems(result.problems)}`);
        }
        shareCounty(result.county, resolve(root), '');
      },
    },
  };
}
