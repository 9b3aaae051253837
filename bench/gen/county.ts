/**
 * A deterministic synthetic county for benchmarks: N villages × Q quarters of content that passes
 * `npm run check` — ledgers of 50–500 entries per quarter (log-normal, median ~150) that reconcile
 * and carry over, 四议两公开 chains authorising the large expenses, approval meetings, disclosures of
 * all three tracks (with the odd late one, correction and overdue village), notices and volunteers.
 *
 * Pure: returns file paths and texts; the CLI (scripts/gen.ts) and the benchmark write them. Each
 * village draws from its own random stream, so village i is the same in a 30- and a 300-village
 * county built from the same seed.
 */
import { stringify } from 'yaml';
import { getAccountingSystem } from '../../src/law/accounting.ts';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../src/lib/dates.ts';
import { formatYuan } from '../../src/lib/money.ts';
import { periodEnd, periodEndExclusive, periodKey, periodLabel, periodStart, previousQuarter, type Period } from '../../src/lib/period.ts';
import { createRandom, type Random } from './random.ts';
import * as W from './words.ts';

export interface GenOptions {
  villages: number;
  quarters: number;
  seed?: string | number;
  /** Last quarter generated (default 2025-q4). */
  lastQuarter?: { year: number; quarter: 1 | 2 | 3 | 4 };
  /** Pinned as-of date (default: the 20th of the month after the last quarter). */
  asOf?: string;
}

export interface GenFile {
  /** Path relative to the generated root, e.g. content/villages/wangjiazhuang/finances/2025-q3.yaml. */
  path: string;
  text: string;
  /** Village id, for per-village files. */
  village?: string;
  /** Quarter key the file belongs to (its publication batch), e.g. 2025-q3; absent for village.yaml and site.yaml. */
  batch?: string;
}

export interface GenCounty {
  files: GenFile[];
  villages: { id: string; name: string; township: string }[];
  quarters: string[];
  asOf: string;
  /** Counts, for reports. */
  stats: { ledgerEntries: number; meetings: number; notices: number; disclosures: number };
}

type Quarter = Period & { kind: 'quarter' };

const GROUP_NAMES = ['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组', '九组', '十组', '十一组', '十二组'];
const MONTHS_ZH = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

/** Site catalogue: the same county 村务公开目录 as the demo. */
const CATALOGUE = [
  { code: 'DW-01', track: '党务', title: '党组织设置、班子成员及分工情况', cadence: '每年' },
  { code: 'DW-02', track: '党务', title: '发展党员、党员教育管理情况', cadence: '随时' },
  { code: 'DW-03', track: '党务', title: '党费收缴、使用和管理情况', cadence: '每季度' },
  { code: 'DW-04', track: '党务', title: '“三会一课”及主题党日活动开展情况', cadence: '每季度' },
  { code: 'CW-01', track: '村务', title: '村民会议、村民代表会议决定事项及实施情况', cadence: '每季度' },
  { code: 'CW-02', track: '村务', title: '低保、特困供养、临时救助对象及补助标准', cadence: '每季度' },
  { code: 'CW-03', track: '村务', title: '宅基地使用申请及审批情况', cadence: '随时' },
  { code: 'CW-04', track: '村务', title: '村集体经济项目立项、承包方案及实施情况', cadence: '随时' },
  { code: 'CW-05', track: '村务', title: '惠农惠民政策落实及各类补贴发放情况', cadence: '每季度' },
  { code: 'CW-06', track: '村务', title: '村级公益事业建设项目及工程招投标、实施情况', cadence: '每季度' },
  { code: 'CZ-01', track: '财务', title: '村级财务收支情况', cadence: '每季度' },
  { code: 'CZ-02', track: '财务', title: '一事一议筹资筹劳及使用情况', cadence: '随时' },
  { code: 'CZ-03', track: '财务', title: '集体资产资源及债权债务情况', cadence: '每年' },
] as const;

const THRESHOLD_FEN = 3_000_000; // 30,000.00 yuan

const yaml = (data: unknown): string => stringify(data, { lineWidth: 0 });
const md = (front: unknown, body: string): string => `---\n${yaml(front)}---\n\n${body}\n`;
const yuan = (fen: number): string => formatYuan(fen);

function quartersEndingAt(last: Quarter, count: number): Quarter[] {
  const out: Quarter[] = [last];
  while (out.length < count) out.unshift(previousQuarter(out[0]!));
  return out;
}

function nextQuarterStart(q: Quarter): string {
  return periodEndExclusive(q);
}

/** A random date between two ISO dates, both included. */
function dateBetween(rng: Random, from: string, to: string): string {
  return fromDayNumber(rng.int(toDayNumber(from), toDayNumber(to)));
}

function fill(rng: Random, template: string, ctx: { village: string; project: string; person: string; month: number }): string {
  return template
    .replaceAll('{v}', ctx.village)
    .replaceAll('{p}', ctx.project)
    .replaceAll('{c}', rng.pick(W.CROPS))
    .replaceAll('{s}', rng.pick(W.SUBSIDIES))
    .replaceAll('{n}', String(rng.int(20, 900)))
    .replaceAll('{m}', MONTHS_ZH[ctx.month - 1]!)
    .replaceAll('{x}', ctx.person);
}

