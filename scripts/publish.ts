/**
 * `npm run publish -- <web root> [--dist dist] [--keep 5]` puts the build online under
 * <web root>/releases/<id>/ and switches <web root>/current to it; `npm run publish -- <web root>
 * --rollback` goes back one release (src/deploy/publish.ts). The web server serves <web root>/current
 * (deploy/nginx/gongkai.conf).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publish, rollback } from '../src/deploy/publish.ts';
import { LAST_PUBLISH_FILE } from '../src/deploy/release-age.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run publish -- <网站根目录 web root> [--dist dist] [--keep 5] [--rollback] [--root <县文件夹 county folder>]
  把构建好的网站上线（<网站根目录>/current 指向新版本）；--rollback 退回上一个版本。
  Puts the build online (<web root>/current points at the new release); --rollback goes back one release.`;
const { values, positionals } = readCommandLine(
  {
    allowPositionals: true,
    options: { dist: { type: 'string' }, keep: { type: 'string' }, rollback: { type: 'boolean', default: false }, root: { type: 'string' } },
  },
  USAGE,
);
const webRoot = positionals[0];
if (!webRoot || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
const root = resolve(values.root ?? process.cwd());
const result = values.rollback
  ? rollback(webRoot)
  : publish({ dist: resolve(values.dist ?? join(root, 'dist')), webRoot, ...(values.keep ? { keep: Number(values.keep) } : {}) });
(result.ok ? console.log : console.error)(result.message);
if (result.removed?.length) console.log(`已删除旧版本 Removed old releases: ${result.removed.join(', ')}`);
// The next `npm run build` in this folder checks that this web root is kept fresh.
if (result.ok) writeFileSync(join(root, LAST_PUBLISH_FILE), `${JSON.stringify({ webRoot: resolve(webRoot) })}\n`);
process.exit(result.ok ? 0 : 1);
