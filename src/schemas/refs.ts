/**
 * References between records, parsed once here so nobody splits strings again. The clerk's text is
 * kept (`ref`) for messages that quote it; the parts are what code reads.
 */
import { Text } from './primitives.ts';

/** `2025-07-22-daibiao` or `2025-07-22-daibiao#2`: a meeting, optionally its n-th resolution (from 1). */
export interface ResolutionRef {
  /** As written, e.g. 2025-07-22-daibiao#2. */
  ref: string;
  /** The meeting's id (its file name), e.g. 2025-07-22-daibiao. */
  meetingId: string;
  /** The resolution's number within the meeting, when given after `#`. */
  index?: number;
}

export function parseResolutionRef(ref: string): ResolutionRef {
  const [meetingId, n] = ref.split('#');
  const index = n !== undefined && /^\d+$/.test(n) ? Number(n) : undefined;
  return index === undefined ? { ref, meetingId: meetingId! } : { ref, meetingId: meetingId!, index };
}

/** A ledger expense's authorising meeting (`resolution:`). */
export const ResolutionRefSchema = Text.transform(parseResolutionRef);

/** `2025-q3/记-08-003`: an expense entry of a ledger, by the ledger's period id and the voucher. */
export interface EntryRef {
  /** As written. */
  ref: string;
  /** The ledger's id (period), e.g. 2025-q3; absent when the text has no `/` (the checker reports it). */
  ledgerId?: string;
  /** The voucher within that ledger. */
  voucher?: string;
}

export function parseEntryRef(ref: string): EntryRef {
  const m = /^([^/]+)\/(.+)$/.exec(ref);
  return m ? { ref, ledgerId: m[1]!, voucher: m[2]! } : { ref };
}

/** A resolution's `authorises:` item. */
export const EntryRefSchema = Text.transform(parseEntryRef);