/** 2–6 narrative sentences, 150–600 characters of real vocabulary. */
function narrative(rng: Random, ctx: { village: string; project: string; person: string; month: number }, paragraphs = 2): string {
  const out: string[] = [];
  const sentences = rng.sample(W.NARRATIVE, Math.min(W.NARRATIVE.length, rng.int(3, 8)));
  const per = Math.ceil(sentences.length / paragraphs);
  for (let i = 0; i < sentences.length; i += per)
    out.push(
      sentences
        .slice(i, i + per)
        .map((s) => fill(rng, s, ctx))
        .join(''),
    );
  return out.join('\n\n');
}

interface Person {
  name: string;
  role: string;
}

function personName(rng: Random): string {
  const given = rng.chance(0.7) ? rng.pick(W.GIVEN_CHARS) + rng.pick(W.GIVEN_CHARS) : rng.pick(W.GIVEN_CHARS);
  return rng.pick(W.SURNAMES) + given;
}

/** Distinct names not in `taken`. */
function people(rng: Random, n: number, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const name = personName(rng);
    if (taken.has(name)) continue;
    taken.add(name);
    out.push(name);
  }
  return out;
}

interface VillageShape {
  id: string;
  name: string;
  township: string;
  kind: '行政村' | '社区';
  households: number;
  population: number;
  adults: number;
  groups: string[];
  committee: Person[];
  supervisors: Person[];
  staff: Person[];
  partyMembers: number;
  reps: number;
  phone: string;
  boards: string[];
  teams: (readonly [string, string])[];
  volunteers: { id: string; name: string; team: string; consent: boolean; registered: boolean }[];
  /** Names used by private persons (notices, receivables), distinct from cadres. */
  taken: Set<string>;
}

function makeVillage(rng: Random, id: string, name: string, township: string, areaCode: string, index: number): VillageShape {
  const taken = new Set<string>();
  const kind = rng.chance(0.05) ? '社区' : '行政村';
  const households = rng.int(150, 900);
  const population = Math.round(households * (3.1 + rng.next() * 0.8));
  const adults = Math.round(population * (0.74 + rng.next() * 0.08));
  const committeeNames = people(rng, rng.int(3, 6), taken);
  const roles = [W.MEMBER_ROLES.secretary, W.MEMBER_ROLES.deputy, W.MEMBER_ROLES.women, W.MEMBER_ROLES.member, W.MEMBER_ROLES.youth, W.MEMBER_ROLES.member];
  const committee = committeeNames.map((n, i) => ({ name: n, role: roles[i]! }));
  const supervisors = people(rng, 3, taken).map((n, i) => ({ name: n, role: i === 0 ? '主任' : '委员' }));
  const staff = people(rng, 1, taken).map((n) => ({ name: n, role: '报账员' }));
  const teams = rng.sample(W.VOLUNTEER_TEAMS, rng.int(1, 3));
  const volunteerNames = people(rng, rng.int(5, 16), taken);
  const volunteers = volunteerNames.map((n, i) => ({
    id: `v${String(i + 1).padStart(2, '0')}`,
    name: n,
    team: teams[i % teams.length]![0],
    consent: rng.chance(0.6),
    registered: rng.chance(0.8),
  }));
  const digits = areaCode.length === 3 ? 8 : 7;
  const phone = `${areaCode}-${String(4_600_000 + ((index * 7919 + rng.int(0, 999)) % 399_999)).padStart(digits, '6')}`;
  return {
    id,
    name,
    township,
    kind,
    households,
    population,
    adults,
    groups: GROUP_NAMES.slice(0, rng.int(3, 10)),
    committee,
    supervisors,
    staff,
    partyMembers: rng.int(22, 90),
    reps: rng.int(25, 60),
    phone,
    boards: rng.sample(W.BOARD_PLACES, rng.int(1, 2)),
    teams,
    volunteers,
    taken,
  };
}

function villageYaml(v: VillageShape): string {
  return yaml({
    name: v.name,
    township: v.township,
    kind: v.kind,
    households: v.households,
    population: v.population,
    adults: v.adults,
    representatives: v.reps,
    groups: v.groups,
    committee: v.committee,
    supervisors: v.supervisors,
    staff: v.staff,
    phone: v.phone,
    boards: v.boards.map((location) => ({ location })),
  });
}

interface MeetingOut {
  id: string;
  date: string;
  body: string;
  text: string;
}

/** Meeting ids must be unique within a village. */
function meetingId(date: string, slug: string, used: Set<string>): string {
  let id = `${date}-${slug}`;
  for (let n = 2; used.has(id); n += 1) id = `${date}-${slug}${n}`;
  used.add(id);
  return id;
}

interface LedgerEntryOut {
  date: string;
  voucher: string;
  category: string;
  summary: string;
  amount: string;
  source?: string;
  handler?: string;
  approver?: string;
  resolution?: string;
}

