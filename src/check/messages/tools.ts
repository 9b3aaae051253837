/**
 * What the clerk tools say besides content problems (npm run new, import, check --village, report,
 * and the timeliness lines of /compliance/): usage, refusals, summaries. Chinese first, English
 * beside it; the command tests (test/unit/*-command.test.ts) pin each one.
 */
import { defineToolTexts, s, type Param } from './define.ts';

/**
 * Chinese names of the fields `npm run new` leaves to fill in, by field name (the last key of the path),
 * for the compact list of placeholders. A field not listed is shown by its own name.
 */
export const PLACEHOLDER_FIELD_ZH: Record<string, string> = {
  '正文 body': '正文',
  publishedAt: '公布日期',
  postedUntil: '张贴截止日期',
  reviewedAt: '审核日期',
  opinion: '审核意见',
  meeting: '审定会议',
  content: '公开内容',
  income: '收入合计',
  expense: '支出合计',
  openingBalance: '上期结余',
  closingBalance: '本期结余',
  responsible: '负责人',
  preparer: '编制人',
  reviewer: '审核人',
  category: '科目',
  id: '编号',
  name: '名称',
  team: '服务队',
};

export const TOOL_MESSAGES = defineToolTexts({
  // ── the last line of every problem list (npm run check, build, import) ─
  'check.failed': (p: { errors: number; warnings: number }) => ({
    zh: `共 ${p.errors} 个错误、${p.warnings} 个提醒，请逐条修改后重新检查。`,
    en: `${p.errors} error(s), ${p.warnings} warning(s): fix each and check again.`,
  }),
  'check.passed': (p: { warnings: number }) => ({
    zh: `检查通过${p.warnings ? `（${p.warnings} 个提醒）` : ''}。`,
    en: `Content OK${p.warnings ? ` (${p.warnings} warning(s))` : ''}.`,
  }),
  // The line of a field, beside its path: 字段 field: closingBalance（第96行 line 96）.
  'check.line': (p: { line: number }) => ({ zh: `第${p.line}行`, en: `line ${p.line}` }),
  // Heading of a file's compact list of 〔待填〕 placeholders, one line each (file:line  字段（提示）).
  'check.todo-heading': (p: { count: number }) => ({ zh: `待填 ${p.count} 处`, en: `${p.count} place(s) to fill in` }),
  // Once, under all the lists: how to fill a placeholder in, instead of a block per placeholder.
  'check.todo': (p: { count: number; files: number }) => ({
    zh: `还有 ${p.count} 处〔待填〕（${p.files} 个文件）：把整个〔待填…〕换成实际内容（连同〔〕一起删去）；本期没有的项目整行删去。已填完的文件照常检查。`,
    en: `${p.count} placeholder(s) in ${p.files} file(s) still to fill in: replace the whole 〔待填…〕 with the real value (brackets included), or delete the line if it does not apply this period. Files already filled in are checked in full.`,
  }),
  // ── npm run import ─────────────────────────────────────────────────────
  'import.usage': () => ({
    zh: '用法：npm run import -- <村文件夹名> <表格文件.xlsx 或 .csv> [--period 2025-q3] [--force]',
    en: 'Usage: npm run import -- <village-id> <file.xlsx|file.csv> [--period yyyy-qn|yyyy-mm] [--force]',
  }),
  'import.period-arg': (p: { value: Param }) => ({
    zh: `--period “${s(p.value)}”不是期间，应写成 2025-q3（季度）或 2025-07（月份）。`,
    en: `--period "${s(p.value)}" is not a period; write 2025-q3 (a quarter) or 2025-07 (a month).`,
  }),
  'import.not-found': (p: { file: Param }) => ({
    zh: `找不到文件“${s(p.file)}”。`,
    en: `The file "${s(p.file)}" was not found.`,
  }),
  'import.not-a-file': (p: { file: Param }) => ({
    zh: `“${s(p.file)}”不是文件（是文件夹或设备），没有读取。请给出表格文件本身，如 账目/2025年三季度.xlsx。`,
    en: `"${s(p.file)}" is not a file (it is a folder or a device); nothing was read. Give the spreadsheet file itself, e.g. 账目/2025年三季度.xlsx.`,
  }),
  'import.read': (p: { file: Param; kind: Param; sheet: Param; header: Param }) => ({
    zh: `读取 ${s(p.file)}（${s(p.kind)}，工作表“${s(p.sheet)}”，表头在第 ${s(p.header)} 行）：`,
    en: `Reading ${s(p.file)} (${s(p.kind)}, sheet "${s(p.sheet)}", header on row ${s(p.header)}):`,
  }),
  'import.refused': (p: { errors: Param }) => ({
    zh: `有 ${s(p.errors)} 处读不了，没有写入任何文件。改正表格后重新导入。`,
    en: `${s(p.errors)} problem(s) could not be read past; nothing was written. Fix the spreadsheet and import again.`,
  }),
  'import.written': (p: { file: Param; incomeCount: Param; income: Param; expenseCount: Param; expense: Param; opening: Param; closing: Param }) => ({
    zh: `已写入 ${s(p.file)}：收入 ${s(p.incomeCount)} 笔共 ${s(p.income)} 元，支出 ${s(p.expenseCount)} 笔共 ${s(p.expense)} 元，上期结余 ${s(p.opening)}，本期结余 ${s(p.closing)}。`,
    en: `Wrote ${s(p.file)}: ${s(p.incomeCount)} income entries totalling ${s(p.income)}, ${s(p.expenseCount)} expenses totalling ${s(p.expense)}; opening ${s(p.opening)}, closing ${s(p.closing)}.`,
  }),
  'import.signoff': (p: { row: Param; filled: Param }) => ({
    zh: `第 ${s(p.row)} 行是签字行，已填入账的签字栏：${s(p.filled)}。`,
    en: `Row ${s(p.row)} is the sign-off footer; filled into the ledger's sign-off: ${s(p.filled)}.`,
  }),
  'import.check': (p: { file: Param }) => ({
    zh: `导入后的检查（${s(p.file)}）：`,
    en: `Check of the imported ledger (${s(p.file)}):`,
  }),
  // ── compliance (npm run report, the /compliance/ page) ──────────────────
  'timeliness.on-time': (p: { publishedAt: Param; deadline: Param }) => ({
    zh: `按时公开（${s(p.publishedAt)} 公布，期限 ${s(p.deadline)}）`,
    en: `on time (published ${s(p.publishedAt)}, due ${s(p.deadline)})`,
  }),
  'timeliness.late': (p: { days: Param; publishedAt: Param; deadline: Param }) => ({
    zh: `逾期 ${s(p.days)} 天公开（${s(p.publishedAt)} 公布，期限 ${s(p.deadline)}）`,
    en: `published ${s(p.days)} days late (published ${s(p.publishedAt)}, due ${s(p.deadline)})`,
  }),
  // Without `days` (the public pages and data files): the deadline alone, true on every day until it is published.
  'timeliness.overdue': (p: { days?: Param; deadline: Param }) => ({
    zh: p.days === undefined ? `应于 ${s(p.deadline)} 前公开，至今没有` : `未公开，已逾期 ${s(p.days)} 天（期限 ${s(p.deadline)}）`,
    en: p.days === undefined ? `due by ${s(p.deadline)}, not published yet` : `not published, ${s(p.days)} days overdue (due ${s(p.deadline)})`,
  }),
  'timeliness.not-due': (p: { deadline: Param }) => ({
    zh: `尚未到期（期限 ${s(p.deadline)}）`,
    en: `not due yet (due ${s(p.deadline)})`,
  }),
  'report.title': (p: { county: Param; asOf: Param; profile: Param }) => ({
    zh: `${s(p.county)}村务公开合规情况（数据截至 ${s(p.asOf)}，公开规则：${s(p.profile)}）`,
    en: `Village disclosure compliance, ${s(p.county)} (as of ${s(p.asOf)}, rules: ${s(p.profile)})`,
  }),
  'report.all-ok': () => ({
    zh: '其余各项无问题',
    en: 'no problems in the other checks',
  }),
  'report.summary': (p: { period: Param; villages: Param; onTime: Param; late: Param; overdue: Param; withErrors: Param; periodKey: Param }) => ({
    zh: `${s(p.period)}：${s(p.villages)} 个村中，按时公开 ${s(p.onTime)} 个，逾期公开 ${s(p.late)} 个，未公开 ${s(p.overdue)} 个；有错误的村 ${s(p.withErrors)} 个。`,
    en: `${s(p.periodKey)}: of ${s(p.villages)} villages, ${s(p.onTime)} published on time, ${s(p.late)} late, ${s(p.overdue)} not at all; ${s(p.withErrors)} have content errors.`,
  }),
  'report.csv-written': (p: { file: Param; rows: Param }) => ({
    zh: `已写出 ${s(p.file)}（${s(p.rows)} 行，UTF-8 带 BOM，可直接用 Excel 或 WPS 打开）。`,
    en: `Wrote ${s(p.file)} (${s(p.rows)} rows, UTF-8 with BOM, opens directly in Excel or WPS).`,
  }),
  'report.county-problems': () => ({
    zh: '县级配置（site.yaml）的问题：',
    en: 'Problems in the county configuration (site.yaml):',
  }),
  // ── npm run check -- --village <id> ───────────────────────────────────
  'summary.title': (p: { name: Param; id: Param; asOf: Param }) => ({
    zh: `━━ ${s(p.name)}（${s(p.id)}）小结，数据截至 ${s(p.asOf)} ━━`,
    en: `━━ Summary for ${s(p.id)}, as of ${s(p.asOf)} ━━`,
  }),
  'summary.records': (p: { disclosures: Param; ledgers: Param; meetings: Param; notices: Param; volunteers: Param }) => ({
    zh: `记录：公开 ${s(p.disclosures)} 份，账 ${s(p.ledgers)} 期，会议记录 ${s(p.meetings)} 份，公示 ${s(p.notices)} 项，志愿服务 ${s(p.volunteers)} 期。`,
    en: `Records: ${s(p.disclosures)} disclosures, ${s(p.ledgers)} ledgers, ${s(p.meetings)} meeting minutes, ${s(p.notices)} notices, ${s(p.volunteers)} volunteer files.`,
  }),
  'summary.problems': (p: { errors: Param; warnings: Param }) => ({
    zh: `问题：${s(p.errors)} 个错误（要改正才能发布），${s(p.warnings)} 个提醒。`,
    en: `Problems: ${s(p.errors)} error(s) (must be fixed before publishing), ${s(p.warnings)} warning(s).`,
  }),
  'summary.overdue': (p: { what: Param; whatEn: Param }) => ({
    zh: `已逾期：${s(p.what)}。`,
    en: `Overdue: ${s(p.whatEn)}.`,
  }),
  'summary.next': (p: { period: Param; deadline: Param; days: Param; periodKey: Param }) => ({
    zh: `下一期：${s(p.period)}的村务公开和财务收支明细，最迟 ${s(p.deadline)} 公布（还有 ${s(p.days)} 天）。`,
    en: `Next: the ${s(p.periodKey)} disclosure and ledger, due by ${s(p.deadline)} (${s(p.days)} days left).`,
  }),
  'summary.catalogue': (p: { items: Param; codes: Param }) => ({
    zh: `  县公开目录本期要公开：${s(p.items)}`,
    en: `  The county catalogue expects: ${s(p.codes)}`,
  }),
  'summary.start': (p: { id: Param; periodKey: Param }) => ({
    zh: `  还没有开始：运行 npm run new -- ${s(p.id)} ${s(p.periodKey)} 生成本期文件。`,
    en: `  Not started: run npm run new -- ${s(p.id)} ${s(p.periodKey)} to create the files.`,
  }),
  'summary.started': (p: { files: Param }) => ({
    zh: `  已有本期文件：${s(p.files)}。`,
    en: `  Files of the period so far: ${s(p.files)}.`,
  }),
  'summary.notice': (p: { title: Param; end: Param; days: Param; id: Param }) => ({
    zh: `公示中：${s(p.title)}，到 ${s(p.end)} 结束（还有 ${s(p.days)} 天）。`,
    en: `Notice running: ${s(p.id)}, ends ${s(p.end)} (${s(p.days)} days left).`,
  }),
  // ── npm run new ────────────────────────────────────────────────────────
  'new.usage': () => ({
    zh: '用法：npm run new -- <村文件夹名> <年份-q季度>，例如 npm run new -- maqu 2025-q4',
    en: 'Usage: npm run new -- <village-id> <yyyy-qn>, e.g. npm run new -- maqu 2025-q4',
  }),
  'new.period': (p: { value: Param }) => ({
    zh: `“${s(p.value)}”不是季度，应写成 年份-q季度，如 2025-q4。`,
    en: `"${s(p.value)}" is not a quarter; write year-q<quarter>, e.g. 2025-q4.`,
  }),
  'tool.village': (p: { id: Param; ids: Param }) => ({
    zh: `没有村“${s(p.id)}”（content/villages/${s(p.id)}/village.yaml 不存在）。现有的村：${s(p.ids)}`,
    en: `There is no village "${s(p.id)}" (content/villages/${s(p.id)}/village.yaml does not exist). Villages: ${s(p.ids)}`,
  }),
  'tool.village-invalid': (p: { id: Param }) => ({
    zh: `${s(p.id)} 的 village.yaml 或县里的 site.yaml 有错误（见上），请先改正再运行。`,
    en: `${s(p.id)}'s village.yaml or the county's site.yaml has errors (above); fix them first, then run this again.`,
  }),
  'new.exists': (p: { files: Param }) => ({
    zh: `这些文件已经存在，为了不覆盖已写的内容，没有新建或改动任何文件：${s(p.files)}。如要重新生成，先把它们删除或改名。`,
    en: `These files already exist; to protect what is written there, nothing was created or changed: ${s(p.files)}. To start again, delete or rename them first.`,
  }),
  // monthly: the village keeps monthly ledgers, so the previous quarter's last month would do too.
  'new.no-previous-ledger': (p: { previous: Param; monthly?: boolean }) => ({
    zh: `没有找到通过检查的上一期账（${s(p.previous)}${p.monthly ? '（或其最后一个月）' : ''}），上期结余留作〔待填〕，请照抄上一期的本期结余。`,
    en: `No checked ledger for the previous period (${s(p.previous)}${p.monthly ? ' or its last month' : ''}); the opening balance is left as 〔待填〕: copy the previous closing balance.`,
  }),
  'new.created': (p: { village: Param; period: Param; periodEn: Param; id: Param }) => ({
    zh: `已为 ${s(p.village)} 新建 ${s(p.period)} 的文件：`,
    en: `Created the ${s(p.periodEn)} files for ${s(p.id)}:`,
  }),
  'new.next': (p: { id: Param; deadline: Param }) => ({
    zh: `下一步：把每个〔待填：…〕换成实际内容（npm run check -- --village ${s(p.id)} 会逐条列出还没填的地方）；本季度内容最迟 ${s(p.deadline)} 公布。`,
    en: `Next: replace every 〔待填：…〕 with the real content (npm run check -- --village ${s(p.id)} lists what is left); publish by ${s(p.deadline)}.`,
  }),
});
