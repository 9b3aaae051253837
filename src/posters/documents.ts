/**
 * Builds the poster of every record from the checked county — the same records the web pages are
 * built from, so paper and web cannot disagree. Pure: no fonts, no drawing, no clock. The order is
 * fixed (village, then disclosures, finances, notices, meetings by file name), so builds are
 * deterministic.
 *
 * What paper shows and the web does not (domain-rules §4.2): a 公示 whose law requires names
 * (低保 household heads, 宅基地 applicants …) prints them in full, because the board is the legal
 * 公示; the web masks them (张*明), and such a poster is marked `personal` and never published
 * online. Private debtors and creditors in a ledger are masked on paper as on the web (no law
 * requires their names). No poster ever shows an ID, bank card or mobile number: the content
 * checker refuses them in content/ and the poster tests scan every poster text again.
 */
import type { County, DisclosureRec, LedgerRec, NoticeRec, VillageRecords } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { formatYuan } from '../lib/money.ts';
import { periodKey, periodLabel, periodStart, quarterOf } from '../lib/period.ts';
import { markdownToBlocks } from '../lib/plain-text.ts';
import { getContentFacts } from '../records/content.ts';
import { getIssuer } from '../records/context.ts';
import { getDisclosureFacts } from '../records/disclosure.ts';
import { getLedgerFacts } from '../records/ledger.ts';
import { getMeetingFacts, type MeetingRec } from '../records/meeting.ts';
import { getNoticeFacts } from '../records/notice.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, recordUrl, type RecordTypeName } from '../records/registry.ts';
import type { Block, PosterDoc, PosterKind } from './doc.ts';
import { chineseNumeral } from '../lib/chinese-numeral.ts';
import { describeCorrection } from '../records/disclosure.ts';

export { chineseNumeral };