interface QuarterState {
  opening: number;
}

/** Generates the whole county. */
export function generateCounty(options: GenOptions): GenCounty {
  const seed = options.seed ?? 1;
  const root = createRandom(`gongkai-county:${seed}`);
  const last: Quarter = options.lastQuarter ? { kind: 'quarter', ...options.lastQuarter } : { kind: 'quarter', year: 2025, quarter: 4 };
  const quarters = quartersEndingAt(last, options.quarters);
  const asOf = options.asOf ?? addDays(nextQuarterStart(last), 19);
  const place = root.fork('place').pick(W.COUNTIES);
  const files: GenFile[] = [];
  const stats = { ledgerEntries: 0, meetings: 0, notices: 0, disclosures: 0 };

  files.push({
    path: 'content/site.yaml',
    text:
      `# ${place.county}村务公开栏（合成测试数据 synthetic benchmark county, seed ${seed}）\n` +
      yaml({
        title: `${place.county}村务公开栏`,
        province: place.province,
        city: place.city,
        county: place.county,
        profile: 'shaanxi',
        baseUrl: 'https://cwgk.example.cn/',
        asOf,
        hotline: `${place.areaCode}-12345`,
        largeExpenseThreshold: yuan(THRESHOLD_FEN),
        calendar: { holidays: [], workdays: [] },
        catalogue: CATALOGUE,
      }),
  });

  // Names and ids in index order, so a smaller county is a prefix of a larger one.
  const nameRng = root.fork('names');
  const usedIds = new Set<string>();
  const usedNames = new Set<string>();
  const townships: string[] = [];
  const townshipName = (t: number): string => {
    while (townships.length <= t) {
      const i = townships.length;
      const base =
        i < W.TOWNSHIPS.length
          ? W.TOWNSHIPS[i]!
          : `${W.PLACE_FIRST[(i * 7) % W.PLACE_FIRST.length]![0]}${W.PLACE_LAST[(i * 11) % W.PLACE_LAST.length]![0]}${Math.floor(i / W.TOWNSHIPS.length) > 1 ? Math.floor(i / W.TOWNSHIPS.length) : ''}`;
      const suffix = i === 0 ? '街道' : hashPick(base, ['镇', '镇', '镇', '乡']);
      townships.push(base + suffix);
    }
    return townships[t]!;
  };
  const villages: GenCounty['villages'] = [];
  for (let i = 0; i < options.villages; i += 1) {
    let name: string;
    let id: string;
    for (let attempt = 0; ; attempt += 1) {
      const first = nameRng.pick(W.PLACE_FIRST);
      const middle = nameRng.chance(0.35) ? nameRng.pick(W.PLACE_MIDDLE) : undefined;
      const lastPart = nameRng.pick(W.PLACE_LAST);
      const zh = `${first[0]}${middle?.[0] ?? ''}${lastPart[0]}`;
      const py = `${first[1]}${middle?.[1] ?? ''}${lastPart[1]}`;
      const candidate = attempt > 40 ? `${py}${attempt}` : py;
      if (usedIds.has(candidate) || usedNames.has(zh)) continue;
      usedIds.add(candidate);
      usedNames.add(zh);
      id = candidate;
      name = `${zh}${lastPart[0] === '村' ? '' : '村'}`;
      break;
    }
    // Townships of 12–20 villages.
    const township = townshipName(Math.floor(i / 16));
    const vr = root.fork(`village:${i}`);
    const v = makeVillage(vr, id, name, township, place.areaCode, i);
    if (v.kind === '社区') v.name = v.name.replace(/村$/, '社区');
    villages.push({ id, name: v.name, township });
    const dir = `content/villages/${id}`;
    files.push({ path: `${dir}/village.yaml`, text: villageYaml(v), village: id });
    const state: QuarterState = { opening: vr.int(8_000_000, 60_000_000) };
    const usedMeetings = new Set<string>();
    const overdueLast = vr.chance(0.02);
    for (const q of quarters) {
      const isLast = q === quarters[quarters.length - 1];
      for (const f of generateQuarter(vr.fork(periodKey(q)), v, q, state, usedMeetings, { isLast, overdue: isLast && overdueLast, asOf }, stats)) {
        files.push({ ...f, path: `${dir}/${f.path}`, village: id, batch: periodKey(q) });
      }
    }
  }
  return { files, villages, quarters: quarters.map(periodKey), asOf, stats };
}

function hashPick<T>(key: string, list: readonly T[]): T {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return list[h % list.length]!;
}

interface QuarterFlags {
  isLast: boolean;
  overdue: boolean;
  asOf: string;
}

