/**
 * `npm run screenshots`: builds nothing; serves dist/ and saves PNGs of every page template at
 * phone and desktop widths to screenshots/, for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../test/helpers/browser.ts';
import { serveDir } from '../test/helpers/serve.ts';

const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/'];
const out = 'screenshots';
mkdirSync(out, { recursive: true });
const server = await serveDir('dist');
const browser = await launchBrowser();
for (const [name, width] of [
  ['phone', 360],
  ['desktop', 1280],
] as const) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  for (const p of pages) {
    await page.goto(server.url + p, { waitUntil: 'networkidle' });
    const file = `${out}/${name}${p.replace(/\/+/g, '_').replace(/_$/, '') || '_home'}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
await server.close();
