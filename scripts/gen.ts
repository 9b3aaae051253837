/**
 * `npm run gen -- --villages N --quarters Q [--out dir] [--seed S]`: writes a deterministic
 * synthetic county (content/ that passes `npm run check`) for benchmarks and load tests.
 * Check it with `npm run check -- --root <dir>`, build it with `npm run build -- --root <dir>`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateCounty } from '../bench/gen/county.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run gen -- --villages N --quarters Q [--out <文件夹 dir>] [--seed S]
  生成一个合成县（基准测试用）。Writes a synthetic county for benchmarks and load tests.`;
const { values } = readCommandLine(
  {
    options: {
      villages: { type: 'string', default: '30' },
      quarters: { type: 'string', default: '8' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  },
  USAGE,
);
const villages = Number(values.villages);
const quarters = Number(values.quarters);
if (!Number.isInteger(villages) || villages < 1 || !Number.isInteger(quarters) || quarters < 1) {
  console.error(USAGE);
  process.exit(2);
}
const out = resolve(values.out ?? join('bench', '.work', `county-${villages}v-${quarters}q-s${values.seed}`));
writeCounty(out, villages, quarters, values.seed);

function writeCounty(dir: string, n: number, q: number, seed: string): void {
  const started = performance.now();
  const content = join(dir, 'content');
  if (existsSync(content)) {
    // Only ever replace a tree this generator wrote.
    const site = join(content, 'site.yaml');
    if (!existsSync(site) || !readFileSync(site, 'utf8').includes('synthetic benchmark county')) {
      console.error(`${content} 已存在且不是合成数据，未改动。 exists and is not a synthetic county; left untouched.`);
      process.exit(1);
    }
    rmSync(content, { recursive: true });
  }
  const county = generateCounty({ villages: n, quarters: q, seed });
  let bytes = 0;
  const made = new Set<string>();
  for (const f of county.files) {
    const abs = join(dir, f.path);
    const parent = dirname(abs);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(abs, f.text);
    bytes += Buffer.byteLength(f.text);
  }
  const s = county.stats;
  console.log(
    `已生成 ${n} 个村 × ${q} 个季度（${county.quarters[0]}–${county.quarters.at(-1)}，数据截至 ${county.asOf}）: ${county.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ` +
      `${s.ledgerEntries} ledger entries, ${s.meetings} meetings, ${s.disclosures} disclosures, ${s.notices} notices → ${dir} (${Math.round(performance.now() - started)} ms)`,
  );
}
