/**
 * What a meeting's decisions may do: a meeting stands (may approve a disclosure or take a step of
 * 四议两公开) only when it had its quorum and its votes passed; an expense rests on the one resolution
 * that authorises it, by that resolution's own vote. Pure: outcomes come from src/lib/quorum.ts.
 */
import type { Outcome } from './quorum.ts';

/** Whether a meeting stands, and if not, why: no quorum, or the n-th resolution (from 1) voted down. */
export type Standing = { lawful: true } | { lawful: false; reason: 'quorum' } | { lawful: false; reason: 'vote'; index: number };

/**
 * A meeting stands when its quorum was met and every resolution it voted on passed (a consultative
 * body with no vote stands). `only` limits the votes looked at to one resolution (from 1), when the
 * record that relies on the meeting names it, e.g. approval `2025-10-09-lianxi#1`.
 */
export function getStanding(quorumMet: boolean, outcomes: readonly Outcome[], only?: number): Standing {
  if (!quorumMet) return { lawful: false, reason: 'quorum' };
  const failed = outcomes.findIndex((o, i) => o === '未通过' && (only === undefined || only === i + 1));
  return failed < 0 ? { lawful: true } : { lawful: false, reason: 'vote', index: failed + 1 };
}

export interface EntryKey {
  ledgerId: string;
  voucher: string;
}

/**
 * The resolution behind one expense: the one the expense names (`#n`), else the one whose
 * `authorises` lists the entry, else the meeting's only vote. `passed` only by that resolution's own
 * vote; `ambiguous` when the meeting voted on several and not all passed, so another resolution's
 * success could otherwise stand in for it.
 */
export type Authority =
  | { state: 'passed'; index?: number }
  | { state: 'failed'; index: number }
  | { state: 'ambiguous'; count: number }
  | { state: 'index-out'; index: number; count: number }
  | { state: 'none' };

export function getExpenseAuthority(
  index: number | undefined,
  entry: EntryKey,
  resolutions: readonly {
    authorises: readonly {
      ledgerId?: string | undefined;
      voucher?: string | undefined;
    }[];
  }[],
  outcomes: readonly Outcome[],
): Authority {
  const byIndex = (i: number): Authority => (outcomes[i - 1] === '通过' ? { state: 'passed', index: i } : { state: 'failed', index: i });
  if (index !== undefined) return index >= 1 && index <= resolutions.length ? byIndex(index) : { state: 'index-out', index, count: resolutions.length };
  const listing = resolutions.flatMap((r, i) => (r.authorises.some((a) => a.ledgerId === entry.ledgerId && a.voucher === entry.voucher) ? [i + 1] : []));
  if (listing.length === 1) return byIndex(listing[0]!);
  const voted = (listing.length > 1 ? listing : outcomes.map((_, i) => i + 1)).filter((i) => outcomes[i - 1] !== '不表决');
  if (voted.length === 0) return { state: 'none' };
  if (voted.length === 1) return byIndex(voted[0]!);
  return voted.every((i) => outcomes[i - 1] === '通过') ? { state: 'passed' } : { state: 'ambiguous', count: voted.length };
}
