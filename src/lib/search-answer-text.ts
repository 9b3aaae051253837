/**
 * What a search did, in the villager's words (Chinese): rewrites, synonyms, the words left out (已略去), and how many
 * records were found, with which words; for a long question whose pages have most of its words, which words those may
 * lack. One text for the county's search page (src/client/search-results.ts) and the province portal's search
 * (src/client/province-search.ts), so both say the same thing. Pure: strings from a plan and its outcome.
 */
import type { SearchAnswer } from './search-run.ts';

/**
 * The sentences about an answer, in order. `chosen`: the filters the villager chose (shown with the places and quarters
 * the query named); `browse`: where to look instead when nothing was found (或在下面按村浏览).
 */
export function describeFound<D>(
  query: string,
  { plan, outcome, corrected, scope: bundles }: Pick<SearchAnswer<D>, 'plan' | 'outcome' | 'corrected' | 'scope'>,
  chosen: readonly string[],
  browse: string,
): string[] {
  const lines: string[] = [];
  if (corrected) lines.push(`没有找到“${query}”，已按“${corrected}”查找。`);
  lines.push(...plan.notes.map((n) => `已按 ${n} 查找。`));
  for (const t of outcome.terms) if (t.bySynonym) lines.push(`已按 ${t.found.join('、')} 查找（“${t.text}”的常用说法）。`);
  const left = [...plan.ignored, ...(outcome.unsearched ?? [])];
  if (left.length > 0) lines.push(`已略去：${left.join('、')}。`);
  const kept = outcome.terms.filter((t) => !outcome.dropped.includes(t.text) && !outcome.unsearched?.includes(t.text));
  const what = kept.map((t) => `“${t.found.length > 0 ? t.found.join('”或“') : t.text}”`).join('和');
  // A whole year's four quarters (去年的账) are said as the year: 2024年.
  const years = [...new Set(plan.quarters.map((q) => q.slice(0, 5)))];
  const quarters = years.flatMap((y) => (plan.quarters.filter((q) => q.startsWith(y)).length === 4 ? [y] : plan.quarters.filter((q) => q.startsWith(y))));
  const where = [...plan.villages, ...plan.townships, ...quarters, ...plan.kinds, ...chosen].join('、');
  const scope = where ? `（${where}）` : '';
  if (outcome.tooBroad) lines.push(`没有同时含有全部词语的记录；只含部分词语的记录超过一半，没有列出。请少输几个词，或在“筛选”中选择村、季度或记录类型。`);
  // Nothing in the townships searched so far is not "nothing": the rest may hold it (restText's button below).
  else if (outcome.hits.length === 0 && (bundles?.later.length ?? 0) > 0)
    lines.push(`已搜索的乡镇中没有找到${what ? `含有${what}的` : ''}记录${scope}。其余乡镇还没有搜索，请按下面的“搜索其余”按钮。`);
  else if (outcome.hits.length === 0 && (bundles?.failed?.length ?? 0) > 0) lines.push(`已搜索的乡镇中没有找到${what ? `含有${what}的` : ''}记录${scope}。`);
  else if (outcome.hits.length === 0) lines.push(`没有找到${what ? `含有${what}的` : ''}记录${scope}。请检查是否有错别字，换一个说法，${browse}。`);
  else {
    if (outcome.dropped.length > 0) lines.push(`没有同时含有全部词语的记录；下面的记录不含“${outcome.dropped.join('”“')}”。`);
    // A long question: the pages having most of its words follow the few having all (runPlan's `partial`).
    const partial = outcome.partial;
    if (partial) {
      const rest = outcome.hits.length - partial.complete;
      const all = partial.complete > 0 ? `同时含有${what}的记录只有 ${partial.complete} 条，排在前面；` : '';
      lines.push(
        `找到 ${outcome.hits.length} 条记录${scope}。${all}${partial.complete > 0 ? '后面' : '下面'} ${rest} 条含有其中大部分词语，不一定含“${partial.optional.join('”“')}”。`,
      );
    } else lines.push(`找到 ${outcome.hits.length} 条${what ? `含有${what}的` : ''}记录${scope}。`);
  }
  return lines;
}
