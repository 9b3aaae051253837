/**
 * Astro integration: refuses to build when content/ has errors, before anything is written, with
 * the same messages as `npm run check`. When scripts/build.ts has already checked this exact
 * content (GONGKAI_COUNTY_CACHE, same digest), its checked county is used instead of checking again.
 * Either way the county is shared with the page modules (src/data/county.ts), so a build reads and
 * validates content/ once.
 */
import type { AstroIntegration } from 'astro';
import { contentDigest, readCountyCache, shareCounty } from '../check/county-cache.ts';
import { formatProblems } from '../check/format.ts';
import { loadCounty } from '../check/load.ts';
import { timed } from './timings.ts';

export function contentCheck(root: string): AstroIntegration {
  return {
    name: 'gongkai:content-check',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const cacheFile = process.env['GONGKAI_COUNTY_CACHE'];
        if (cacheFile) {
          const cached = timed('astro:county-cache', () => readCountyCache(cacheFile, contentDigest(root)));
          if (cached) return shareCounty(cached);
        }
        const result = timed('astro:content-check', () => loadCounty(root));
        if (!result.county || result.problems.some((p) => p.severity === 'error')) {
          throw new Error(`内容检查未通过，已停止构建。Content check failed; the build was stopped.\n\n${formatProblems(result.problems)}`);
        }
        shareCounty(result.county);
      },
    },
  };
}