/** 2025-07-08 → 7月8日 (the year is the poster's period). */
function shortDateZh(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function postingFrom(from: string, minDays: number): string {
  return `张贴期：${formatDateZh(from)}起，不少于${minDays}天`;
}

function signoffRows(
  s: { responsible: string; preparer: string; reviewer?: string | undefined; reviewedAt?: string | undefined; opinion?: string | undefined },
  preparerLabel: string,
  publishedAt: string,
  phone: string,
) {
  const review = s.reviewer
    ? [
        { label: '村务监督委员会审核意见', value: `${s.opinion ?? ''}${s.reviewedAt ? `（${formatDateZh(s.reviewedAt)}）` : ''}` },
        { label: '审核人', value: s.reviewer, sign: true },
      ]
    : [{ label: '审定', value: '党务公开，由村党组织审定' }];
  return [
    [
      { label: '负责人', value: s.responsible, sign: true },
      { label: preparerLabel, value: s.preparer, sign: true },
    ],
    review,
    [
      { label: '公开日期', value: formatDateZh(publishedAt) },
      { label: '监督电话', value: phone },
    ],
  ];
}

/**
 * A record's 核对码 where the build already derived it (the publication log's plan holds every logged
 * record's digest: plan.ts `getLoggedFingerprints`), or undefined: the poster then derives it from the
 * record's content (src/records/content.ts), as without a build.
 */
export type KnownFingerprints = (kind: RecordTypeName, id: string) => string | undefined;

// ── 季度公开 (村务 / 党务 / 财务 items) ─────────────────────────────────────

function disclosureDoc(county: County, v: VillageRecords, d: DisclosureRec, docOf: (id: string) => PosterDoc, known?: KnownFingerprints): PosterDoc {
  const x = d.data;
  const phone = x.objectionPhone ?? v.data.phone;
  const blocks: Block[] = [];
  let version = 1;
  let corrects: PosterDoc['corrects'];
  if (x.supersedes) {
    const orig = v.disclosures.find((o) => o.id === x.supersedes)!;
    const origDoc = docOf(orig.id);
    version = origDoc.version + 1;
    corrects = { posterId: origDoc.id, fingerprint: origDoc.fingerprint, version: origDoc.version };
    blocks.push({
      kind: 'callout',
      title: `更正版（第${version}版）`,
      lines: [
        `本公开更正${formatDateZh(orig.data.publishedAt)}张贴的第${origDoc.version}版（核对码 ${origDoc.fingerprint}），请以本版为准。`,
        `更正原因：${x.correctionReason ?? ''}`,
        ...describeCorrection(orig, d).map((l) => `更正内容：${l}`),
      ],
    });
  }
  const { approval } = getDisclosureFacts(d, v);
  // The period and posting dates are in every sheet's header; the facts add what the header lacks.
  blocks.push({
    kind: 'facts',
    rows: [
      { label: '公开类别', value: `${x.track}公开` },
      ...(approval ? [{ label: '审定会议', value: `${formatDateZh(approval.date)}${approval.title}` }] : []),
    ],
  });
  blocks.push({ kind: 'heading', text: '公开事项' });
  x.items.forEach((it, i) => {
    blocks.push({ kind: 'paragraph', text: `${chineseNumeral(i + 1)}、${it.title}（${it.code}）`, bold: true });
    blocks.push({ kind: 'paragraph', text: it.content });
  });
  const body = markdownToBlocks(d.body);
  if (body.length > 0) {
    blocks.push({ kind: 'heading', text: '说明' });
    for (const b of body) blocks.push(b.kind === 'heading' ? { kind: 'paragraph', text: b.text, bold: true } : { kind: 'paragraph', text: b.text });
  }
  const askWho = x.track === '党务' ? '村党组织' : '村务监督委员会';
  blocks.push({ kind: 'paragraph', text: `对以上公开内容如有疑问，请在张贴期间向${askWho}反映，或拨打监督电话 ${phone}。`, keepWithNext: true });
  blocks.push({ kind: 'signoff', rows: signoffRows(x.signoff, '经办人', x.publishedAt, phone) });
  // Issuing body and date at the foot, as on 公示 and 决议 posters: the seal goes over this line.
  blocks.push({ kind: 'paragraph', text: `${x.track === '党务' ? `${v.data.name}党支部` : getIssuer(v)}　${formatDateZh(x.publishedAt)}`, align: 'right' });
  return {
    id: `disclosure-${d.id}`,
    kind: 'disclosure',
    kindZh: `${x.track}公开`,
    village: { id: v.id, name: v.data.name, township: v.data.township },
    record: { folder: 'disclosures', id: d.id, file: d.file },
    url: recordUrl(county.site.baseUrl, 'disclosure', v.id, d.id),
    quarter: periodKey(d.period),
    periodZh: periodLabel(d.period),
    title: x.title,
    postingZh: `张贴期：${formatDateZh(x.publishedAt)}至${formatDateZh(x.postedUntil)}`,
    publishedAt: x.publishedAt,
    version,
    ...(corrects ? { corrects } : {}),
    phone,
    hotline: county.site.hotline,
    personal: false,
    blocks,
    // The 核对码 comes from the record's data, never from this poster: new wording leaves it as it is.
    fingerprint: known?.('disclosure', d.id) ?? getContentFacts({ kind: 'disclosure', rec: d }, v).fingerprint,
  };
}

// ── 财务收支公开表 ─────────────────────────────────────────────────────────

function ledgerDoc(county: County, v: VillageRecords, l: LedgerRec, known?: KnownFingerprints): PosterDoc {
  const x = l.data;
  const f = getLedgerFacts(l, v);
  const minDays = county.profile.minPostingDays;
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        { label: '核算单位', value: f.entity },
        { label: '金额单位', value: '元' },
      ],
    },
    { kind: 'heading', text: '一、收支汇总' },
    {
      kind: 'summary',
      cells: [
        { label: '上期结余', value: formatYuan(x.openingBalance) },
        { label: '本期收入合计', value: formatYuan(x.totals.income) },
        { label: '本期支出合计', value: formatYuan(x.totals.expense) },
        { label: '本期结余', value: formatYuan(x.closingBalance) },
      ],
    },
    {
      kind: 'paragraph',
      text: `上期结余 ${formatYuan(x.openingBalance)} + 本期收入 ${formatYuan(x.totals.income)} − 本期支出 ${formatYuan(x.totals.expense)} = 本期结余 ${formatYuan(x.closingBalance)}（元），已逐笔核对。`,
    },
    { kind: 'heading', text: '二、收入明细' },
  ];
  if (x.income.length === 0) blocks.push({ kind: 'paragraph', text: '本期无收入。' });
  else
    blocks.push({
      kind: 'table',
      caption: `${periodLabel(l.period)}收入明细（单位：元）`,
      columns: [
        { label: '序号', align: 'center', wrap: false },
        { label: '日期', align: 'left', wrap: false },
        { label: '凭证号', align: 'left', wrap: false },
        { label: '摘要', align: 'left', wrap: true, weight: 5 },
        { label: '收入科目', align: 'left', wrap: false },
        { label: '金额', align: 'right', wrap: false },
        { label: '资金来源', align: 'left', wrap: true, weight: 2 },
      ],
      rows: x.income.map((e, i) => [String(i + 1), shortDateZh(e.date), e.voucher, e.summary, e.category, formatYuan(e.amount), e.source ?? '']),
      total: { label: '本期收入合计', value: formatYuan(x.totals.income), column: 5 },
    });
  blocks.push({ kind: 'heading', text: '三、支出明细' });
  if (x.expense.length === 0) blocks.push({ kind: 'paragraph', text: '本期无支出。' });
  else
    blocks.push({
      kind: 'table',
      caption: `${periodLabel(l.period)}支出明细（单位：元）`,
      columns: [
        { label: '序号', align: 'center', wrap: false },
        { label: '日期', align: 'left', wrap: false },
        { label: '凭证号', align: 'left', wrap: false },
        { label: '摘要', align: 'left', wrap: true, weight: 5 },
        { label: '支出科目', align: 'left', wrap: false },
        { label: '金额', align: 'right', wrap: false },
        { label: '经手人', align: 'left', wrap: false },
        { label: '审批人', align: 'left', wrap: false },
      ],
      rows: x.expense.map((e, i) => {
        const m = f.expenseBasis[i];
        const basis = m ? `（依据${formatDateZh(m.date)}${m.body}决议）` : '';
        return [
          String(i + 1),
          shortDateZh(e.date),
          e.voucher,
          `${e.summary}${basis}`,
          e.category,
          formatYuan(e.amount),
          f.expensePeople[i]?.handler ?? '',
          f.expensePeople[i]?.approver ?? '',
        ];
      }),
      total: { label: '本期支出合计', value: formatYuan(x.totals.expense), column: 5 },
    });
  blocks.push({ kind: 'heading', text: '四、债权债务' });
  const debts = [...f.receivables.map((r) => ({ ...r, side: '应收款' })), ...f.payables.map((r) => ({ ...r, side: '应付款' }))];
  if (debts.length === 0) blocks.push({ kind: 'paragraph', text: '本期无应收、应付款项。' });
  else
    blocks.push({
      kind: 'table',
      caption: '应收款与应付款（单位：元）',
      columns: [
        { label: '类别', align: 'left', wrap: false },
        { label: '单位或个人', align: 'left', wrap: true, weight: 3 },
        { label: '金额', align: 'right', wrap: false },
        { label: '说明', align: 'left', wrap: true, weight: 4 },
      ],
      rows: debts.map((r) => [r.side, r.party, formatYuan(r.amount), r.note]),
    });
  blocks.push({ kind: 'signoff', rows: signoffRows(x.signoff, '会计（报账员）', x.publishedAt, v.data.phone) });
  blocks.push({ kind: 'paragraph', text: `${getIssuer(v)}　${formatDateZh(x.publishedAt)}`, align: 'right' });
  return {
    id: `finance-${l.id}`,
    kind: 'finance',
    kindZh: '财务公开',
    village: { id: v.id, name: v.data.name, township: v.data.township },
    record: { folder: 'finances', id: l.id, file: l.file },
    url: recordUrl(county.site.baseUrl, 'ledger', v.id, l.id),
    quarter: periodKey(quarterOf(periodStart(l.period))),
    periodZh: periodLabel(l.period),
    title: `${v.data.name}${periodLabel(l.period)}财务收支公开表`,
    postingZh: postingFrom(x.publishedAt, minDays),
    publishedAt: x.publishedAt,
    version: 1,
    phone: v.data.phone,
    hotline: county.site.hotline,
    personal: false,
    blocks,
    fingerprint: known?.('ledger', l.id) ?? getContentFacts({ kind: 'ledger', rec: l }, v).fingerprint,
  };
}

