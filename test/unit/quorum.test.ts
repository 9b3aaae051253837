import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMeeting, describeThreshold, getOutcome, getQuorum, meetsThreshold, type MeetingLike } from '../../src/lib/quorum.ts';
import { getBodyRule, MAJORITY, TWO_THIRDS, type BodyRule } from '../../src/law/bodies.ts';
import { PROFILES } from '../../src/law/profiles.ts';

function rule(name: string): BodyRule {
  const r = getBodyRule(name);
  if (!r) throw new Error(`no body rule for ${name}`);
  return r;
}
const 村民代表会议 = rule('村民代表会议');
const 村民会议 = rule('村民会议');
const 成员大会 = rule('成员大会');
const 议事协商会 = rule('议事协商会');

/** Quorum, then outcome, as the checker does it. */
function decide(r: BodyRule, a: { eligible: number; present: number; households?: { eligible: number; present: number } }, yes: number) {
  return getOutcome(r, a, { yes }, getQuorum(r, a).met);
}

describe('meetsThreshold: 过半数 and 三分之二以上 in whole numbers', () => {
  it('reads 过半数 as strictly more than half: 15 of 30 is not a majority, 16 is', () => {
    expect(meetsThreshold(15, 30, MAJORITY)).toBe(false);
    expect(meetsThreshold(16, 30, MAJORITY)).toBe(true);
    expect(meetsThreshold(16, 31, MAJORITY)).toBe(true);
    expect(meetsThreshold(15, 31, MAJORITY)).toBe(false);
  });

  it('reads 三分之二以上 as including exactly two thirds (以上含本数): 20 of 30 suffices, 19 does not', () => {
    expect(meetsThreshold(20, 30, TWO_THIRDS)).toBe(true);
    expect(meetsThreshold(19, 30, TWO_THIRDS)).toBe(false);
    expect(meetsThreshold(21, 31, TWO_THIRDS)).toBe(true);
    expect(meetsThreshold(20, 31, TWO_THIRDS)).toBe(false);
  });

  it('agrees with exact fractions for any counts: 过半数 ⇔ count/base > 1/2, 三分之二以上 ⇔ count/base ≥ 2/3', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), (base, k) => {
        const count = k % (base + 1);
        // Compare count/base with 1/2 and 2/3 by cross-multiplying in BigInt.
        expect(meetsThreshold(count, base, MAJORITY)).toBe(BigInt(count) * 2n > BigInt(base));
        expect(meetsThreshold(count, base, TWO_THIRDS)).toBe(BigInt(count) * 3n >= BigInt(base) * 2n);
      }),
    );
  });

  it('names the thresholds as the law writes them', () => {
    expect(describeThreshold(MAJORITY).zh).toBe('过半数');
    expect(describeThreshold(TWO_THIRDS).zh).toBe('三分之二以上');
  });
});

describe('村民代表会议: ≥ 2/3 of members present, passes with > 1/2 of those present', () => {
  it('has its quorum with exactly two thirds of the representatives present (20 of 30)', () => {
    expect(getQuorum(村民代表会议, { eligible: 30, present: 20 }).met).toBe(true);
  });

  it('lacks its quorum one short of two thirds (19 of 30; 20 of 31)', () => {
    expect(getQuorum(村民代表会议, { eligible: 30, present: 19 }).met).toBe(false);
    expect(getQuorum(村民代表会议, { eligible: 31, present: 20 }).met).toBe(false);
  });

  it('does not pass a resolution with exactly half of those present voting yes (15 of 30)', () => {
    expect(decide(村民代表会议, { eligible: 30, present: 30 }, 15)).toBe('未通过');
  });

  it('passes a resolution with one more than half of those present (16 of 30)', () => {
    expect(decide(村民代表会议, { eligible: 30, present: 30 }, 16)).toBe('通过');
  });

  it('counts the majority against those present, not all members (11 yes of 20 present passes, though there are 30 members)', () => {
    expect(decide(村民代表会议, { eligible: 30, present: 20 }, 11)).toBe('通过');
    expect(decide(村民代表会议, { eligible: 30, present: 20 }, 10)).toBe('未通过');
  });

  it('does not pass anything without a quorum, even unanimously', () => {
    expect(decide(村民代表会议, { eligible: 30, present: 19 }, 19)).toBe('未通过');
  });

  describe('山东: two thirds of women representatives must be present too', () => {
    const a = { eligible: 30, present: 30, womenReps: { eligible: 6, present: 3 } };

    it('lacks its quorum when only 3 of 6 women representatives came, though everyone else did', () => {
      const q = getQuorum(村民代表会议, a, { womenRepQuorum: PROFILES['shandong']!.womenRepQuorum });
      expect(q.met).toBe(false);
      expect(q.basis.zh).toContain('妇女代表');
    });

    it('has its quorum with 4 of 6 women representatives present', () => {
      expect(getQuorum(村民代表会议, { ...a, womenReps: { eligible: 6, present: 4 } }, { womenRepQuorum: true }).met).toBe(true);
    });

    it('ignores the women-representative count in provinces that do not require it', () => {
      expect(getQuorum(村民代表会议, a, { womenRepQuorum: PROFILES['national']!.womenRepQuorum }).met).toBe(true);
    });
  });
});

