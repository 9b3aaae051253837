/**
 * Meeting bodies and their quorum and pass rules, as data. A threshold `{ num, den, strict }` over a
 * base reads "count × den > num × base" when strict (过半数 = {1,2,strict}) and "count × den ≥ num ×
 * base" otherwise (三分之二以上 = {2,3}, 以上含本数 per 民法典 §1259). Integers only.
 */
export interface Threshold {
  num: number;
  den: number;
  /** true: strictly more than (过半数); false: at least (以上, inclusive). */
  strict: boolean;
}

export const MAJORITY: Threshold = { num: 1, den: 2, strict: true };
export const TWO_THIRDS: Threshold = { num: 2, den: 3, strict: false };

export interface QuorumRule {
  /** Count people present against eligible people, or households present against households. */
  on: 'persons' | 'households';
  threshold: Threshold;
}

/**
 * A figure of the village register (village.yaml) that fixes how many are entitled to attend a body:
 * 组织法 §22 (村民会议: adults, or households), §26 (村民代表会议: its representatives), 集体经济组织法
 * §27–28 (成员大会: the members; 成员代表大会: their representatives).
 */
export type RegisterField = 'adults' | 'households' | 'representatives' | 'members' | 'memberRepresentatives';

export interface BodyRule {
  /** Name as clerks write it in `body:`. */
  name: string;
  /** English name. */
  en: string;
  /** Any one of these quorum rules suffices (村民会议: persons or households). */
  quorum: readonly QuorumRule[];
  /** Votes needed to pass, counted against those present or against all eligible members. */
  pass: { base: 'present' | 'eligible'; threshold: Threshold } | null;
  /** Days of notice required before the meeting (0 = none fixed by law). */
  noticeDays: number;
  /** Step in 四议两公开 this body performs, if any. */
  fourStep?: 'propose' | 'consult' | 'review' | 'resolve';
  /** Only valid from this date (成员大会 rules from 集体经济组织法, 2025-05-01). */
  since?: string;
  /** Women representatives present must also reach this share, where the province profile asks (山东 村民代表会议). */
  womenRepQuorum?: Threshold;
  /** May authorise spending: a ledger expense's `resolution` must name a meeting of such a body (村民委员会组织法 §24). */
  decidesSpending: boolean;
  /** May approve a quarterly disclosure before it is posted (`approval.meeting`): the committees. */
  approvesDisclosures: boolean;
  /**
   * Its resolutions are posted on the board (决议公开 / 协商结果公开). Internal steps of 四议两公开 and
   * committee meetings are not; villagers' bodies, members' assemblies and consultations are.
   */
  postsResolutions: boolean;
  /** The disclosure track its minutes belong to: party bodies are 党务, every other body 村务. */
  track: '党务' | '村务';
  /**
   * Where `eligible` (and `households.eligible`) must come from: the village register in force on the
   * meeting date. Bodies without it (committees, party meetings, consultations) are not checked.
   */
  register?: { persons: RegisterField; households?: RegisterField };
  /** Source and evidence grade. */
  source: string;
}