// ── 公示 ──────────────────────────────────────────────────────────────────

/** Short values that never need to wrap. */
const SHORT = new Set(['gender', 'birthMonth', 'group']);
/** Share of the free width for long text columns. */
const WEIGHT: Readonly<Record<string, number>> = { reason: 3, note: 3, plot: 2, name: 1.2 };

function noticeDoc(county: County, v: VillageRecords, n: NoticeRec, known?: KnownFingerprints): PosterDoc {
  const x = n.data;
  const f = getNoticeFacts(n, v, county);
  const period = x.longTerm
    ? `自${formatDateZh(x.startDate)}起长期公示`
    : `${formatDateZh(x.startDate)}起${x.duration.days}${f.unitZh}，至${formatDateZh(n.endDate)}止`;
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [{ label: '公示类型', value: x.type }, { label: '公示期', value: period }, ...(x.legalBasis ? [{ label: '依据', value: x.legalBasis }] : [])],
    },
  ];
  for (const b of markdownToBlocks(n.body))
    blocks.push(b.kind === 'heading' ? { kind: 'paragraph', text: b.text, bold: true } : { kind: 'paragraph', text: b.text });
  if (x.subjects.length > 0) {
    blocks.push({
      kind: 'table',
      caption: `公示名单（共${x.subjects.length}项）`,
      columns: [
        { label: '序号', align: 'center', wrap: false },
        ...f.columns.map((c) => ({
          label: c.label,
          align: c.numeric ? ('right' as const) : ('left' as const),
          wrap: !c.numeric && !SHORT.has(c.key),
          weight: WEIGHT[c.key] ?? 1,
        })),
      ],
      rows: f.rows.map((row, i) => [String(i + 1), ...row]),
    });
  }
  blocks.push({
    kind: 'callout',
    title: '如有异议',
    lines: [
      `请在公示期内向${x.objection.to}反映${x.objection.place ? `（地点：${x.objection.place}）` : ''}，电话 ${x.objection.phone}。反映人信息将予以保密。`,
    ],
  });
  blocks.push({ kind: 'paragraph', text: `${f.issuer}　${formatDateZh(x.startDate)}`, align: 'right' });
  return {
    id: `notice-${n.id}`,
    kind: 'notice',
    kindZh: '公示',
    village: { id: v.id, name: v.data.name, township: v.data.township },
    record: { folder: 'notices', id: n.id, file: n.file },
    url: recordUrl(county.site.baseUrl, 'notice', v.id, n.id),
    quarter: periodKey(quarterOf(x.startDate)),
    periodZh: periodLabel(quarterOf(x.startDate)),
    title: x.title,
    postingZh: x.longTerm ? `公示期：自${formatDateZh(x.startDate)}起长期公示` : `公示期：${formatDateZh(x.startDate)}至${formatDateZh(n.endDate)}`,
    publishedAt: x.startDate,
    version: 1,
    phone: x.objection.phone,
    hotline: county.site.hotline,
    personal: f.namesPersons,
    blocks,
    fingerprint: known?.('notice', n.id) ?? getContentFacts({ kind: 'notice', rec: n }, v).fingerprint,
  };
}

