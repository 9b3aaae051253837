/**
 * Astro integration: refuses to build when content/ has errors, before anything is written, with
 * the same messages as `npm run check`.
 */
import type { AstroIntegration } from 'astro';
import { formatProblems } from '../check/format.ts';
import { loadCounty } from '../check/load.ts';
import { timed } from './timings.ts';

export function contentCheck(root: string): AstroIntegration {
  return {
    name: 'gongkai:content-check',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const result = timed('astro:content-check', () => loadCounty(root));
        if (result.problems.some((p) => p.severity === 'error')) {
          throw new Error(`内容检查未通过，已停止构建。Content check failed; the build was stopped.\n\n${formatProblems(result.problems)}`);
        }
      },
    },
  };
}
