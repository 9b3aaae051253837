/**
 * A new day on which a 公示 of an older quarter ends, so its poster leaves the village's default set
 * (src/posters/selection.ts): the build renders that village's print page, the notice's page and its dated pages
 * again, not the whole village (src/records/dated.ts `getChangedDatedPages`), and the poster step takes the poster's
 * files out of the print folder. The new day's site, with its posters, is the same bytes as a full build of that day.
 */

import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { addDays } from '../../src/lib/dates.ts';
import { copyPosterCache } from '../helpers/dist.ts';
import { makeTree } from '../helpers/fixture-tree.ts';
import { addProjectCode, buildAsOf } from '../helpers/project-tree.ts';
import { digestTree as digest } from '../helpers/tree-digest.ts';

const tree = makeTree();
const buildScript = addProjectCode(tree.root);
const build = (asOf: string, ...args: string[]) => buildAsOf(buildScript, tree.root, asOf, ...args);

// A public 公示 of dongguan's second quarter (its newest quarterly records are of the third), posted for half a year:
// while it runs its poster is of the default set as a running notice, and the day after it ends it is not.
const ID = '2025-06-23-shuili';
writeFileSync(
  join(tree.root, 'content/villages/dongguan/notices', `${ID}.md`),
  `---
title: 东关社区农田水利设施管护责任公示
type: 项目
startDate: 2025-06-23
duration: {days: 180, unit: 自然日}
legalBasis: 东关社区居民代表会议决议（2025年6月20日）
subjects:
  - name: 东关社区水利管护小组
    amount: 12,000.00
    note: 管护期一年
objection:
  to: 居务监督委员会
  phone: 0917-4621573
  place: 社区党群服务中心一楼大厅
---

社区农田水利设施的管护责任和经费安排公示如下，公示期内有异议的，请向居务监督委员会反映。
`,
);
const notice = loadCounty(tree.root, { env: {} })
  .county!.villages.find((v) => v.id === 'dongguan')!
  .notices.find((n) => n.id === ID)!;
const LAST_DAY = notice.endDate;
const NEXT_DAY = addDays(LAST_DAY, 1);
const postersDir = () => join(tree.root, 'dist', 'v', 'dongguan', 'posters');
const noticePosters = () => readdirSync(postersDir()).filter((f) => f.includes(ID));

let before: string[] = [];
let refresh = '';

beforeAll(() => {
  copyPosterCache(tree.root);
  build(LAST_DAY);
  before = noticePosters();
  refresh = build(NEXT_DAY);
  build(NEXT_DAY, '--out', join(tree.root, 'full'), '--full');
}, 1_200_000);

afterAll(() => tree.cleanup());

describe('a new day on which a 公示 leaves the default posters', () => {
  it('prints the 公示 on the print page while it runs, and takes its poster files away the day after', () => {
    expect(before.some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(noticePosters()).toEqual([]);
    expect(existsSync(join(postersDir(), 'index.html'))).toBe(true);
  });

  it('renders the print page, the notice page and the dated pages of the village again, not the whole village', () => {
    expect(refresh).toContain('Incremental build: 0 village(s) changed');
    expect(refresh).toMatch(/New day: [1-9]\d* page\(s\) whose state changed/);
  });

  it('gives byte-identical output to a full build of the same day, posters included', () => {
    const inc = digest(join(tree.root, 'dist'));
    const full = digest(join(tree.root, 'full'));
    expect(Object.keys(inc).sort()).toEqual(Object.keys(full).sort());
    expect(inc).toEqual(full);
  });
});
