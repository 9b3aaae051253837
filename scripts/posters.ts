/**
 * `npm run posters -- --village <id> [--period <quarter|all>] [--formats pdf,png150,png300,svg] [--out <dir>] [--root <dir>]`:
 * posters no build writes (older periods, pictures and SVG for print shops), for one village
 * (src/posters/on-request.ts).
 */
import { formatProblems } from '../src/check/format.ts';
import { loadCounty } from '../src/check/load.ts';
import { planPublicationLog } from '../src/integrations/publication-log.ts';
import { LogRefusal } from '../src/log-store/store.ts';
import { OnRequestError, renderOnRequest } from '../src/posters/on-request.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run posters -- --village <村编号 village id> [--period <季度 quarter>|all] [--formats pdf,png150,png300,svg] [--out <文件夹 dir>] [--root <县文件夹 county folder>]
  构建不生成的海报（往期、图片、给印刷店的 SVG）。Posters no build writes (older periods, pictures, SVG for print shops).`;
const { values } = readCommandLine(
  {
    options: { village: { type: 'string' }, period: { type: 'string' }, formats: { type: 'string' }, out: { type: 'string' }, root: { type: 'string' } },
  },
  USAGE,
);
if (!values.village) {
  console.error(
    '请用 --village 指定村编号，例如 npm run posters -- --village maqu --period 2025-q3 / name the village with --village, e.g. npm run posters -- --village maqu --period 2025-q3',
  );
  process.exit(2);
}
const root = values.root ?? process.cwd();
const loaded = loadCounty(root);
if (!loaded.county) {
  console.error(formatProblems(loaded.problems));
  process.exit(1);
}
try {
  // The log entries the build gave these records (read only: nothing is appended here).
  const log = planPublicationLog(root, loaded.county, undefined);
  const r = await renderOnRequest({
    root,
    county: loaded.county,
    village: values.village,
    period: values.period,
    formats: values.formats,
    out: values.out,
    log,
  });
  for (const f of r.files) console.log(f);
  console.log(
    `已写出 ${r.files.length} 个文件（新生成 ${r.rendered} 份，沿用缓存 ${r.reused} 份）。 Wrote ${r.files.length} files (${r.rendered} rendered, ${r.reused} from the cache).`,
  );
} catch (error) {
  if (!(error instanceof OnRequestError) && !(error instanceof LogRefusal)) throw error;
  console.error(error.message);
  process.exit(1);
}
