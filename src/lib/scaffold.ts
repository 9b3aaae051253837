/**
 * The files `npm run new -- <village> <yyyy-qn>` writes for a clerk's next quarter: the 村务 (and
 * 党务, when the catalogue expects one) disclosure, the ledger (or three monthly ledgers) and the
 * volunteer file. What is known is filled in — the previous closing balance as the new opening
 * balance, the people who sign, the catalogue items due, rosters of volunteer teams — and everything
 * the clerk must supply is a 〔待填：hint〕 placeholder, which `npm run check` reports as "not filled
 * in yet". So a fresh scaffold fails the check only in obvious fill-me-in ways, and nothing invented
 * (a review, a total, a date) can be published by accident. Pure: returns paths and texts.
 */
import { stringify } from 'yaml';
import { getAccountingSystem } from '../law/accounting.ts';
import type { RuleProfile } from '../law/profiles.ts';
import { getExpectedItems, type CatalogueEntry } from './catalogue.ts';
import { formatYuan } from './money.ts';
import { periodKey, periodLabel, periodStart, type Period } from './period.ts';
import { placeholder } from './scaffold-marker.ts';
import { getPublicationDeadline } from './schedule.ts';

export interface ScaffoldPerson {
  name: string;
  role: string;
}

export interface ScaffoldSignoff {
  responsible: string;
  preparer: string;
  reviewer?: string | undefined;
}

export interface ScaffoldInput {
  villageName: string;
  quarter: Period & { kind: 'quarter' };
  catalogue: readonly CatalogueEntry[];
  profile: RuleProfile;
  /** Expenses above this (fen) need an approver and a resolution. */
  largeExpenseThresholdFen: number;
  /** Monthly ledgers (village financeCadence 每月 or a monthly province). */
  monthlyFinance: boolean;
  committee: readonly ScaffoldPerson[];
  supervisors: readonly ScaffoldPerson[];
  /** The ledger of the period just before, if it passed its own checks. */
  previousLedger?: {
    key: string;
    closingBalanceFen: number;
    entity?: string | undefined;
    signoff: ScaffoldSignoff;
    receivables: readonly { party: string; partyKind: string; amountFen: number; note?: string | undefined }[];
    payables: readonly { party: string; partyKind: string; amountFen: number; note?: string | undefined }[];
  };
  /** The latest earlier disclosure of each track, for its sign-off and channels. */
  previousDisclosures: Partial<Record<'党务' | '村务' | '财务', { signoff: ScaffoldSignoff; channels: readonly string[] }>>;
  /** The latest earlier volunteer file, for its teams and volunteers. */
  previousVolunteers?: {
    key: string;
    teams: readonly { id: string; name: string }[];
    volunteers: readonly { id: string; name: string; team: string; consent: boolean; registered: boolean }[];
  };
}

export interface ScaffoldFile {
  /** Path inside the village folder, e.g. finances/2025-q4.yaml. */
  path: string;
  text: string;
}

/** One YAML scalar, quoted only when it must be. */
function y(value: string | number | boolean): string {
  return stringify(value).trimEnd();
}

const TRACK_FILE: Record<'党务' | '村务' | '财务', string> = { 村务: '', 党务: '-dangwu', 财务: '-caiwu' };

