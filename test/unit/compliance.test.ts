/**
 * The county's compliance view (npm run report, /compliance/): on time or late per village and
 * quarter, every problem under its check, villages with errors included, and a CSV Excel opens.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/law/profiles.ts';
import { buildComplianceRows, checkOf, getQuartersInScope, getTimeliness, type ComplianceVillage, type Quarter } from '../../src/lib/compliance.ts';
import { toolText } from '../../src/check/messages/index.ts';
import { buildReport, csvField, CSV_HEADER, report, toCsv } from '../../src/tools/report.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

let tree: { root: string; cleanup(): void };
beforeEach(() => {
  tree = makeTree();
});
afterEach(() => tree.cleanup());

const file = (p: string) => join(tree.root, p);
const patch = (p: string, find: string, replace: string) => {
  const text = readFileSync(file(p), 'utf8');
  expect(text, `${find} in ${p}`).toContain(find);
  writeFileSync(file(p), text.replace(find, replace));
};
const rowsOf = (root: string) =>
  buildReport(root, { env: {} }).csvRows.map((r) => Object.fromEntries(CSV_HEADER.map((h, i) => [h, r[i]!])) as Record<string, string>);

describe('the compliance report of the demo county', () => {
  it('says per village and quarter whether the disclosure went up on time, late or not at all', () => {
    const r = buildReport(ROOT, { env: {} });
    expect(r.code).toBe(0);
    const timeliness = (v: string, q: string) => r.csvRows.find((x) => x[2] === v && x[3] === q && x[5] === 'published on time' && x[7] === '')?.[9];
    expect(timeliness('maqu', '2025-q3')).toBe('按时公开（2025-10-10 公布，期限 2025-10-15）');
    expect(timeliness('dongxing', '2025-q3')).toBe('逾期 5 天公开（2025-10-20 公布，期限 2025-10-15）');
    expect(timeliness('wenshui', '2025-q3')).toBe('未公开，已逾期 36 天（期限 2025-10-15）');
    expect(r.text).toContain('2025年第三季度：4 个村中，按时公开 2 个，逾期公开 1 个，未公开 1 个；有错误的村 0 个。');
  });

  it('lists catalogue items missing from a quarter and a ledger that never came', () => {
    const rows = rowsOf(ROOT);
    expect(rows.find((x) => x['村编号 Village id'] === 'maqu' && x['期间 Period'] === '2025-q3' && x['检查项'] === '目录齐全')?.['问题']).toBe(
      '2025年第三季度村务公开缺少县公开目录要求的 1 项：CW-05 惠农惠民政策落实及各类补贴发放情况。',
    );
    expect(rows.find((x) => x['村编号 Village id'] === 'wenshui' && x['期间 Period'] === '2025-q3' && x['检查项'] === '账目连续平衡')?.['问题']).toContain(
      '财务收支明细（账）应于 2025-10-15 前公布，至今没有',
    );
  });
});

describe('a county with mistakes', () => {
  it('puts each error under its check, in the quarter it belongs to, even though the content does not build', () => {
    patch('content/villages/maqu/notices/2025-11-17-dibao.md', 'duration: {days: 7, unit: 自然日}', 'duration: {days: 3, unit: 自然日}');
    patch('content/villages/dongxing/finances/2025-q3.yaml', '    resolution: 2025-08-19-daibiao\n', '');
    patch('content/villages/dongguan/finances/2025-q3.yaml', 'closingBalance: 454,970.60', 'closingBalance: 454,970.61');
    patch('content/villages/maqu/finances/2025-q2.yaml', '  reviewer: 刘志强\n', '');
    patch('content/villages/maqu/meetings/2025-07-22-daibiao.md', 'previous: 2025-07-15-dangyuan\n', '');
    const rows = rowsOf(tree.root);
    const at = (v: string, q: string, check: string) =>
      rows.filter((x) => x['村编号 Village id'] === v && x['期间 Period'] === q && x['检查项'] === check && x['结果 Result'] !== '按时 on time');
    expect(at('maqu', '2025-q4', '公示期限').map((x) => x['结果 Result'])).toEqual(['错误 error']);
    expect(at('dongxing', '2025-q3', '大额支出决议')[0]?.['问题']).toContain('但没有注明决议');
    expect(at('dongguan', '2025-q3', '账目连续平衡').map((x) => x['问题'])).toEqual([
      '本期结余 454,970.61 元对不上：上期结余 435,506.25 + 收入 75,598.75 − 支出 56,134.40 = 454,970.60 元。',
    ]);
    expect(at('maqu', '2025-q2', '审核签字')[0]?.['问题']).toBe('缺少村务监督委员会的审核人。');
    expect(at('maqu', '2025-q3', '四议两公开')[0]?.['问题']).toContain('程序不完整，缺少：党组织提议、两委会议商议、党员大会审议');
    expect(buildReport(tree.root, { env: {} }).text).toMatch(/有错误的村 3 个/);
  });

  it('does not call a quarter missing when its file exists but has errors', () => {
    patch('content/villages/maqu/finances/2025-q3.yaml', 'openingBalance: 311,636.95', 'openingBalance: 三十万');
    const rows = rowsOf(tree.root).filter((x) => x['村编号 Village id'] === 'maqu' && x['期间 Period'] === '2025-q3');
    expect(rows.map((x) => x['问题'] ?? '').filter((t) => t.includes('至今没有'))).toEqual([]);
    expect(rows.some((x) => (x['问题'] ?? '').startsWith('金额“三十万”无法识别'))).toBe(true);
  });

  it('keeps a village whose village.yaml is broken in the report, with that error', () => {
    patch('content/villages/dongguan/village.yaml', 'households:', 'hushu:');
    const rows = rowsOf(tree.root).filter((x) => x['村编号 Village id'] === 'dongguan');
    expect(rows.some((x) => x['文件 File'] === 'content/villages/dongguan/village.yaml' && x['检查项'] === '其他错误')).toBe(true);
  });
});

describe('the report text', () => {
  it('opens with the county, the as-of date and the rules, says when a quarter has no problems, and lists county-level problems apart', () => {
    // A catalogue of 随时 items only: nothing is due every quarter, so quarters without other problems are clean.
    writeFileSync(file('content/site.yaml'), readFileSync(file('content/site.yaml'), 'utf8').replace(/cadence: (每季度|每年|每月)/g, 'cadence: 随时'));
    patch('content/villages/maqu/notices/2025-11-17-dibao.md', 'unpublishAfter: 2026-05-31', 'unpublishAfter: 2031-05-31');
    patch('content/villages/maqu/notices/2025-11-17-dibao.md', 'duration: {days: 7, unit: 自然日}', 'duration: {days: 1900, unit: 自然日}');
    const r = report(tree.root, { env: {} });
    expect(r.stdout.startsWith(toolText('report.title', { county: '陕西省宝鸡市陇县', asOf: '2025-11-20', profile: '陕西省' }))).toBe(true);
    expect(r.stdout).toContain(`    ✓ ${toolText('report.all-ok').replace('\n', ' ')}`);
    expect(r.stdout).toContain(toolText('report.county-problems'));
    expect(r.stdout).toContain('节假日日历没有 2027 年');
  });
});

describe('the CSV for the county office', () => {
  it('starts with a byte-order mark, uses CRLF, quotes every field and parses back to the same rows', () => {
    const out = file('report.csv');
    const r = report(tree.root, { csv: 'report.csv', env: {} });
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${CSV_HEADER.map((h) => `"${h}"`).join(',')}`);
    const parsed: string[][] = parse(text, { bom: true });
    expect(parsed[0]).toEqual(CSV_HEADER);
    expect(parsed.slice(1)).toEqual(buildReport(tree.root, { env: {} }).csvRows);
    expect(r.stdout).toContain(`已写出 report.csv（${parsed.length - 1} 行，UTF-8 带 BOM`);
  });

  it('never lets a cell run as a formula in Excel', () => {
    expect(csvField('=HYPERLINK("http://evil.example","点我")')).toBe('"\'=HYPERLINK(""http://evil.example"",""点我"")"');
    for (const start of ['+', '-', '@', '\t']) expect(csvField(`${start}1`).startsWith(`"'${start}`)).toBe(true);
    expect(toCsv([['a"b']]).endsWith('"a""b"\r\n')).toBe(true);
  });

  it('can be limited to one village and written from the command line', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/report.ts'), '--village', 'wenshui', '--csv', 'wenshui.csv', '--root', tree.root], {
      cwd: tree.root,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('■ 温水镇 温水村（wenshui）');
    expect(run.stdout).not.toContain('马曲村（maqu）');
    const parsed: string[][] = parse(readFileSync(file('wenshui.csv'), 'utf8'), { bom: true });
    expect(new Set(parsed.slice(1).map((r) => r[2]))).toEqual(new Set(['wenshui']));
    rmSync(file('wenshui.csv'));
  });
});

describe('the rules behind the view', () => {
  const village = (over: Partial<ComplianceVillage> = {}): ComplianceVillage => ({
    disclosures: [],
    ledgers: [],
    meetings: [],
    largeExpenseResolutions: new Set(),
    ...over,
  });
  const q = (year: number, quarter: 1 | 2 | 3 | 4): Quarter => ({ kind: 'quarter', year, quarter });
  const shaanxi = PROFILES['shaanxi']!;

  it('holds a village to every quarter from its first record to the latest one due', () => {
    const v = village({ ledgers: [{ id: '2025-q1', file: 'f', period: q(2025, 1) }] });
    expect(getQuartersInScope(v, '2025-11-20', shaanxi).map((x) => x.quarter)).toEqual([1, 2, 3]);
    expect(getQuartersInScope(village(), '2025-10-16', shaanxi).map((x) => `${x.year}-${x.quarter}`)).toEqual(['2025-3']);
    expect(getQuartersInScope(village(), '2025-10-15', shaanxi).map((x) => `${x.year}-${x.quarter}`)).toEqual(['2025-2']);
  });

  it('counts days late from the deadline, and a quarter not yet due is not late', () => {
    const d = (publishedAt: string, supersedes?: string) => ({
      id: publishedAt,
      file: 'f',
      period: q(2025, 3),
      track: '村务' as const,
      publishedAt,
      supersedes,
      codes: [],
    });
    expect(getTimeliness(village({ disclosures: [d('2025-10-20')] }), q(2025, 3), '2025-11-20', shaanxi)).toEqual({
      state: 'late',
      publishedAt: '2025-10-20',
      deadline: '2025-10-15',
      daysLate: 5,
    });
    expect(getTimeliness(village({ disclosures: [d('2025-10-20', 'x'), d('2025-10-15')] }), q(2025, 3), '2025-11-20', shaanxi).state).toBe('on-time');
    expect(getTimeliness(village(), q(2025, 4), '2025-11-20', shaanxi)).toEqual({ state: 'not-due', deadline: '2026-01-15' });
    expect(getTimeliness(village(), q(2025, 3), '2025-10-16', shaanxi)).toEqual({ state: 'overdue', deadline: '2025-10-15', daysLate: 1 });
  });

  it.each([
    'ledger.resolution-own-vote',
    'ledger.resolution-ambiguous',
    'ledger.before-decision',
    'ledger.before-decision.posted',
    'ledger.chain-broken',
    'chain.previous-unlawful',
    'disclosure.approval-unlawful',
    'disclosure.approval-unlawful.vote',
    'meeting.eligible-register',
    'meeting.eligible-register.history',
    'meeting.eligible-zero',
    'meeting.register-missing',
    'meeting.authorises-failed',
    'chain.posting-late',
    'chain.posting-missing',
    'chain.result-before',
    'record.published-future',
    'record.held-future',
    'notice.too-short.declared',
  ])('shows the decision finding of fixture %s in the report, under its check, in the file it names', (name) => {
    const dir = join(ROOT, 'test/fixtures/invalid', name);
    const expected = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { file: string; code: string; zh: string; severity?: string };
    const t = makeTree(dir);
    try {
      const r = buildReport(t.root, { env: {} });
      const rows = r.csvRows.map((x) => Object.fromEntries(CSV_HEADER.map((h, i) => [h, x[i]!])) as Record<string, string>);
      const row = rows.find((x) => x['文件 File'] === expected.file && x['问题']?.startsWith(expected.zh));
      expect(row, `report rows for ${expected.file}: ${JSON.stringify(rows.filter((x) => x['文件 File'] === expected.file))}`).toBeDefined();
      expect(row!['结果 Result']).toBe(expected.severity === 'warning' ? '提醒 warning' : '错误 error');
      expect(r.text).toContain(row!['问题']);
    } finally {
      t.cleanup();
    }
  });

  it("puts each finding under its own village and reads the county's findings once, not once per village (a 1,000-village county stays linear)", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `v${String(i).padStart(3, '0')}`);
    let reads = 0;
    // Each problem's file is counted as it is read: the rows must not filter the county's problems for every village.
    const problems = ids.flatMap((id) =>
      ['2025-q1', '2025-q2'].map((quarter) => {
        const path = `content/villages/${id}/disclosures/${quarter}.md`;
        return {
          get file() {
            reads += 1;
            return path;
          },
          path: 'items',
          severity: 'warning' as const,
          code: 'disclosure.catalogue',
        };
      }),
    );
    const rows = buildComplianceRows(
      ids.map((id) => ({ id, records: village({ ledgers: [{ id: '2025-q1', file: 'f', period: q(2025, 1) }] }) })),
      problems,
      '2025-11-20',
      shaanxi,
    );
    expect(rows.filter((r) => r.village === 'v007').map((r) => [`${r.quarter.year}-q${r.quarter.quarter}`, r.cells.flatMap((c) => c.problems).length])).toEqual(
      [
        ['2025-q1', 1],
        ['2025-q2', 1],
        ['2025-q3', 0],
      ],
    );
    expect(rows.flatMap((r) => r.cells.flatMap((c) => c.problems)).length).toBe(problems.length);
    // A handful of reads per problem (its village, its quarter, its check), whatever the county's size; before: 200 per problem.
    expect(reads / problems.length).toBeLessThan(20);
  });

  it('sorts problems into checks by their code', () => {
    const p = (code: string, path = '', params: Record<string, string> = {}) => checkOf({ code, path, params, file: 'x', severity: 'error' });
    expect(p('notice.too-short')).toBe('posting');
    expect(p('signoff.reviewer-missing')).toBe('review');
    expect(p('ref.missing', 'expense[3].resolution')).toBe('large-expense');
    expect(p('disclosure.overdue', 'finances', { kind: 'ledger' })).toBe('ledger');
    expect(p('privacy.id')).toBe('other');
    expect(p('ledger.resolution-own-vote')).toBe('large-expense');
    expect(p('ledger.before-decision')).toBe('large-expense');
    expect(p('ledger.chain-broken')).toBe('chain');
    expect(p('chain.previous-unlawful')).toBe('chain');
    expect(p('chain.posting-missing')).toBe('chain');
    expect(p('disclosure.approval-unlawful')).toBe('review');
    expect(p('record.published-future')).toBe('timeliness');
    expect(p('record.held-future')).toBe('timeliness');
  });
});
