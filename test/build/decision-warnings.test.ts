/**
 * The decision findings that are warnings (a 四议两公开 公开 late or missing, a publication date after
 * the as-of date) do not stop the build: the built compliance page shows each of them in words, with
 * the record it is about. Built with `--root` from a copy of the demo county with three such slips.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPublicParams } from '../../src/check/compliance-rules.ts';
import { loadCounty } from '../../src/check/load.ts';
import { renderMessage } from '../../src/check/messages/index.ts';
import type { Problem } from '../../src/check/model.ts';
import { formatDateZh, isIsoDate } from '../../src/lib/dates.ts';
import { copyPosterCache } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { addProjectCode } from '../helpers/project-tree.ts';

const county = mkdtempSync(join(tmpdir(), 'gongkai-decisions-'));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const patch = (file: string, find: string, replace: string) => {
  const path = join(county, file);
  const before = readFileSync(path, 'utf8');
  if (!before.includes(find)) throw new Error(`${find} not in ${file}`);
  writeFileSync(path, before.replace(find, replace));
};

let run = { status: 0 as number | null, output: '' };
let warnings: Problem[] = [];
beforeAll(() => {
  cpSync(join(ROOT, 'content'), join(county, 'content'), { recursive: true });
  copyPosterCache(county);
  // A project of its own (county/scripts/build.ts), so its build never touches this checkout's folders.
  const buildScript = addProjectCode(county);
  patch('content/villages/maqu/meetings/2025-07-22-daibiao.md', 'resultPublishedAt: 2025-09-15\n', '');
  patch('content/villages/dongxing/meetings/2025-08-19-daibiao.md', 'publishedAt: 2025-08-20\n', 'publishedAt: 2025-09-01\n');
  patch('content/villages/dongguan/meetings/2025-08-26-daibiao.md', 'publishedAt: 2025-08-27\n', 'publishedAt: 2025-11-25\n');
  warnings = loadCounty(county, { env: {} }).problems.filter((p) =>
    ['chain.posting-missing', 'chain.posting-late', 'record.published-future'].includes(p.code),
  );
  const r = spawnSync(process.execPath, [buildScript, '--root', county], {
    cwd: county,
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_AS_OF: '' },
  });
  run = { status: r.status, output: r.stdout.slice(-3000) + r.stderr };
}, 900_000);

afterAll(() => rmSync(county, { recursive: true, force: true }));

describe('decision warnings on the built compliance page', () => {
  it('do not stop the build', () => {
    expect(run.status, run.output).toBe(0);
  });

  it('are each shown in words on the compliance page, linked to the meeting they are about', () => {
    expect(warnings.map((w) => `${w.code} ${w.file}`).sort()).toEqual([
      'chain.posting-late content/villages/dongxing/meetings/2025-08-19-daibiao.md',
      'chain.posting-missing content/villages/maqu/meetings/2025-07-22-daibiao.md',
      'record.published-future content/villages/dongguan/meetings/2025-08-26-daibiao.md',
    ]);
    // The villages and their findings are on the township pages; dates are written the Chinese way.
    const dir = join(county, 'dist/compliance');
    const html = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => readFileSync(join(dir, e.name, 'index.html'), 'utf8'))
      .join('');
    for (const w of warnings) {
      // The pages print states, not the build's date or day counts (toPublicParams), with dates the Chinese way.
      const params = Object.fromEntries(
        Object.entries(toPublicParams(w) ?? {}).map(([k, v]) => [k, typeof v === 'string' && isIsoDate(v) ? formatDateZh(v) : v]),
      );
      const zh = renderMessage(w.code, params).zh;
      expect(zh, w.code).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text(html), w.code).toContain(zh);
      const id = w.file
        .split('/')
        .pop()!
        .replace(/\.mdx?$/, '');
      const village = w.file.split('/')[2]!;
      expect(html, w.code).toContain(`href="/v/${village}/meetings/${id}/"`);
    }
  });
});
