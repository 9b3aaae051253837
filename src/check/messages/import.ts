/**
 * What `npm run import` says about a spreadsheet it reads: one message per row it could not read
 * (named by the row number the clerk sees in Excel/WPS) or about the whole file. Each code has a
 * sample spreadsheet under test/fixtures/spreadsheets/ and a test that pins its text.
 */
import type { MoneyParseError } from '../../lib/money.ts';
import { defineMessages, s, type Param } from './define.ts';

/** Amount columns of a sheet in Chinese (the English is the key itself). */
const COLUMN_ZH = { income: '收入', expense: '支出', amount: '金额' } as const;
/** Larger units amounts may be written in (AMOUNT_UNITS in src/lib/ledger-import.ts). */
type AmountUnit = '万元' | '千元';
/** Yuan in one of each. */
const UNIT_YUAN: Record<AmountUnit, string> = { 万元: '10,000', 千元: '1,000' };
/** Why an amount cell cannot be read, after the cell's value. */
const MONEY_REASON: Record<MoneyParseError, { zh: string; en: string }> = {
  format: { zh: '不是金额', en: 'is not an amount' },
  decimals: { zh: '小数超过两位（分以下）', en: 'has more than two decimals' },
  negative: { zh: '是负数（红字）', en: 'is negative (a red-ink reversal)' },
  'too-large': { zh: '大得不合理', en: 'is implausibly large' },
  empty: { zh: '为空', en: 'is empty' },
};

