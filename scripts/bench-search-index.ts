/**
 * `node scripts/bench-search-index.ts [pages] [digest]` (after `npm run build`): indexes the demo's
 * record pages copied to county scale through the same preparation as the build, with ledgers of
 * 150 entries, and reports time, Pagefind's peak memory, index size and what first queries fetch.
 * entries: none | voucher (voucher + amount) | full (each entry's line as the build writes it: side,
 * voucher, category, summary, amount, source).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { loadCounty } from '../src/check/load.ts';
import { listSearchDocuments } from '../src/data/search.ts';
import { prepareForIndex } from '../src/integrations/search-index.ts';
import { formatYuan } from '../src/lib/money.ts';
import { SEARCH_WORD_CHARACTERS } from '../src/lib/search-query.ts';
import { openPagefind } from '../test/helpers/pagefind-node.ts';

const pages = Number(process.argv[2] ?? 2000);
const digestMode = process.argv[3] ?? 'full';
/** GONGKAI_BENCH_JIEBA=1: leave segmentation to Pagefind (no zero-width spaces), for comparison. */
const jieba = process.env['GONGKAI_BENCH_JIEBA'] === '1';
const county = loadCounty(process.cwd()).county!;
const docs = listSearchDocuments(county);
const out = join('.gongkai-build', 'bench');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const lines = docs.flatMap((d) => d.entries.map((e) => e.text));
let seed = 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

/** Peak resident memory (VmHWM) of the largest descendant process: Pagefind's indexing binary. */
function peakRss(pid: number): number {
  let kids: number[];
  try {
    kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return 0;
  }
  let max = 0;
  for (const k of kids) {
    try {
      max = Math.max(max, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${k}/status`, 'utf8'))?.[1] ?? 0) * 1024, peakRss(k));
    } catch {
      // the process ended between listing and reading
    }
  }
  return max;
}

const started = performance.now();
const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn', includeCharacters: SEARCH_WORD_CHARACTERS });
let rss = 0;
for (let i = 0; i < pages; i++) {
  const doc = docs[i % docs.length]!;
  const copy = Math.floor(i / docs.length);
  let entries: { anchor: string; voucher: string; text: string }[] = [];
  if (doc.entries.length > 0 && digestMode !== 'none') {
    entries = Array.from({ length: 150 }, (_, n) => {
      const voucher = `记-${String((n % 12) + 1).padStart(2, '0')}-${String(n + 1).padStart(3, '0')}`;
      const amount = formatYuan(Math.floor(rand() * 5_000_000) + 100);
      const line = lines[Math.floor(rand() * lines.length)]!.replace(/[\d,.]+ 元/, `${amount} 元`);
      return { anchor: `zhichu-${n + 1}`, voucher, text: digestMode === 'voucher' ? amount : line };
    });
  }
  const html = readFileSync(join('dist', doc.path, 'index.html'), 'utf8');
  const separated = prepareForIndex(html, { ...doc, path: `c${copy}/${doc.path}`, entries })!;
  const prepared = jieba ? separated.replace(/\u200B/g, '') : separated;
  const r = await index!.addHTMLFile({ url: `/c${copy}/${doc.path}`, content: prepared });
  if (r.errors.length) throw new Error(r.errors.join('; '));
  if (i % 200 === 0) rss = Math.max(rss, peakRss(process.pid));
}
rss = Math.max(rss, peakRss(process.pid));
await index!.writeFiles({ outputPath: join(out, 'pagefind') });
rss = Math.max(rss, peakRss(process.pid));
await pagefind.close();
const seconds = (performance.now() - started) / 1000;

const size = (d: string): { bytes: number; files: number } =>
  readdirSync(d, { withFileTypes: true }).reduce(
    (acc, e) => {
      if (e.isDirectory()) {
        const s = size(join(d, e.name));
        return { bytes: acc.bytes + s.bytes, files: acc.files + s.files };
      }
      return { bytes: acc.bytes + statSync(join(d, e.name)).size, files: acc.files + 1 };
    },
    { bytes: 0, files: 0 },
  );
const s = size(join(out, 'pagefind'));
console.log(
  `${pages} pages, ${jieba ? 'jieba words' : 'one word per Han character'}, ledger digest "${digestMode}": ${seconds.toFixed(1)} s, Pagefind peak RSS ${(rss / 2 ** 20).toFixed(0)} MB, index ${(s.bytes / 2 ** 20).toFixed(1)} MB in ${s.files} files`,
);

const pf = await openPagefind(out);
for (const q of jieba ? ['"低保"', '"村务监督委员会"', '"记-03-003"', '"马曲村"'] : ['"低 保"', '"村 务 监 督 委 员 会"', '"记 -03-003"', '"马 曲 村"']) {
  const before = pf.fetched.length;
  const r = await pf.api.search(q);
  await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  const loose = await pf.api.search(q.replace(/"/g, ''));
  void loose;
  const fetched = pf.fetched.slice(before);
  const kb = fetched.reduce((sum, f) => sum + f.bytes, 0) / 1000;
  console.log(`  ${q}: ${r.results.length} results; fetched ${kb.toFixed(0)} KB in ${fetched.length} files (index chunks + 10 fragments)`);
}
const init = pf.fetched.slice(0, 3).reduce((sum, f) => sum + f.bytes, 0) / 1000;
console.log(`  start-up files (entry, meta, wasm): ${init.toFixed(0)} KB`);
await pf.close();
