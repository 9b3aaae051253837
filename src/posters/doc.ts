/**
 * What a poster says, independent of how it is drawn: the record's content as blocks of text and
 * tables, plus everything every sheet must carry (village, period, posting dates, QR address,
 * 核对码 and version). Built from the checked county by documents.ts; laid out by layout.ts.
 */

export type PosterKind = 'disclosure' | 'finance' | 'notice' | 'resolution';

export interface TableColumn {
  label: string;
  align: 'left' | 'right' | 'center';
  /** Wraps onto several lines (summaries, notes); otherwise the column is as wide as its widest cell. */
  wrap: boolean;
  /** Share of the free width a wrapping column gets. */
  weight?: number;
}

export type Block =
  /** 一、收支汇总 */
  | { kind: 'heading'; text: string }
  /** Running text; `align: 'right'` for the issuing body and date. */
  | { kind: 'paragraph'; text: string; align?: 'left' | 'right'; bold?: boolean; keepWithNext?: boolean }
  /** Label–value lines (公示期：…). */
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  /** Big figures side by side (上期结余 | 本期收入 | 本期支出 | 本期结余). */
  | { kind: 'summary'; cells: { label: string; value: string }[] }
  /** A ruled table; long tables continue on the next sheet with the header repeated. */
  | { kind: 'table'; caption: string; columns: TableColumn[]; rows: string[][]; total?: { label: string; value: string; column: number } }
  /** A boxed notice: the correction statement, how to object. */
  | { kind: 'callout'; title: string; lines: string[] }
  /** The sign-off block: each row is one printed line of label–value fields; `sign` adds a line to sign by hand. */
  | { kind: 'signoff'; rows: { label: string; value: string; sign?: boolean }[][] };

export interface PosterDoc {
  /** Unique within the village, used in file names: finance-2025-q3, notice-2025-11-17-dibao … */
  id: string;
  kind: PosterKind;
  /** 村务公开 / 党务公开 / 财务公开 / 公示 / 决议公开 */
  kindZh: string;
  village: { id: string; name: string; township: string };
  /** The record the poster is printed from. */
  record: { folder: 'disclosures' | 'finances' | 'notices' | 'meetings'; id: string; file: string };
  /** Absolute address of the record's web page (the QR code). */
  url: string;
  /** The quarter the poster belongs to on the print page, e.g. 2025-q3. */
  quarter: string;
  /** The period as printed, e.g. 2025年第三季度 or 2025年7月. */
  periodZh: string;
  title: string;
  /** Posting dates as printed, e.g. 2025年10月10日至2025年12月31日. */
  postingZh: string;
  /** The day it goes up, YYYY-MM-DD (also the PDF's creation date); undefined when not yet fixed. */
  publishedAt?: string;
  /** 1 for an original, 2 for its first correction, … */
  version: number;
  /** The poster this one corrects (it must come down from the board). */
  corrects?: { posterId: string; fingerprint: string; version: number };
  /** Phone for questions and objections. */
  phone: string;
  /** County supervision hotline. */
  hotline: string;
  /**
   * The poster shows personal data the law requires on the board (低保 household heads …). Such a
   * poster is the legal 公示 on paper only: it is written for the clerk, never published on the web.
   */
  personal: boolean;
  blocks: Block[];
  /** 核对码 of the record's content (src/records/content.ts), not of the poster: new wording or layout never changes it. */
  fingerprint: string;
  /**
   * The record's entry in the county's publication log, printed beside the 核对码 (not covered by
   * it): entry number, and the log's size and root-hash prefix right after this entry was appended.
   * Both never change once logged, so a growing log does not re-render old posters; a photograph
   * of the poster pins the log's history up to this record. Absent: not logged yet.
   */
  log?: { index: number; size: number; root: string };
}
