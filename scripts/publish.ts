/**
 * `npm run publish -- <web root> [--dist dist] [--keep 5]` puts the build online under
 * <web root>/releases/<id>/ and switches <web root>/current to it; `npm run publish -- <web root>
 * --rollback` goes back one release (src/deploy/publish.ts). The web server serves <web root>/current
 * (deploy/nginx/gongkai.conf).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publish, rollback } from '../src/deploy/publish.ts';
import { LAST_PUBLISH_FILE } from '../src/deploy/release-age.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string' }, keep: { type: 'string' }, rollback: { type: 'boolean', default: false }, root: { type: 'string' } },
});
const webRoot = positionals[0];
if (!webRoot || positionals.length > 1) {
  console.error('用法 Usage: npm run publish -- <网站根目录 web root> [--dist dist] [--keep 5] [--rollback]');
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
