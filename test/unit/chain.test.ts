import { describe, expect, it } from 'vitest';
import { checkChainLink, getChain, type ChainMeeting } from '../../src/lib/chain.ts';

const propose: ChainMeeting = { id: '2025-07-01-dzz', body: '党组织会议', date: '2025-07-01' };
const consult: ChainMeeting = { id: '2025-07-05-lwlx', body: '两委联席会议', date: '2025-07-05', previous: propose.id };
const review: ChainMeeting = { id: '2025-07-10-dydh', body: '党员大会', date: '2025-07-10', previous: consult.id };
const resolve: ChainMeeting = { id: '2025-07-20-cmdbdh', body: '村民代表会议', date: '2025-07-20', previous: review.id };

const byId = (...ms: ChainMeeting[]) => new Map(ms.map((m) => [m.id, m]));

describe('checkChainLink: 四议两公开 in the right order, by the right bodies, on ascending dates', () => {
  it('finds nothing wrong in 党组织会议 → 两委联席会议 → 党员大会 → 村民代表会议 on ascending dates', () => {
    expect(checkChainLink(consult, propose)).toEqual([]);
    expect(checkChainLink(review, consult)).toEqual([]);
    expect(checkChainLink(resolve, review)).toEqual([]);
  });

  it('accepts a 村民会议 instead of a 村民代表会议 as the resolving step', () => {
    expect(checkChainLink({ ...resolve, body: '村民会议' }, review)).toEqual([]);
  });

  it('flags a 村民代表会议 that follows the 两委联席会议 directly, skipping the 党员大会, and says which step is expected', () => {
    const skipped = { ...resolve, previous: consult.id };
    expect(checkChainLink(skipped, consult)).toEqual([
      expect.objectContaining({
        code: 'chain.order',
        path: ['previous'],
        params: expect.objectContaining({ previous: consult.id, previousBody: '两委联席会议', expected: '党员大会审议' }),
      }),
    ]);
  });

  it('flags steps taken in the wrong order: a 党员大会 that follows the 党组织会议 directly', () => {
    expect(checkChainLink({ ...review, previous: propose.id }, propose).map((f) => f.code)).toEqual(['chain.order']);
  });

  it('flags a previous step held on the same day', () => {
    expect(checkChainLink({ ...review, date: consult.date }, consult)).toEqual([
      expect.objectContaining({ code: 'chain.dates', params: { previous: consult.id, previousDate: '2025-07-05', date: '2025-07-05' } }),
    ]);
  });

  it('flags a previous step held after the meeting that relies on it', () => {
    expect(checkChainLink({ ...resolve, date: '2025-07-09' }, review).map((f) => f.code)).toEqual(['chain.dates']);
  });

  it('reports both problems when a step is skipped and the dates go backwards', () => {
    expect(checkChainLink({ ...resolve, date: '2025-07-04' }, consult).map((f) => f.code)).toEqual(['chain.order', 'chain.dates']);
  });

  it('refuses a previous step on a meeting that is not a later step of the chain', () => {
    expect(checkChainLink({ ...propose, previous: 'x' }, consult).map((f) => f.code)).toEqual(['chain.not-a-step']);
    expect(checkChainLink({ id: 'm', body: '听证会', date: '2025-08-01', previous: resolve.id }, resolve).map((f) => f.code)).toEqual(['chain.not-a-step']);
  });
});

describe('getChain: the chain a villager sees on a meeting page', () => {
  it('reports all four steps and completeness from the resolving meeting', () => {
    const view = getChain(resolve.id, byId(propose, consult, review, resolve));
    expect(view?.complete).toBe(true);
    expect(view?.steps.map((s) => s.meetingId)).toEqual([propose.id, consult.id, review.id, resolve.id]);
    expect(view?.steps.map((s) => s.step.zh)).toEqual(['党组织提议', '两委会议商议', '党员大会审议', '村民（代表）会议决议']);
  });

  it('shows the whole chain from any meeting in it, including the steps that followed', () => {
    const view = getChain(propose.id, byId(propose, consult, review, resolve));
    expect(view?.complete).toBe(true);
    expect(getChain(consult.id, byId(propose, consult, review, resolve))?.steps.map((s) => s.meetingId)).toEqual([
      propose.id,
      consult.id,
      review.id,
      resolve.id,
    ]);
  });

  it('reports a chain still waiting for its resolution as incomplete, with the missing step empty', () => {
    const view = getChain(review.id, byId(propose, consult, review));
    expect(view?.complete).toBe(false);
    expect(view?.steps.map((s) => s.meetingId)).toEqual([propose.id, consult.id, review.id, undefined]);
  });

  it('reports a chain with a skipped step as incomplete', () => {
    const skipped = { ...resolve, previous: consult.id };
    const view = getChain(skipped.id, byId(propose, consult, skipped));
    expect(view?.complete).toBe(false);
    expect(view?.steps[2]!.meetingId).toBeUndefined();
  });

  it('shows no chain for a meeting that stands alone', () => {
    expect(getChain(propose.id, byId(propose))).toBeUndefined();
  });

  it('shows no chain for a body outside 四议两公开 or an unknown meeting', () => {
    const hearing: ChainMeeting = { id: 'h', body: '听证会', date: '2025-07-02', previous: propose.id };
    expect(getChain(hearing.id, byId(propose, hearing))).toBeUndefined();
    expect(getChain('nope', byId(propose, consult))).toBeUndefined();
  });

  it('stops instead of looping forever when meetings name each other as previous', () => {
    const a: ChainMeeting = { id: 'a', body: '两委联席会议', date: '2025-07-05', previous: 'b' };
    const b: ChainMeeting = { id: 'b', body: '党员大会', date: '2025-07-10', previous: 'a' };
    const view = getChain('b', byId(a, b));
    expect(view?.complete).toBe(false);
  });
});