export const BODIES: readonly BodyRule[] = [
  {
    name: '村民会议',
    en: "villagers' assembly",
    quorum: [
      { on: 'persons', threshold: MAJORITY },
      { on: 'households', threshold: TWO_THIRDS },
    ],
    pass: { base: 'present', threshold: MAJORITY },
    noticeDays: 10,
    fourStep: 'resolve',
    decidesSpending: true,
    approvesDisclosures: false,
    postsResolutions: true,
    track: '村务',
    register: { persons: 'adults', households: 'households' },
    source: '村民委员会组织法 §21–22 [V]',
  },
  {
    name: '村民代表会议',
    en: "villagers' representative assembly",
    quorum: [{ on: 'persons', threshold: TWO_THIRDS }],
    pass: { base: 'present', threshold: MAJORITY },
    noticeDays: 0,
    fourStep: 'resolve',
    womenRepQuorum: TWO_THIRDS,
    decidesSpending: true,
    approvesDisclosures: false,
    postsResolutions: true,
    track: '村务',
    register: { persons: 'representatives' },
    source: '村民委员会组织法 §26 [V]',
  },
  {
    name: '村民小组会议',
    en: 'village group meeting',
    quorum: [
      { on: 'persons', threshold: TWO_THIRDS },
      { on: 'households', threshold: TWO_THIRDS },
    ],
    pass: { base: 'present', threshold: MAJORITY },
    noticeDays: 0,
    decidesSpending: false,
    approvesDisclosures: false,
    postsResolutions: true,
    track: '村务',
    source: '村民委员会组织法 §28 [V]',
  },
  {
    name: '党组织会议',
    en: 'party branch committee meeting',
    quorum: [{ on: 'persons', threshold: MAJORITY }],
    pass: { base: 'present', threshold: MAJORITY },
    noticeDays: 0,
    fourStep: 'propose',
    decidesSpending: false,
    approvesDisclosures: false,
    postsResolutions: false,
    track: '党务',
    source: '中国共产党支部工作条例 [S]',
  },
  {
    name: '两委联席会议',
    en: 'joint meeting of the two committees',
    quorum: [{ on: 'persons', threshold: MAJORITY }],
    pass: { base: 'present', threshold: MAJORITY },
    noticeDays: 0,
    fourStep: 'consult',
    decidesSpending: false,
    approvesDisclosures: true,
    postsResolutions: false,
    track: '村务',
    source: '通行做法 [CONV]',
  },
  {
    name: '党员大会',
    en: 'general meeting of party members',
    quorum: [{ on: 'persons', threshold: MAJORITY }],
    pass: { base: 'present', threshold: MAJORITY },
    noticeDays: 0,
    fourStep: 'review',
    decidesSpending: false,
    approvesDisclosures: false,
    postsResolutions: false,
    track: '党务',
    source: '中国共产党支部工作条例 [S]',
  },
  {
    name: '村委会会议',
    en: 'village committee meeting',
    quorum: [{ on: 'persons', threshold: MAJORITY }],
    pass: { base: 'present', threshold: MAJORITY },
    noticeDays: 0,
    decidesSpending: false,
    approvesDisclosures: true,
    postsResolutions: false,
    track: '村务',
    source: '通行做法 [CONV]',
  },
  {
    name: '成员大会',
    en: 'general meeting of collective members',
    quorum: [{ on: 'persons', threshold: TWO_THIRDS }],
    pass: { base: 'eligible', threshold: TWO_THIRDS },
    noticeDays: 10,
    since: '2025-05-01',
    decidesSpending: true,
    approvesDisclosures: false,
    postsResolutions: true,
    track: '村务',
    register: { persons: 'members' },
    source: '农村集体经济组织法 §27 [V]',
  },
  {
    name: '成员代表大会',
    en: "collective members' representative assembly",
    quorum: [{ on: 'persons', threshold: TWO_THIRDS }],
    pass: { base: 'eligible', threshold: TWO_THIRDS },
    noticeDays: 0,
    since: '2025-05-01',
    decidesSpending: true,
    approvesDisclosures: false,
    postsResolutions: true,
    track: '村务',
    register: { persons: 'memberRepresentatives' },
    source: '农村集体经济组织法 §28 [V]',
  },
  {
    name: '议事协商会',
    en: 'consultation meeting',
    quorum: [],
    pass: null,
    noticeDays: 0,
    decidesSpending: false,
    approvesDisclosures: false,
    postsResolutions: true,
    track: '村务',
    source: '山东条例 §7(9) [V]；城乡社区协商意见 [R]',
  },
  {
    name: '听证会',
    en: 'hearing',
    quorum: [],
    pass: null,
    noticeDays: 0,
    decidesSpending: false,
    approvesDisclosures: false,
    postsResolutions: true,
    track: '村务',
    source: '地方村务民主听证制度 [S]',
  },
];

export const BODY_NAMES = BODIES.map((b) => b.name) as [string, ...string[]];

export function getBodyRule(name: string): BodyRule | undefined {
  return BODIES.find((b) => b.name === name);
}

/** The four steps of 四议两公开 in order, with their Chinese names. */
export const FOUR_STEPS = [
  { step: 'propose', zh: '党组织提议', en: 'party organisation proposes' },
  { step: 'consult', zh: '两委会议商议', en: 'two committees consult' },
  { step: 'review', zh: '党员大会审议', en: 'party members review' },
  { step: 'resolve', zh: '村民（代表）会议决议', en: "villagers' (representative) assembly resolves" },
] as const;
