/**
 * `npm run new -- <village> <yyyy-qn>` on a copy of the demo county: what a clerk gets, what the
 * check then says, and that nothing is ever overwritten.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCounty } from '../../src/check/load.ts';
import { toolText } from '../../src/check/messages/index.ts';
import { newQuarter } from '../../src/tools/new-quarter.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

let tree: { root: string; cleanup(): void };
beforeEach(() => {
  tree = makeTree();
});
afterEach(() => tree.cleanup());

const runNew = (id?: string, period?: string) => {
  const r = newQuarter(tree.root, id, period);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
};
const maqu = (p: string) => join(tree.root, 'content/villages/maqu', p);
const itemCodes = (file: string) => (parse(readFileSync(maqu(file), 'utf8').split('---')[1]!) as { items: { code: string }[] }).items.map((i) => i.code);

/** Fills every placeholder the way a clerk would for a quiet quarter. */
function fillIn(text: string, opening: string): string {
  const values: Record<string, string> = {
    reviewedAt: '2026-01-07',
    opinion: '同意',
    meeting: '2026-01-08-lianxi',
    publishedAt: '2026-01-10',
    postedUntil: '2026-01-31',
    content: '本季度无。',
    income: '0',
    expense: '0',
    closingBalance: opening,
  };
  return text
    .split('\n')
    .filter((line) => !line.startsWith('〔待填'))
    .map((line) => line.replace(/^(\s*)([A-Za-z]+): 〔待填[^〕]*〕/, (_, indent: string, key: string) => `${indent}${key}: ${values[key] ?? `?${key}`}`))
    .join('\n');
}