describe('村民会议: > 1/2 of adult villagers or ≥ 2/3 of households present', () => {
  it('has its quorum with more than half of the adult villagers (501 of 1000)', () => {
    const q = getQuorum(村民会议, { eligible: 1000, present: 501 });
    expect(q.met).toBe(true);
    expect(q.basis.zh).toContain('人');
  });

  it('lacks its quorum with exactly half of the adult villagers and no household count', () => {
    expect(getQuorum(村民会议, { eligible: 1000, present: 500 }).met).toBe(false);
  });

  it('has its quorum by households when two thirds of households (200 of 300) came, though persons are not over half', () => {
    const q = getQuorum(村民会议, { eligible: 1000, present: 400, households: { eligible: 300, present: 200 } });
    expect(q.met).toBe(true);
    expect(q.basis.zh).toContain('户');
  });

  it('lacks its quorum when neither persons (400 of 1000) nor households (199 of 300) suffice', () => {
    expect(getQuorum(村民会议, { eligible: 1000, present: 400, households: { eligible: 300, present: 199 } }).met).toBe(false);
  });

  it('passes with more than half of those present, whichever way the quorum was reached', () => {
    const a = { eligible: 1000, present: 400, households: { eligible: 300, present: 200 } };
    expect(decide(村民会议, a, 201)).toBe('通过');
    expect(decide(村民会议, a, 200)).toBe('未通过');
  });
});

describe('成员大会 (集体经济组织法 §27, from 2025-05-01): passes only with ≥ 2/3 of ALL members', () => {
  it('has its quorum with exactly two thirds of members present (60 of 90)', () => {
    expect(getQuorum(成员大会, { eligible: 90, present: 60 }).met).toBe(true);
    expect(getQuorum(成员大会, { eligible: 90, present: 59 }).met).toBe(false);
  });

  it('passes with yes votes of exactly two thirds of all 90 members (60)', () => {
    expect(decide(成员大会, { eligible: 90, present: 70 }, 60)).toBe('通过');
  });

  it('fails with 59 yes of 90 members, although 59 of the 70 present is a large majority', () => {
    expect(decide(成员大会, { eligible: 90, present: 70 }, 59)).toBe('未通过');
  });

  it('fails one vote below two thirds of all members even when every member present voted yes', () => {
    // 59 present all voting yes: the base is the 90 members, not the 59 present.
    expect(getOutcome(成员大会, { eligible: 90, present: 59 }, { yes: 59 }, true)).toBe('未通过');
    expect(decide(成员大会, { eligible: 90, present: 59 }, 59)).toBe('未通过');
  });

  it('passes when exactly two thirds attend and all of them vote yes (200 of 300)', () => {
    expect(decide(成员大会, { eligible: 300, present: 200 }, 200)).toBe('通过');
    expect(decide(成员大会, { eligible: 300, present: 200 }, 199)).toBe('未通过');
  });
});

describe('consultative meetings (议事协商会, 听证会)', () => {
  it('need no quorum and record no vote outcome', () => {
    expect(getQuorum(议事协商会, { eligible: 50, present: 3 }).met).toBe(true);
    expect(getOutcome(议事协商会, { eligible: 50, present: 3 }, { yes: 3 }, true)).toBe('不表决');
    expect(getOutcome(rule('听证会'), { eligible: 50, present: 3 }, undefined, true)).toBe('不表决');
  });
});

