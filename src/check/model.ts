/**
 * The checked content of a county: what `loadCounty` returns when there are no errors. Pages build
 * their view-models from this (src/data/).
 */
import type { WorkCalendar } from '../lib/calendar.ts';
import type { Period } from '../lib/period.ts';
import type { RuleProfile } from '../law/profiles.ts';
import type { ContentMessage } from './messages/index.ts';
import type { Disclosure, Ledger, Meeting, Notice, Site, Village, VolunteerPeriod } from '../schemas/index.ts';

export interface Rec<T> {
  /** File name without extension: the record id used in references and URLs. */
  id: string;
  /** Path relative to the project root, e.g. content/villages/maqu/finances/2025-q3.yaml. */
  file: string;
  data: T;
  /** Markdown/MDX body (empty for YAML records). */
  body: string;
  /** The line of the file on which the body starts (1 for YAML records), for messages that name a body line. */
  bodyLine?: number;
}

export interface DisclosureRec extends Rec<Disclosure> {
  period: Period & { kind: 'quarter' };
}
export interface LedgerRec extends Rec<Ledger> {
  period: Period;
}
export interface VolunteerRec extends Rec<VolunteerPeriod> {
  period: Period;
}
export interface NoticeRec extends Rec<Notice> {
  /** Last day of the period (民法典 §201–203 with the calendar). */
  endDate: string;
}

export interface VillageRecords {
  id: string;
  file: string;
  data: Village;
  disclosures: DisclosureRec[];
  ledgers: LedgerRec[];
  meetings: Rec<Meeting>[];
  notices: NoticeRec[];
  volunteers: VolunteerRec[];
  /**
   * Records that exist but failed their own checks, as "<folder>/<id>": references to them are not
   * reported again as missing.
   */
  unreadable: Set<string>;
  /** Record files that exist but did not pass their own checks, e.g. finances/2025-q3.yaml. */
  failed: string[];
}

export interface County {
  site: Site;
  profile: RuleProfile;
  calendar: WorkCalendar;
  /** The one "today" of this build (see as-of.ts). */
  asOf: string;
  villages: VillageRecords[];
}

export type Problem = {
  /** File relative to the project root. */
  file: string;
  /** Field path inside the file, e.g. income[3].amount; empty for the whole file. */
  path: string;
  /** The line of that field in the file, as the clerk's editor numbers it; absent for the whole file. */
  line?: number;
  severity: 'error' | 'warning';
} & ContentMessage;
