/**
 * `npm run check [-- --village <id>]`: validates the content/ tree without building and prints every
 * problem; with --village, checks that village and ends with a summary for its clerk
 * (src/tools/check-village.ts). Exits 1 when there is any error.
 */
import { loadCountyInParallel } from '../src/check/load-workers.ts';
import { formatProblems } from '../src/check/format.ts';
import { checkVillage } from '../src/tools/check-village.ts';
import { finish } from '../src/tools/result.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run check [-- --village <村编号 village id>] [--root <县文件夹 county folder>]
  检查 content/，不构建；有错误时退出码为 1。Checks content/ without building; exits 1 on any error.
  --village: 只查这个村，最后给村文书一段小结 only this village, with a summary for its clerk`;
const { values } = readCommandLine({ options: { village: { type: 'string' }, root: { type: 'string' } } }, USAGE);
const root = values.root ?? process.cwd();
if (values.village) finish(checkVillage(root, values.village));
const result = await loadCountyInParallel(root);
console.log(formatProblems(result.problems));
process.exit(result.problems.some((p) => p.severity === 'error') ? 1 : 0);
