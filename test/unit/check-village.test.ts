/**
 * `npm run check -- --village <id>`: only that village's problems, then a summary its clerk can act
 * on — records by kind, problems, what is overdue, what is due next and by when, running notices.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toolText } from '../../src/check/messages/index.ts';
import { checkVillage } from '../../src/tools/check-village.ts';
import { newQuarter } from '../../src/tools/new-quarter.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

let tree: { root: string; cleanup(): void };
beforeEach(() => {
  tree = makeTree();
});
afterEach(() => tree.cleanup());

describe('npm run check -- --village', () => {
  it('ends with a summary: records by kind, problems, the next quarter and its deadline, what the catalogue expects, running notices', () => {
    const r = checkVillage(tree.root, 'maqu', { env: {} });
    expect(r.code).toBe(0);
    for (const line of [
      toolText('summary.title', { name: '马曲村', id: 'maqu', asOf: '2025-11-20' }),
      toolText('summary.records', { disclosures: 4, ledgers: 2, meetings: 7, notices: 1, volunteers: 2 }),
      toolText('summary.problems', { errors: 0, warnings: 2 }),
      toolText('summary.next', { period: '2025年第四季度', periodKey: '2025-q4', deadline: '2026-01-15', days: 56 }),
      toolText('summary.start', { id: 'maqu', periodKey: '2025-q4' }),
      toolText('summary.notice', { title: '马曲村2025年第四季度低保初审对象公示', id: '2025-11-17-dibao', end: '2025-11-24', days: 5 }),
    ])
      expect(r.stdout).toContain(line);
    expect(r.stdout).toContain('县公开目录本期要公开：DW-01 党组织设置、班子成员及分工情况；');
    expect(r.stdout).toContain('CZ-01 村级财务收支情况（账）');
  });

  it('tells a late village what is overdue and by how many days', () => {
    const r = checkVillage(tree.root, 'wenshui', { env: {} });
    expect(r.stdout).toContain(
      toolText('summary.overdue', {
        what: '2025年第三季度村务公开（已逾期 36 天）、2025年第三季度财务收支明细（账）（已逾期 36 天）',
        whatEn: '2025-q3 village-affairs disclosure (36 days), 2025-q3 finance ledger (36 days)',
      }),
    );
  });

  it('shows the files already started for the next quarter and counts their unfilled placeholders as errors', () => {
    newQuarter(tree.root, 'maqu', '2025-q4');
    const r = checkVillage(tree.root, 'maqu', { env: {} });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '已有本期文件：disclosures/2025-q4-caiwu.md、disclosures/2025-q4-dangwu.md、disclosures/2025-q4.md、finances/2025-q4.yaml、volunteers/2025-q4.yaml。',
    );
    expect(r.stdout).toMatch(/问题：\d+ 个错误（要改正才能发布）/);
    expect(r.stdout).toMatch(/✎ 待填 \d+ 处 \d+ place\(s\) to fill in\n {2}content\/villages\/maqu\/disclosures\/2025-q4-caiwu\.md:\d+ {2}/);
  });

  it("checks only that village: another village's mistake does not show or fail it", () => {
    const other = join(tree.root, 'content/villages/dongguan/finances/2025-q3.yaml');
    writeFileSync(other, readFileSync(other, 'utf8').replace('closingBalance: 454,970.60', 'closingBalance: 1.00'));
    const r = checkVillage(tree.root, 'maqu', { env: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('dongguan');
    expect(checkVillage(tree.root, 'dongguan', { env: {} }).code).toBe(1);
  });

  it('names the villages there are when the id is wrong, from the command line too', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--village', 'maku', '--root', tree.root], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(toolText('tool.village', { id: 'maku', ids: 'dongguan, dongxing, maqu, wenshui' }));
  });
});