function disclosureFile(
  input: ScaffoldInput,
  track: '党务' | '村务' | '财务',
  due: readonly CatalogueEntry[],
  ifHappened: readonly CatalogueEntry[],
): ScaffoldFile {
  const key = periodKey(input.quarter);
  const label = periodLabel(input.quarter);
  const deadline = getPublicationDeadline(input.quarter, input.profile);
  const prev = input.previousDisclosures[track] ?? input.previousDisclosures['村务'];
  const reviewRequired = track !== '党务';
  const responsible = prev?.signoff.responsible ?? input.committee[0]?.name;
  const supervisorNames = input.supervisors.map((s) => s.name).join('、');
  const lines = [
    '---',
    `# ${input.villageName}${label}${track}公开（npm run new 生成）`,
    '# 把每个〔待填：…〕换成实际内容（连同〔〕一起删去），再运行 npm run check 检查。',
    `# 期限：${input.profile.name}规定本季度内容最迟 ${deadline} 公布，在公开栏至少张贴 ${input.profile.minPostingDays} 天。`,
    `title: ${y(`${input.villageName}${label}${track}公开`)}`,
    `track: ${track}`,
    'items:',
    `  # 县公开目录本季度应公开的${track}项目；确实没有发生的，写明“本季度无”。`,
    ...due.flatMap((c) => [`  - code: ${c.code}`, `    title: ${y(c.title)}`, `    content: ${placeholder(`${c.title}的本季度情况`)}`]),
  ];
  if (ifHappened.length > 0) {
    lines.push(`  # 以下项目“随时”公开：本季度发生了就写上（删去行首的 #），没有发生就不写。`);
    for (const c of ifHappened) lines.push(`  # - code: ${c.code}`, `  #   title: ${c.title}`, '  #   content: （写明事项和结果）');
  }
  lines.push(
    'signoff:',
    `  responsible: ${responsible ? y(responsible) : placeholder('负责人姓名，通常是村委会主任')}`,
    `  preparer: ${prev ? y(prev.signoff.preparer) : placeholder('编制人姓名')}`,
  );
  if (reviewRequired) {
    lines.push(
      `  reviewer: ${prev?.signoff.reviewer ? y(prev.signoff.reviewer) : placeholder('审核人姓名')} # 村务监督委员会成员之一：${supervisorNames}`,
      `  reviewedAt: ${placeholder('审核日期 YYYY-MM-DD')}`,
      `  opinion: ${placeholder('同意、修改后同意 或 不同意')}`,
    );
  }
  lines.push(
    'approval:',
    `  meeting: ${placeholder('审定本公开的两委联席会议编号，即 meetings/ 里的文件名，如 2026-01-08-lianxi')}`,
    `publishedAt: ${placeholder(`公布日期 YYYY-MM-DD，最迟 ${deadline}`)}`,
    `postedUntil: ${placeholder(`在公开栏张贴到哪一天 YYYY-MM-DD，至少公布后 ${input.profile.minPostingDays} 天`)}`,
    `channels: [${(prev?.channels ?? ['公开栏', '网站']).join(', ')}]`,
    '---',
    '',
    placeholder(`本季度${track}情况说明，可写几段话；不需要说明就删去这一行`),
    '',
  );
  return { path: `disclosures/${key}${TRACK_FILE[track]}.md`, text: lines.join('\n') };
}

function ledgerFile(input: ScaffoldInput, period: Period, opening: string, openingNote: string): ScaffoldFile {
  const key = periodKey(period);
  const system = getAccountingSystem(periodStart(period));
  const prev = input.previousLedger;
  const balanceLines = (name: 'receivables' | 'payables', zh: string) => {
    const rows = prev?.[name] ?? [];
    if (rows.length === 0)
      return [
        `${name}: [] # ${zh}；有就按下面的格式写`,
        '#  - party: 单位或个人名称',
        '#    partyKind: 单位          # 单位 或 个人',
        '#    amount: 0.00',
        '#    note: 说明',
      ];
    return [
      `${name}: # ${zh}：照抄自 ${prev!.key}，已结清的删去，新增的补上`,
      ...rows.flatMap((r) => [
        `  - party: ${y(r.party)}`,
        `    partyKind: ${r.partyKind}`,
        `    amount: ${y(formatYuan(r.amountFen))}`,
        ...(r.note ? [`    note: ${y(r.note)}`] : []),
      ]),
    ];
  };
  const lines = [
    `# ${input.villageName}${periodLabel(period)}收支明细（金额单位：元；npm run new 生成）`,
    '# 收支明细可以手写，也可以从 Excel/WPS 导出的表格导入：npm run import -- <村> <文件.xlsx>',
    ...(input.previousLedger?.entity ? [`entity: ${y(input.previousLedger.entity)}`] : []),
    `openingBalance: ${opening}${openingNote ? ` # ${openingNote}` : ''}`,
    'income: []',
    '#  - date: YYYY-MM-DD',
    '#    voucher: 记-MM-001        # 凭证号，本期内不重复',
    `#    category: 补助收入        # 可用：${system?.income.join('、') ?? ''}`,
    '#    summary: 摘要',
    '#    amount: 0.00',
    '#    source: 资金来源（可省略）',
    'expense: []',
    '#  - date: YYYY-MM-DD',
    '#    voucher: 记-MM-002',
    `#    category: 管理费用        # 可用：${system?.expense.join('、') ?? ''}`,
    '#    summary: 摘要',
    '#    amount: 0.00',
    '#    handler: 经手人',
    `#    approver: 审批人          # 超过 ${formatYuan(input.largeExpenseThresholdFen)} 元的支出必填，`,
    '#    resolution: 决议会议编号   # 并写明通过该支出的村民（代表）会议，如 2025-07-22-daibiao',
    'totals:',
    `  income: ${placeholder('本期收入合计；没有收入写 0')}`,
    `  expense: ${placeholder('本期支出合计；没有支出写 0')}`,
    `closingBalance: ${placeholder('本期结余 = 上期结余 + 收入合计 − 支出合计')}`,
    ...balanceLines('receivables', '应收款'),
    ...balanceLines('payables', '应付款'),
    'signoff:',
    `  responsible: ${prev ? y(prev.signoff.responsible) : placeholder('负责人姓名')}`,
    `  preparer: ${prev ? y(prev.signoff.preparer) : placeholder('会计或报账员姓名')}`,
    `  reviewer: ${prev?.signoff.reviewer ? y(prev.signoff.reviewer) : placeholder('审核人姓名')} # 村务监督委员会成员之一：${input.supervisors.map((s) => s.name).join('、')}`,
    `  reviewedAt: ${placeholder('审核日期 YYYY-MM-DD')}`,
    `  opinion: ${placeholder('同意、修改后同意 或 不同意')}`,
    `publishedAt: ${placeholder('公布日期 YYYY-MM-DD')}`,
    '',
  ];
  return { path: `finances/${key}.yaml`, text: lines.join('\n') };
}