describe('npm run new', () => {
  it('creates the disclosures, ledger and volunteer file of the quarter and says what to do next', () => {
    const run = runNew('maqu', '2025-q4');
    expect(run.status, run.stderr).toBe(0);
    for (const f of [
      'disclosures/2025-q4.md',
      'disclosures/2025-q4-dangwu.md',
      'disclosures/2025-q4-caiwu.md',
      'finances/2025-q4.yaml',
      'volunteers/2025-q4.yaml',
    ]) {
      expect(existsSync(maqu(f)), f).toBe(true);
      expect(run.stdout).toContain(`+ content/villages/maqu/${f}`);
    }
    expect(run.stdout).toContain(toolText('new.created', { village: '马曲村', id: 'maqu', period: '2025年第四季度', periodEn: 'Q4 2025' }));
    expect(run.stdout).toContain(toolText('new.next', { id: 'maqu', deadline: '2026-01-15' }));
  });

  it('carries the previous closing balance, signers, open balances and volunteer rosters forward', () => {
    runNew('maqu', '2025-q4');
    const ledger = readFileSync(maqu('finances/2025-q4.yaml'), 'utf8');
    expect(ledger).toContain('openingBalance: 296,163.98 # 照抄 2025-q3 的本期结余');
    const data = parse(ledger) as { signoff: Record<string, string>; receivables: { party: string; amount: string }[]; payables: unknown[] };
    expect(data.signoff['responsible']).toBe('赵建军');
    expect(data.signoff['reviewer']).toBe('刘志强');
    expect(data.receivables.map((r) => [r.party, r.amount])).toEqual([
      ['国网陕西省电力有限公司陇县供电分公司', '7,255.30'],
      ['刘建平', '3,600.00'],
    ]);
    expect(data.payables).toHaveLength(1);
    const volunteers = parse(readFileSync(maqu('volunteers/2025-q4.yaml'), 'utf8')) as { teams: unknown[]; volunteers: unknown[]; activities: unknown[] };
    expect(volunteers.teams).toHaveLength(2);
    expect(volunteers.volunteers).toHaveLength(7);
    expect(volunteers.activities).toEqual([]);
  });

  it('lists the catalogue items the county expects this quarter, with yearly items in the fourth quarter', () => {
    runNew('maqu', '2025-q4');
    expect(itemCodes('disclosures/2025-q4.md')).toEqual(['CW-01', 'CW-02', 'CW-05', 'CW-06']);
    expect(itemCodes('disclosures/2025-q4-dangwu.md')).toEqual(['DW-01', 'DW-03', 'DW-04']);
    expect(itemCodes('disclosures/2025-q4-caiwu.md')).toEqual(['CZ-03']);
    expect(readFileSync(maqu('disclosures/2025-q4.md'), 'utf8')).toContain('# - code: CW-03');
  });

  it('leaves a quarter that fails the check only with "not filled in yet" messages', () => {
    runNew('maqu', '2025-q4');
    const result = loadCounty(tree.root, { env: {} });
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(20);
    expect(errors.filter((p) => p.code !== 'field.placeholder')).toEqual([]);
    expect(new Set(errors.map((p) => p.file))).toEqual(
      new Set(
        ['disclosures/2025-q4.md', 'disclosures/2025-q4-dangwu.md', 'disclosures/2025-q4-caiwu.md', 'finances/2025-q4.yaml'].map(
          (f) => `content/villages/maqu/${f}`,
        ),
      ),
    );
  });

  it('passes the check once a clerk has filled in every placeholder', () => {
    runNew('maqu', '2025-q4');
    const meeting = readFileSync(maqu('meetings/2025-10-09-lianxi.md'), 'utf8').replace('date: 2025-10-09', 'date: 2026-01-08');
    writeFileSync(maqu('meetings/2026-01-08-lianxi.md'), meeting);
    for (const f of ['disclosures/2025-q4.md', 'disclosures/2025-q4-dangwu.md', 'disclosures/2025-q4-caiwu.md', 'finances/2025-q4.yaml'])
      writeFileSync(maqu(f), fillIn(readFileSync(maqu(f), 'utf8'), '296,163.98'));
    const result = loadCounty(tree.root, { env: { GONGKAI_AS_OF: '2026-01-20' } });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.county?.villages.find((v) => v.id === 'maqu')?.ledgers.map((l) => l.id)).toContain('2025-q4');
  });

  it('refuses to overwrite: if any of the files exists, it writes none of them', () => {
    writeFileSync(maqu('volunteers/2025-q4.yaml'), '# 已经写了一半\n');
    const run = runNew('maqu', '2025-q4');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(toolText('new.exists', { files: 'content/villages/maqu/volunteers/2025-q4.yaml' }));
    expect(readFileSync(maqu('volunteers/2025-q4.yaml'), 'utf8')).toBe('# 已经写了一半\n');
    expect(readdirSync(maqu('disclosures')).filter((f) => f.startsWith('2025-q4'))).toEqual([]);
    expect(existsSync(maqu('finances/2025-q4.yaml'))).toBe(false);
  });

  it('gives a village that keeps monthly accounts three monthly ledgers, the first opening with the previous closing', () => {
    writeFileSync(maqu('village.yaml'), `${readFileSync(maqu('village.yaml'), 'utf8')}financeCadence: 每月\n`);
    const run = runNew('maqu', '2025-q4');
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(maqu('finances/2025-10.yaml'), 'utf8')).toContain('openingBalance: 296,163.98');
    expect(readFileSync(maqu('finances/2025-11.yaml'), 'utf8')).toContain('openingBalance: 〔待填：上期结余，照抄上个月账的本期结余〕');
    expect(existsSync(maqu('finances/2025-12.yaml'))).toBe(true);
  });

  it('starts a village with no records yet from placeholders only, and the check then asks only for them', () => {
    mkdirSync(join(tree.root, 'content/villages/xinzhuang'));
    writeFileSync(
      join(tree.root, 'content/villages/xinzhuang/village.yaml'),
      readFileSync(maqu('village.yaml'), 'utf8').replace('name: 马曲村', 'name: 新庄村'),
    );
    const run = runNew('xinzhuang', '2025-q4');
    expect(run.status, run.stderr).toBe(0);
    const volunteers = readFileSync(join(tree.root, 'content/villages/xinzhuang/volunteers/2025-q4.yaml'), 'utf8');
    expect(volunteers).toContain('  - id: 〔待填：服务队编号，小写拼音，如 zhulao〕');
    const errors = loadCounty(tree.root, { env: {}, village: 'xinzhuang' }).problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((p) => p.code !== 'field.placeholder')).toEqual([]);
    expect(errors.some((p) => p.file.endsWith('finances/2025-q4.yaml') && p.path === 'openingBalance')).toBe(true);
  });

  it('leaves the opening balance to the clerk when the previous quarter has no checked ledger', () => {
    const run = runNew('wenshui', '2025-q4');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(toolText('new.no-previous-ledger', { previous: '2025-q3' }));
    expect(readFileSync(join(tree.root, 'content/villages/wenshui/finances/2025-q4.yaml'), 'utf8')).toContain(
      'openingBalance: 〔待填：上期结余，照抄上一期账的本期结余〕',
    );
  });

  it('works as npm run new from the command line', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), 'dongguan', '2025-q4', '--root', tree.root], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('+ content/villages/dongguan/finances/2025-q4.yaml');
  });

  it('asks for village.yaml to be fixed first when it is broken, instead of scaffolding from it', () => {
    writeFileSync(maqu('village.yaml'), readFileSync(maqu('village.yaml'), 'utf8').replace('households:', 'hushu:'));
    const run = runNew('maqu', '2025-q4');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('未知字段“hushu”');
    expect(run.stderr).toContain(toolText('tool.village-invalid', { id: 'maqu' }));
    expect(existsSync(maqu('finances/2025-q4.yaml'))).toBe(false);
  });

  it('explains a wrong village or period instead of guessing', () => {
    const nowhere = runNew('nowhere', '2025-q4');
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toContain(toolText('tool.village', { id: 'nowhere', ids: 'dongguan, dongxing, maqu, wenshui' }));
    const month = runNew('maqu', '2025-10');
    expect(month.status).toBe(2);
    expect(month.stderr).toContain(toolText('new.period', { value: '2025-10' }));
    expect(runNew().stderr).toContain(toolText('new.usage'));
  });
});