export const IMPORT_MESSAGES = defineMessages({
  'import.file-type': (p: { name: Param; ext: Param }) => ({
    zh: `“${s(p.name)}”不是能导入的表格文件（扩展名 ${s(p.ext)}）。`,
    en: `"${s(p.name)}" is not a spreadsheet that can be imported (extension ${s(p.ext)}).`,
    expectedZh: 'Excel 或 WPS 表格（.xlsx），或 CSV 文件（.csv）',
    expectedEn: 'an Excel or WPS workbook (.xlsx) or a CSV file (.csv)',
    fixZh: '在 Excel 或 WPS 里打开，“另存为”Excel 工作簿（*.xlsx）或 CSV，再导入另存的文件。',
    fixEn: 'Open it in Excel or WPS, "Save as" an Excel workbook (*.xlsx) or CSV, and import that file.',
  }),
  'import.encrypted': (p: { name: Param }) => ({
    zh: `“${s(p.name)}”设了打开密码（已加密），无法读取。`,
    en: `"${s(p.name)}" is protected with a password to open (encrypted) and cannot be read.`,
    expectedZh: '没有打开密码的 .xlsx 或 .csv 文件',
    expectedEn: 'an .xlsx or .csv file with no password to open',
    fixZh: '用 Excel 或 WPS 输入密码打开，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”（WPS：“文件 → 文档加密”）里清空密码，“另存为”新文件再导入。',
    fixEn:
      'Open it with its password in Excel or WPS, clear the password (File → Info → Protect Workbook → Encrypt with Password; WPS: File → Document encryption), save as a new file and import that.',
  }),
  'import.xls': (p: { name: Param; /** What the file really is: old binary Excel/WPS, or a web page named .xls. */ format?: 'binary' | 'web-page' }) => ({
    zh:
      p.format === 'web-page'
        ? `“${s(p.name)}”其实是网页（HTML）格式，只是扩展名为 .xls（网上的系统常这样导出“Excel”），无法直接读取。`
        : `“${s(p.name)}”是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，无法直接读取。`,
    en:
      p.format === 'web-page'
        ? `"${s(p.name)}" is really a web page (HTML) with an .xls name (as online systems often export "Excel"), which cannot be read directly.`
        : `"${s(p.name)}" is in the old Excel 97-2003 (.xls) or WPS (.et) format, which cannot be read directly.`,
    expectedZh: '.xlsx 或 .csv 文件',
    expectedEn: 'an .xlsx or .csv file',
    fixZh:
      '用 WPS 或 Excel 打开它，另存为 .xlsx，再导入另存的新文件（只改扩展名没有用）。WPS：点左上角“文件”→“另存为”，“文件类型”选“Microsoft Excel 文件(*.xlsx)”，点“保存”。Excel：“文件”→“另存为”→“浏览”，“保存类型”选“Excel 工作簿(*.xlsx)”，点“保存”。',
    fixEn:
      'Open it in WPS or Excel, save it as .xlsx and import the new file (renaming it is not enough). WPS: File (top left) → Save As, "File type" Microsoft Excel 文件(*.xlsx), Save. Excel: File → Save As → Browse, "Save as type" Excel Workbook (*.xlsx), Save.',
  }),
  'import.unreadable': (p: { detail: Param }) => ({
    zh: `文件打不开，可能已损坏，或者不是表格（${s(p.detail)}）。`,
    en: `The file cannot be opened; it may be damaged or not a spreadsheet (${s(p.detail)}).`,
    fixZh: '用 Excel 或 WPS 打开，确认内容正常后“另存为” .xlsx，再导入另存的文件。',
    fixEn: 'Open it in Excel or WPS, check it looks right, "Save as" .xlsx and import that file.',
  }),
  'import.too-large': (p: { name: Param; size: Param; limit: Param }) => ({
    zh: `“${s(p.name)}”太大（${s(p.size)}），超过了 ${s(p.limit)}，为了不把电脑内存用尽，没有读取。`,
    en: `"${s(p.name)}" is too large (${s(p.size)}, over ${s(p.limit)}); it was not read, so as not to exhaust the memory.`,
    expectedZh: '一期的账目表，通常不到 1 MB',
    expectedEn: "one period's ledger, usually under 1 MB",
    fixZh: '只保留这一期的明细：删去其他工作表和明细下面的空行（按 Ctrl+End 看表格到哪里为止，选中下面所有空行删除），“另存为”新的 .xlsx 或 .csv 再导入。',
    fixEn:
      "Keep only this period's entries: delete other sheets and the empty rows below the entries (Ctrl+End shows where the sheet ends; select all rows below and delete them), save as a new .xlsx or .csv and import that.",
  }),
  'import.hidden-row': () => ({
    zh: '这一行在表格里是隐藏的，但它是一笔明细，已经导入账目。',
    en: 'This row is hidden in the spreadsheet, but it is an entry and has been imported into the ledger.',
    fixZh: '隐藏的行不打印，但会公开。如果这笔账不该公开（比如作废的草稿），从表格里删去这一行后重新导入（加 --force）。',
    fixEn: 'Hidden rows are not printed but are published. If the entry should not be (a cancelled draft), delete the row and import again with --force.',
  }),
  'import.hidden-sheet': (p: { sheet: Param }) => ({
    zh: `工作表“${s(p.sheet)}”是隐藏的，没有导入。`,
    en: `The sheet "${s(p.sheet)}" is hidden and was not imported.`,
    fixZh: '如果要导入的正是这张表，在 Excel 或 WPS 里右击工作表标签，选“取消隐藏”，保存后再导入；否则不用管。',
    fixEn: 'If this is the sheet to import, right-click a sheet tab in Excel or WPS, choose "Unhide", save and import again; otherwise ignore this.',
  }),
  'import.no-header': (p: { names: Param }) => ({
    zh: '找不到表头：前 25 行里没有一行同时写着“日期”（或“月”“日”）、“摘要”和金额栏。',
    en: 'No header row found: none of the first 25 rows names a date column, 摘要 (summary) and an amount column.',
    expectedZh: `表头包含：${s(p.names)}`,
    expectedEn: `a header row with: ${s(p.names)}`,
    fixZh: '在明细上面加一行表头，栏名照上面写；也检查一下是否选错了工作表（导入读第一个有表头的工作表）。',
    fixEn: 'Add a header row above the entries using those names; also check the right sheet is first (the import reads the first sheet with a header).',
  }),
  'import.no-rows': (p: { header: Param }) => ({
    zh: `表头（第 ${s(p.header)} 行）下面没有收支明细。`,
    en: `There are no entries below the header (row ${s(p.header)}).`,
    fixZh: '检查表格是否是空的，或明细是否放在了别的工作表。',
    fixEn: 'Check whether the sheet is empty or the entries are on another sheet.',
  }),
  'import.date': (p: { value: Param }) => ({
    zh: `日期“${s(p.value)}”无法识别。`,
    en: `The date "${s(p.value)}" cannot be read.`,
    expectedZh: '2025-07-08、2025/7/8、2025年7月8日 或 Excel 的日期格式；表中只有月、日时，用 --period 2025-q3 指明年份',
    expectedEn: '2025-07-08, 2025/7/8, 2025年7月8日 or an Excel date; with only month and day, give the year with --period 2025-q3',
    fixZh: '改正这一行的日期后重新导入。',
    fixEn: "Correct this row's date and import again.",
  }),
  'import.date-outside': (p: { date: Param; period: Param }) => ({
    zh: `日期 ${s(p.date)} 不在要导入的期间 ${s(p.period)} 内。`,
    en: `The date ${s(p.date)} is outside the period being imported, ${s(p.period)}.`,
    fixZh: '这一行属于别的期间：从表中删去，另行导入那一期；如果 --period 写错了，改正后重新导入。',
    fixEn: 'This row belongs to another period: remove it and import that period separately; if --period is wrong, correct it.',
  }),
  'import.period-mixed': (p: { periods: Param }) => ({
    zh: `表中的日期跨了几个季度（${s(p.periods)}），不知道该写进哪一期的账。`,
    en: `The dates span several quarters (${s(p.periods)}); it is unclear which period's ledger they belong to.`,
    fixZh: '每期一张表：把表按季度拆开，每次导入一个季度（可用 --period 2025-q3 指明）。',
    fixEn: 'One sheet per period: split the sheet by quarter and import one quarter at a time (you can name it with --period 2025-q3).',
  }),
  'import.monthly': (p: { months: Param }) => ({
    zh: `本村按月记账，但表中的日期跨了几个月（${s(p.months)}）。`,
    en: `This village keeps monthly ledgers, but the dates span several months (${s(p.months)}).`,
    fixZh: '每月导入一次，用 --period 指明月份，如 --period 2025-07（其他月份的行要从表中删去）。',
    fixEn: 'Import one month at a time with --period, e.g. --period 2025-07 (remove the rows of other months).',
  }),
  'import.amount': (p: { column: 'income' | 'expense' | 'amount'; value: Param; reason: MoneyParseError }) => ({
    zh: `${COLUMN_ZH[p.column]}“${s(p.value)}”${MONEY_REASON[p.reason].zh}。`,
    en: `The ${p.column} "${s(p.value)}" ${MONEY_REASON[p.reason].en}.`,
    expectedZh: '以元为单位的正数，如 1234.56 或 1,234.56，最多两位小数',
    expectedEn: 'a positive amount in yuan, e.g. 1234.56 or 1,234.56, at most two decimals',
    fixZh: '改正金额；红字冲销不要写负数，而是在另一栏记一笔正数。',
    fixEn: 'Correct the amount; record a red-ink reversal as a positive amount on the other side, not a negative one.',
  }),
  'import.amount-unit': (p: { column: 'income' | 'expense' | 'amount'; value: Param; unit: AmountUnit; yuan: Param }) => ({
    zh: `${COLUMN_ZH[p.column]}“${s(p.value)}”（${p.unit}）换算成元是 ${s(p.yuan)} 元，不是整分；导入不四舍五入。`,
    en: `The ${p.column} "${s(p.value)}" (in ${p.unit}) is ${s(p.yuan)} yuan, not a whole fen; the import does not round.`,
    expectedZh: `以${p.unit}为单位时，换算成元最多两位小数（1 ${p.unit} = ${UNIT_YUAN[p.unit]} 元）`,
    expectedEn: `in ${p.unit}, an amount that is at most two decimals in yuan (1 ${p.unit} = ${UNIT_YUAN[p.unit]} yuan)`,
    fixZh: `核对这笔账的原始凭证，把这一格改写成以元为单位的准确金额（如 12345.68 元），再重新导入。`,
    fixEn: 'Check the voucher and write the exact amount in yuan in this cell (e.g. 12345.68元), then import again.',
  }),
  'import.unit': (p: { unit: AmountUnit }) => ({
    zh: `金额以${p.unit}为单位，已按 1 ${p.unit} = ${UNIT_YUAN[p.unit]} 元准确换算成元（不四舍五入）。`,
    en: `Amounts are in ${p.unit}; they were converted exactly at 1 ${p.unit} = ${UNIT_YUAN[p.unit]} yuan (nothing rounded).`,
    fixZh: '核对导入后的几笔金额是否和原始凭证一致；如果这些栏其实是以元为单位，改掉表头或“单位”里的“万元”后加 --force 重新导入。',
    fixEn:
      'Check a few imported amounts against the vouchers; if these columns are really in yuan, correct the header or the 单位 note and import again with --force.',
  }),
  'import.amount-format': (p: { column: 'income' | 'expense' | 'amount'; value: Param; format: Param }) => ({
    zh: `${COLUMN_ZH[p.column]}这一格存的数是 ${s(p.value)}，但单元格格式（${s(p.format)}）让它显示带“万”或“千”，看不出是 ${s(p.value)} 元还是 ${s(p.value)} 万元。`,
    en: `The ${p.column} cell holds ${s(p.value)}, but its number format (${s(p.format)}) shows it with 万 or 千, so it is unclear whether it is ${s(p.value)} yuan or ${s(p.value)} 万元.`,
    expectedZh: '单元格格式为“常规”或“数值”，金额以元填写（或在表头写明“（万元）”）',
    expectedEn: 'cells formatted General or Number, amounts in yuan (or the header saying （万元）)',
    fixZh: '选中金额栏，右键“设置单元格格式”选“数值”，核对每格是以元为单位的金额（如果是万元，在表头写“收入（万元）”），再重新导入。',
    fixEn:
      'Select the amount column, right-click "Format Cells", choose Number, check each cell is in yuan (if in 万元, head the column 收入（万元）), then import again.',
  }),
  'import.unit-unknown': (p: { unit: Param }) => ({
    zh: `金额的单位“${s(p.unit)}”不能准确换算成元，没有导入。`,
    en: `The amounts' unit "${s(p.unit)}" cannot be converted exactly to yuan; nothing was imported.`,
    expectedZh: '以元为单位（也可以是万元或千元，会准确换算成元）',
    expectedEn: 'amounts in yuan (or in 万元 or 千元, converted exactly to yuan)',
    fixZh: '把金额换算成元填写，表头写成“收入（元）”“支出（元）”，再重新导入。',
    fixEn: 'Write the amounts in yuan with headers such as 收入（元） and 支出（元）, then import again.',
  }),
  'import.both-sides': (p: { income: Param; expense: Param }) => ({
    zh: `同一行的收入（${s(p.income)}）和支出（${s(p.expense)}）都有金额。`,
    en: `The row has both an income (${s(p.income)}) and an expense (${s(p.expense)}).`,
    fixZh: '一行只记一笔：拆成两行，各用自己的凭证号。',
    fixEn: 'One entry per row: split it into two rows, each with its own voucher number.',
  }),
  'import.no-amount': () => ({
    zh: '这一行没有金额。',
    en: 'The row has no amount.',
    fixZh: '填上金额；如果这一行只是说明文字，把它删去。',
    fixEn: 'Fill in the amount; if the row is only a note, delete it.',
  }),
  'import.direction': (p: { value: Param }) => ({
    zh: `看不出“${s(p.value)}”是收入还是支出。`,
    en: `It is unclear whether "${s(p.value)}" is income or expense.`,
    expectedZh: '收支栏写“收入”或“支出”（也可写 收、支、借、贷）；没有收支栏时，科目须是会计制度中的收入或支出科目',
    expectedEn: 'a 收支 column saying 收入 or 支出; without one, a category of the accounting system',
    fixZh: '在收支栏写明“收入”或“支出”，或改正科目。',
    fixEn: 'Write 收入 or 支出 in the 收支 column, or correct the category.',
  }),
  'import.voucher': () => ({
    zh: '这一行没有凭证号。',
    en: 'The row has no voucher number.',
    fixZh: '填上凭证号，如 记-07-003；每一笔收支都要有凭证。',
    fixEn: 'Fill in the voucher number, e.g. 记-07-003; every entry has a voucher.',
  }),
  'import.summary': () => ({
    zh: '这一行没有摘要。',
    en: 'The row has no summary (摘要).',
    fixZh: '写明这笔钱的来源或用途。',
    fixEn: 'Say where the money came from or what it paid for.',
  }),
  'import.category-missing': () => ({
    zh: '这一行没有科目；已经导入，科目留作〔待填〕。',
    en: 'The row has no category; it was imported with the category left as 〔待填〕.',
    fixZh: '在导入后的账里填上科目，或在表中补上后加 --force 重新导入。',
    fixEn: 'Fill in the category in the imported ledger, or add it in the sheet and import again with --force.',
  }),
  'import.category': (p: { category: Param; date: Param; system: Param; side?: 'income' | 'expense'; otherSide: boolean; allowed: Param }) => ({
    zh: p.otherSide
      ? `科目“${s(p.category)}”是${p.side === 'income' ? '支出' : '收入'}科目，但这一笔记在${p.side ? COLUMN_ZH[p.side] : ''}栏。`
      : `科目“${s(p.category)}”不是 ${s(p.date)} 起施行的${s(p.system)}中的${p.side ? `${COLUMN_ZH[p.side]}` : '收入或支出'}科目。`,
    en: p.otherSide
      ? `The category "${s(p.category)}" is ${p.side === 'income' ? 'an expense' : 'an income'} category, but the entry is on the ${p.side ?? ''} side.`
      : `The category "${s(p.category)}" is not ${p.side ? `an ${p.side}` : 'an income or expense'} category of ${s(p.system)}, in force on ${s(p.date)}.`,
    expectedZh: `其中之一：${s(p.allowed)}`,
    expectedEn: `one of: ${s(p.allowed)}`,
    fixZh: '在表中把科目改成会计制度里的科目（具体内容写在摘要里），或核对这一笔是收入还是支出，再重新导入。',
    fixEn:
      "Change the category in the sheet to one of the system's (put the detail in the summary), or check whether the entry is income or expense, and import again.",
  }),
  'import.signoff-date': (p: { value: Param }) => ({
    zh: `表尾签字行的日期“${s(p.value)}”读不出来，没有填入账中。`,
    en: `The date "${s(p.value)}" in the sign-off footer cannot be read; it was not filled in.`,
    expectedZh: '如 2025年10月10日 或 2025-10-10',
    expectedEn: 'e.g. 2025年10月10日 or 2025-10-10',
    fixZh: '在导入后的账里填上 publishedAt（公布日期），或改正表中的日期后加 --force 重新导入。',
    fixEn: 'Fill in publishedAt in the imported ledger, or correct the date in the sheet and import again with --force.',
  }),
  'import.total-mismatch': (p: { label: Param; side: 'income' | 'expense'; declared: Param; computed: Param }) => ({
    zh: `“${s(p.label)}”一行的${COLUMN_ZH[p.side]}是 ${s(p.declared)} 元，而表中明细相加是 ${s(p.computed)} 元。`,
    en: `The "${s(p.label)}" row says ${p.side} ${s(p.declared)}, but the entries add up to ${s(p.computed)}.`,
    fixZh: '核对表中的合计公式或是否漏行、多行；导入的账按明细计算合计。',
    fixEn: "Check the sheet's total formula and look for missing or extra rows; the imported ledger totals the entries.",
  }),
  'import.opening-mismatch': (p: { sheet: Param; previous: Param; closing: Param }) => ({
    zh: `表中的上期结余 ${s(p.sheet)} 元与 ${s(p.previous)} 账的本期结余 ${s(p.closing)} 元不同；已按 ${s(p.previous)} 的本期结余写入。`,
    en: `The sheet's opening balance ${s(p.sheet)} differs from the closing balance of ${s(p.previous)}, ${s(p.closing)}; the latter was written.`,
    fixZh: '核对表中的上期结余；如果是上一期的账错了，应更正上一期。',
    fixEn: "Check the sheet's opening balance; if the previous ledger is wrong, correct that one.",
  }),
  'import.ledger-too-large': (p: { file: Param; entries: Param; size: Param; max: Param }) => ({
    zh: `表中有 ${s(p.entries)} 笔明细，写成 ${s(p.file)} 会有 ${s(p.size)}，超过了账目文件 ${s(p.max)} 的上限（检查会拒绝读取它），所以没有写入。`,
    en: `The sheet has ${s(p.entries)} entries; as ${s(p.file)} they would take ${s(p.size)}, over the ${s(p.max)} limit of a ledger file (the check would refuse to read it), so nothing was written.`,
    expectedZh: '一期的明细，通常几十到几百笔',
    expectedEn: "one period's entries, usually tens to a few hundred",
    fixZh: '检查表格里是否只有这一期的明细：有没有把几年的账、或同一批行重复粘贴进来；删去多余的行后重新导入。',
    fixEn: "Check the sheet holds only this period's entries (not several years', nor the same rows pasted again); delete the extra rows and import again.",
  }),
  'import.exists': (p: { file: Param }) => ({
    zh: `${s(p.file)} 里已经有收支明细，为了不覆盖，没有写入。`,
    en: `${s(p.file)} already has entries; to protect them, nothing was written.`,
    fixZh: '确实要用表格替换现有明细时，加上 --force 重新运行（签字、公布日期、债权债务会保留）。',
    fixEn: 'To replace the entries with the sheet, run again with --force (sign-off, publication date and balances are kept).',
  }),
});