function volunteerFile(input: ScaffoldInput): ScaffoldFile {
  const key = periodKey(input.quarter);
  const prev = input.previousVolunteers;
  const lines = [`# ${input.villageName}${periodLabel(input.quarter)}志愿服务（npm run new 生成）`];
  if (prev) {
    lines.push(
      `# 服务队和志愿者照抄自 ${prev.key}；有变动就改。名字只在 consent: true（本人书面同意）时公开。`,
      'teams:',
      ...prev.teams.flatMap((t) => [`  - id: ${y(t.id)}`, `    name: ${y(t.name)}`]),
      'volunteers:',
      ...prev.volunteers.flatMap((v) => [
        `  - id: ${y(v.id)}`,
        `    name: ${y(v.name)}`,
        `    team: ${y(v.team)}`,
        `    consent: ${v.consent}`,
        `    registered: ${v.registered}`,
      ]),
    );
  } else {
    lines.push(
      'teams:',
      `  - id: ${placeholder('服务队编号，小写拼音，如 zhulao')}`,
      `    name: ${placeholder('服务队名称')}`,
      'volunteers:',
      `  - id: ${placeholder('志愿者编号，如 v01')}`,
      `    name: ${placeholder('姓名')}`,
      `    team: ${placeholder('服务队编号')}`,
      '    consent: false # 本人书面同意公开姓名才写 true',
      '    registered: false # 已在全国志愿服务信息系统注册写 true',
    );
  }
  lines.push(
    'activities: [] # 本季度的活动；没有活动就保持 []',
    '#  - date: YYYY-MM-DD',
    '#    type: 助老             # 助老、环境、文明实践、防汛、文化、其他',
    '#    title: 活动内容',
    '#    place: 公共场所，不写住户门牌',
    '#    team: 服务队编号',
    '#    participants: [{volunteer: v01, hours: 2}, {volunteer: v02, hours: 2.5}]',
    '',
  );
  return { path: `volunteers/${key}.yaml`, text: lines.join('\n') };
}

/** Every file of a new quarter, in a stable order. */
export function buildScaffold(input: ScaffoldInput): ScaffoldFile[] {
  const { due, ifHappened } = getExpectedItems(input.catalogue, input.quarter);
  const files: ScaffoldFile[] = [];
  for (const track of ['村务', '党务', '财务'] as const) {
    const trackDue = due.filter((c) => c.track === track && !c.ledger);
    if (track !== '村务' && trackDue.length === 0) continue;
    files.push(
      disclosureFile(
        input,
        track,
        trackDue,
        ifHappened.filter((c) => c.track === track && !c.ledger),
      ),
    );
  }
  const opening = input.previousLedger ? y(formatYuan(input.previousLedger.closingBalanceFen)) : placeholder('上期结余，照抄上一期账的本期结余');
  const openingNote = input.previousLedger ? `照抄 ${input.previousLedger.key} 的本期结余` : '';
  if (input.monthlyFinance) {
    const first = (input.quarter.quarter - 1) * 3 + 1;
    [0, 1, 2].forEach((i) => {
      const month: Period = { kind: 'month', year: input.quarter.year, month: first + i };
      files.push(i === 0 ? ledgerFile(input, month, opening, openingNote) : ledgerFile(input, month, placeholder('上期结余，照抄上个月账的本期结余'), ''));
    });
  } else files.push(ledgerFile(input, input.quarter, opening, openingNote));
  files.push(volunteerFile(input));
  return files;
}
