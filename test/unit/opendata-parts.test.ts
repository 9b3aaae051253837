/**
 * The villages' open-data parts kept between builds (src/data/opendata-parts.ts): a part read back gives the county's
 * and the village's files the same bytes as a part made afresh, its ledger entries' rows are read only when a workbook
 * is made, and a part missing a file, damaged or kept in an earlier format is made again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import { provideBuildContext } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { getDataFiles } from '../../src/data/opendata.ts';
import { getVillageDataPart } from '../../src/data/opendata-parts.ts';
import { buildVillageDataPart, type DataFile } from '../../src/opendata/files.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const top = mkdtempSync(join(tmpdir(), 'gongkai-parts-'));
afterAll(() => rmSync(top, { recursive: true, force: true }));
/** Where the test running keeps its parts (each test its own folder: a part's key does not say which findings it was made with). */
let dir = '';
beforeEach(({ task }) => {
  dir = join(top, String(task.id));
});

const load = (): County => loadCounty(ROOT, { env: {} }).county!;
/** Hands `county` over as a build that keeps parts in `dir` (or, with `keep` false, one that makes them every time). */
function hand(county: County, keep = true): void {
  const keys = Object.fromEntries(county.villages.map((v) => [v.id, `key-${v.id}`]));
  provideBuildContext({
    root: ROOT,
    project: ROOT,
    county,
    problems: [],
    asOf: county.asOf,
    ...(keep ? { openDataParts: { dir, keys } } : {}),
  } as unknown as BuildContext);
}
const bodies = (files: DataFile[]) => Object.fromEntries(files.map((f) => [f.name, createHash('sha256').update(f.body).digest('hex')]));
/** The county's files and maqu's, made by a new copy of the county (each copy its own per-build caches). */
async function filesOf(keep: boolean) {
  const county = load();
  hand(county, keep);
  return { county: bodies(await getDataFiles()), maqu: bodies(await getDataFiles('maqu')) };
}

describe("the villages' open-data parts kept between builds", () => {
  it('read back give the same CSV bytes, year runs, sheet extents and rows as a part made afresh', () => {
    const county = load();
    hand(county);
    const maqu = county.villages.find((v) => v.id === 'maqu')!;
    const made = getVillageDataPart(county, maqu, []);
    expect(readdirSync(join(dir, 'maqu')).sort()).toEqual([
      expect.stringMatching(/^dated-[0-9a-f]{32}\.part$/),
      expect.stringMatching(/^rows-[0-9a-f]{32}\.part$/),
      expect.stringMatching(/^rows-[0-9a-f]{32}\.rows\.json$/),
    ]);
    const kept = getVillageDataPart(county, maqu, []);
    const fresh = buildVillageDataPart({ county, village: maqu, findings: [] });
    for (const part of [made, kept]) {
      expect(Object.keys(part.csv).sort()).toEqual(Object.keys(fresh.csv).sort());
      for (const [table, bytes] of Object.entries(fresh.csv)) expect(part.csv[table]!.equals(bytes), table).toBe(true);
      expect(part.years).toEqual(fresh.years);
      expect(part.extents).toEqual(fresh.extents);
      for (const table of ['ledgers', 'ledger-entries']) expect(part.sheet(table)).toEqual(fresh.sheet(table));
    }
    expect(fresh.extents['ledger-entries']!.rows).toBeGreaterThan(0);
    expect(fresh.years['ledger-entries']!.length).toBeGreaterThan(0);
  });

  it("give the county's files and a village's the same bytes as parts made without keeping any", async () => {
    const fresh = await filesOf(false);
    // Twice: the first build of the county makes and keeps the parts, the second reads them back.
    expect(await filesOf(true)).toEqual(fresh);
    expect(await filesOf(true)).toEqual(fresh);
  });

  it("are made again when the ledger entries' rows are missing, a part is damaged, or a part was kept in an earlier format", async () => {
    const fresh = await filesOf(false);
    await filesOf(true);
    const folder = join(dir, 'maqu');
    const named = (pattern: RegExp, at = folder) =>
      join(
        at,
        readdirSync(at).find((f) => pattern.test(f))!,
      );
    // maqu's ledger entries' rows gone, and the workbooks that hold them (the county's and maqu's) to be made again.
    rmSync(named(/^rows-.*\.rows\.json$/));
    rmSync(named(/^xlsx-/));
    rmSync(named(/^county-.*\.xlsx$/, dir));
    // dongguan's part damaged, beside a part in the format before (one file of JSON).
    const dongguan = join(dir, 'dongguan');
    writeFileSync(named(/^rows-.*\.part$/, dongguan), 'gongkai-cache opendata-parts 3 0 0 0\n');
    const earlier = join(dongguan, 'rows-0123456789abcdef0123456789abcdef.json');
    writeFileSync(earlier, '{}');
    expect(await filesOf(true)).toEqual(fresh);
    expect(existsSync(named(/^rows-.*\.rows\.json$/))).toBe(true);
    expect(existsSync(earlier)).toBe(false);
    expect(readdirSync(dongguan).filter((f) => f.startsWith('rows-'))).toEqual([
      expect.stringMatching(/^rows-[0-9a-f]{32}\.part$/),
      expect.stringMatching(/^rows-[0-9a-f]{32}\.rows\.json$/),
    ]);
  });
});
