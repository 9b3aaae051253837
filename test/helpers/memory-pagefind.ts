/**
 * An in-memory Pagefind for the query logic's unit tests: pages with text; an exact query ("…") is a substring of the
 * phrase with its spaces taken out, a loose one needs all its words. `queries` lists every search it was asked for.
 */
import type { PagefindLike } from '../../src/lib/search-run.ts';

export function memoryPagefind(pages: Record<string, string>): PagefindLike<string> & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async search(term) {
      queries.push(String(term));
      const exact = /^".*"$/.test(term ?? '');
      const words = (term ?? '').replace(/"/g, '').split(' ').filter(Boolean);
      const results = Object.entries(pages)
        .filter(([, text]) => (exact ? text.includes(words.join('')) : words.every((w) => text.includes(w))))
        .map(([id, text]) => ({ id, score: words.reduce((s, w) => s + text.split(w).length - 1, 0), data: async () => id }));
      return { results };
    },
  };
}
