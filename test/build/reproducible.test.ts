/**
 * Reproducible builds: the same content, built in two different folders — one rendering every poster
 * afresh, the other reusing the poster cache — gives the same bytes in every output file, so anyone
 * can rebuild a published release from the data commit and check it. This includes the open data
 * (data packages, CSV files, workbooks, feeds), which test/build/opendata.test.ts checks otherwise.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProjectTree } from '../helpers/project-tree.ts';

const trees: ReturnType<typeof makeProjectTree>[] = [];

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

function build(root: string): Promise<void> {
  // Same inputs, nothing else: the demo's pinned as-of date, no override.
  const env = { ...process.env, GONGKAI_AS_OF: '', SOURCE_DATE_EPOCH: '' };
  const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => void (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (output += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve() : reject(new Error(`build failed in ${root}:\n${output}`))));
  });
}

beforeAll(async () => {
  const fresh = makeProjectTree();
  rmSync(join(fresh.root, '.gongkai-cache'), { recursive: true, force: true });
  trees.push(fresh, makeProjectTree());
  // The two folders share nothing, so they build at the same time: one renders posters while the other runs Astro.
  await Promise.all(trees.map((t) => build(t.root)));
});

afterAll(() => {
  for (const t of trees) t.cleanup();
});

describe('building the demo county twice, in two folders', () => {
  for (const output of ['dist', 'private-posters']) {
    it(`gives byte-identical ${output}/ (every page, poster, search index file, kiosk worker and version file)`, () => {
      const [a, b] = trees.map((t) => join(t.root, output));
      expect(existsSync(join(a!, output === 'dist' ? 'index.html' : ''))).toBe(true);
      const files = listFiles(a!);
      expect(listFiles(b!)).toEqual(files);
      expect(files.length).toBeGreaterThan(output === 'dist' ? 100 : 0);
      // The open data (every data package, CSV, workbook and feed) is among the files compared;
      // test/build/opendata.test.ts relies on this for "the same bytes from a second build".
      if (output === 'dist') {
        const openData = files.filter((f) => /^(v\/[^/]+\/)?(data\/|feed\.(xml|json)$)/.test(f));
        expect(openData).toEqual(expect.arrayContaining(['data/datapackage.json', 'feed.xml', 'feed.json']));
        expect(openData.length).toBeGreaterThan(50);
      }
      const differing = files.filter((f) => !readFileSync(join(a!, f)).equals(readFileSync(join(b!, f))));
      expect(differing).toEqual([]);
    });
  }
});