function generateQuarter(
  rng: Random,
  v: VillageShape,
  q: Quarter,
  state: QuarterState,
  usedMeetings: Set<string>,
  flags: QuarterFlags,
  stats: GenCounty['stats'],
): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const pk = periodKey(q);
  const start = periodStart(q);
  const end = periodEnd(q);
  const firstMonth = (q.quarter - 1) * 3 + 1;
  const secretary = v.committee[0]!;
  const deputy = v.committee[1]!;
  const recorder = v.committee[v.committee.length - 1]!;
  const reviewer = v.supervisors[0]!;
  const preparer = v.staff[0]!;
  const project = rng.pick(W.PROJECTS);
  const ctx = (month: number) => ({ village: v.name, project, person: deputy.name, month });
  const place = `${v.name}${rng.pick(W.MEETING_PLACES)}`;
  const meetings: MeetingOut[] = [];
  const addMeeting = (date: string, slug: string, front: Record<string, unknown>, body: string): string => {
    const id = meetingId(date, slug, usedMeetings);
    meetings.push({ id, date, body: String(front['body']), text: md({ ...front, date }, body) });
    return id;
  };
  const majorityPresent = (eligible: number) => Math.min(eligible, Math.floor(eligible / 2) + 1 + rng.int(0, Math.ceil(eligible / 2)));
  const twoThirdsPresent = (eligible: number) => Math.min(eligible, Math.ceil((2 * eligible) / 3) + rng.int(0, Math.floor(eligible / 3)));
  const passingVotes = (present: number) => {
    const yes = Math.min(present, Math.floor(present / 2) + 1 + rng.int(0, Math.floor(present / 2)));
    const no = rng.int(0, present - yes);
    const abstain = rng.int(0, present - yes - no);
    return { yes, no, abstain };
  };

  // ── 四议两公开 chain authorising one large expense (about 40% of quarters) ──
  let large: { date: string; amount: number; resolution: string; voucherHint: string } | undefined;
  if (rng.chance(0.4)) {
    const d0 = addDays(start, rng.int(2, 12));
    const d1 = addDays(d0, rng.int(2, 4));
    const d2 = addDays(d1, rng.int(3, 6));
    const d3 = addDays(d2, rng.int(5, 9));
    const title = `${v.groups[0]}至${v.groups[Math.min(2, v.groups.length - 1)]}${project}工程`;
    const branch = rng.int(3, 5);
    const propose = addMeeting(
      d0,
      'dangzhibu',
      {
        title: `村党支部委员会会议（提议实施${title}）`,
        body: '党组织会议',
        location: `${v.name}党群服务中心`,
        host: secretary.name,
        recorder: recorder.name,
        eligible: branch,
        present: branch,
        agenda: [`研究${title}实施意向`],
        resolutions: [{ title: `提议实施${title}，提交村“两委”联席会议商议`, votes: { yes: branch, no: 0, abstain: 0 } }],
      },
      narrative(rng, ctx(firstMonth), 2),
    );
    const joint = v.committee.length + 2;
    const jointPresent = majorityPresent(joint);
    const consult = addMeeting(
      d1,
      'shangyi',
      {
        title: `村“两委”联席会议（商议${title}初步方案）`,
        body: '两委联席会议',
        location: place,
        host: secretary.name,
        recorder: recorder.name,
        eligible: joint,
        present: jointPresent,
        agenda: [`商议${title}初步方案`, '确定资金来源和施工单位选定方式'],
        resolutions: [{ title: `形成${title}初步方案，提交党员大会审议`, votes: { yes: jointPresent, no: 0, abstain: 0 } }],
        previous: propose,
      },
      narrative(rng, ctx(firstMonth), 2),
    );
    const partyPresent = majorityPresent(v.partyMembers);
    const review = addMeeting(
      d2,
      'dangyuan',
      {
        title: `村党支部党员大会（审议${title}实施方案）`,
        body: '党员大会',
        location: `${v.name}党群服务中心`,
        host: secretary.name,
        recorder: recorder.name,
        eligible: v.partyMembers,
        present: partyPresent,
        agenda: [`审议${title}实施方案（草案）`],
        resolutions: [{ title: `审议通过${title}实施方案（草案），提交村民代表会议表决`, votes: passingVotes(partyPresent) }],
        previous: consult,
      },
      narrative(rng, ctx(firstMonth + 1), 2),
    );
    const repsPresent = twoThirdsPresent(v.reps);
    const amount = rng.int(3_500_000, 25_000_000);
    const expenseDate = dateBetween(rng, addDays(d3, 5), end < addDays(d3, 50) ? end : addDays(d3, 50));
    const voucherHint = `large:${expenseDate}`;
    const resolve = addMeeting(
      d3,
      'daibiao',
      {
        title: `村民代表会议（${title}）`,
        body: '村民代表会议',
        noticeDate: addDays(d3, -rng.int(2, 5)),
        location: place,
        host: secretary.name,
        recorder: recorder.name,
        eligible: v.reps,
        present: repsPresent,
        agenda: [`听取${title}实施方案说明`, `表决${title}实施方案`],
        resolutions: [{ title: `通过《${v.name}${title}实施方案》`, votes: passingVotes(repsPresent), authorises: [voucherHint] }],
        previous: review,
        publishedAt: addDays(d3, 1),
        resultPublishedAt: addDays(expenseDate, 3),
      },
      narrative(rng, ctx(firstMonth + 1), 3),
    );
    large = { date: expenseDate, amount, resolution: resolve, voucherHint };
  }

  // ── other meetings of the quarter ──
  for (let k = rng.int(1, 3); k > 0; k -= 1) {
    const date = dateBetween(rng, start, end);
    const month = Number(date.slice(5, 7));
    const kind = rng.int(0, 2);
    if (kind === 0) {
      const present = twoThirdsPresent(v.reps);
      const fail = rng.chance(0.08);
      const votes = fail ? { yes: Math.floor(present / 2) - rng.int(0, 3), no: 0, abstain: 0 } : passingVotes(present);
      if (fail) {
        votes.yes = Math.max(0, votes.yes);
        votes.no = Math.ceil((present - votes.yes) / 2);
        votes.abstain = present - votes.yes - votes.no;
      }
      const crop = rng.pick(W.CROPS);
      addMeeting(
        date,
        'daibiao',
        {
          title: `村民代表会议（${crop}产业发展方案）`,
          body: '村民代表会议',
          noticeDate: addDays(date, -rng.int(2, 6)),
          location: place,
          host: secretary.name,
          recorder: recorder.name,
          eligible: v.reps,
          present,
          agenda: [`讨论${crop}产业发展方案`, '表决集体资产出租事项'],
          resolutions: [{ title: `通过${crop}产业发展方案`, votes }],
        },
        narrative(rng, ctx(month), 2),
      );
    } else if (kind === 1) {
      const eligible = rng.int(10, 20);
      addMeeting(
        date,
        'xieshang',
        {
          title: `村民议事协商会（${rng.pick(v.groups)}${rng.pick(['巷道停车秩序', '灌溉用水分配', '垃圾清运时间', '路灯维护'])}）`,
          body: '议事协商会',
          location: place,
          host: secretary.name,
          recorder: recorder.name,
          eligible,
          present: rng.int(Math.ceil(eligible / 2), eligible),
          agenda: ['听取村民意见', '协商解决办法'],
          resolutions: [{ title: '协商解决办法', result: fill(rng, rng.pick(W.NARRATIVE), ctx(month)) }],
        },
        narrative(rng, ctx(month), 2),
      );
    } else {
      const eligible = v.committee.length;
      const present = majorityPresent(eligible);
      addMeeting(
        date,
        'cunweihui',
        {
          title: `村委会会议（研究${rng.pick(W.SUBSIDIES)}发放）`,
          body: '村委会会议',
          location: place,
          host: secretary.name,
          recorder: recorder.name,
          eligible,
          present,
          agenda: ['研究补贴发放名单', '安排近期重点工作'],
          resolutions: [{ title: '同意按名单发放补贴', votes: { yes: present, no: 0, abstain: 0 } }],
        },
        narrative(rng, ctx(month), 2),
      );
    }
  }

  // ── publication dates ──
  const next = nextQuarterStart(q);
  const late = !flags.isLast && rng.chance(0.03);
  const published = addDays(next, late ? rng.int(16, 30) : rng.int(2, 12));
  const approvalDate = addDays(published, -rng.int(0, Math.min(2, daysBetween(next, published))));
  const reviewedAt = addDays(approvalDate, -rng.int(0, Math.min(1, daysBetween(next, approvalDate))));
  const approval = addMeeting(
    approvalDate,
    'lianxi',
    {
      title: `村“两委”联席会议（审定${periodLabel(q)}党务、村务、财务公开内容）`,
      body: '两委联席会议',
      location: place,
      host: secretary.name,
      recorder: recorder.name,
      eligible: v.committee.length,
      present: v.committee.length,
      agenda: [`审定${periodLabel(q)}党务公开内容`, `审定${periodLabel(q)}村务公开内容`, `审定${periodLabel(q)}财务收支明细`],
      resolutions: [{ title: `同意按审定稿公开${periodLabel(q)}党务、村务、财务内容`, votes: { yes: v.committee.length, no: 0, abstain: 0 } }],
    },
    narrative(rng, ctx(Number(next.slice(5, 7))), 1),
  );
  const signoff = { responsible: secretary.name, preparer: preparer.name, reviewer: reviewer.name, reviewedAt, opinion: '同意' };

  // ── ledger ──
  const system = getAccountingSystem(start)!;
  const incomeSummaries = system.key === '2004' ? W.INCOME_SUMMARIES_2004 : W.INCOME_SUMMARIES;
  const expenseSummaries = system.key === '2004' ? W.EXPENSE_SUMMARIES_2004 : W.EXPENSE_SUMMARIES;
  const n = rng.logNormalInt(150, 0.5, 50, 500);
  const nIncome = Math.max(5, Math.round(n * (0.25 + rng.next() * 0.1)));
  type Raw = {
    side: 'income' | 'expense';
    date: string;
    category: string;
    summary: string;
    fen: number;
    source?: string;
    handler?: string;
    approver?: string;
    resolution?: string;
    hint?: string;
  };
  const raw: Raw[] = [];
  const handlers = [...v.committee.map((m) => m.name), preparer.name];
  for (let i = 0; i < n; i += 1) {
    const side = i < nIncome ? 'income' : 'expense';
    const date = dateBetween(rng, start, end);
    const month = Number(date.slice(5, 7));
    const cats = side === 'income' ? system.income : system.expense;
    const category = rng.pick(cats);
    const pool = (side === 'income' ? incomeSummaries : expenseSummaries)[category] ?? ['其他'];
    const summary = fill(rng, rng.pick(pool), ctx(month));
    const fen = side === 'income' ? rng.logNormalInt(300_000, 1.0, 1_000, 20_000_000) : rng.logNormalInt(120_000, 0.9, 500, THRESHOLD_FEN);
    const e: Raw = { side, date, category, summary, fen };
    if (rng.chance(0.4)) e.source = rng.pick(W.FUND_SOURCES);
    if (side === 'expense' && rng.chance(0.7)) e.handler = rng.pick(handlers);
    raw.push(e);
  }
  if (large) {
    raw.push({
      side: 'expense',
      date: large.date,
      category: system.expense.includes('公益支出') ? '公益支出' : '其他支出',
      summary: `${project}工程款（${v.township.slice(0, 2)}${rng.pick(W.COMPANIES)}）`,
      fen: large.amount,
      source: '衔接资金、村集体自有资金',
      handler: deputy.name,
      approver: secretary.name,
      resolution: large.resolution,
      hint: large.voucherHint,
    });
  }
  const sum = (side: 'income' | 'expense') => raw.filter((e) => e.side === side).reduce((s, e) => s + e.fen, 0);
  const shortfall = state.opening + sum('income') - sum('expense');
  if (shortfall < 1_000_000) {
    raw.push({
      side: 'income',
      date: addDays(start, rng.int(0, 20)),
      category: '补助收入',
      summary: `${project}项目补助资金`,
      fen: 1_000_000 - shortfall + rng.int(500_000, 5_000_000),
      source: '县级财政转移支付',
    });
  }
  raw.sort((a, b) => a.date.localeCompare(b.date) || (a.side === b.side ? 0 : a.side === 'income' ? -1 : 1));
  const perMonth = new Map<string, number>();
  const income: LedgerEntryOut[] = [];
  const expense: LedgerEntryOut[] = [];
  let largeVoucher = '';
  for (const e of raw) {
    const mm = e.date.slice(5, 7);
    const no = (perMonth.get(mm) ?? 0) + 1;
    perMonth.set(mm, no);
    const voucher = `记-${mm}-${String(no).padStart(3, '0')}`;
    if (e.hint) largeVoucher = voucher;
    const out: LedgerEntryOut = { date: e.date, voucher, category: e.category, summary: e.summary, amount: yuan(e.fen) };
    if (e.source) out.source = e.source;
    if (e.handler) out.handler = e.handler;
    if (e.approver) out.approver = e.approver;
    if (e.resolution) out.resolution = e.resolution;
    (e.side === 'income' ? income : expense).push(out);
  }
  stats.ledgerEntries += raw.length;
  const totalIncome = sum('income');
  const totalExpense = sum('expense');
  const closing = state.opening + totalIncome - totalExpense;
  const balanceItems = (kind: 'receivables' | 'payables') =>
    Array.from({ length: rng.int(0, 2) }, () => {
      const person = rng.chance(0.4);
      return person
        ? {
            party: people(rng, 1, v.taken)[0]!,
            partyKind: '个人',
            amount: yuan(rng.int(100_000, 1_000_000)),
            note: kind === 'receivables' ? `${rng.pick(v.groups)}荒坡承包费，约定年底前缴清` : '垫付务工工资',
          }
        : {
            party: `${v.township.slice(0, 2)}${rng.pick(W.COMPANIES)}`,
            partyKind: '单位',
            amount: yuan(rng.int(200_000, 8_000_000)),
            note: kind === 'receivables' ? '租金待结算' : '工程尾款及质保金，竣工验收后支付',
          };
    });
  out.push({
    path: `finances/${pk}.yaml`,
    text:
      `# ${pk} 收支明细（金额单位：元）\n` +
      yaml({
        openingBalance: yuan(state.opening),
        income,
        expense,
        totals: { income: yuan(totalIncome), expense: yuan(totalExpense) },
        closingBalance: yuan(closing),
        receivables: balanceItems('receivables'),
        payables: balanceItems('payables'),
        signoff,
        publishedAt: published,
      }),
  });
  state.opening = closing;
  if (large) {
    // The resolution names the voucher it authorises, now that vouchers are numbered.
    const m = meetings.find((x) => x.id === large.resolution)!;
    m.text = m.text.replace(large.voucherHint, `${pk}/${largeVoucher}`);
  }

  // ── disclosures ──
  const items = (codes: readonly string[]) =>
    codes.map((code) => ({
      code,
      title: itemTitle(rng, code, project, v),
      content: itemContent(rng, code, { project, v, q, income: totalIncome, expense: totalExpense, closing }),
    }));
  const codesOf = (track: '党务' | '村务' | '财务') => CATALOGUE.filter((c) => c.track === track).map((c) => c.code);
  const base = {
    signoff,
    approval: { meeting: approval },
    publishedAt: published,
    postedUntil: addDays(published, rng.int(30, 75)),
    channels: rng.chance(0.7) ? ['公开栏', '网站', '电子屏'] : ['公开栏', '网站'],
  };
  if (!flags.overdue) {
    out.push({
      path: `disclosures/${pk}.md`,
      text: md(
        { title: `${v.name}${periodLabel(q)}村务公开`, track: '村务', items: items(rng.sample(codesOf('村务'), rng.int(2, 5))), ...base },
        narrative(rng, ctx(firstMonth + 2), 3),
      ),
    });
    stats.disclosures += 1;
  }
  out.push({
    path: `disclosures/${pk}-caiwu.md`,
    text: md(
      { title: `${v.name}${periodLabel(q)}财务公开`, track: '财务', items: items(rng.chance(0.3) ? ['CZ-01', 'CZ-03'] : ['CZ-01']), ...base },
      narrative(rng, ctx(firstMonth + 2), 2),
    ),
  });
  stats.disclosures += 1;
  if (rng.chance(0.7)) {
    const party = items(rng.sample(codesOf('党务'), rng.int(1, 3)));
    out.push({
      path: `disclosures/${pk}-dangwu.md`,
      text: md(
        {
          title: `${v.name}党支部${periodLabel(q)}党务公开`,
          track: '党务',
          items: party,
          signoff: { responsible: secretary.name, preparer: recorder.name === secretary.name ? deputy.name : recorder.name },
          approval: { meeting: approval },
          publishedAt: published,
          postedUntil: base.postedUntil,
          channels: base.channels,
        },
        narrative(rng, ctx(firstMonth + 2), 2),
      ),
    });
    stats.disclosures += 1;
  }
  if (!flags.overdue && !flags.isLast && rng.chance(0.02)) {
    const fixed = addDays(published, rng.int(3, 10));
    out.push({
      path: `disclosures/${pk}-gengzheng.md`,
      text: md(
        {
          title: `${v.name}${periodLabel(q)}村务公开（更正）`,
          track: '村务',
          items: items(rng.sample(codesOf('村务'), 2)),
          signoff: { ...signoff, reviewedAt: fixed },
          publishedAt: fixed,
          postedUntil: addDays(fixed, 45),
          channels: base.channels,
          supersedes: pk,
          correctionReason: `原公开中${project}工程款金额误印，经核对记账凭证予以更正。`,
        },
        narrative(rng, ctx(firstMonth + 2), 2),
      ),
    });
    stats.disclosures += 1;
  }

  // ── notices ──
  for (let k = rng.int(0, 2); k > 0; k -= 1) {
    const startDate = dateBetween(rng, start, end);
    const type = rng.pick(['低保初审', '宅基地申请', '项目', '一事一议', '临时救助'] as const);
    const objection = { to: '村务监督委员会', phone: v.phone, place: '村委会办公室' };
    const slug = { 低保初审: 'dibao', 宅基地申请: 'zhaijidi', 项目: 'xiangmu', 一事一议: 'yishiyiyi', 临时救助: 'linshi' }[type];
    let id = `${startDate}-${slug}`;
    if (out.some((f) => f.path === `notices/${id}.md`)) id = `${id}2`;
    let front: Record<string, unknown>;
    if (type === '低保初审' || type === '临时救助') {
      const subjects = people(rng, rng.int(2, 6), v.taken).map((name) => ({
        name,
        members: rng.int(1, 5),
        amount: yuan(rng.int(30_000, 200_000)),
        group: rng.pick(v.groups),
      }));
      front = {
        title: `${v.name}${periodLabel(q)}${type === '低保初审' ? '低保初审对象' : '临时救助对象'}公示`,
        type,
        startDate,
        duration: { days: 7, unit: '自然日' },
        legalBasis: type === '低保初审' ? '《最低生活保障审核确认办法》' : '《社会救助暂行办法》第四十八条',
        subjects,
        objection,
        unpublishAfter: addDays(startDate, 180),
      };
    } else if (type === '宅基地申请') {
      const subjects = people(rng, rng.int(1, 4), v.taken).map((name) => ({
        name,
        reason: rng.pick(['子女成年分户，现无宅基地', '原住房为危旧土坯房，申请原址翻建', '原宅基地位于河道管理范围内，申请易地建房']),
        plot: `${rng.pick(v.groups)}规划建房区`,
        area: String(rng.pick([120, 133, 150, 167])),
        floors: rng.int(1, 2),
        group: rng.pick(v.groups),
      }));
      front = {
        title: `${v.name}${periodLabel(q)}农村宅基地申请公示`,
        type,
        startDate,
        duration: { days: rng.pick([7, 10]), unit: '自然日' },
        legalBasis: '《中华人民共和国土地管理法实施条例》第三十四条',
        subjects,
        objection,
        unpublishAfter: addDays(startDate, 150),
      };
    } else if (type === '项目') {
      const subjects = [1, 2, 3].map((rank) => ({
        name: `${v.township.slice(0, 2)}${rng.pick(W.COMPANIES)}`,
        amount: yuan(rng.int(1_500_000, 2_900_000)),
        note: rank === 1 ? '第一成交候选人（拟成交单位）' : `第${rank === 2 ? '二' : '三'}成交候选人`,
      }));
      front = { title: `${v.name}${project}项目比选结果公示`, type, startDate, duration: { days: 7, unit: '自然日' }, subjects, objection };
    } else {
      front = {
        title: `${v.name}${rng.pick(v.groups)}${project}一事一议筹资筹劳方案公示`,
        type,
        startDate,
        duration: { days: 7, unit: '自然日' },
        legalBasis: '《村民一事一议筹资筹劳管理办法》',
        subjects: [
          { name: '项目总投资', amount: yuan(rng.int(2_000_000, 6_000_000)) },
          { name: '申请一事一议财政奖补', amount: yuan(rng.int(1_000_000, 2_000_000)) },
          { name: '村民筹劳', note: '每个劳动力不超过2个工日' },
        ],
        objection,
      };
    }
    out.push({ path: `notices/${id}.md`, text: md(front, narrative(rng, ctx(Number(startDate.slice(5, 7))), 2)) });
    stats.notices += 1;
  }

  // ── volunteers ──
  const activities = Array.from({ length: rng.int(0, 6) }, () => {
    const type = rng.pick(['助老', '环境', '文明实践', '防汛', '文化', '其他'] as const);
    const team = rng.pick(v.teams)[0];
    const members = v.volunteers.filter((x) => x.team === team);
    const who = rng.sample(members.length > 0 ? members : v.volunteers, rng.int(1, Math.min(6, Math.max(1, members.length))));
    const date = dateBetween(rng, start, end);
    return {
      date,
      type,
      title: fill(rng, rng.pick(W.ACTIVITIES[type]!), ctx(1)),
      place: rng.pick(W.ACTIVITY_PLACES),
      team,
      participants: who.map((x) => ({ volunteer: x.id, hours: rng.pick(['1', '1.5', '2', '2.5', '3', '4']) })),
    };
  }).sort((a, b) => a.date.localeCompare(b.date));
  out.push({
    path: `volunteers/${pk}.yaml`,
    text: yaml({ teams: v.teams.map(([id, zh]) => ({ id, name: `${v.name}${zh}` })), volunteers: v.volunteers, activities }),
  });

  for (const m of meetings) out.push({ path: `meetings/${m.id}.md`, text: m.text });
  stats.meetings += meetings.length;
  return out;
}