// ── 决议公开 ─────────────────────────────────────────────────────────────

function resolutionDoc(county: County, v: VillageRecords, m: MeetingRec, known?: KnownFingerprints): PosterDoc {
  const x = m.data;
  const f = getMeetingFacts(m, v, county);
  const q = f.quorum;
  const consultative = f.consultative;
  const minDays = county.profile.minPostingDays;
  const attendance = `应到${x.eligible}人，实到${x.present}人${x.households ? `；应到${x.households.eligible}户，实到${x.households.present}户` : ''}`;
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        { label: '会议', value: x.title },
        { label: '时间', value: formatDateZh(x.date) },
        { label: '地点', value: x.location },
        { label: '主持人', value: x.host },
        { label: '到会情况', value: `${attendance}。${q.met ? '' : '未达法定人数：'}${q.zh}` },
      ],
    },
    { kind: 'heading', text: consultative ? '协商结果' : '表决结果' },
  ];
  if (consultative) {
    blocks.push({
      kind: 'table',
      caption: '协商事项及结果',
      columns: [
        { label: '序号', align: 'center', wrap: false },
        { label: '事项', align: 'left', wrap: true, weight: 2 },
        { label: '协商结果', align: 'left', wrap: true, weight: 3 },
      ],
      rows: x.resolutions.map((r, i) => [String(i + 1), r.title, r.result ?? '']),
    });
  } else {
    blocks.push({
      kind: 'table',
      caption: '各项决议的表决结果（结果由票数依规则计算）',
      columns: [
        { label: '序号', align: 'center', wrap: false },
        { label: '决议事项', align: 'left', wrap: true, weight: 1 },
        { label: '赞成', align: 'right', wrap: false },
        { label: '反对', align: 'right', wrap: false },
        { label: '弃权', align: 'right', wrap: false },
        { label: '结果', align: 'center', wrap: false },
      ],
      rows: x.resolutions.map((r, i) => [
        String(i + 1),
        r.title,
        String(r.votes?.yes ?? ''),
        String(r.votes?.no ?? ''),
        String(r.votes?.abstain ?? ''),
        f.outcomes[i]!,
      ]),
    });
    if (f.passRule) blocks.push({ kind: 'paragraph', text: `表决规则：${f.passRule.zh}（${f.source}）。` });
  }
  const chain = f.chain;
  if (chain) {
    blocks.push({ kind: 'heading', text: '“四议两公开”程序' });
    blocks.push({
      kind: 'facts',
      rows: chain.steps.map((s) => ({ label: s.zh, value: s.meeting ? `${formatDateZh(s.meeting.date)}${s.meeting.title}` : '尚无记录' })),
    });
  }
  blocks.push({ kind: 'paragraph', text: `会议记录全文请扫描下方二维码在网上查看。对${consultative ? '协商结果' : '决议'}有疑问，请向村务监督委员会反映。` });
  blocks.push({ kind: 'paragraph', text: `${f.issuer}　${x.publishedAt ? formatDateZh(x.publishedAt) : '　　年　　月　　日'}`, align: 'right' });
  return {
    id: `resolution-${m.id}`,
    kind: 'resolution',
    kindZh: consultative ? '协商结果公开' : '决议公开',
    village: { id: v.id, name: v.data.name, township: v.data.township },
    record: { folder: 'meetings', id: m.id, file: m.file },
    url: recordUrl(county.site.baseUrl, 'meeting', v.id, m.id),
    quarter: periodKey(quarterOf(x.date)),
    periodZh: periodLabel(quarterOf(x.date)),
    title: `${v.data.name}${x.body}${consultative ? '协商结果公开' : '决议公开'}`,
    postingZh: x.publishedAt ? postingFrom(x.publishedAt, minDays) : `张贴期：　　年　　月　　日起（张贴时填写），不少于${minDays}天`,
    ...(x.publishedAt ? { publishedAt: x.publishedAt } : {}),
    version: 1,
    phone: v.data.phone,
    hotline: county.site.hotline,
    personal: false,
    blocks,
    fingerprint: known?.('meeting', m.id) ?? getContentFacts({ kind: 'meeting', rec: m }, v).fingerprint,
  };
}

