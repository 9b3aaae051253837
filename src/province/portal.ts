/**
 * The province portal's pages as plain TypeScript templates: home (counties → townships → villages),
 * one directory page per county, the province compliance view and the search page. Pure: takes
 * the province file, the county summaries (county.json of each shard) and the site's CSS, returns
 * the files to write. Plain templates rather than a second Astro build: the portal is four page
 * kinds over one JSON shape, and assembling it must take seconds, not an Astro start-up, per run.
 */
import { createHash } from 'node:crypto';
import { amountTail } from '../lib/search-amounts.ts';
import { SITE_POLICY_DIRECTIVES, SITE_SCRIPT_SOURCES } from '../lib/site-policy.ts';
import { separateHanForIndex } from '../lib/search-query.ts';
import type { CountySummary } from '../schemas/county-summary.ts';
import type { Province } from '../schemas/province.ts';

export interface PortalCounty {
  id: string;
  name: string;
  /** The county's county.json, or undefined when its shard is missing (build failed or not finished). */
  summary: CountySummary | undefined;
}

export interface PortalInput {
  province: Province;
  counties: PortalCounty[];
  /** tokens.css + site.css, inlined into every page. */
  css: string;
  /** search.css, the county search page's form and results, inlined into the portal's search page too. */
  searchCss?: string;
  /** Villages listed on the home page itself up to this many; above, each county's page lists them. */
  homeVillageLimit?: number;
}

const STANDING = { 'on-time': '按时公开', late: '逾期公开', overdue: '未按期公开' } as const;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
const e = escapeHtml;

/** The portal's path prefix, e.g. "/" or "/sheng/". */
export function portalBase(province: Pick<Province, 'baseUrl'>): string {
  return new URL(province.baseUrl).pathname;
}

const PORTAL_CSS = `
.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.unavailable { color: var(--bad); font-weight: 700; }
table.grid { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; }
table.grid td.n, table.grid th.n { text-align: right; }
.table-scroll { overflow-x: auto; }
.villages { list-style: none; padding: 0; }
.villages > li { border-bottom: 1px solid #d0d0d0; padding: 0.25rem 0; max-width: none; }
#province-results { padding-left: 1.5rem; }
#province-results li { margin-bottom: 1rem; }
#province-results p { margin: 0.2rem 0; }
.county-choice { padding: 0; margin-top: 1rem; grid-template-columns: minmax(0, 32rem); }
`;

/**
 * A portal page's Content-Security-Policy, as a county page's (src/lib/site-policy.ts, narrowed to the page's own
 * hashes): scripts only from the site (the search page's module and Pagefind, which compiles WebAssembly), styles only
 * the page's one inline <style>, by its hash. A static host that sends no policy header still gets this one.
 */
export function portalPolicy(style: string): string {
  const styleHash = createHash('sha256').update(style, 'utf8').digest('base64');
  return [...SITE_POLICY_DIRECTIVES, `script-src ${SITE_SCRIPT_SOURCES.join(' ')}`, `style-src 'sha256-${styleHash}'`].join('; ');
}

function page(input: PortalInput, title: string, body: string, options: { scripts?: string; css?: string | undefined } = {}): string {
  const base = portalBase(input.province);
  const asOf = latestAsOf(input.counties);
  const style = `${input.css}${options.css ?? ''}${PORTAL_CSS}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${portalPolicy(style)}">
<title>${e(title)} - ${e(input.province.name)}</title>
<style>${style}</style>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site"><div class="wrap">
<a href="${base}">${e(input.province.name)}</a>
<a href="${base}search/" class="search-link">搜索</a>
<a href="${base}compliance/">合规情况</a>
${asOf ? `<span class="asof">数据截至 <time datetime="${asOf}">${e(dateZh(asOf))}</time></span>` : ''}
</div></header>
<div class="wrap">
<main id="main">
${body}
</main>
<footer><p class="meta">各县（区）站点由各县独立构建和发布，本页汇总各县的公开情况。${input.province.hotline ? `监督电话：${e(input.province.hotline)}` : ''}</p></footer>
</div>
${options.scripts ?? ''}
</body>
</html>
`;
}

