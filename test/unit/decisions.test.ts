/**
 * What decisions may do: a resolution funds spending only by its own vote, a meeting approves or
 * takes a step only when it stands, quorum is counted against the register in force on the meeting
 * date, and a notice's declared duration counts. Arithmetic rules are checked with fast-check.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { NATIONAL_CALENDAR } from '../../src/law/holidays-cn.ts';
import { checkNoticePeriod, getPostingEndDate, makeCalendar } from '../../src/lib/calendar.ts';
import { addDays } from '../../src/lib/dates.ts';
import { getExpenseAuthority, getStanding } from '../../src/lib/decisions.ts';
import type { Outcome } from '../../src/lib/quorum.ts';
import { checkEligibleAgainstRegister, getRegisterFigure } from '../../src/lib/register.ts';
import { getMeetingFacts } from '../../src/records/meeting.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

const outcome = fc.constantFrom<Outcome>('通过', '未通过');
const entry = { ledgerId: '2025-q3', voucher: '记-09-002' };

describe('a resolution authorises spending only by its own vote', () => {
  it('an expense listed by one resolution stands or falls with that resolution, whatever the others did', () => {
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 1, maxLength: 6 }), fc.nat(), (outcomes, k) => {
        const own = k % outcomes.length;
        const resolutions = outcomes.map((_, i) => ({
          authorises: i === own ? [entry] : [],
        }));
        const a = getExpenseAuthority(undefined, entry, resolutions, outcomes);
        expect(a.state).toBe(outcomes[own] === '通过' ? 'passed' : 'failed');
      }),
    );
  });

  it('an expense naming #n rests on resolution n alone', () => {
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 8 }), (outcomes, n) => {
        const a = getExpenseAuthority(
          n,
          entry,
          outcomes.map(() => ({ authorises: [] })),
          outcomes,
        );
        if (n > outcomes.length)
          expect(a).toEqual({
            state: 'index-out',
            index: n,
            count: outcomes.length,
          });
        else expect(a.state).toBe(outcomes[n - 1] === '通过' ? 'passed' : 'failed');
      }),
    );
  });

  it('a meeting whose votes did not all pass never lends one passed resolution to an expense that names none', () => {
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 2, maxLength: 6 }), (outcomes) => {
        const a = getExpenseAuthority(
          undefined,
          entry,
          outcomes.map(() => ({ authorises: [] })),
          outcomes,
        );
        expect(a.state).toBe(outcomes.every((o) => o === '通过') ? 'passed' : 'ambiguous');
      }),
    );
  });

  it('a meeting stands only with its quorum and every vote passed', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(outcome, { maxLength: 6 }), (quorum, outcomes) => {
        expect(getStanding(quorum, outcomes).lawful).toBe(quorum && outcomes.every((o) => o === '通过'));
      }),
    );
  });

  it('the 15 yes / 20 no resolution of a meeting that passed another funds nothing on its meeting page', () => {
    const tree = makeTree(join(ROOT, 'test/fixtures/invalid/ledger.resolution-own-vote'));
    try {
      const r = loadCounty(tree.root, { env: {} });
      expect(r.problems.map((p) => p.code)).toContain('ledger.resolution-own-vote');
      const county = r.partial!;
      const v = county.villages.find((x) => x.id === 'maqu')!;
      const facts = getMeetingFacts(
        v.meetings.find((m) => m.id === '2025-07-22-daibiao')!,
        v,
        county,
      );
      expect(facts.authorisesSpending).toEqual([false, true]);
      expect(facts.authorisedSpending).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });
});

describe('a step voted down ends the chain', () => {
  it('the chain of a resolution built on a failed 党员大会 is not shown as complete, and the expense on it is refused', () => {
    const tree = makeTree(join(ROOT, 'test/fixtures/invalid/chain.previous-unlawful'));
    try {
      const r = loadCounty(tree.root, { env: {} });
      expect(r.problems.map((p) => p.code)).toContain('ledger.chain-broken');
      const county = r.partial!;
      const v = county.villages.find((x) => x.id === 'maqu')!;
      const facts = getMeetingFacts(
        v.meetings.find((m) => m.id === '2025-07-22-daibiao')!,
        v,
        county,
      );
      expect(facts.chain?.steps.every((s) => s.meeting)).toBe(true);
      expect(facts.chain?.complete).toBe(false);
    } finally {
      tree.cleanup();
    }
  });

  it('the demo chain whose every step stood is complete', () => {
    const r = loadCounty(ROOT, { env: {} });
    const county = r.county!;
    const v = county.villages.find((x) => x.id === 'maqu')!;
    expect(
      getMeetingFacts(
        v.meetings.find((m) => m.id === '2025-07-22-daibiao')!,
        v,
        county,
      ).chain?.complete,
    ).toBe(true);
  });
});

describe('quorum is counted against the register', () => {
  const village = { adults: 1785, households: 612, representatives: 45 };

  it('a 村民会议 with eligible 100 and 51 present in a village of 1,785 adults is refused, naming both numbers', () => {
    const f = checkEligibleAgainstRegister({ body: '村民会议', date: '2025-09-01', eligible: 100 }, village);
    expect(f).toEqual([
      {
        code: 'meeting.eligible-register',
        path: ['eligible'],
        params: {
          body: '村民会议',
          field: 'adults',
          eligible: 100,
          register: 1785,
          date: '2025-09-01',
        },
      },
    ]);
  });

  it('any eligible count that differs from the register is refused and the register itself is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (register, eligible) => {
        const f = checkEligibleAgainstRegister({ body: '村民代表会议', date: '2025-09-01', eligible }, { representatives: register });
        expect(f.length).toBe(register === eligible ? 0 : 1);
      }),
    );
  });

  it('eligible 0 is refused for every body that has a quorum', () => {
    for (const body of ['村民会议', '村民代表会议', '两委联席会议', '成员大会']) {
      expect(checkEligibleAgainstRegister({ body, date: '2025-09-01', eligible: 0 }, village).map((x) => x.code)).toContain('meeting.eligible-zero');
    }
  });

  it('the register in force on the meeting date is the earliest earlier figure still valid then, else the current one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 99 })), { maxLength: 5 }),
        fc.integer({ min: 0, max: 700 }),
        (changes, day) => {
          const registerHistory = changes.map(([d, n]) => ({
            until: addDays('2024-01-01', d),
            representatives: n,
          }));
          const date = addDays('2024-01-01', day);
          const valid = registerHistory.filter((e) => e.until > date).sort((a, b) => a.until.localeCompare(b.until))[0];
          expect(getRegisterFigure({ representatives: 100, registerHistory }, 'representatives', date)).toBe(valid ? valid.representatives : 100);
        },
      ),
    );
  });
});

describe('a notice period is at least its minimum, as declared and as it ends', () => {
  const cal = makeCalendar(NATIONAL_CALENDAR);

  it('6 days of 低保 公示 from Monday 2025-11-17 are refused although they end on the same day as 7', () => {
    expect(getPostingEndDate('2025-11-17', 6, 'calendar', cal)).toBe(getPostingEndDate('2025-11-17', 7, 'calendar', cal));
    expect(checkNoticePeriod('2025-11-17', { days: 6, unit: 'calendar' }, [{ days: 7, unit: 'calendar' }], cal).short).toBe(true);
  });

  it('any declared duration below the minimum in the same unit is short, and any at or above it is not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom<'calendar' | 'working'>('calendar', 'working'),
        (d, min, days, unit) => {
          const r = checkNoticePeriod(addDays('2025-01-01', d), { days, unit }, [{ days: min, unit }], cal);
          expect(r.short).toBe(days < min);
        },
      ),
    );
  });
});