/** Every poster of one village, in a fixed order; `known`: the 核对码 the build already derived. */
export function buildVillagePosterDocs(county: County, v: VillageRecords, known?: KnownFingerprints): PosterDoc[] {
  const byDisclosure = new Map<string, PosterDoc>();
  const docOf = (id: string): PosterDoc => {
    let doc = byDisclosure.get(id);
    if (!doc) {
      doc = disclosureDoc(
        county,
        v,
        v.disclosures.find((d) => d.id === id)!,
        docOf,
        known,
      );
      byDisclosure.set(id, doc);
    }
    return doc;
  };
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [
    ...[...v.disclosures].sort(byId).map((d) => docOf(d.id)),
    ...[...v.ledgers].sort(byId).map((l) => ledgerDoc(county, v, l, known)),
    ...[...v.notices].sort(byId).map((n) => noticeDoc(county, v, n, known)),
    ...[...v.meetings]
      .sort(byId)
      .filter((m) => getMeetingFacts(m, v, county).posted)
      .map((m) => resolutionDoc(county, v, m, known)),
  ];
}

/** Every poster of the county. */
export function buildPosterDocs(county: County): PosterDoc[] {
  return county.villages.flatMap((v) => buildVillagePosterDocs(county, v));
}

/** The poster kind printed from a record folder. */
export const KIND_OF_FOLDER = Object.fromEntries(
  RECORD_TYPE_NAMES.flatMap((t) => {
    const r = RECORD_TYPES[t];
    return 'poster' in r ? [[r.folder, r.poster]] : [];
  }),
) as Readonly<Record<PosterDoc['record']['folder'], PosterKind>>;
