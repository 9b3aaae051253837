import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publish, readPublishLog, releaseId, rollback } from '../../src/deploy/publish.ts';
import { describeStaleRelease, findWebRoot, LAST_PUBLISH_FILE } from '../../src/deploy/release-age.ts';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'gongkai-publish-'));
  temps.push(d);
  return d;
}
/** A small finished build: a home page carrying its as-of date, a search index, a private folder. */
function fakeDist(asOf: string, body = 'hello'): string {
  const d = join(tmp(), 'dist');
  mkdirSync(join(d, 'pagefind'), { recursive: true });
  mkdirSync(join(d, 'private-posters', 'v1'), { recursive: true });
  writeFileSync(join(d, 'index.html'), `<meta name="gongkai:as-of" content="${asOf}"><p>${body}</p>`);
  writeFileSync(join(d, 'pagefind', 'pagefind.js'), 'export {}');
  writeFileSync(join(d, 'private-posters', 'v1', 'dibao.pdf'), 'names');
  return d;
}
const served = (web: string) => readFileSync(join(web, 'current', 'index.html'), 'utf8');

describe('publishing a build to a web root', () => {
  it('gives the same build the same sortable id, starting with its as-of date', () => {
    const a = fakeDist('2026-03-02');
    expect(releaseId(a)).toMatch(/^2026-03-02-[0-9a-f]{12}$/);
    expect(releaseId(fakeDist('2026-03-02'))).toBe(releaseId(a));
    expect(releaseId(fakeDist('2026-03-02', 'changed'))).not.toBe(releaseId(a));
  });

  it('names a release by the day it was built for (county.json), not the older day its pages print as 数据截至', () => {
    const d = fakeDist('2026-02-20');
    writeFileSync(join(d, 'county.json'), `${JSON.stringify({ version: 1, asOf: '2026-03-02' }, null, 1)}\n`);
    expect(releaseId(d)).toMatch(/^2026-03-02-[0-9a-f]{12}$/);
    const web = tmp();
    expect(publish({ dist: d, webRoot: web }).ok).toBe(true);
    expect(readPublishLog(web).map((e) => e.asOf)).toEqual(['2026-03-02']);
  });

  it('serves the new release through current/ and never copies private-posters/', () => {
    const web = tmp();
    const r = publish({ dist: fakeDist('2026-03-02'), webRoot: web });
    expect(r.ok).toBe(true);
    expect(readlinkSync(join(web, 'current'))).toBe(`releases/${r.id}`);
    expect(served(web)).toContain('2026-03-02');
    expect(existsSync(join(web, 'current', 'private-posters'))).toBe(false);
    expect(existsSync(join(web, 'current', 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('keeps only the last releases (5 unless --keep says otherwise) and clears copies left by an interrupted publish', () => {
    const web = tmp();
    // pid 2^22+1 is above Linux's pid limit, so no process has it.
    mkdirSync(join(web, 'releases', '.incoming-2026-02-28-000000000000-4194305'), { recursive: true });
    for (let day = 1; day <= 7; day++) expect(publish({ dist: fakeDist(`2026-03-0${day}`), webRoot: web, keep: 3 }).ok).toBe(true);
    expect(
      readdirSync(join(web, 'releases'))
        .sort()
        .map((n) => n.slice(0, 10)),
    ).toEqual(['2026-03-05', '2026-03-06', '2026-03-07']);
    expect(readPublishLog(web).map((e) => e.asOf)).toEqual(['2026-03-05', '2026-03-06', '2026-03-07']);
  });

  it('removes the half-made copy, link and release list an interrupted publish left, and keeps those of a publish still running', () => {
    const web = tmp();
    publish({ dist: fakeDist('2026-03-01'), webRoot: web });
    // A process that has exited: what an interrupted publish was; pid 1 is always running.
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const copy = (name: string) => {
      mkdirSync(join(web, 'releases', name), { recursive: true });
      writeFileSync(join(web, 'releases', name, 'index.html'), 'half');
      return join(web, 'releases', name);
    };
    const file = (name: string) => {
      writeFileSync(join(web, name), 'half');
      return join(web, name);
    };
    const left = [copy(`.incoming-2026-03-02-000000000000.tmp-${dead}-0`), file(`releases.json.tmp-${dead}-0`), file(`.current.tmp-${dead}-0`)];
    const running = [copy('.incoming-2026-03-02-111111111111.tmp-1-0'), file('releases.json.tmp-1-0'), file('.previous.tmp-1-0')];
    expect(publish({ dist: fakeDist('2026-03-02'), webRoot: web }).ok).toBe(true);
    for (const f of left) expect(existsSync(f), f).toBe(false);
    for (const f of running) expect(existsSync(f), f).toBe(true);
    // Nothing of this publish's own is left under a temporary name.
    expect(readdirSync(web).filter((n) => n.includes(`.tmp-${process.pid}-`))).toEqual([]);
    expect(readdirSync(join(web, 'releases')).filter((n) => n.includes(`.tmp-${process.pid}-`))).toEqual([]);
  });

  it('rolls back one release at a time and says so when there is nothing older', () => {
    const web = tmp();
    for (const d of ['2026-03-01', '2026-03-02', '2026-03-03']) publish({ dist: fakeDist(d), webRoot: web });
    // The release before stays reachable as previous/ (the web server's fallback for its scripts).
    expect(readlinkSync(join(web, 'previous'))).toMatch(/^releases\/2026-03-02-/);
    expect(rollback(web).ok).toBe(true);
    expect(served(web)).toContain('2026-03-02');
    expect(readlinkSync(join(web, 'previous'))).toMatch(/^releases\/2026-03-03-/);
    expect(rollback(web).ok).toBe(true);
    expect(served(web)).toContain('2026-03-01');
    const none = rollback(web);
    expect(none.ok).toBe(false);
    expect(none.message).toMatch(/没有更早的版本.*no earlier release/);
    expect(served(web)).toContain('2026-03-01');
  });

  it('refuses a missing or half-built dist in Chinese and English, leaving the site as it was', () => {
    const web = tmp();
    publish({ dist: fakeDist('2026-03-01'), webRoot: web });
    const missing = publish({ dist: join(tmp(), 'nowhere'), webRoot: web });
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/找不到构建结果.*No build at/);
    const half = fakeDist('2026-03-02');
    rmSync(join(half, 'pagefind'), { recursive: true });
    const r = publish({ dist: half, webRoot: web });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/不是完整的构建（缺少 pagefind\/pagefind.js）.*not a finished build \(missing pagefind\/pagefind.js\)/);
    expect(served(web)).toContain('2026-03-01');
  });
});

describe('the build warning about a stale release online', () => {
  it('warns loudly once the release online is more than a day old, and not before', () => {
    const web = tmp();
    publish({ dist: fakeDist('2026-03-01'), webRoot: web, now: new Date('2026-03-01T18:00:00Z') });
    // The next night's run, a little over 24 hours later, stays quiet.
    expect(describeStaleRelease(web, new Date('2026-03-02T18:30:00Z'))).toBeUndefined();
    const text = describeStaleRelease(web, new Date('2026-03-03T19:00:00Z'));
    expect(text).toMatch(/已有 2 天没有更新/);
    expect(text).toMatch(/published 2 day\(s\) ago/);
  });

  it('finds the web root from --web-root, then GONGKAI_WEB_ROOT, then the last publish from this folder', () => {
    const root = tmp();
    expect(findWebRoot(root, undefined, {})).toBeUndefined();
    writeFileSync(join(root, LAST_PUBLISH_FILE), JSON.stringify({ webRoot: '/srv/last' }));
    expect(findWebRoot(root, undefined, {})).toBe('/srv/last');
    expect(findWebRoot(root, undefined, { GONGKAI_WEB_ROOT: '/srv/env' })).toBe('/srv/env');
    expect(findWebRoot(root, '/srv/flag', { GONGKAI_WEB_ROOT: '/srv/env' })).toBe('/srv/flag');
  });
});
