/**
 * The message catalogue (src/check/messages/) as a whole: every code a clerk can be shown is either
 * pinned by a fixture under test/fixtures/invalid/<code>/ or is on the allow-list below, which says
 * why content cannot produce it and which test pins it instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_MESSAGES, IMPORT_MESSAGES, renderMessage, TOOL_MESSAGES, toolText } from '../../src/check/messages/index.ts';
import type { Finding } from '../../src/lib/finding.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const DIR = join(ROOT, 'test/fixtures/invalid');
const fixtureCodes = new Set(readdirSync(DIR).map((f) => (JSON.parse(readFileSync(join(DIR, f, 'expect.json'), 'utf8')) as { code: string }).code));

/** Codes no content file can produce, by why; each list is pinned by the test named beside it. */
const NOT_FROM_CONTENT: Record<string, readonly string[]> = {
  // The closing line of every problem list, whatever the problems (invalid-fixtures.test.ts, import-command.test.ts).
  'problem list': ['check.failed', 'check.passed'],
  // The field's line and the compact list of 〔待填〕 placeholders in that list (check-output.test.ts).
  'placeholder list': ['check.line', 'check.todo-heading', 'check.todo'],
  // npm run import reads a spreadsheet, not content/: each has a sample under
  // test/fixtures/spreadsheets/ (test/unit/import-command.test.ts checks every one is seen).
  spreadsheet: [
    'import.file-type',
    'import.xls',
    'import.encrypted',
    'import.unreadable',
    'import.too-large',
    'import.hidden-sheet',
    'import.hidden-row',
    'import.no-header',
    'import.no-rows',
    'import.date',
    'import.date-outside',
    'import.period-mixed',
    'import.monthly',
    'import.amount',
    'import.amount-unit',
    'import.unit',
    'import.unit-unknown',
    'import.amount-format',
    'import.both-sides',
    'import.no-amount',
    'import.direction',
    'import.voucher',
    'import.summary',
    'import.category-missing',
    'import.category',
    'import.signoff-date',
    'import.total-mismatch',
    'import.opening-mismatch',
    'import.exists',
    'import.ledger-too-large',
  ],
  // What npm run import prints around its findings: usage, refusals, the summary (import-command.test.ts).
  'import tool': [
    'import.usage',
    'import.period-arg',
    'import.not-found',
    'import.not-a-file',
    'import.read',
    'import.refused',
    'import.written',
    'import.signoff',
    'import.check',
  ],
  // Timeliness lines of npm run report and /compliance/: states, not mistakes (compliance.test.ts).
  timeliness: ['timeliness.on-time', 'timeliness.late', 'timeliness.overdue', 'timeliness.not-due'],
  // npm run report headings and summaries (compliance.test.ts).
  report: ['report.title', 'report.all-ok', 'report.summary', 'report.csv-written', 'report.county-problems'],
  // The summary of npm run check -- --village <id> (check-village.test.ts).
  'village summary': [
    'summary.title',
    'summary.records',
    'summary.problems',
    'summary.overdue',
    'summary.next',
    'summary.catalogue',
    'summary.start',
    'summary.started',
    'summary.notice',
  ],
  // npm run new, and the village argument every tool takes (new-command.test.ts, check-village.test.ts).
  'new quarter': ['new.usage', 'new.period', 'tool.village', 'tool.village-invalid', 'new.exists', 'new.no-previous-ledger', 'new.created', 'new.next'],
};
const allowed = Object.values(NOT_FROM_CONTENT).flat();

const AREAS = { content: CONTENT_MESSAGES, import: IMPORT_MESSAGES, tools: TOOL_MESSAGES };
const allCodes = Object.values(AREAS).flatMap((m) => Object.keys(m));

describe('the message catalogue', () => {
  it('pins every message a clerk can see with a fixture, or says on the allow-list why content cannot produce it', () => {
    const unpinned = allCodes.filter((code) => !fixtureCodes.has(code) && !allowed.includes(code));
    expect(unpinned).toEqual([]);
  });

  it('has a content fixture for no code on the allow-list, and no allow-listed code without a message', () => {
    expect(allowed.filter((code) => fixtureCodes.has(code))).toEqual([]);
    expect(allowed.filter((code) => !allCodes.includes(code))).toEqual([]);
  });

  it('lets every content message come from content, never from the allow-list', () => {
    expect(Object.keys(CONTENT_MESSAGES).filter((code) => allowed.includes(code))).toEqual([]);
  });

  it('gives each code one meaning across content, import and tools', () => {
    expect(allCodes.filter((code, i) => allCodes.indexOf(code) !== i)).toEqual([]);
  });

  it('has a fixture only for codes that have a message', () => {
    expect([...fixtureCodes].filter((code) => !(code in CONTENT_MESSAGES))).toEqual([]);
  });
});

/**
 * The compiler is the test here: `astro check` (the first half of npm test) fails if any line
 * marked @ts-expect-error compiles, i.e. if the catalogue stopped catching these mistakes.
 */
describe('the message types', () => {
  it('refuse a code with no message, a missing or misspelt parameter, and a wrong kind', () => {
    const wrong: Finding[] = [
      // @ts-expect-error -- no message has this code
      { code: 'ledger.no-such-code', path: [] },
      // @ts-expect-error -- file.missing needs the file name
      { code: 'file.missing', path: [] },
      // @ts-expect-error -- misspelt parameter
      { code: 'file.missing', path: [], params: { nmae: 'x' } },
      // @ts-expect-error -- a reference names one of the kinds the catalogue knows
      { code: 'ref.missing', path: [], params: { ref: 'x', kind: 'meetng', known: '' } },
    ];
    // @ts-expect-error -- summary.title needs id and asOf too
    const text = () => toolText('summary.title', { name: '马曲村' });
    const right: Finding = { code: 'ref.missing', path: ['previous'], params: { ref: 'x', kind: 'meeting', known: 'a、b' } };
    expect(wrong).toHaveLength(4);
    expect(typeof text).toBe('function');
    expect(renderMessage(right.code, right.params).expectedEn).toBe('a file name in meetings/: a, b');
  });
});