function dateZh(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function latestAsOf(counties: readonly PortalCounty[]): string | undefined {
  return counties
    .map((c) => c.summary?.asOf)
    .filter((x): x is string => Boolean(x))
    .sort()
    .at(-1);
}

export interface ProvinceTotals {
  counties: number;
  available: number;
  villages: number;
  onTime: number;
  late: number;
  overdue: number;
  withFindings: number;
}

export function sumCounties(counties: readonly PortalCounty[]): ProvinceTotals {
  const t: ProvinceTotals = { counties: counties.length, available: 0, villages: 0, onTime: 0, late: 0, overdue: 0, withFindings: 0 };
  for (const c of counties) {
    if (!c.summary) continue;
    t.available++;
    for (const k of ['villages', 'onTime', 'late', 'overdue', 'withFindings'] as const) t[k] += c.summary.counts[k];
  }
  return t;
}

function villageList(base: string, c: PortalCounty & { summary: CountySummary }, township: CountySummary['townships'][number]): string {
  return `<ul class="villages">${township.villages
    .map(
      (v) =>
        `<li><a href="${base}${c.id}/${v.path}">${e(v.name)}</a> <span class="badge ${v.standing}">${STANDING[v.standing]}</span> <span class="meta">${v.latestQuarter ? `最新公开：${e(v.latestQuarter)}` : '尚无村务公开'}${v.runningNotices.length > 0 ? ` · 正在公示 ${v.runningNotices.length} 项` : ''}</span></li>`,
    )
    .join('')}</ul>`;
}

function countyCounts(s: CountySummary): string {
  return `<ul class="counts" aria-label="按期公开情况"><li>${s.counts.villages} 个村</li><li>按时公开 ${s.counts.onTime}</li><li>逾期公开 ${s.counts.late}</li><li>未按期公开 ${s.counts.overdue}</li></ul>`;
}

const UNAVAILABLE = '本县站点暂缺（本次未构建成功或尚未完成），下次构建后显示。';

export function renderHome(input: PortalInput): string {
  const base = portalBase(input.province);
  const totals = sumCounties(input.counties);
  const inline = totals.villages <= (input.homeVillageLimit ?? 1000);
  const sections = input.counties
    .map((c) => {
      if (!c.summary) return `<section aria-labelledby="c-${c.id}"><h2 id="c-${c.id}">${e(c.name)}</h2><p class="unavailable">${UNAVAILABLE}</p></section>`;
      const s = c.summary;
      const withSummary = { ...c, summary: s };
      const townships = s.townships
        .map((t) =>
          inline
            ? `<h3>${e(t.name)}</h3>${villageList(base, withSummary, t)}`
            : `<li><a href="${base}c/${c.id}/#${e(t.name)}">${e(t.name)}</a> <span class="meta">${t.villages.length} 个村，未按期公开 ${t.villages.filter((v) => v.standing === 'overdue').length} 个</span></li>`,
        )
        .join('');
      return `<section aria-labelledby="c-${c.id}"><h2 id="c-${c.id}"><a href="${base}${c.id}/">${e(c.name)}</a></h2>${countyCounts(s)}<p class="meta">数据截至 ${e(dateZh(s.asOf))} · <a href="${base}c/${c.id}/">本县各村一览</a> · <a href="${base}${c.id}/compliance/">合规情况</a></p>${inline ? townships : `<ul class="links">${townships}</ul>`}</section>`;
    })
    .join('\n');
  const body = `<h1>${e(input.province.name)}</h1>
<p class="lead">全省 ${totals.counties} 个县（区）、${totals.villages} 个村（社区）的村务、党务、财务公开。</p>
<ul class="summary counts" aria-label="全省按期公开情况"><li>按时公开 ${totals.onTime} 个村</li><li>逾期公开 ${totals.late} 个村</li><li>未按期公开 ${totals.overdue} 个村</li></ul>
${
  totals.available < totals.counties
    ? `<p class="unavailable">有 ${totals.counties - totals.available} 个县的站点暂缺：${input.counties
        .filter((c) => !c.summary)
        .map((c) => e(c.name))
        .join('、')}。</p>`
    : ''
}
<p><a href="${base}compliance/">各县按期公开和合规情况 →</a></p>
${sections}`;
  return page(input, '首页', body);
}

export function renderCountyDirectory(input: PortalInput, c: PortalCounty & { summary: CountySummary }): string {
  const base = portalBase(input.province);
  const body = `<nav class="crumbs" aria-label="当前位置"><ol><li><a href="${base}">${e(input.province.name)}</a></li><li aria-current="page">${e(c.name)}</li></ol></nav>
<h1>${e(c.summary.county)}各村公开情况</h1>
${countyCounts(c.summary)}
<p><a href="${base}${c.id}/">进入${e(c.name)}村务公开栏 →</a></p>
${c.summary.townships.map((t) => `<h2 id="${e(t.name)}">${e(t.name)}</h2>${villageList(base, c, t)}`).join('\n')}`;
  return page(input, c.name, body);
}

export function renderCompliance(input: PortalInput): string {
  const base = portalBase(input.province);
  const totals = sumCounties(input.counties);
  const rows = input.counties
    .map((c) =>
      c.summary
        ? `<tr><th scope="row"><a href="${base}${c.id}/compliance/">${e(c.name)}</a></th><td class="n">${c.summary.counts.villages}</td><td class="n">${c.summary.counts.onTime}</td><td class="n">${c.summary.counts.late}</td><td class="n">${c.summary.counts.overdue}</td><td class="n">${c.summary.counts.withFindings}</td><td>${e(dateZh(c.summary.asOf))}</td></tr>`
        : `<tr><th scope="row">${e(c.name)}</th><td colspan="6" class="unavailable">站点暂缺</td></tr>`,
    )
    .join('\n');
  const body = `<nav class="crumbs" aria-label="当前位置"><ol><li><a href="${base}">${e(input.province.name)}</a></li><li aria-current="page">合规情况</li></ol></nav>
<h1>全省按期公开和合规情况</h1>
<p class="lead">各县最近一个应公开季度的按期公开情况，以及账目、程序、目录检查发现问题的村数。点县名查看该县每个村、每个季度的详细情况。</p>
<div class="table-scroll"><table class="grid">
<caption>按县统计（个村）</caption>
<thead><tr><th scope="col">县（区）</th><th scope="col" class="n">村数</th><th scope="col" class="n">按时公开</th><th scope="col" class="n">逾期公开</th><th scope="col" class="n">未按期公开</th><th scope="col" class="n">有问题的村</th><th scope="col">数据截至</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">全省</th><td class="n">${totals.villages}</td><td class="n">${totals.onTime}</td><td class="n">${totals.late}</td><td class="n">${totals.overdue}</td><td class="n">${totals.withFindings}</td><td></td></tr></tfoot>
</table></div>`;
  return page(input, '合规情况', body);
}

export function renderSearch(input: PortalInput, scriptHref: string): string {
  const base = portalBase(input.province);
  const options = input.counties
    // A county's data date: its 公示 results say their posting state on that day, as on the county's own search page.
    .map(
      (c) =>
        `<option value="${c.id}"${c.summary ? ` data-as-of="${e(c.summary.asOf)}"` : ' data-unavailable=""'}>${e(c.name)}${c.summary ? '' : '（暂缺）'}</option>`,
    )
    .join('');
  const body = `<nav class="crumbs" aria-label="当前位置"><ol><li><a href="${base}">${e(input.province.name)}</a></li><li aria-current="page">搜索</li></ol></nav>
<h1>全省搜索</h1>
<form id="province-search" class="search-form" role="search" data-base="${base}" action="${base}search/">
<label class="q-label" for="q">要找什么（村名、乡镇名、公示事项，或选一个县后查找全文）</label>
<div class="q-row"><input id="q" name="q" type="search" autocomplete="off" enterkeyhint="search"><button type="submit">搜索</button></div>
<div class="filters county-choice"><div class="field"><label for="county">在哪个县查找全文</label><select id="county" name="county"><option value="">只查村、乡镇和正在公示的事项</option>${options}</select></div></div>
</form>
<p id="province-status" class="search-status" role="status" aria-live="polite"></p>
<ol id="province-results"></ol>
<noscript><p>搜索需要浏览器运行脚本。也可以进入各县站点搜索：</p></noscript>
<h2>各县站点搜索</h2>
<ul class="links">${input.counties.map((c) => (c.summary ? `<li><a href="${base}${c.id}/search/">${e(c.name)}站内搜索</a></li>` : `<li>${e(c.name)}（站点暂缺）</li>`)).join('')}</ul>`;
  return page(input, '搜索', body, { scripts: `<script type="module" src="${scriptHref}"></script>`, css: input.searchCss });
}

/** One entry of the province directory index (villages, townships, running notices). */
export interface DirectoryRecord {
  url: string;
  title: string;
  content: string;
  county: string;
  countyName: string;
  kind: '村' | '乡镇' | '公示';
}

/**
 * The text the directory index gives Pagefind for a record: its title and content, Han characters spaced as a county's
 * index has them, and the printed form of each amount they state (每人15元 → 15.00) as a county's pages have it
 * (src/lib/search-amounts.ts), so an amount typed on the portal finds what it finds on the county's search. The build
 * cuts the tail from the stored text after indexing (src/province/assemble.ts).
 */
export function directoryIndexText(r: Pick<DirectoryRecord, 'title' | 'content'>): string {
  const text = `${r.title} ${r.content}`;
  const tail = amountTail(text);
  return separateHanForIndex(tail ? `${text} ${tail}` : text);
}

export function listDirectoryRecords(input: PortalInput): DirectoryRecord[] {
  const base = portalBase(input.province);
  const out: DirectoryRecord[] = [];
  for (const c of input.counties) {
    if (!c.summary) continue;
    for (const t of c.summary.townships) {
      out.push({
        url: `${base}c/${c.id}/#${t.name}`,
        title: `${c.name}${t.name}`,
        content: `${c.summary.county} ${t.name} ${t.villages.map((v) => v.name).join(' ')}`,
        county: c.id,
        countyName: c.name,
        kind: '乡镇',
      });
      for (const v of t.villages) {
        out.push({
          url: `${base}${c.id}/${v.path}`,
          title: `${c.name}${t.name}${v.name}`,
          content: `${c.summary.county} ${t.name} ${v.name} ${STANDING[v.standing]} ${v.standingDetail}`,
          county: c.id,
          countyName: c.name,
          kind: '村',
        });
        for (const n of v.runningNotices)
          out.push({
            url: `${base}${c.id}/${n.path}`,
            title: `${v.name}：${n.title}`,
            content: `${c.summary.county} ${t.name} ${v.name} 正在公示 ${n.title}`,
            county: c.id,
            countyName: c.name,
            kind: '公示',
          });
      }
    }
  }
  return out;
}