describe('checkMeeting: arithmetic and procedure of a meeting record', () => {
  const base: MeetingLike = {
    body: '村民代表会议',
    date: '2025-08-10',
    eligible: 30,
    present: 25,
    resolutions: [{ votes: { yes: 20, no: 3, abstain: 2 } }],
  };
  const codes = (m: MeetingLike, overrides: Record<string, number> = {}) => checkMeeting(m, overrides).map((f) => f.code);

  it('finds nothing wrong in a well-formed 村民代表会议', () => {
    expect(checkMeeting(base, {})).toEqual([]);
  });

  it('flags more people present than entitled to attend', () => {
    expect(codes({ ...base, present: 31 })).toContain('meeting.present-over');
    expect(codes({ ...base, households: { eligible: 10, present: 11 } })).toEqual(['meeting.present-over']);
  });

  it('refuses more households present than persons present: a household attends only through its representative', () => {
    const byHouseholds: MeetingLike = {
      ...base,
      body: '村民会议',
      noticeDate: '2025-07-30',
      eligible: 1785,
      present: 120,
      households: { eligible: 612, present: 420 },
    };
    // The households' two thirds would give the quorum and 100 yes of 120 "present" would pass; 420 people were there.
    expect(getQuorum(getBodyRule('村民会议')!, byHouseholds).met).toBe(true);
    expect(checkMeeting(byHouseholds, {})).toEqual([
      expect.objectContaining({
        code: 'meeting.part-over',
        path: ['households', 'present'],
        params: { part: 'households', field: 'present', value: 420, whole: 120 },
      }),
    ]);
    expect(codes({ ...byHouseholds, present: 420 })).toEqual([]);
  });

  it('refuses more women representatives entitled or present than the whole meeting', () => {
    expect(checkMeeting({ ...base, womenReps: { eligible: 31, present: 10 } }, {}).map((f) => f.path.join('.'))).toEqual(['womenReps.eligible']);
    expect(checkMeeting({ ...base, womenReps: { eligible: 30, present: 26 } }, {}).map((f) => f.path.join('.'))).toEqual(['womenReps.present']);
    expect(codes({ ...base, womenReps: { eligible: 10, present: 8 } })).toEqual([]);
  });

  it('flags more votes cast than people present', () => {
    expect(codes({ ...base, resolutions: [{ votes: { yes: 20, no: 4, abstain: 2 } }] })).toEqual(['meeting.votes-over']);
  });

  it('flags a resolution of a voting body without vote counts', () => {
    expect(checkMeeting({ ...base, resolutions: [{ result: '通过' }] }, {})).toEqual([
      expect.objectContaining({ code: 'meeting.votes-missing', path: ['resolutions', 0, 'votes'] }),
    ]);
  });

  it('flags vote counts on a consultative meeting and asks for its written result instead', () => {
    expect(codes({ ...base, body: '议事协商会', resolutions: [{ votes: { yes: 1, no: 0, abstain: 0 } }] })).toEqual([
      'meeting.votes-consultative',
      'meeting.result-missing',
    ]);
    expect(codes({ ...base, body: '议事协商会', resolutions: [{ result: '同意修路方案' }] })).toEqual([]);
  });

  it('flags a 成员大会 held before the 集体经济组织法 took effect on 2025-05-01', () => {
    const m = { ...base, body: '成员大会', date: '2025-04-30', noticeDate: '2025-04-10' };
    expect(codes(m)).toEqual(['meeting.body-not-yet']);
    expect(codes({ ...m, date: '2025-05-01' })).toEqual([]);
  });

  it('requires 10 days’ notice for a 村民会议: 10 days is enough, 9 is not, none is flagged', () => {
    const m = { ...base, body: '村民会议', eligible: 1000, present: 600, resolutions: [{ votes: { yes: 400, no: 100, abstain: 0 } }] };
    expect(codes({ ...m, noticeDate: '2025-07-31' })).toEqual([]);
    expect(checkMeeting({ ...m, noticeDate: '2025-08-01' }, {})).toEqual([
      expect.objectContaining({ code: 'meeting.notice-short', params: expect.objectContaining({ days: 10, lead: 9 }) }),
    ]);
    expect(codes(m)).toEqual(['meeting.notice-missing']);
  });

  it('applies 山东’s 5 days’ notice for a 村民代表会议 where the national rule sets none', () => {
    const shandong = PROFILES['shandong']!.noticeDays;
    expect(codes(base)).toEqual([]);
    expect(codes(base, shandong)).toEqual(['meeting.notice-missing']);
    expect(codes({ ...base, noticeDate: '2025-08-06' }, shandong)).toEqual(['meeting.notice-short']);
    expect(codes({ ...base, noticeDate: '2025-08-05' }, shandong)).toEqual([]);
  });

  it('flags a notice dated after the meeting', () => {
    expect(codes({ ...base, noticeDate: '2025-08-11' })).toEqual(['meeting.notice-after']);
  });
});