function itemTitle(rng: Random, code: string, project: string, v: VillageShape): string {
  const titles: Record<string, readonly string[]> = {
    'DW-01': ['党组织班子成员及分工'],
    'DW-02': ['发展党员情况', '党员教育管理情况'],
    'DW-03': ['党费收缴、使用和管理情况'],
    'DW-04': ['“三会一课”及主题党日开展情况'],
    'CW-01': ['村民代表会议决定事项', '村民会议决定事项落实情况'],
    'CW-02': ['低保、特困供养对象变动情况', '临时救助发放情况'],
    'CW-03': ['宅基地申请及审批情况'],
    'CW-04': ['村级光伏电站收益情况', `集体${rng.pick(W.CROPS)}园承包情况`],
    'CW-05': [`${rng.pick(W.SUBSIDIES)}发放情况`],
    'CW-06': [`${project}工程进展`],
    'CZ-01': ['村级财务收支情况'],
    'CZ-02': ['一事一议筹资筹劳及使用情况'],
    'CZ-03': ['集体资产资源及债权债务情况'],
  };
  return rng.pick(titles[code] ?? [`${v.name}${code}`]);
}

function itemContent(rng: Random, code: string, c: { project: string; v: VillageShape; q: Quarter; income: number; expense: number; closing: number }): string {
  const n = () => rng.int(2, 60);
  switch (code) {
    case 'CZ-01':
      return `${periodLabel(c.q)}村集体收入${yuan(c.income)}元，支出${yuan(c.expense)}元，期末结余${yuan(c.closing)}元，收支明细见财务公开页。`;
    case 'CW-01':
      return `本季度召开村民代表会议${rng.int(1, 3)}次，表决事项均按程序公开，决议执行情况良好。`;
    case 'CW-02':
      return `截至季度末，全村在保低保对象${n()}户${n() + 20}人，特困供养对象${rng.int(1, 9)}人。本季度新增${rng.int(0, 3)}户，退出${rng.int(0, 3)}户。`;
    case 'CW-06':
      return `${c.project}工程由村“两委”组织实施，目前已完成工程量的${rng.int(30, 100)}%，村务监督委员会全程参与质量监督。`;
    case 'CW-05':
      return `本季度为${n() * 10}户发放各类惠农补贴，资金通过“一卡通”直接发放到户。`;
    default:
      return fill(rng, rng.pick(W.NARRATIVE), { village: c.v.name, project: c.project, person: c.v.committee[0]!.name, month: (c.q.quarter - 1) * 3 + 2 });
  }
}
