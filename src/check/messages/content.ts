/**
 * Every message about content a clerk can see (npm run check, the build, /compliance/), in Chinese
 * with English beside it: what is wrong, what was expected and how to fix it. Codes come from schema
 * issues (src/schemas) and rules (src/lib, src/check). Each code has a fixture under
 * test/fixtures/invalid/<code>/ and a test that pins its text. How to add one: src/check/README.md.
 */
import { FOUR_STEPS, type RegisterField } from '../../law/bodies.ts';
import { getNoticeType } from '../../law/notice-types.ts';
import type { SensitiveDetailKind } from '../../lib/privacy.ts';
import { bodyEn, defineMessages, list, s, trackEn, type Param } from './define.ts';

/** How each kind of sensitive detail is named, and how to take it out (src/law/sensitive-details.ts). */
const SENSITIVE_KIND: Record<SensitiveDetailKind, { zh: string; en: string; fixZh: string; fixEn: string }> = {
  health: {
    zh: '健康状况',
    en: 'health',
    fixZh: '删去病情的说明；需要说明理由时写“经评议符合条件”等不涉及健康的说法，病情材料只留在档案里。',
    fixEn: 'Take out the illness; where a reason is needed, say "found eligible by the review" or the like, and keep medical papers in the archive only.',
  },
  disability: {
    zh: '残疾情况',
    en: 'disability',
    fixZh: '删去残疾或残疾等级的说明；需要说明理由时写“经评议符合条件”等说法，残疾证材料只留在档案里。',
    fixEn:
      'Take out the disability or its grade; where a reason is needed, say "found eligible by the review", and keep disability papers in the archive only.',
  },
  address: {
    zh: '门牌地址',
    en: 'house address',
    fixZh: '删去门牌号，只写到村民小组（如“三组”）；宅基地写规划地块（如“二组村道东侧”）。',
    fixEn: 'Take out the house number and give the village group only ("三组"); for a homestead, give the planned plot ("二组村道东侧").',
  },
};

/** English name of a notice type, from the law table (低保 → subsistence allowance). */
const noticeTypeEn = (type: Param): string => getNoticeType(String(type))?.en ?? String(type);
type DayUnit = 'calendar' | 'working';
const DAY_UNIT_ZH: Record<DayUnit, string> = { calendar: '自然日', working: '工作日' };
/** The minimum posting period; `byProfile` names the province rule when its floor is the one that applies. */
type Minimum = { minDays: number; minUnit: DayUnit; byProfile?: Param };
const minimumZh = (m: Minimum): string => `${m.minDays}个${DAY_UNIT_ZH[m.minUnit]}${m.byProfile !== undefined ? `（${s(m.byProfile)}）` : ''}`;
const minimumEn = (m: Minimum): string => `${m.minDays} ${m.minUnit} days${m.byProfile !== undefined ? ` (${s(m.byProfile)})` : ''}`;
/** A step of 四议两公开 by its name in the law table (党组织提议, 两委会议商议, …). */
export type FourStep = (typeof FOUR_STEPS)[number]['zh'];
const stepOf = (name: FourStep) => FOUR_STEPS.find((x) => x.zh === name)!;
/** The register figures of village.yaml that fix who may attend a body. */
const REGISTER_ZH: Record<RegisterField, { zh: string; en: string }> = {
  adults: { zh: '18 岁以上村民人数 adults', en: 'adult villagers (adults)' },
  households: { zh: '户数 households', en: 'households (households)' },
  representatives: { zh: '村民代表人数 representatives', en: "registered villagers' representatives (representatives)" },
  members: { zh: '集体经济组织成员人数 members', en: 'collective members (members)' },
  memberRepresentatives: { zh: '成员代表人数 memberRepresentatives', en: "members' representatives (memberRepresentatives)" },
};
/** Why a meeting does not stand: no quorum, or its n-th resolution voted down. */
type Standing = { reason: 'quorum' } | { reason: 'vote'; index: number };
const standingZh = (x: Standing): string => (x.reason === 'quorum' ? '到会人数不足法定人数' : `第 ${x.index} 项决议表决未通过`);
const standingEn = (x: Standing): string => (x.reason === 'quorum' ? 'it had no quorum' : `its resolution no. ${x.index} was voted down`);
/** The two 公开 of 四议两公开. */
type PostingStep = 'resolution' | 'result';
const POSTING: Record<PostingStep, { zh: string; en: string; field: string }> = {
  resolution: { zh: '决议公开', en: 'posting of the resolution', field: 'publishedAt' },
  result: { zh: '实施结果公开', en: 'posting of the result', field: 'resultPublishedAt' },
};

/** Chinese labels of notice subject fields, shown beside the field name. */
const SUBJECT_FIELD_ZH: Record<string, string> = {
  name: '姓名',
  members: '人数',
  amount: '金额',
  group: '村民小组',
  reason: '理由',
  plot: '位置',
  area: '面积',
  floors: '层数',
  gender: '性别',
  birthMonth: '出生年月',
  education: '学历',
  note: '备注',
};
const fieldZh = (f: string): string => (SUBJECT_FIELD_ZH[f] ? `${f}（${SUBJECT_FIELD_ZH[f]}）` : f);
/** The register figures of village.yaml, for village.register-over. */
type RegisterName = RegisterField | 'population';
const FIGURE: Record<RegisterName, { zh: string; en: string }> = {
  ...REGISTER_ZH,
  population: { zh: '户籍人口 population', en: 'registered population (population)' },
};

/** Roles in a sign-off, for signoff.same-person. */
const ROLE = { reviewer: ['审核人', 'reviewer'], preparer: ['编制人', 'preparer'], responsible: ['负责人', 'responsible person'] } as const;
export type SignoffRole = keyof typeof ROLE;
/** Plain-Chinese explanations of the YAML parser's error codes (the parser's English detail is kept beside them), for file.yaml. */
const YAML_ERRORS_ZH: Record<string, string> = {
  TAB_AS_INDENT: '用了 Tab 键缩进，只能用空格缩进',
  DUPLICATE_KEY: '同一个字段名写了两次',
  MULTILINE_IMPLICIT_KEY: '这一行不是“字段名: 值”的写法（常见原因：用了中文冒号“：”、冒号后没有空格，或缩进没有对齐）',
  BLOCK_AS_IMPLICIT_KEY: '一行里出现了两个“字段名:”，或下一行多缩进了（值里含有“: ”时，请给整个值加上英文引号）',
  BAD_INDENT: '缩进没有对齐（同一级的字段、列表项要从同一列开始）',
  MISSING_CHAR: '缺少配对的引号、括号，或冒号后面缺少值',
  UNEXPECTED_TOKEN: '出现了无法识别的内容',
};
/** How record files are named, by folder (and the village folders themselves), for file.name. */
const FILE_NAME_RULES = {
  disclosures: { zh: '年份-q季度[-说明].md，如 2025-q3.md 或 2025-q3-gengzheng.md', en: 'year-q<quarter>[-slug].md, e.g. 2025-q3.md or 2025-q3-gengzheng.md' },
  finances: {
    zh: '年份-q季度.yaml 或 年份-月份.yaml，如 2025-q3.yaml、2025-07.yaml',
    en: 'year-q<quarter>.yaml or year-<month>.yaml, e.g. 2025-q3.yaml, 2025-07.yaml',
  },
  meetings: { zh: '开会日期-拼音说明.md，如 2025-07-15-daibiao.md', en: 'date-slug.md, e.g. 2025-07-15-daibiao.md' },
  notices: { zh: '开始日期-拼音说明.md，如 2025-11-17-dibao.md', en: 'start-date-slug.md, e.g. 2025-11-17-dibao.md' },
  volunteers: { zh: '年份-q季度.yaml，如 2025-q3.yaml', en: 'year-q<quarter>.yaml, e.g. 2025-q3.yaml' },
  'village-folder': { zh: '村文件夹名用小写拼音，如 maqu', en: 'a lowercase pinyin folder name, e.g. maqu' },
} as const;
export type FileNameRule = keyof typeof FILE_NAME_RULES;
/** What belongs in content/villages/ and in one village's folder, for file.unexpected. */
const BELONGS = {
  villages: { zh: '每个村一个文件夹', en: 'one folder per village' },
  village: {
    zh: 'village.yaml 以及 disclosures、finances、meetings、notices、volunteers 文件夹',
    en: 'village.yaml and the folders disclosures, finances, meetings, notices, volunteers',
  },
} as const;
/** A ledger side in Chinese (the English is the key itself). */
const SIDE_ZH = { income: '收入', expense: '支出' } as const;
type Side = keyof typeof SIDE_ZH;
/** What a reference names and where its ids are, for ref.missing (`known` lists the ids, joined with 、). */
const REF = {
  meeting: { zh: '会议', en: 'meeting', whereZh: 'meetings/ 中的文件名', whereEn: 'a file name in meetings/' },
  disclosure: { zh: '公开', en: 'disclosure', whereZh: 'disclosures/ 中的文件名', whereEn: 'a file name in disclosures/' },
  'ledger-entry': { zh: '账目', en: 'ledger entry', whereZh: 'finances/ 中某期支出的 账期/凭证号', whereEn: 'period/voucher of an expense in finances/' },
  team: { zh: '服务队', en: 'team', whereZh: '本文件 teams 中的编号', whereEn: 'an id under teams in this file' },
  volunteer: { zh: '志愿者', en: 'volunteer', whereZh: '本文件 volunteers 中的编号', whereEn: 'an id under volunteers in this file' },
} as const;
export type RefKind = keyof typeof REF;
/** What is overdue, for disclosure.overdue (also read by the summary of npm run check -- --village). */
export const OVERDUE_WHAT = {
  disclosure: { zh: '村务公开', en: 'village-affairs disclosure' },
  ledger: { zh: '财务收支明细（账）', en: 'finance ledger' },
} as const;
export type OverdueKind = keyof typeof OVERDUE_WHAT;

/** Where a personal number was found, when it is not a field or a body line. */
export type PrivacyPlace = 'file-name';
/** The extra sentence and fix for a personal number in a file or folder name (it becomes the page address). */
const FILE_NAME_NUMBER = {
  zh: '它在文件名或文件夹名里，会出现在网页地址中。',
  en: ' It is in a file or folder name, which becomes the page address.',
  fixZh: '重命名文件：文件名里不要写号码，用拼音或事由代替（如 2025-11-17-dibao.md）。',
  fixEn: 'Rename the file without the number, using pinyin or the subject instead (e.g. 2025-11-17-dibao.md).',
} as const;
/** What an MDX syntax error is about (src/check/body.ts reads it from the parser's English). */
const MDX_SYNTAX = {
  angle: {
    zh: '这里的尖括号 < 后面不是一个组件',
    en: 'the < here does not start a component',
    fixZh: '普通文字里的 < 写成“小于”或全角＜；组件要写完整，如 <Amount yuan="1,000.00" />（属性值加引号）。',
    fixEn: 'Write "小于" or a full-width ＜ in plain text; write a component in full, e.g. <Amount yuan="1,000.00" /> (quoted values).',
  },
  brace: {
    zh: '花括号 { 没有配对，或里面写了程序',
    en: 'a brace { is unmatched or holds code',
    fixZh: '删除这个花括号，或改用全角｛｝。',
    fixEn: 'Delete the brace or use full-width ｛｝.',
  },
  'closing-tag': {
    zh: '组件的开始和结束标签对不上',
    en: "a component's opening and closing tags do not match",
    fixZh: '每个 <组件> 都要有对应的 </组件>，或写成自闭合的 <组件 … />。',
    fixEn: 'Close each <Component> with its own </Component>, or write it self-closing as <Component … />.',
  },
  comment: {
    zh: 'MDX 里不能用 <!-- --> 写注释',
    en: 'MDX does not accept <!-- --> comments',
    fixZh: '删除这段注释（公开内容里不需要注释）。',
    fixEn: 'Delete the comment (published content needs none).',
  },
  other: {
    zh: '格式无法识别',
    en: 'the parser could not read it',
    fixZh: '检查该行的尖括号和花括号。',
    fixEn: 'Check the angle brackets and braces on that line.',
  },
} as const;
export type MdxSyntaxReason = keyof typeof MDX_SYNTAX;

export const CONTENT_MESSAGES = defineMessages({
  // ── files ──────────────────────────────────────────────────────────────
  'file.encoding': (p: { guess?: Param }) => ({
    zh: `文件不是 UTF-8 编码${p.guess ? `（看起来是 ${s(p.guess)}，常见于旧版 Excel/WPS 导出）` : ''}，读出来会是乱码。`,
    en: `The file is not UTF-8${p.guess ? ` (it looks like ${s(p.guess)}, common in old Excel/WPS exports)` : ''}; it would read as garbled text.`,
    expectedZh: 'UTF-8 编码的文本文件',
    expectedEn: 'a UTF-8 text file',
    fixZh: '用记事本或 WPS 打开，选择“另存为”，编码选“UTF-8”后保存。',
    fixEn: 'Open it in Notepad or WPS, choose "Save as" and pick the UTF-8 encoding.',
  }),
  'file.control-char': (p: { line: Param; col: Param; code: Param; nameZh: Param; nameEn: Param }) => ({
    zh: `第 ${s(p.line)} 行第 ${s(p.col)} 列有一个看不见的控制字符 ${s(p.code)}（${s(p.nameZh)}），它会让网页、海报或订阅源显示错乱，系统不读取这个文件。`,
    en: `Line ${s(p.line)}, column ${s(p.col)} holds an invisible control character ${s(p.code)} (${s(p.nameEn)}); it garbles pages, posters or feeds, so the file is not read.`,
    expectedZh: '只含文字、空格、制表符和换行的文本',
    expectedEn: 'text of letters, spaces, tabs and line breaks only',
    fixZh: '在编辑器（如 VS Code）中打开文件，删掉该处的字符后重新输入那段文字；从 Word 复制的文字请先粘贴到记事本再复制过来。',
    fixEn: 'Open the file in an editor (e.g. VS Code), delete the character there and retype that text; paste text from Word into Notepad first.',
  }),
  'file.yaml': (p: { line: Param; col: Param; detail: Param; yamlError: Param; colonLine?: Param }) => ({
    zh:
      p.colonLine !== undefined
        ? `YAML 格式有误：第 ${s(p.colonLine)} 行的字段名后面用了中文冒号“：”，YAML 只认英文冒号加空格“: ”。`
        : `YAML 格式有误：第 ${s(p.line)} 行第 ${s(p.col)} 列附近，${YAML_ERRORS_ZH[s(p.yamlError)] ?? `格式无法识别（${s(p.detail)}）`}。`,
    en:
      p.colonLine !== undefined
        ? `The YAML is malformed: on line ${s(p.colonLine)} the field name is followed by a full-width colon "："; YAML reads only an ASCII colon and a space ": ".`
        : `The YAML is malformed near line ${s(p.line)}, column ${s(p.col)}: ${s(p.detail)}.`,
    expectedZh: '“字段名: 值”的格式，每级缩进两个空格',
    expectedEn: '"field: value" lines, indented by two spaces per level',
    fixZh:
      p.colonLine !== undefined
        ? `把第 ${s(p.colonLine)} 行字段名后面的“：”改成英文冒号和一个空格“: ”（输入法切到英文再打）。`
        : '检查该行的冒号、缩进和引号；冒号后面要有一个空格，不要用 Tab 缩进。',
    fixEn:
      p.colonLine !== undefined
        ? `On line ${s(p.colonLine)}, replace the "：" after the field name with an ASCII colon and a space ": " (switch the input method to English).`
        : 'Check the colon, indentation and quotes on that line; put a space after each colon and do not indent with tabs.',
  }),
  'file.frontmatter': () => ({
    zh: '文件开头缺少以“---”包围的信息块（front matter）。',
    en: 'The file does not start with a front-matter block between "---" lines.',
    expectedZh: '第一行是 ---，随后是字段，再一行 --- 结束，然后是正文',
    expectedEn: 'a first line ---, then the fields, a closing ---, then the text',
    fixZh: '参照同类文件，在开头加上 --- 包围的字段块。',
    fixEn: 'Add the --- block at the top, following another file of the same kind.',
  }),
  'file.name': (p: { name: Param; rule: FileNameRule }) => ({
    zh: `文件名“${s(p.name)}”不符合规定。`,
    en: `The file name "${s(p.name)}" does not follow the naming rule.`,
    expectedZh: FILE_NAME_RULES[p.rule].zh,
    expectedEn: FILE_NAME_RULES[p.rule].en,
    fixZh: '按规定重命名文件（只用小写字母、数字和连字符）。',
    fixEn: 'Rename the file as shown (lowercase letters, digits and hyphens only).',
  }),
  'file.unexpected': (p: { name: Param; place: keyof typeof BELONGS }) => ({
    zh: `这里不应有“${s(p.name)}”，系统不会读取它。`,
    en: `"${s(p.name)}" does not belong here and would be ignored.`,
    expectedZh: BELONGS[p.place].zh,
    expectedEn: BELONGS[p.place].en,
    fixZh: '把它移到正确的文件夹，或删除它。',
    fixEn: 'Move it to the right folder or delete it.',
  }),
  'file.missing': (p: { name: Param }) => ({
    zh: `缺少必需的文件 ${s(p.name)}。`,
    en: `The required file ${s(p.name)} is missing.`,
    fixZh: `按说明创建 ${s(p.name)}（可复制示例村的同名文件再修改）。`,
    fixEn: `Create ${s(p.name)} (copy the one from a demo village and edit it).`,
  }),
  'file.too-large': (p: { size: Param; max: Param }) => ({
    zh: `文件太大（${s(p.size)}），超过了 ${s(p.max)} 的上限，系统不会读取它。`,
    en: `The file is too large (${s(p.size)}); the limit is ${s(p.max)}, so it is not read.`,
    expectedZh: `不超过 ${s(p.max)} 的文本文件（一个季度的账目远小于此）`,
    expectedEn: `a text file of at most ${s(p.max)} (a quarter's ledger is far smaller)`,
    fixZh: '检查是不是放错了文件（如把整本账或图片放了进来）；一个文件只写一期、一件事。',
    fixEn: 'Check that this is the right file (not a whole account book or a picture); one file holds one period or one matter.',
  }),
  'file.yaml-aliases': (p: { max: Param }) => ({
    zh: `文件里的 YAML 引用（& 锚点和 * 别名）太多，超过 ${s(p.max)} 处，展开后会大到无法处理，系统拒绝读取。`,
    en: `The file uses too many YAML anchors and aliases (& and *), more than ${s(p.max)}; expanded they would be too large to handle, so the file is refused.`,
    expectedZh: '每个字段直接写出它的值，不用 & 和 *',
    expectedEn: 'every field written out, without & and *',
    fixZh: '删除 &名字 和 *名字，把值直接写出来；如果不知道这些符号从哪来，请从备份恢复这个文件并告诉管理员。',
    fixEn: 'Remove the &name and *name marks and write the values out; if you did not write them, restore the file from a backup and tell the administrator.',
  }),
  'file.yaml-nesting': (p: { line: Param; max: Param }) => ({
    zh: `文件第 ${s(p.line)} 行起，方括号 [、花括号 { 或列表“- ”套了超过 ${s(p.max)} 层，系统拒绝读取。`,
    en: `From line ${s(p.line)} of the file, brackets [, braces { or list dashes are nested more than ${s(p.max)} deep; the file is refused.`,
    expectedZh: '“字段名: 值”的格式，列表最多套两三层',
    expectedEn: '"field: value" lines, lists nested two or three deep at most',
    fixZh: '删除多余的括号和“- ”；如果不知道它们从哪来，请从备份恢复这个文件并告诉管理员。',
    fixEn: 'Remove the extra brackets and dashes; if you did not write them, restore the file from a backup and tell the administrator.',
  }),
  'file.symlink-outside': (p: { target: Param }) => ({
    zh: `这是一个指向 content/ 以外（${s(p.target)}）的快捷方式（符号链接），系统不会读取它。`,
    en: `This is a symbolic link to a place outside content/ (${s(p.target)}); it is not read.`,
    expectedZh: 'content/ 里的普通文件和文件夹',
    expectedEn: 'ordinary files and folders inside content/',
    fixZh: '删除这个链接，把真正的文件复制到这里。',
    fixEn: 'Delete the link and copy the real file here.',
  }),
  'period.mismatch': (p: { value: Param; expected: Param }) => ({
    zh: `日期 ${s(p.value)} 与文件名中的日期 ${s(p.expected)} 不一致。`,
    en: `The date ${s(p.value)} differs from the date in the file name, ${s(p.expected)}.`,
    expectedZh: `与文件名相同：${s(p.expected)}`,
    expectedEn: `the same as the file name: ${s(p.expected)}`,
    fixZh: '改正日期，或重命名文件使两者一致。',
    fixEn: 'Correct the date or rename the file so they agree.',
  }),
  // ── field types ────────────────────────────────────────────────────────
  required: (p: { field: Param }) => ({
    zh: `缺少必填字段“${s(p.field)}”。`,
    en: `The required field "${s(p.field)}" is missing.`,
    fixZh: `补上“${s(p.field)}: …”一行（字段说明见 src/schemas/）。`,
    fixEn: `Add a "${s(p.field)}: …" line (fields are described in src/schemas/).`,
  }),
  'type.list': () => ({
    zh: '这里应是一个列表。',
    en: 'A list is expected here.',
    expectedZh: '每项以“- ”开头的列表',
    expectedEn: 'a list whose items start with "- "',
    fixZh: '把每一项写成新的一行，以“- ”开头。',
    fixEn: 'Write each item on its own line starting with "- ".',
  }),
  'type.object': () => ({
    zh: '这里应是一组“字段: 值”。',
    en: 'A group of "field: value" lines is expected here.',
    fixZh: '在下一行缩进两个空格，写出各个字段。',
    fixEn: 'Write the fields on the following lines, indented by two spaces.',
  }),
  'type.text': () => ({
    zh: '这里应是一段文字。',
    en: 'Text is expected here.',
    fixZh: '填写文字内容。',
    fixEn: 'Write the text.',
  }),
  'text.empty': () => ({
    zh: '内容为空。',
    en: 'The value is empty.',
    fixZh: '填写内容，或删除这一行（若该字段可省略）。',
    fixEn: 'Fill it in, or delete the line if the field is optional.',
  }),
  'list.empty': (p: { min: Param }) => ({
    zh: `列表至少需要 ${s(p.min)} 项。`,
    en: `The list needs at least ${s(p.min)} item(s).`,
    fixZh: '补充列表项。',
    fixEn: 'Add the missing items.',
  }),
  'field.unknown': (p: { key: Param; suggest?: Param; allowed: Param; shown?: Param }) => ({
    zh:
      p.shown !== undefined
        ? `未知字段“${s(p.shown)}”：字段名里有看不见的字符、特殊空格或全角字母${s(p.shown).includes('⟨U+') ? '（⟨U+…⟩ 处）' : ''}${p.suggest ? `，看起来像“${s(p.suggest)}”，其实不是` : ''}。`
        : `未知字段“${s(p.key)}”${p.suggest ? `，是否应为“${s(p.suggest)}”？` : '。'}`,
    en:
      p.shown !== undefined
        ? `Unknown field "${s(p.shown)}": the name holds an invisible character, a special space or full-width letters${s(p.shown).includes('⟨U+') ? ' (at ⟨U+…⟩)' : ''}${p.suggest ? `; it looks like "${s(p.suggest)}" but is not` : ''}.`
        : `Unknown field "${s(p.key)}"${p.suggest ? `; did you mean "${s(p.suggest)}"?` : '.'}`,
    expectedZh: `可用字段：${s(p.allowed)}`,
    expectedEn: `allowed fields: ${s(p.allowed)}`,
    fixZh: p.shown !== undefined ? `删掉这个字段名，用英文半角重新输入${p.suggest ? `“${s(p.suggest)}”` : ''}。` : '改正拼写，或删除该字段。',
    fixEn:
      p.shown !== undefined
        ? `Delete the field name and type it again in plain ASCII${p.suggest ? ` ("${s(p.suggest)}")` : ''}.`
        : 'Fix the spelling or remove the field.',
  }),
  'enum.value': (p: { value: Param; options: Param }) => ({
    zh: `“${s(p.value)}”不是可选的值。`,
    en: `"${s(p.value)}" is not one of the allowed values.`,
    expectedZh: `以下之一：${s(p.options)}`,
    expectedEn: `one of: ${list(p.options)}`,
    fixZh: '从可选值中选一个，字要完全一致。',
    fixEn: 'Use one of the allowed values exactly.',
  }),
  'date.format': (p: { value: Param }) => ({
    zh: `“${s(p.value)}”不是有效日期。`,
    en: `"${s(p.value)}" is not a valid date.`,
    expectedZh: '年-月-日，如 2025-10-08',
    expectedEn: 'YYYY-MM-DD, e.g. 2025-10-08',
    fixZh: '按“2025-10-08”的格式填写真实存在的日期。',
    fixEn: 'Write a real date as 2025-10-08.',
  }),
  'month.format': (p: { value?: Param }) => ({
    zh: `“${s(p.value ?? '')}”不是有效年月。`,
    en: `"${s(p.value ?? '')}" is not a valid year and month.`,
    expectedZh: '年-月，如 1990-05',
    expectedEn: 'YYYY-MM, e.g. 1990-05',
    fixZh: '按“1990-05”的格式填写。',
    fixEn: 'Write it as 1990-05.',
  }),
  'money.format': (p: { value: Param }) => ({
    zh: `金额“${s(p.value)}”无法识别。`,
    en: `The amount "${s(p.value)}" cannot be read.`,
    expectedZh: '以元为单位的数字，如 1234.56 或 1,234.56（千位分隔符每三位一个）',
    expectedEn: 'yuan as digits, e.g. 1234.56 or 1,234.56 (a separator every three digits)',
    fixZh: '只写数字、小数点和千位逗号，不要写汉字大写金额。',
    fixEn: 'Write only digits, a decimal point and thousands commas; no Chinese numerals.',
  }),
  'money.decimals': (p: { value: Param }) => ({
    zh: `金额“${s(p.value)}”的小数超过两位（分以下）。`,
    en: `The amount "${s(p.value)}" has more than two decimals (below one fen).`,
    expectedZh: '最多两位小数，如 1234.56',
    expectedEn: 'at most two decimals, e.g. 1234.56',
    fixZh: '核对凭证，改为精确到分的金额。',
    fixEn: 'Check the voucher and write the amount to the fen.',
  }),
  'money.negative': (p: { value: Param }) => ({
    zh: `金额“${s(p.value)}”为负数。`,
    en: `The amount "${s(p.value)}" is negative.`,
    expectedZh: '正数；冲红另记一笔支出或收入',
    expectedEn: 'a positive amount; record a reversal as its own entry',
    fixZh: '去掉负号，并把这笔记入相反的一栏。',
    fixEn: 'Remove the minus sign and book the entry on the other side.',
  }),
  'money.empty': () => ({
    zh: '金额为空。',
    en: 'The amount is empty.',
    expectedZh: '以元为单位的数字，如 1234.56',
    expectedEn: 'yuan, e.g. 1234.56',
    fixZh: '填写金额。',
    fixEn: 'Fill in the amount.',
  }),
  'money.too-large': (p: { value: Param }) => ({
    zh: `金额“${s(p.value)}”大得不合理。`,
    en: `The amount "${s(p.value)}" is implausibly large.`,
    fixZh: '核对是否多写了数字。',
    fixEn: 'Check for extra digits.',
  }),
  'money.zero': () => ({
    zh: '金额必须大于零。',
    en: 'The amount must be greater than zero.',
    fixZh: '填写实际金额；没有发生的款项不要列出。',
    fixEn: 'Write the actual amount; leave out entries that did not happen.',
  }),
  'int.format': (p: { value: Param }) => ({
    zh: `“${s(p.value)}”不是整数。`,
    en: `"${s(p.value)}" is not a whole number.`,
    expectedZh: '0 或正整数，如 38',
    expectedEn: 'a whole number ≥ 0, e.g. 38',
    fixZh: '只写阿拉伯数字。',
    fixEn: 'Write digits only.',
  }),
  'hours.format': (p: { value: Param }) => ({
    zh: `时长“${s(p.value)}”无法识别。`,
    en: `The hours "${s(p.value)}" cannot be read.`,
    expectedZh: '小时数，最多一位小数，如 2.5',
    expectedEn: 'hours with at most one decimal, e.g. 2.5',
    fixZh: '按小时填写，如 2 或 2.5。',
    fixEn: 'Write hours such as 2 or 2.5.',
  }),
  'bool.format': (p: { value: Param }) => ({
    zh: `“${s(p.value)}”应为 是/否。`,
    en: `"${s(p.value)}" should be yes or no.`,
    expectedZh: 'true 或 false（也可写 是、否）',
    expectedEn: 'true or false',
    fixZh: '改为 true 或 false。',
    fixEn: 'Write true or false.',
  }),
  'slug.format': (p: { value: Param }) => ({
    zh: `编号“${s(p.value)}”不对：编号只能用小写字母、数字和连字符。`,
    en: `The id "${s(p.value)}" is not valid: ids may only use lowercase letters, digits and hyphens.`,
    expectedZh: '如 zhulao、v01',
    expectedEn: 'e.g. zhulao, v01',
    fixZh: '改用拼音或字母数字编号。',
    fixEn: 'Use a pinyin or letters-and-digits id.',
  }),
  'url.format': (p: { value: Param }) => ({
    zh: `网址“${s(p.value)}”格式不对。`,
    en: `The URL "${s(p.value)}" is not valid.`,
    expectedZh: '如 https://cwgk.example.gov.cn/',
    expectedEn: 'e.g. https://cwgk.example.gov.cn/',
    fixZh: '写完整的网址，以 https:// 开头。',
    fixEn: 'Write the full address starting with https://.',
  }),
  'catalogue.code': (p: { value: Param }) => ({
    zh: `目录编号“${s(p.value)}”格式不对。`,
    en: `The catalogue code "${s(p.value)}" is malformed.`,
    expectedZh: '两个大写字母-两位数字，如 CW-03',
    expectedEn: 'two capital letters, a hyphen and two digits, e.g. CW-03',
    fixZh: '按 CW-03 的格式编号。',
    fixEn: 'Number it like CW-03.',
  }),
  // ── site and village ───────────────────────────────────────────────────
  'site.profile': (p: { value: Param; options: Param }) => ({
    zh: `规则配置“${s(p.value)}”不存在。`,
    en: `There is no rule profile "${s(p.value)}".`,
    expectedZh: `以下之一：${s(p.options)}`,
    expectedEn: `one of: ${s(p.options)}`,
    fixZh: '填写本省对应的配置名；没有时用 national。',
    fixEn: "Use your province's profile, or national.",
  }),
  'site.catalogue-duplicate': (p: { code: Param }) => ({
    zh: `目录编号 ${s(p.code)} 重复。`,
    en: `The catalogue code ${s(p.code)} appears twice.`,
    fixZh: '每个目录项用不同编号。',
    fixEn: 'Give each catalogue item its own code.',
  }),
  'calendar.missing-year': (p: { year: Param }) => ({
    zh: `节假日日历没有 ${s(p.year)} 年，公示期只按周末计算。`,
    en: `The holiday calendar has no ${s(p.year)}; posting periods count weekends only.`,
    fixZh: '在 src/law/holidays-cn.ts 补上国务院当年的放假安排，或在 site.yaml 的 calendar 中补充。',
    fixEn: "Add that year's State Council holiday schedule to src/law/holidays-cn.ts or site.yaml calendar.",
  }),
  'village.register-over': (p: { field: RegisterName; value: Param; bound: RegisterName; boundValue: Param }) => ({
    zh: `${FIGURE[p.field].zh}（${s(p.value)}）多于${FIGURE[p.bound].zh}（${s(p.boundValue)}），不可能成立；会议的法定人数按这些数计算。`,
    en: `The ${FIGURE[p.field].en} (${s(p.value)}) exceed the ${FIGURE[p.bound].en} (${s(p.boundValue)}), which cannot be; meetings' quorums are counted against these figures.`,
    expectedZh: `${FIGURE[p.field].zh}不超过${FIGURE[p.bound].zh}`,
    expectedEn: `the ${FIGURE[p.field].en} at most the ${FIGURE[p.bound].en}`,
    fixZh: '按户籍登记和村民代表名册核对这两个数。',
    fixEn: "Check both figures against the household register and the representatives' roll.",
  }),
  'village.supervisor-on-committee': (p: { name: Param }) => ({
    zh: `${s(p.name)} 同时是村委会成员和村务监督委员会成员。`,
    en: `${s(p.name)} is on both the village committee and the supervision committee.`,
    expectedZh: '村委会成员及其近亲属不得担任村务监督委员会成员（组织法第三十二条）',
    expectedEn: 'committee members may not sit on the supervision committee (Organic Law §32)',
    fixZh: '核对名单，删去重复的一处。',
    fixEn: 'Check the rosters and remove the person from one of them.',
  }),
  // ── references ─────────────────────────────────────────────────────────
  'ref.missing': (p: { ref: Param; kind: RefKind; known: string }) => ({
    zh: `引用的${REF[p.kind].zh}“${s(p.ref)}”不存在。`,
    en: `The referenced ${REF[p.kind].en} "${s(p.ref)}" does not exist.`,
    expectedZh: `${REF[p.kind].whereZh}：${p.known || '（无）'}`,
    expectedEn: `${REF[p.kind].whereEn}: ${list(p.known) || '(none)'}`,
    fixZh: '改正编号（文件名去掉扩展名），或先添加被引用的记录。',
    fixEn: 'Correct the id (the file name without extension) or add the referenced record first.',
  }),
  // ── disclosures ────────────────────────────────────────────────────────
  'disclosure.board': () => ({
    zh: '公开渠道中没有“公开栏”。',
    en: 'The channels do not include the notice board (公开栏).',
    expectedZh: '固定的村务公开栏是法定主渠道，必须列出',
    expectedEn: 'the fixed notice board is the legal primary channel and must be listed',
    fixZh: '在 channels 中加上“公开栏”。',
    fixEn: 'Add 公开栏 to channels.',
  }),
  'disclosure.catalogue': (p: { code: Param; track: Param; codes: Param }) => ({
    zh: `目录编号“${s(p.code)}”不在本县公开目录中。`,
    en: `The catalogue code "${s(p.code)}" is not in the county catalogue.`,
    expectedZh: `site.yaml 中${s(p.track)}类的编号：${s(p.codes)}`,
    expectedEn: `a ${trackEn(p.track)} code from site.yaml: ${list(p.codes)}`,
    fixZh: '改用目录中的编号，或请县里在 site.yaml 目录中增加该项。',
    fixEn: 'Use a code from the catalogue, or ask the county to add the item to site.yaml.',
  }),
  'disclosure.catalogue-track': (p: { code: Param; itemTrack: Param; track: Param }) => ({
    zh: `目录项 ${s(p.code)} 属于${s(p.itemTrack)}，而本公开是${s(p.track)}。`,
    en: `Catalogue item ${s(p.code)} belongs to ${trackEn(p.itemTrack)}, but this disclosure is ${trackEn(p.track)}.`,
    fixZh: '把该项放到对应类别的公开中，或改正编号。',
    fixEn: 'Move the item to a disclosure of its track or correct the code.',
  }),
  'disclosure.posting-short': (p: { days: Param; from: Param; to: Param; province: Param; min: Param; earliest: Param }) => ({
    zh: `公开期只有 ${s(p.days)} 天（${s(p.from)} 至 ${s(p.to)}），少于规则配置（${s(p.province)}）要求的 ${s(p.min)} 天。`,
    en: `It stays up only ${s(p.days)} days (${s(p.from)} to ${s(p.to)}), less than the ${s(p.min)} days the rule profile (${s(p.province)}) requires.`,
    expectedZh: `postedUntil 不早于 ${s(p.earliest)}`,
    expectedEn: `postedUntil no earlier than ${s(p.earliest)}`,
    fixZh: `把 postedUntil 改为 ${s(p.earliest)} 或更晚；已撤下的须重新公布。`,
    fixEn: `Set postedUntil to ${s(p.earliest)} or later; if it was taken down, publish it again.`,
  }),
  'disclosure.approval-body': (p: { ref: Param; body: Param }) => ({
    zh: `审定会议“${s(p.ref)}”是${s(p.body)}，不是两委联席会议或村委会会议。`,
    en: `The approval meeting "${s(p.ref)}" is a ${bodyEn(p.body)}, not a joint meeting of the two committees or a village committee meeting.`,
    fixZh: '引用确定公开方案的两委联席会议。',
    fixEn: 'Reference the joint meeting that fixed the disclosure plan.',
  }),
  'disclosure.approval-order': (p: { reviewedAt: Param; meetingDate: Param; publishedAt: Param }) => ({
    zh: `日期顺序不对：审核 ${s(p.reviewedAt)}、审定会议 ${s(p.meetingDate)}、公布 ${s(p.publishedAt)}。`,
    en: `The dates are out of order: review ${s(p.reviewedAt)}, approval meeting ${s(p.meetingDate)}, publication ${s(p.publishedAt)}.`,
    expectedZh: '监督委员会审核 ≤ 两委联席会议审定 ≤ 公布',
    expectedEn: 'supervision review ≤ joint-meeting approval ≤ publication',
    fixZh: '核对三个日期；公布不能早于审核和审定。',
    fixEn: 'Check the three dates; publication cannot come before review and approval.',
  }),
  'disclosure.correction-reason': () => ({
    zh: '更正公开（supersedes）没有写更正原因。',
    en: 'A correction (supersedes) must state its reason.',
    fixZh: '加上 correctionReason，说明改了什么、为什么改。',
    fixEn: 'Add correctionReason saying what changed and why.',
  }),
  'disclosure.reason-without-supersedes': () => ({
    zh: '写了更正原因，但没有说明更正的是哪一期（supersedes）。',
    en: 'There is a correction reason but no supersedes naming the corrected disclosure.',
    fixZh: '加上 supersedes: 被更正公开的文件名（不含扩展名）。',
    fixEn: 'Add supersedes: the corrected file name without extension.',
  }),
  'disclosure.supersedes-self': (p: { ref: Param }) => ({
    zh: `更正公开（supersedes: ${s(p.ref)}）指向了它自己：一份公开不能更正它自己。`,
    en: `The correction (supersedes: ${s(p.ref)}) names its own file: a disclosure cannot correct itself.`,
    expectedZh: '被更正的那一期公开的文件名（不含扩展名），不是本文件',
    expectedEn: 'the file name (without extension) of the disclosure being corrected, not this file',
    fixZh: '把 supersedes 改为被更正公开的文件名；如果这不是更正，删除 supersedes 和 correctionReason。',
    fixEn: "Set supersedes to the corrected disclosure's file name; if this is not a correction, remove supersedes and correctionReason.",
  }),
  'disclosure.supersedes-twice': (p: { ref: Param; other: Param }) => ({
    zh: `“${s(p.ref)}”已被“${s(p.other)}”更正，不能再被更正一次。`,
    en: `"${s(p.ref)}" is already corrected by "${s(p.other)}" and cannot be corrected twice.`,
    fixZh: '更正最新的那一版（supersedes 指向上一次更正）。',
    fixEn: 'Correct the latest version instead (point supersedes at the previous correction).',
  }),
  'disclosure.supersedes-earlier': (p: { publishedAt: Param; original: Param }) => ({
    zh: `更正公开的公布日期 ${s(p.publishedAt)} 早于原公开的公布日期 ${s(p.original)}。`,
    en: `The correction is dated ${s(p.publishedAt)}, before the original it corrects (${s(p.original)}).`,
    fixZh: '更正只能在原公开之后公布。',
    fixEn: 'A correction can only be published after the original.',
  }),
  'disclosure.deadline': (p: { period: Param; publishedAt: Param; deadline: Param; periodEn?: Param }) => ({
    zh: `${s(p.period)}的公开于 ${s(p.publishedAt)} 公布，晚于规定期限 ${s(p.deadline)}。`,
    en: `The ${s(p.periodEn ?? p.period)} disclosure was published on ${s(p.publishedAt)}, after the deadline ${s(p.deadline)}.`,
    fixZh: '以后按期公开；本次逾期会在县级合规视图中显示。',
    fixEn: 'Publish on time next period; this lateness shows in the county compliance view.',
  }),
  // Without `days` (the public pages and data files, which stay true until a state changes): no day count.
  'disclosure.overdue': (p: { kind: OverdueKind; period: Param; deadline: Param; days?: Param; periodKey: Param }) => ({
    zh: `${s(p.period)}的${OVERDUE_WHAT[p.kind].zh}应于 ${s(p.deadline)} 前公布，至今没有${p.days === undefined ? '' : `（已逾期 ${s(p.days)} 天）`}。`,
    en: `The ${OVERDUE_WHAT[p.kind].en} for ${s(p.periodKey)} was due by ${s(p.deadline)} and is still missing${p.days === undefined ? '' : ` (${s(p.days)} days overdue)`}.`,
    fixZh: `尽快补上：用 npm run new 生成 ${s(p.periodKey)} 的文件后填写；补上后，县级合规视图会显示为“逾期公开”。`,
    fixEn: `Add it as soon as possible: npm run new creates the ${s(p.periodKey)} files to fill in; once added, the county view shows it as published late.`,
  }),
  'catalogue.missing': (p: { period: Param; track: Param; count: Param; items: Param; periodKey: Param; deadline: Param }) => ({
    zh: `${s(p.period)}${s(p.track)}公开缺少县公开目录要求的 ${s(p.count)} 项：${s(p.items)}。`,
    en: `The ${s(p.periodKey)} ${s(p.track)} disclosures lack ${s(p.count)} item(s) the county catalogue requires: ${s(p.items)}.`,
    expectedZh: '每季度（及每月）的目录项每季度都公开；每年的目录项在第四季度公开',
    expectedEn: 'quarterly (and monthly) catalogue items every quarter; yearly items in the fourth quarter',
    fixZh: '在本季度的公开中补上这些目录项；确实没有发生的，也要写明“本季度无”。',
    fixEn: 'Add these items to the quarter\'s disclosure; where nothing happened, say so ("本季度无").',
  }),
  // ── sign-off ───────────────────────────────────────────────────────────
  'signoff.reviewer-missing': () => ({
    zh: '缺少村务监督委员会的审核人。',
    en: 'The supervision committee reviewer is missing.',
    expectedZh: '村务、财务公开须经村务监督委员会审核签字',
    expectedEn: 'village-affairs and finance disclosures must be reviewed and signed by the supervision committee',
    fixZh: '在 signoff 中填写 reviewer、reviewedAt 和 opinion。',
    fixEn: 'Fill in reviewer, reviewedAt and opinion under signoff.',
  }),
  'signoff.same-person': (p: { name: Param; role: SignoffRole; otherRole: SignoffRole }) => ({
    zh: `${s(p.name)} 不能同时是${ROLE[p.role][0]}和${ROLE[p.otherRole][0]}。`,
    en: `${s(p.name)} cannot be both the ${ROLE[p.role][1]} and the ${ROLE[p.otherRole][1]}.`,
    expectedZh: '审核人、编制人、负责人是三个不同的人',
    expectedEn: 'reviewer, preparer and responsible person are three different people',
    fixZh: '由村务监督委员会的另一名成员审核，或改正姓名。',
    fixEn: 'Have another supervision committee member review it, or correct the name.',
  }),
  'signoff.not-supervisor': (p: { name: Param; supervisors: Param }) => ({
    zh: `审核人 ${s(p.name)} 不是本村村务监督委员会成员。`,
    en: `The reviewer ${s(p.name)} is not on the village supervision committee.`,
    expectedZh: `以下之一：${s(p.supervisors)}`,
    expectedEn: `one of: ${list(p.supervisors)}`,
    fixZh: '核对姓名；若委员会有变动，先更新 village.yaml 的 supervisors。',
    fixEn: 'Check the name; if the committee changed, update supervisors in village.yaml first.',
  }),
  'signoff.reviewer-on-committee': (p: { name: Param }) => ({
    zh: `审核人 ${s(p.name)} 是村委会成员。`,
    en: `The reviewer ${s(p.name)} is a village committee member.`,
    fixZh: '由村务监督委员会成员审核。',
    fixEn: 'Have a supervision committee member review it.',
  }),
  'signoff.supervisor-in-role': (p: { name: Param; role: 'preparer' | 'responsible' }) =>
    p.role === 'preparer'
      ? {
          zh: `编制人 ${s(p.name)} 是村务监督委员会成员：记账、编表的人不能同时是监督这些账目的人。`,
          en: `The preparer ${s(p.name)} sits on the supervision committee: whoever keeps the accounts cannot also supervise them.`,
          expectedZh:
            '编制人（preparer）是会计、报账员等财会人员，不在村务监督委员会名单 supervisors 上（山东省村务公开条例第十四条、上海市实施办法第二十五条、浙江省实施办法第三十条：财会人员、报账员不得担任村务监督委员会成员；农村集体经济组织法第三十二条：财务人员不得担任监事）',
          expectedEn:
            'a preparer (the accountant or bookkeeper) who is not on the supervision committee (山东条例 §14, 上海办法 §25, 浙江办法 §30: accounting staff may not sit on it; 农村集体经济组织法 §32: nor be supervisors of a collective)',
          fixZh: '写上实际编制的会计或报账员；如果确是监督委员会成员在记账，须由乡镇调整人选后再公开。',
          fixEn:
            'Name the accountant or bookkeeper who actually prepared it; if a supervision committee member keeps the books, the township must change that before it is published.',
        }
      : {
          zh: `负责人 ${s(p.name)} 是村务监督委员会成员：负责村务的是村委会，监督委员会成员不能同时是负责人。`,
          en: `The responsible person ${s(p.name)} sits on the supervision committee: village affairs are run by the village committee, which its supervisors may not be part of.`,
          expectedZh: '负责人（responsible）是村委会主任或集体经济组织负责人，不在村务监督委员会名单 supervisors 上（村民委员会组织法第三十二条）',
          expectedEn: 'a responsible person who heads the village committee or the collective, not a supervision committee member (村民委员会组织法 §32)',
          fixZh: '写上实际负责的村委会主任（或集体经济组织负责人）；核对 village.yaml 的 committee 和 supervisors 名单。',
          fixEn: "Name the village committee head (or the collective's head) actually responsible; check committee and supervisors in village.yaml.",
        },
  'signoff.date-missing': () => ({
    zh: '缺少审核日期 reviewedAt。',
    en: 'The review date reviewedAt is missing.',
    fixZh: '填写审核日期，如 2025-10-06。',
    fixEn: 'Add the review date, e.g. 2025-10-06.',
  }),
  'signoff.review-after-publish': (p: { reviewedAt: Param; publishedAt: Param }) => ({
    zh: `审核日期 ${s(p.reviewedAt)} 晚于公布日期 ${s(p.publishedAt)}。`,
    en: `The review date ${s(p.reviewedAt)} is after the publication date ${s(p.publishedAt)}.`,
    expectedZh: '先审核，后公布',
    expectedEn: 'review first, then publish',
    fixZh: '核对日期；未经审核就公布的须撤回并重新审核。',
    fixEn: 'Check the dates; anything published before review must be withdrawn and reviewed.',
  }),
  'signoff.opinion-missing': () => ({
    zh: '缺少审核意见 opinion。',
    en: 'The review opinion is missing.',
    expectedZh: '同意、修改后同意 或 不同意',
    expectedEn: '同意 (approve), 修改后同意 (approve after changes) or 不同意 (reject)',
    fixZh: '填写监督委员会的审核意见。',
    fixEn: "Write the committee's opinion.",
  }),
  'signoff.rejected': () => ({
    zh: '村务监督委员会审核意见为“不同意”，不能公布。',
    en: 'The supervision committee rejected it (不同意); it cannot be published.',
    fixZh: '按意见修改后重新审核。',
    fixEn: 'Revise it as the committee asked and have it reviewed again.',
  }),
  // ── ledgers ────────────────────────────────────────────────────────────
  'ledger.total': (p: { side: Side; declared: Param; computed: Param }) => ({
    zh: `申报的${SIDE_ZH[p.side]}合计 ${s(p.declared)} 元与明细之和 ${s(p.computed)} 元不符。`,
    en: `The declared ${p.side} total ${s(p.declared)} differs from the sum of the entries, ${s(p.computed)}.`,
    expectedZh: `${s(p.computed)}`,
    expectedEn: `${s(p.computed)}`,
    fixZh: '核对明细是否漏记或多记，再改正合计。',
    fixEn: 'Check for missing or extra entries, then correct the total.',
  }),
  'ledger.closing': (p: { declared: Param; opening: Param; income: Param; expense: Param; computed: Param }) => ({
    zh: `本期结余 ${s(p.declared)} 元对不上：上期结余 ${s(p.opening)} + 收入 ${s(p.income)} − 支出 ${s(p.expense)} = ${s(p.computed)} 元。`,
    en: `The closing balance ${s(p.declared)} does not reconcile: opening ${s(p.opening)} + income ${s(p.income)} − expense ${s(p.expense)} = ${s(p.computed)}.`,
    expectedZh: `${s(p.computed)}`,
    expectedEn: `${s(p.computed)}`,
    fixZh: '核对上期结余和收支合计，改正本期结余。',
    fixEn: 'Check the opening balance and totals, then correct the closing balance.',
  }),
  'ledger.continuity': (p: { opening: Param; previous: Param; closing: Param }) => ({
    zh: `上期结余 ${s(p.opening)} 元与 ${s(p.previous)} 的本期结余 ${s(p.closing)} 元不一致。`,
    en: `The opening balance ${s(p.opening)} differs from the closing balance of ${s(p.previous)}, ${s(p.closing)}.`,
    expectedZh: `${s(p.closing)}`,
    expectedEn: `${s(p.closing)}`,
    fixZh: '上期结余应照抄上一期账的本期结余；若上一期有误，应更正上一期。',
    fixEn: "Copy the previous period's closing balance; if that was wrong, correct the previous period.",
  }),
  'ledger.overlap': (p: { period: Param; previous: Param }) => ({
    zh: `账期 ${s(p.period)} 与 ${s(p.previous)} 重叠。`,
    en: `The period ${s(p.period)} overlaps ${s(p.previous)}.`,
    fixZh: '同一段时间只能有一本账：按季度或按月记账，不要混用。',
    fixEn: 'Keep one ledger per stretch of time: quarterly or monthly, not both.',
  }),
  'ledger.gap': (p: { previous: Param; period: Param }) => ({
    zh: `${s(p.previous)} 与 ${s(p.period)} 之间缺少账期。`,
    en: `A period is missing between ${s(p.previous)} and ${s(p.period)}.`,
    fixZh: '补上缺少期间的账。',
    fixEn: 'Add the ledger for the missing period.',
  }),
  'ledger.date-outside': (p: { date: Param; period: Param; from: Param; to: Param }) => ({
    zh: `日期 ${s(p.date)} 不在账期 ${s(p.period)}（${s(p.from)} 至 ${s(p.to)}）内。`,
    en: `The date ${s(p.date)} is outside the period ${s(p.period)} (${s(p.from)} to ${s(p.to)}).`,
    fixZh: '核对日期；属于其他期间的款项记到那一期的账里。',
    fixEn: "Check the date; entries of another period belong in that period's ledger.",
  }),
  'ledger.category': (p: { category: Param; date: Param; system: Param; allowed: Param }) => ({
    zh: `科目“${s(p.category)}”在 ${s(p.date)} 执行的《${s(p.system)}》中不能使用。`,
    en: `The category "${s(p.category)}" is not allowed by the accounting system in force on ${s(p.date)} (${s(p.system)}).`,
    expectedZh: `以下之一：${s(p.allowed)}`,
    expectedEn: `one of: ${list(p.allowed)}`,
    fixZh: '按现行会计制度选择科目（2024年起“发包及上交收入”并入经营收入或投资收益）。',
    fixEn: 'Pick a category of the system in force (from 2024, 发包及上交收入 goes to 经营收入 or 投资收益).',
  }),
  'ledger.voucher-duplicate': (p: { voucher: Param; first: Param }) => ({
    zh: `凭证号 ${s(p.voucher)} 重复（已在 ${s(p.first)} 使用）。`,
    en: `The voucher number ${s(p.voucher)} is used twice (first at ${s(p.first)}).`,
    fixZh: '核对凭证，每笔用自己的凭证号。',
    fixEn: 'Check the vouchers; each entry has its own number.',
  }),
  'ledger.large-approver': (p: { amount: Param; threshold: Param }) => ({
    zh: `支出 ${s(p.amount)} 元超过本县 ${s(p.threshold)} 元的限额，但没有审批人。`,
    en: `The expense ${s(p.amount)} exceeds the county threshold of ${s(p.threshold)} but has no approver.`,
    fixZh: '填写 approver（审批人）。',
    fixEn: 'Add approver.',
  }),
  'ledger.self-approved': (p: { name: Param; voucher: Param }) => ({
    zh: `凭证 ${s(p.voucher)} 的审批人和经手人是同一人（${s(p.name)}），自己经手的钱自己批。`,
    en: `Voucher ${s(p.voucher)} was approved by the person who handled it (${s(p.name)}).`,
    expectedZh: '审批人（approver）是经手人（handler）以外的人：经办和审批是不相容职务，相互分离、相互制约',
    expectedEn: 'an approver other than the handler: handling and approving money are kept apart (separation of duties)',
    fixZh: '写上实际审批这笔支出的人；如果确是经手人自己批的，请另一位负责人补批后再公开。',
    fixEn: 'Name the person who actually approved it; if the handler approved it, have another responsible person approve it first.',
  }),
  'ledger.reviewer-conflict': (p: { name: Param; role: 'handler' | 'approver'; voucher: Param }) => {
    const duty = p.role === 'handler' ? { zh: '经手人', en: 'handled' } : { zh: '审批人', en: 'approved' };
    return {
      zh: `审核这本账的村务监督委员会成员 ${s(p.name)} 也是凭证 ${s(p.voucher)} 的${duty.zh}：自己经手或批准的钱，不能由自己审核。`,
      en: `${s(p.name)}, the supervision committee member who reviews this ledger, also ${duty.en} voucher ${s(p.voucher)}: nobody reviews money they ${duty.en} themselves.`,
      expectedZh: '审核人（signoff.reviewer）不是任何一笔支出的经手人或审批人（村民委员会组织法第三十二条：村务监督机构与村务执行相分离）',
      expectedEn:
        'a reviewer (signoff.reviewer) who neither handled nor approved any expense in the ledger (村民委员会组织法 §32: supervision kept apart from running village affairs)',
      fixZh: `请村务监督委员会另一位没有经手、审批这些支出的成员审核并签字，改写 signoff.reviewer；如果${duty.zh}写错了人，改正凭证 ${s(p.voucher)} 的 ${p.role}。`,
      fixEn: `Have another supervision committee member, who neither handled nor approved these expenses, review and sign (signoff.reviewer); if the ${p.role} is wrong, correct it on voucher ${s(p.voucher)}.`,
    };
  },
  'ledger.reviewer-paid': (p: { name: Param; where: 'expense' | 'receivables' | 'payables'; what: Param }) => {
    const zh = {
      expense: `凭证 ${s(p.what)} 的摘要写到了他（她）`,
      receivables: `他（她）欠村里的钱（应收款 ${s(p.what)}）`,
      payables: `村里欠他（她）的钱（应付款 ${s(p.what)}）`,
    }[p.where];
    const en = {
      expense: `the summary of voucher ${s(p.what)} names them`,
      receivables: `they owe the village money (receivable from ${s(p.what)})`,
      payables: `the village owes them money (payable to ${s(p.what)})`,
    }[p.where];
    return {
      zh: `审核这本账的村务监督委员会成员 ${s(p.name)} 可能经手或收到了这本账里的钱：${zh}。自己拿到或欠下的钱，不能由自己审核。`,
      en: `${s(p.name)}, the supervision committee member who reviews this ledger, may have received or owe money in it: ${en}. Nobody reviews money paid to or owed by themselves.`,
      expectedZh: '审核人（signoff.reviewer）与这本账里的收付款无关（村民委员会组织法第三十二条：村务监督机构与村务执行相分离）',
      expectedEn:
        'a reviewer (signoff.reviewer) with no part in the money of the ledger (村民委员会组织法 §32: supervision kept apart from running village affairs)',
      fixZh: '如果确是付给他（她）或与他（她）有关的钱，请村务监督委员会另一位成员审核并签字；如果只是同名或提到了他（她），核对后可不改。',
      fixEn:
        'If the money did go to or concern them, have another supervision committee member review and sign; if it is only a namesake or a mention, check it and leave it.',
    };
  },
  'ledger.split-expense': (p: { count: Param; vouchers: Param; total: Param; threshold: Param; days: Param }) => ({
    zh: `同一经手人的 ${s(p.count)} 笔同一用途的支出（凭证 ${s(p.vouchers)}）在 ${s(p.days)} 天内支付，每笔都不超过本县 ${s(p.threshold)} 元的限额，合计 ${s(p.total)} 元却超过了，也没有注明决议：看起来是一笔大额支出拆成了几笔（化整为零）。`,
    en: `${s(p.count)} expenses for one purpose by one handler (vouchers ${s(p.vouchers)}) were paid within ${s(p.days)} days, each within the county threshold of ${s(p.threshold)} but together ${s(p.total)}, above it, and none cites a resolution: one large expense split into parts.`,
    expectedZh: '超过限额的一笔支出有审批人，并注明通过它的村民（代表）会议决议',
    expectedEn: "an expense over the threshold has an approver and cites the villagers' (representative) assembly resolution that passed it",
    fixZh: '如果这是同一笔开支，请在每一笔上填写 approver（审批人）和 resolution（决议）；如果确是互不相关的开支，请在摘要里写清各自的用途。',
    fixEn: 'If it is one expense, add approver and resolution to each part; if they are unrelated, say what each was for in its summary.',
  }),
  'ledger.split-expense-periods': (p: { count: Param; vouchers: Param; total: Param; threshold: Param; days: Param }) => ({
    zh: `同一经手人的 ${s(p.count)} 笔同一用途的支出（${s(p.vouchers)}）分在相邻两期的账里、在 ${s(p.days)} 天内支付，每笔都不超过本县 ${s(p.threshold)} 元的限额，合计 ${s(p.total)} 元却超过了，也没有注明决议：看起来是一笔大额支出跨期拆成了几笔（化整为零）。`,
    en: `${s(p.count)} expenses for one purpose by one handler (${s(p.vouchers)}) sit in consecutive periods' ledgers but were paid within ${s(p.days)} days, each within the county threshold of ${s(p.threshold)} but together ${s(p.total)}, above it, and none cites a resolution: one large expense split across the periods.`,
    expectedZh: '超过限额的一笔支出有审批人，并注明通过它的村民（代表）会议决议，不论它分几期支付（各地村级财务管理规定：不得化整为零规避审批 [CONV]）',
    expectedEn:
      "an expense over the threshold has an approver and cites the villagers' (representative) assembly resolution that passed it, however many periods it is paid over (county finance rules: no splitting to escape approval [CONV])",
    fixZh: '如果这是同一笔开支，请在两期账里的每一笔上填写 approver（审批人）和 resolution（决议）；如果确是互不相关的开支，请在摘要里写清各自的用途。',
    fixEn:
      "If it is one expense, add approver and resolution to each part in both periods' ledgers; if they are unrelated, say what each was for in its summary.",
  }),
  'ledger.signed-before-entries': (p: { what: 'review' | 'publication'; date: Param; last: Param; voucher: Param }) => ({
    zh: `${p.what === 'review' ? '审核' : '公布'}日期 ${s(p.date)} 早于账目中最后一笔（凭证 ${s(p.voucher)}，${s(p.last)}）：还没发生的收支不可能已经${p.what === 'review' ? '审核' : '公布'}。`,
    en: `The ${p.what} date ${s(p.date)} is before the ledger's last entry (voucher ${s(p.voucher)}, ${s(p.last)}): an entry not yet made cannot have been ${p.what === 'review' ? 'reviewed' : 'published'}.`,
    expectedZh: '审核和公布都在最后一笔收支之后（同一天也可以）',
    expectedEn: 'review and publication on or after the last entry',
    fixZh: '核对日期：写上实际审核、张贴的日期；如果那笔收支属于下一期，把它移到下一期的账目。',
    fixEn: "Check the dates: give the day it was actually reviewed and posted; if the entry belongs to the next period, move it to that period's ledger.",
  }),
  'disclosure.before-period': (p: { what: 'review' | 'publication'; date: Param; begins: Param; period: Param; periodEn: Param }) => ({
    zh: `${s(p.period)}的公开${p.what === 'review' ? '审核' : '公布'}于 ${s(p.date)}，那时这个季度（${s(p.begins)} 起）还没有开始。`,
    en: `The ${s(p.periodEn)} disclosure's ${p.what} date ${s(p.date)} is before the quarter began (${s(p.begins)}).`,
    expectedZh: '季度开始之后的日期，通常在季度结束后',
    expectedEn: 'a date after the quarter began, usually after it ended',
    fixZh: '核对日期是否写错了年份或季度；本季度的公开放在对应季度的文件里。',
    fixEn: "Check whether the year or quarter is wrong; a quarter's disclosure goes in that quarter's file.",
  }),
  'ledger.party-kind': (p: { party: Param; masked: Param }) => ({
    zh: `往来方“${s(p.party)}”看起来是个人的姓名，却标为“单位”：单位名称在网站上照原样公开，个人的姓名才会遮盖为 ${s(p.masked)}。`,
    en: `The counterparty "${s(p.party)}" reads as a private person's name but is marked 单位 (organisation): an organisation's name is published as written; a person's is masked as ${s(p.masked)}.`,
    expectedZh: '个人写 partyKind: 个人；单位写全称，如“刘建平家庭农场”“陇县鑫源建筑工程有限公司”',
    expectedEn: 'partyKind: 个人 for a person; an organisation under its full name, e.g. 刘建平家庭农场',
    fixZh: '是个人就改为 partyKind: 个人；是单位就写出单位全称。',
    fixEn: 'If it is a person, write partyKind: 个人; if an organisation, give its full name.',
  }),
  'ledger.large-resolution': (p: { amount: Param; threshold: Param }) => ({
    zh: `支出 ${s(p.amount)} 元超过本县 ${s(p.threshold)} 元的限额，但没有注明决议。`,
    en: `The expense ${s(p.amount)} exceeds the county threshold of ${s(p.threshold)} but cites no resolution.`,
    expectedZh: '村民（代表）会议的会议编号，如 2025-07-15-daibiao',
    expectedEn: "the id of the villagers' (representative) assembly meeting, e.g. 2025-07-15-daibiao",
    fixZh: '填写 resolution: 通过该支出的会议编号。',
    fixEn: 'Add resolution: the id of the meeting that approved the expense.',
  }),
  'ledger.resolution-failed': (p: { ref: Param; quorum: { met: true } | { met: false; basis: Param } }) => ({
    zh: `引用的会议 ${s(p.ref)} 没有通过任何决议（${p.quorum.met ? '赞成票不足' : s(p.quorum.basis)}），不能作为支出依据。`,
    en: `The cited meeting ${s(p.ref)} passed no resolution (${p.quorum.met ? 'not enough yes votes' : 'the meeting had no quorum'}) and cannot authorise the expense.`,
    fixZh: '引用通过该事项的会议。',
    fixEn: 'Cite the meeting that passed it.',
  }),
  'ledger.resolution-body': (p: { ref: Param; body: Param }) => ({
    zh: `引用的会议 ${s(p.ref)} 是${s(p.body)}，无权决定该支出。`,
    en: `The cited meeting ${s(p.ref)} is a ${bodyEn(p.body)}, which cannot authorise the expense.`,
    expectedZh: '村民会议、村民代表会议、成员大会或成员代表大会',
    expectedEn: "a villagers' assembly, representative assembly or collective members' (representative) meeting",
    fixZh: '引用作出决定的村民（代表）会议。',
    fixEn: "Cite the villagers' (representative) assembly that decided it.",
  }),
  'meeting.authorises-body': (p: { ref: Param; body: Param }) => ({
    zh: `${s(p.body)}的决议列出它授权的支出 ${s(p.ref)}，但${s(p.body)}无权决定开支：网站会把它显示成这笔钱的依据。`,
    en: `A resolution of the ${bodyEn(p.body)} lists ${s(p.ref)} as spending it authorises, but that body cannot decide spending: the site would show it as the payment's authority.`,
    expectedZh: '只有村民会议、村民代表会议、成员大会或成员代表大会的决议列出 authorises（村民委员会组织法第二十四条）',
    expectedEn:
      "authorises only on a resolution of a villagers' assembly, representative assembly or collective members' (representative) meeting (村民委员会组织法 §24)",
    fixZh: `删去这里的 authorises；把 ${s(p.ref)} 列在作出决定的村民（代表）会议决议下，或在支出上用 resolution 引用那次会议。`,
    fixEn: `Remove authorises here; list ${s(p.ref)} under the villagers' (representative) assembly resolution that decided it, or cite that meeting in the expense's resolution.`,
  }),
  'ledger.resolution-own-vote': (p: { ref: Param; index: Param }) => ({
    zh: `支出所依据的 ${s(p.ref)} 第 ${s(p.index)} 项决议表决未通过，不能作为支出依据；同一次会议通过的其他决议不能代替它。`,
    en: `The expense rests on resolution no. ${s(p.index)} of ${s(p.ref)}, which was voted down; another resolution passed at the same meeting cannot stand in for it.`,
    fixZh: '核对支出依据：引用通过该支出的那项决议（写成 会议编号#序号）；未经通过的支出须重新决策。',
    fixEn: 'Check the basis: cite the resolution that passed this expense (meeting-id#number); spending never passed must be decided again.',
  }),
  'ledger.resolution-ambiguous': (p: { ref: Param; count: Param }) => ({
    zh: `会议 ${s(p.ref)} 表决了 ${s(p.count)} 项决议，并非全部通过，看不出这笔支出依据的是哪一项。`,
    en: `The meeting ${s(p.ref)} voted on ${s(p.count)} resolutions, not all passed; it is not clear which one this expense rests on.`,
    expectedZh: '会议编号#决议序号，如 2025-07-22-daibiao#1；或在该决议的 authorises 中列出这笔支出',
    expectedEn: 'meeting-id#number, e.g. 2025-07-22-daibiao#1, or list the entry in that resolution’s authorises',
    fixZh: '在 resolution 后加上 #序号，指明通过该支出的决议。',
    fixEn: 'Add #number to resolution to name the resolution that passed the expense.',
  }),
  'ledger.resolution-index': (p: { ref: Param; index: Param; count: Param }) => ({
    zh: `引用的 ${s(p.ref)} 没有第 ${s(p.index)} 项决议（该会议共 ${s(p.count)} 项）。`,
    en: `${s(p.ref)} names resolution no. ${s(p.index)}, but the meeting has ${s(p.count)}.`,
    expectedZh: `#1 到 #${s(p.count)}`,
    expectedEn: `#1 to #${s(p.count)}`,
    fixZh: '改正 # 后的决议序号（从 1 起，按会议记录中决议的先后）。',
    fixEn: 'Correct the number after # (from 1, in the order of the minutes).',
  }),
  'ledger.before-decision': (p: { date: Param; ref: Param; decided: Param; step: 'meeting' | 'posted' }) => ({
    zh:
      p.step === 'meeting'
        ? `支出日期 ${s(p.date)} 早于作出决定的会议 ${s(p.ref)}（${s(p.decided)}），钱不能先花后议。`
        : `支出日期 ${s(p.date)} 早于“四议两公开”决议公开（${s(p.ref)} 于 ${p.decided === '' ? '未公开' : s(p.decided)}），程序未走完就不能付款。`,
    en:
      p.step === 'meeting'
        ? `The expense is dated ${s(p.date)}, before the meeting ${s(p.ref)} that decided it (${s(p.decided)}): money is spent only after the decision.`
        : `The expense is dated ${s(p.date)}, before the 四议两公开 resolution of ${s(p.ref)} was posted (${p.decided === '' ? 'not posted' : s(p.decided)}): payment comes after the procedure is complete.`,
    expectedZh: p.step === 'meeting' ? `${s(p.decided)} 或以后的支出日期` : '决议公开之后的支出日期',
    expectedEn: p.step === 'meeting' ? `an expense date on or after ${s(p.decided)}` : 'an expense date after the resolution was posted',
    fixZh: '核对支出日期和所引用的会议；先付款后补开的会不能作为依据，须如实说明并报乡镇审查。',
    fixEn: 'Check the date and the cited meeting; a meeting held after the payment cannot authorise it: say so and refer it to the township.',
  }),
  'ledger.chain-broken': (p: { ref: Param; step: Param; stepBody: Param } & Standing) => ({
    zh: `支出所依据的 ${s(p.ref)} 建立在“四议两公开”中未成立的一步上：${s(p.step)}（${s(p.stepBody)}）${standingZh(p)}，程序到此终止，不能作为支出依据。`,
    en: `The expense rests on ${s(p.ref)}, which builds on a 四议两公开 step that did not stand: ${s(p.step)} (${bodyEn(p.stepBody)}) — ${standingEn(p)}; the procedure ended there and cannot fund anything.`,
    fixZh: '按程序从被否决的一步重新决策；在此之前不得支出。',
    fixEn: 'Restart the procedure from the step that was voted down; nothing may be spent before.',
  }),
  'ledger.negative-closing': (p: { closing: Param }) => ({
    zh: `本期结余为负数（${s(p.closing)} 元）。`,
    en: `The closing balance is negative (${s(p.closing)}).`,
    fixZh: '核对收支；现金结余不会小于零。',
    fixEn: 'Check the entries; cash cannot go below zero.',
  }),
  // ── meetings ───────────────────────────────────────────────────────────
  'meeting.present-over': (p: { present: Param; eligible: Param }) => ({
    zh: `实到 ${s(p.present)} 多于应到 ${s(p.eligible)}。`,
    en: `${s(p.present)} are recorded as present, more than the ${s(p.eligible)} eligible.`,
    fixZh: '核对签到表。',
    fixEn: 'Check the attendance sheet.',
  }),
  'meeting.part-over': (p: { part: 'households' | 'womenReps'; field: 'present' | 'eligible'; value: Param; whole: Param }) => {
    const present = p.field === 'present';
    if (p.part === 'households')
      return {
        zh: `到会户数 ${s(p.value)} 多于实到人数 ${s(p.whole)}：每一户都要有人（户代表）到会才算到会，到会的户不可能比到会的人多。`,
        en: `${s(p.value)} households are recorded as present, more than the ${s(p.whole)} persons present: a household is present only through a person who attends (its representative).`,
        expectedZh: '实到人数 present 不少于到会户数 households.present（村民委员会组织法第二十二条：三分之二以上的户的代表参加）',
        expectedEn: 'present at least households.present (村民委员会组织法 §22: the representatives of two thirds of the households attend)',
        fixZh: '核对签到表：present 写实际到会的全部人数（以户代表方式召开时至少等于到会户数），households.present 写有代表到会的户数。',
        fixEn:
          'Check the attendance sheet: present is everyone who attended (at least one per household present), households.present the households with a representative there.',
      };
    return {
      zh: `${present ? '实到' : '应到'}妇女代表 ${s(p.value)} 人多于${present ? '实到' : '应到'}总人数 ${s(p.whole)}：妇女代表是会议组成人员的一部分。`,
      en: `${s(p.value)} women representatives are recorded as ${present ? 'present' : 'eligible'}, more than the ${s(p.whole)} ${present ? 'present' : 'eligible'} in all: they are among the meeting's members.`,
      expectedZh: `womenReps.${p.field} 不超过 ${p.field}（村民委员会组织法第二十五条：妇女代表是村民代表会议组成人员的一部分）`,
      expectedEn: `womenReps.${p.field} at most ${p.field} (村民委员会组织法 §25: women representatives are among the assembly's members)`,
      fixZh: `核对签到表和代表名册：womenReps.${p.field} 只数妇女代表，${p.field} 数全部${present ? '到会' : '应到'}人员。`,
      fixEn: `Check the attendance sheet and the register: womenReps.${p.field} counts the women representatives only, ${p.field} everyone ${present ? 'present' : 'entitled'}.`,
    };
  },
  'meeting.votes-over': (p: { cast: Param; yes: Param; no: Param; abstain: Param; present: Param }) => ({
    zh: `表决票数 ${s(p.cast)}（赞成 ${s(p.yes)}、反对 ${s(p.no)}、弃权 ${s(p.abstain)}）多于实到人数 ${s(p.present)}。`,
    en: `${s(p.cast)} votes (yes ${s(p.yes)}, no ${s(p.no)}, abstain ${s(p.abstain)}) exceed the ${s(p.present)} present.`,
    fixZh: '核对表决记录。',
    fixEn: 'Check the vote record.',
  }),
  'meeting.votes-missing': (p: { body: Param }) => ({
    zh: `${s(p.body)}的决议缺少表决票数。`,
    en: `A resolution of the ${bodyEn(p.body)} has no vote counts.`,
    expectedZh: 'votes: 下写 yes（赞成）、no（反对）、abstain（弃权）',
    expectedEn: 'votes with yes, no and abstain',
    fixZh: '填写票数；是否通过由系统计算，不要手写。',
    fixEn: 'Write the counts; whether it passed is computed, not typed.',
  }),
  'meeting.votes-consultative': (p: { body: Param }) => ({
    zh: `${s(p.body)}是协商性会议，不作有约束力的表决。`,
    en: `A ${bodyEn(p.body)} is consultative and takes no binding vote.`,
    fixZh: '删去 votes，用 result 写明协商结果；需要表决的事项提交村民（代表）会议。',
    fixEn: "Remove votes and write the outcome in result; binding decisions go to a villagers' (representative) assembly.",
  }),
  'meeting.result-missing': (p: { body: Param }) => ({
    zh: `${s(p.body)}的议题缺少协商结果 result。`,
    en: `An item of the ${bodyEn(p.body)} has no consultation result.`,
    fixZh: '用 result 写明协商结果及采纳情况。',
    fixEn: 'Write the result and how it was taken up.',
  }),
  'meeting.outcome-typed': () => ({
    zh: '“是否通过”不能手写，由票数计算。',
    en: 'The outcome may not be typed; it is computed from the counts.',
    fixZh: '删去 outcome 一行，只填写票数。',
    fixEn: 'Delete the outcome line and give the vote counts.',
  }),
  'meeting.notice-missing': (p: { body: Param; days: Param }) => ({
    zh: `${s(p.body)}须提前 ${s(p.days)} 天通知，但没有写通知日期。`,
    en: `A ${bodyEn(p.body)} needs ${s(p.days)} days' notice, but no notice date is given.`,
    fixZh: '填写 noticeDate（发出会议通知的日期）。',
    fixEn: 'Add noticeDate (the day the notice went out).',
  }),
  'meeting.notice-short': (p: { body: Param; lead: Param; noticeDate: Param; date: Param; days: Param }) => ({
    zh: `${s(p.body)}只提前 ${s(p.lead)} 天通知（${s(p.noticeDate)} 通知，${s(p.date)} 召开），少于规定的 ${s(p.days)} 天。`,
    en: `The ${bodyEn(p.body)} was announced only ${s(p.lead)} days ahead (${s(p.noticeDate)} for ${s(p.date)}); ${s(p.days)} are required.`,
    fixZh: '核对日期；通知不足的会议须重新召开。',
    fixEn: 'Check the dates; a meeting without enough notice must be held again.',
  }),
  'meeting.notice-after': (p: { noticeDate: Param; date: Param }) => ({
    zh: `通知日期 ${s(p.noticeDate)} 晚于开会日期 ${s(p.date)}。`,
    en: `The notice date ${s(p.noticeDate)} is after the meeting date ${s(p.date)}.`,
    fixZh: '核对日期。',
    fixEn: 'Check the dates.',
  }),
  'meeting.published-before': (p: { publishedAt: Param; date: Param }) => ({
    zh: `决议公开日期 ${s(p.publishedAt)} 早于开会日期 ${s(p.date)}，会还没开就不能公开决议。`,
    en: `The resolutions are dated as posted on ${s(p.publishedAt)}, before the meeting on ${s(p.date)}.`,
    expectedZh: `${s(p.date)} 或以后的日期`,
    expectedEn: `${s(p.date)} or later`,
    fixZh: '改正 publishedAt 为决议实际张贴到公开栏的日期。',
    fixEn: 'Set publishedAt to the day the resolutions actually went up on the notice board.',
  }),
  'meeting.body-not-yet': (p: { body: Param; since: Param }) => ({
    zh: `${s(p.body)}的规则自 ${s(p.since)} 起施行，此前召开的会议不能记为${s(p.body)}。`,
    en: `The rules for a ${bodyEn(p.body)} apply from ${s(p.since)}; a meeting held before that cannot be recorded as one.`,
    fixZh: '核对会议日期；更早的会议按当时实际召开的会议类型填写（如村民会议、村民代表会议）。',
    fixEn: 'Check the date; record an earlier meeting under the body that actually met (e.g. 村民会议 or 村民代表会议).',
  }),
  'meeting.authorises': (p: { ref: Param }) => ({
    zh: `授权的账目“${s(p.ref)}”写法不对。`,
    en: `The authorised entry "${s(p.ref)}" is malformed.`,
    expectedZh: '账期/凭证号，如 2025-q3/记-08-003',
    expectedEn: 'period/voucher, e.g. 2025-q3/记-08-003',
    fixZh: '按“账期/凭证号”填写。',
    fixEn: 'Write it as period/voucher.',
  }),
  'meeting.eligible-zero': (p: { body: Param }) => ({
    zh: `${s(p.body)}的应到人数写为 0；没有应到的人，就谈不上到会过半或三分之二，会议不能成立。`,
    en: `The ${bodyEn(p.body)} has 0 entitled to attend; with nobody entitled there is no quorum to reach.`,
    expectedZh: '按名册填写应到人数（大于 0）',
    expectedEn: 'the number entitled by the register (more than 0)',
    fixZh: '按村民名册、代表名册或成员名册填写应到人数。',
    fixEn: 'Write the number entitled by the register.',
  }),
  'meeting.register-missing': (p: { body: Param; field: RegisterField }) => ({
    zh: `${s(p.body)}的应到人数须按名册核对，但 village.yaml 没有登记${REGISTER_ZH[p.field].zh}。`,
    en: `The ${bodyEn(p.body)}'s eligible count is checked against the register, but village.yaml records no ${REGISTER_ZH[p.field].en}.`,
    expectedZh: `village.yaml 中的 ${p.field}: 人数`,
    expectedEn: `${p.field}: <number> in village.yaml`,
    fixZh: `在 village.yaml 中填写 ${p.field}（名册上的人数）；人数有过变动的，在 registerHistory 中写明变动前的人数和变动日期 until。`,
    fixEn: `Add ${p.field} (the number on the register) to village.yaml; if it changed, list the earlier figure in registerHistory with the date of the change (until).`,
  }),
  'meeting.eligible-register': (p: { body: Param; field: RegisterField; eligible: Param; register: Param; date: Param }) => ({
    zh: `${s(p.body)}的应到人数 ${s(p.eligible)} 与 ${s(p.date)} 有效的名册不符：village.yaml 登记的${REGISTER_ZH[p.field].zh}为 ${s(p.register)}（组织法第二十二条：法定人数按名册计算，不按记录人填写的数字）。`,
    en: `The ${bodyEn(p.body)}'s eligible count ${s(p.eligible)} differs from the register in force on ${s(p.date)}: village.yaml records ${s(p.register)} ${REGISTER_ZH[p.field].en} (quorum is counted against the register, Organic Law §22).`,
    expectedZh: `应到 ${s(p.register)}`,
    expectedEn: `eligible ${s(p.register)}`,
    fixZh: `把应到人数改为名册人数 ${s(p.register)}，并按它核对是否达到法定人数；若名册已变动，在 village.yaml 中更新 ${p.field}，并在 registerHistory 中记下变动日期。`,
    fixEn: `Set the eligible count to the register's ${s(p.register)} and check the quorum against it; if the register changed, update ${p.field} in village.yaml and record the change in registerHistory.`,
  }),
  'meeting.authorises-failed': (p: { index: Param; ref: Param }) => ({
    zh: `第 ${s(p.index)} 项决议表决未通过，却列为授权支出 ${s(p.ref)}；未通过的决议不能授权任何支出。`,
    en: `Resolution no. ${s(p.index)} was voted down but lists ${s(p.ref)} as authorised; a failed resolution authorises nothing.`,
    fixZh: '从该决议的 authorises 中删去这笔支出；若支出确已发生，须另经会议决定。',
    fixEn: 'Remove the entry from its authorises; spending that happened needs a decision of its own.',
  }),
  'disclosure.approval-unlawful': (p: { ref: Param; body: Param } & Standing) => ({
    zh: `审定公开方案的会议 ${s(p.ref)}（${s(p.body)}）不成立：${standingZh(p)}，不能审定任何事项。`,
    en: `The approving meeting ${s(p.ref)} (${bodyEn(p.body)}) does not stand: ${standingEn(p)}; it approves nothing.`,
    expectedZh: '达到法定人数、表决通过的两委联席会议（只看某一项决议时写 会议编号#序号）',
    expectedEn: 'a joint meeting with a quorum whose vote passed (name one resolution with meeting-id#number)',
    fixZh: '引用依法召开并表决通过公开方案的会议；没有的，须重新召开会议审定后再公开。',
    fixEn: 'Cite a lawful meeting that passed the plan; without one, hold the meeting again before publishing.',
  }),
  'chain.previous-unlawful': (p: { previous: Param; previousBody: Param } & Standing) => ({
    zh: `“四议两公开”的上一步 ${s(p.previous)}（${s(p.previousBody)}）没有成立：${standingZh(p)}。被否决或不足法定人数的一步终止程序，后面的步骤不能在它上面继续。`,
    en: `The previous 四议两公开 step ${s(p.previous)} (${bodyEn(p.previousBody)}) did not stand: ${standingEn(p)}. A step voted down or without quorum ends the procedure; later steps cannot build on it.`,
    fixZh: '从未成立的那一步重新开会决策，再用 previous 连接新的会议记录。',
    fixEn: 'Hold that step again lawfully and link the new minutes with previous.',
  }),
  'chain.posting-late': (p: { step: PostingStep; posted: Param; from: Param; deadline: Param; days: Param; province: Param }) => ({
    zh: `${POSTING[p.step].zh}日期 ${s(p.posted)} 晚于期限 ${s(p.deadline)}（${s(p.province)}：${p.step === 'resolution' ? '决议作出' : '最后一笔支出'} ${s(p.from)} 后 ${s(p.days)} 日内）。`,
    en: `The ${POSTING[p.step].en} on ${s(p.posted)} is after its deadline ${s(p.deadline)} (${s(p.province)}: within ${s(p.days)} days of ${p.step === 'resolution' ? 'the decision' : 'the last expense'} on ${s(p.from)}).`,
    expectedZh: `${s(p.deadline)} 或以前`,
    expectedEn: `${s(p.deadline)} or earlier`,
    fixZh: `核对 ${POSTING[p.step].field}；确实晚了的如实保留，并说明原因。`,
    fixEn: `Check ${POSTING[p.step].field}; if it really was late, keep the date and explain why.`,
  }),
  'chain.posting-missing': (p: { step: PostingStep; deadline: Param; province: Param }) => ({
    zh: `“四议两公开”的${POSTING[p.step].zh}没有记录，期限 ${s(p.deadline)}（${s(p.province)}）已过。`,
    en: `The 四议两公开 ${POSTING[p.step].en} is not recorded and its deadline ${s(p.deadline)} (${s(p.province)}) has passed.`,
    expectedZh: `${POSTING[p.step].field}: 张贴到公开栏的日期`,
    expectedEn: `${POSTING[p.step].field}: the day it went up on the board`,
    fixZh: `张贴后填写 ${POSTING[p.step].field}。`,
    fixEn: `Post it and fill in ${POSTING[p.step].field}.`,
  }),
  'chain.result-before': (p: { resultPublishedAt: Param; publishedAt: Param }) => ({
    zh: `实施结果公开 ${s(p.resultPublishedAt)} 早于决议公开 ${p.publishedAt === '' ? '（未公开）' : s(p.publishedAt)}。`,
    en: `The result is posted on ${s(p.resultPublishedAt)}, before the resolution was posted (${p.publishedAt === '' ? 'never' : s(p.publishedAt)}).`,
    expectedZh: '先决议公开（publishedAt），实施后再公开结果（resultPublishedAt）',
    expectedEn: 'the resolution posted first (publishedAt), the result after implementation (resultPublishedAt)',
    fixZh: '核对两个日期；没有公开决议的，先补公开决议。',
    fixEn: 'Check both dates; post the resolution first if it never was.',
  }),
  'chain.result-before-payment': (p: { resultPublishedAt: Param; first: Param; voucher: Param }) => ({
    zh: `实施结果公开日期 ${s(p.resultPublishedAt)} 早于这项决议授权的第一笔支出（${s(p.voucher)}，${s(p.first)}）：钱还没有花，不可能已经公开实施结果。`,
    en: `The result is posted on ${s(p.resultPublishedAt)}, before the first payment the resolution authorised (${s(p.voucher)}, ${s(p.first)}): nothing had been carried out yet.`,
    expectedZh: '实施结果公开（resultPublishedAt）在决议实施之后，不早于它授权的第一笔支出（四议两公开：决议公开、实施结果公开）',
    expectedEn: 'the result (resultPublishedAt) posted after the resolution was carried out, not before the first payment it authorised (四议两公开)',
    fixZh: '核对日期：resultPublishedAt 写实施结果实际张贴的日期；实施中途张贴的进度不是实施结果，结果公开要等实施完成后再写。',
    fixEn:
      'Check the dates: resultPublishedAt is the day the result was actually posted; a progress notice during the work is not the result, which comes once the work is done.',
  }),
  // Without `asOf` (the public pages and data files, true on every day until that date): the date is still to come.
  'record.published-future': (p: { field: Param; date: Param; asOf?: Param }) => ({
    zh:
      p.asOf === undefined
        ? `公开日期 ${s(p.field)}: ${s(p.date)} 还没有到：网站会把还没有张贴的内容显示为已公开。`
        : `公开日期 ${s(p.field)}: ${s(p.date)} 晚于本次生成的日期 ${s(p.asOf)}：网站会把还没有张贴的内容显示为已公开。`,
    en:
      p.asOf === undefined
        ? `The publication date ${s(p.field)}: ${s(p.date)} is still to come: the site would show as posted what is not up yet.`
        : `The publication date ${s(p.field)}: ${s(p.date)} is after this build's date ${s(p.asOf)}: the site would show as posted what is not up yet.`,
    expectedZh: p.asOf === undefined ? '今天或以前' : `${s(p.asOf)} 或以前`,
    expectedEn: p.asOf === undefined ? 'today or earlier' : `${s(p.asOf)} or earlier`,
    fixZh: '改正为实际张贴的日期；尚未张贴的，等张贴后再填写。',
    fixEn: 'Write the day it actually went up; if it is not up yet, fill it in once it is.',
  }),
  // Without `asOf` (the public pages and data files): the meeting's date is still to come.
  'record.held-future': (p: { date: Param; asOf?: Param }) => ({
    zh:
      p.asOf === undefined
        ? `会议日期 ${s(p.date)} 还没有到：会议记录只能记已经开过的会，网站会把还没有投的票显示为已表决。`
        : `会议日期 ${s(p.date)} 晚于本次生成的日期 ${s(p.asOf)}：会议记录只能记已经开过的会，网站会把还没有投的票显示为已表决。`,
    en:
      p.asOf === undefined
        ? `The meeting date ${s(p.date)} is still to come: minutes record a meeting that was held, and the site would show votes nobody has cast yet.`
        : `The meeting date ${s(p.date)} is after this build's date ${s(p.asOf)}: minutes record a meeting that was held, and the site would show votes nobody has cast yet.`,
    expectedZh: p.asOf === undefined ? '会议已经召开：今天或以前' : `会议已经召开：${s(p.asOf)} 或以前`,
    expectedEn: p.asOf === undefined ? 'a meeting already held: today or earlier' : `a meeting already held: ${s(p.asOf)} or earlier`,
    fixZh: '核对会议日期（和文件名里的日期）；会还没开的，开完后再写会议记录。',
    fixEn: "Check the meeting's date (and the date in the file name); if it has not been held yet, write the minutes once it has.",
  }),
  'chain.order': (p: { body: Param; expected: FourStep; previous: Param; previousBody: Param }) => ({
    zh: `“四议两公开”顺序不对：${s(p.body)}的上一步应是“${stepOf(p.expected).zh}”，而“${s(p.previous)}”是${s(p.previousBody)}。`,
    en: `The 四议两公开 steps are out of order: before a ${bodyEn(p.body)} comes "${stepOf(p.expected).en}", but "${s(p.previous)}" is a ${bodyEn(p.previousBody)}.`,
    expectedZh: '党组织提议 → 两委会议商议 → 党员大会审议 → 村民（代表）会议决议',
    expectedEn: 'party proposes → two committees consult → party members review → villagers resolve',
    fixZh: '让 previous 指向上一步的会议。',
    fixEn: 'Point previous at the meeting of the step before.',
  }),
  'chain.dates': (p: { previous: Param; previousDate: Param; date: Param }) => ({
    zh: `上一步会议“${s(p.previous)}”（${s(p.previousDate)}）不早于本次会议（${s(p.date)}）。`,
    en: `The previous step "${s(p.previous)}" (${s(p.previousDate)}) is not before this meeting (${s(p.date)}).`,
    fixZh: '核对日期；各步须依次召开。',
    fixEn: 'Check the dates; the steps happen one after another.',
  }),
  'chain.incomplete': (p: { missing: readonly FourStep[]; periodKey: Param }) => ({
    zh: `这次决议所依据的“四议两公开”程序不完整，缺少：${p.missing.map((x) => stepOf(x).zh).join('、')}。`,
    en: `The 四议两公开 procedure behind this resolution is incomplete; missing: ${p.missing.map((x) => stepOf(x).en).join(', ')}.`,
    expectedZh: '党组织提议 → 两委会议商议 → 党员大会审议 → 村民（代表）会议决议，每一步一份会议记录，用 previous 依次连起来',
    expectedEn: 'party proposes → two committees consult → party members review → villagers resolve, one set of minutes per step, linked with previous',
    fixZh: '补上缺少步骤的会议记录并用 previous 连接；确实没有经过这些步骤的重大事项，应按程序重新决策。',
    fixEn: 'Add the minutes of the missing steps and link them with previous; a major matter decided without them must be decided again by the procedure.',
  }),
  'chain.not-a-step': (p: { body: Param }) => ({
    zh: `${s(p.body)}不是“四议两公开”中可接续上一步的环节。`,
    en: `A ${bodyEn(p.body)} is not a step of 四议两公开 that follows another.`,
    fixZh: '删去 previous，或改正会议类型。',
    fixEn: 'Remove previous or correct the body.',
  }),
  // ── notices ────────────────────────────────────────────────────────────
  'notice.too-short': (p: { type: Param; days: Param; unit: DayUnit; minDays: number; minUnit: DayUnit; byProfile?: Param; earliest: Param }) => ({
    zh: `${s(p.type)}公示期为 ${s(p.days)} 个${DAY_UNIT_ZH[p.unit]}，少于最短要求（${minimumZh(p)}）。`,
    en: `This ${noticeTypeEn(p.type)} notice runs ${s(p.days)} ${p.unit} days, less than the minimum (${minimumEn(p)}).`,
    expectedZh: `不少于${minimumZh(p)}，即至少到 ${s(p.earliest)}`,
    expectedEn: `at least ${minimumEn(p)}, i.e. until ${s(p.earliest)} or later`,
    fixZh: '延长 duration.days；已张贴不足期的须重新公示。',
    fixEn: 'Increase duration.days; a notice posted too briefly must be posted again.',
  }),
  'notice.field-not-allowed': (p: { type: Param; field: Param; allowed: Param }) => ({
    zh: `${s(p.type)}公示不得公开“${fieldZh(s(p.field))}”（个人信息最小必要原则）。`,
    en: `A ${noticeTypeEn(p.type)} notice may not publish "${s(p.field)}" (data minimisation).`,
    expectedZh: `只可填写：${s(p.allowed).split(', ').map(fieldZh).join('、')}`,
    expectedEn: `only: ${s(p.allowed)}`,
    fixZh: '删去该字段。',
    fixEn: 'Remove the field.',
  }),
  'notice.unpublish-missing': (p: { type: Param }) => ({
    zh: `${s(p.type)}公示含个人信息，但没有写网页下线日期 unpublishAfter。`,
    en: `This ${noticeTypeEn(p.type)} notice contains personal data but has no unpublishAfter date.`,
    expectedZh: '公示期结束后的某一天，如 2026-05-31',
    expectedEn: 'a day after the notice ends, e.g. 2026-05-31',
    fixZh: '填写 unpublishAfter：到期后网站自动撤下名单（个人信息保护法第四十七条）。',
    fixEn: 'Add unpublishAfter; the site takes the list down after it (PIPL §47).',
  }),
  'notice.unpublish-early': (p: { unpublishAfter: Param; end: Param }) => ({
    zh: `网页下线日期 ${s(p.unpublishAfter)} 早于公示结束日 ${s(p.end)}。`,
    en: `unpublishAfter ${s(p.unpublishAfter)} is before the notice ends on ${s(p.end)}.`,
    fixZh: `改为 ${s(p.end)} 之后的日期。`,
    fixEn: `Use a date after ${s(p.end)}.`,
  }),
  'notice.before-review-ends': (p: {
    type: Param;
    reviewType: Param;
    review: Param;
    end: Param;
    earliest: Param;
    masked: Param;
    row: Param;
    source: Param;
  }) => ({
    zh: `${s(p.type)}第 ${s(p.row)} 户（${s(p.masked)}）的${s(p.reviewType)}公示（${s(p.review)}）到 ${s(p.end)} 才结束，这份名单却在那之前开始公示：公示期还没过、村民还能提异议，结果就已经公布了。`,
    en: `Row ${s(p.row)} (${s(p.masked)}) of this ${noticeTypeEn(p.type)} is still under its ${noticeTypeEn(p.reviewType)} notice (${s(p.review)}) until ${s(p.end)}, yet this list starts before then: the result is out while villagers may still object.`,
    expectedZh: `名单在${s(p.reviewType)}公示期满之后开始，最早 ${s(p.earliest)}（${s(p.source)}）`,
    expectedEn: `the list starts after the ${noticeTypeEn(p.reviewType)} notice has ended, on ${s(p.earliest)} at the earliest (${s(p.source)})`,
    fixZh: `核对日期：startDate 写名单实际张贴的日期（${s(p.earliest)} 或以后）；如果初审公示的期限写错了，改正那份公示。`,
    fixEn: `Check the dates: startDate is the day the list was actually posted (${s(p.earliest)} or later); if the review notice's period is wrong, correct that notice.`,
  }),
  'notice.long-term': (p: { type: Param }) => ({
    zh: `${s(p.type)}不能长期公示。`,
    en: `A ${noticeTypeEn(p.type)} notice cannot be long-term.`,
    fixZh: '删去 longTerm，或改用“低保对象名单”类型。',
    fixEn: 'Remove longTerm, or use the 低保对象名单 type.',
  }),
  // ── volunteers ─────────────────────────────────────────────────────────
  'volunteer.date-outside': (p: { date: Param; period: Param }) => ({
    zh: `活动日期 ${s(p.date)} 不在 ${s(p.period)} 内。`,
    en: `The activity date ${s(p.date)} is outside ${s(p.period)}.`,
    fixZh: '把活动记到对应期间的文件里。',
    fixEn: "Record the activity in that period's file.",
  }),
  'volunteer.hours': (p: { hours: Param }) => ({
    zh: `一天服务 ${s(p.hours)} 小时不合理。`,
    en: `${s(p.hours)} hours of service in one day is implausible.`,
    expectedZh: '不超过 24 小时，且不含路途时间',
    expectedEn: 'at most 24 hours, travel not counted',
    fixZh: '核对时长。',
    fixEn: 'Check the hours.',
  }),
  'volunteer.participant-twice': (p: { volunteer: Param; first: Param }) => ({
    zh: `志愿者 ${s(p.volunteer)} 在这次活动里已经列过一次（第 ${s(p.first)} 位），再列一次会把他的服务时长算两遍。`,
    en: `Volunteer ${s(p.volunteer)} is already listed in this activity (participant ${s(p.first)}); listing them again counts their hours twice.`,
    expectedZh: '每位志愿者在一次活动里只列一次，时长写他实际服务的总时长',
    expectedEn: 'each volunteer listed once per activity, with the total hours they actually served',
    fixZh: '删去重复的一行；如果他分两段服务，把两段时长加起来写在一行里。',
    fixEn: 'Remove the repeated line; if they served in two shifts, add the hours up on one line.',
  }),
  'volunteer.day-hours': (p: { volunteer: Param; date: Param; hours: Param; activities: Param }) => ({
    zh: `志愿者 ${s(p.volunteer)} 在 ${s(p.date)} 的几次活动（第 ${s(p.activities)} 项）合计服务 ${s(p.hours)} 小时，一天只有 24 小时。`,
    en: `Volunteer ${s(p.volunteer)} is recorded for ${s(p.hours)} hours on ${s(p.date)} over activities ${s(p.activities)}: a day has 24.`,
    expectedZh: '同一人同一天各次活动的时长加起来不超过 24 小时，且不含路途时间（志愿服务记录只记实际服务时间 [R]）',
    expectedEn: 'one person’s hours on one day, over all activities, at most 24, travel not counted (only actual service is recorded [R])',
    fixZh: '核对这几次活动的签到记录，改正时长，或改正写错的志愿者编号、活动日期。',
    fixEn: "Check those activities' sign-in sheets and correct the hours, or the mistyped volunteer id or date.",
  }),
  'volunteer.duplicate': (p: { id: Param }) => ({
    zh: `编号 ${s(p.id)} 重复。`,
    en: `The id ${s(p.id)} is used twice.`,
    fixZh: '每个志愿者、服务队用不同编号。',
    fixEn: 'Give each volunteer and team its own id.',
  }),
  // ── privacy ────────────────────────────────────────────────────────────
  'privacy.id': (p: { masked: Param; where?: PrivacyPlace }) => ({
    zh: `发现完整的身份证号（${s(p.masked)}）。${p.where === 'file-name' ? FILE_NAME_NUMBER.zh : ''}`,
    en: `A full ID number was found (${s(p.masked)}).${p.where === 'file-name' ? FILE_NAME_NUMBER.en : ''}`,
    expectedZh: '不公开身份证号；确需时只保留前两位和后三位，如 35*************123',
    expectedEn: 'no ID numbers; if one is required, keep only the first 2 and last 3 digits, e.g. 35*************123',
    fixZh: p.where === 'file-name' ? FILE_NAME_NUMBER.fixZh : '删除身份证号，或按上面的方式遮盖。',
    fixEn: p.where === 'file-name' ? FILE_NAME_NUMBER.fixEn : 'Delete the ID number or mask it as shown.',
  }),
  'privacy.mobile': (p: { masked: Param; where?: PrivacyPlace }) => ({
    zh: `发现完整的手机号（${s(p.masked)}）。${p.where === 'file-name' ? FILE_NAME_NUMBER.zh : ''}`,
    en: `A full mobile number was found (${s(p.masked)}).${p.where === 'file-name' ? FILE_NAME_NUMBER.en : ''}`,
    expectedZh: '只公开办公电话；个人手机号写成 138****1234',
    expectedEn: 'office phones only; personal mobiles as 138****1234',
    fixZh: p.where === 'file-name' ? FILE_NAME_NUMBER.fixZh : '改用村委会办公电话，或遮盖中间四位。',
    fixEn: p.where === 'file-name' ? FILE_NAME_NUMBER.fixEn : 'Use the office phone or mask the middle four digits.',
  }),
  'privacy.bank': (p: { masked: Param; where?: PrivacyPlace }) => ({
    zh: `发现完整的银行卡号（${s(p.masked)}）。${p.where === 'file-name' ? FILE_NAME_NUMBER.zh : ''}`,
    en: `A full bank card number was found (${s(p.masked)}).${p.where === 'file-name' ? FILE_NAME_NUMBER.en : ''}`,
    expectedZh: '任何公开内容都不得出现银行卡号',
    expectedEn: 'bank card numbers never appear in published content',
    fixZh: p.where === 'file-name' ? FILE_NAME_NUMBER.fixZh : '删除银行卡号。',
    fixEn: p.where === 'file-name' ? FILE_NAME_NUMBER.fixEn : 'Delete the card number.',
  }),
  'privacy.sensitive-detail': (p: { kind: SensitiveDetailKind; word: Param; row: Param }) => ({
    zh: `名单第 ${s(p.row)} 行写了对象的${SENSITIVE_KIND[p.kind].zh}（“${s(p.word)}”）。这类公示只公开法律要求的栏目，这项个人信息（病情、残疾属于敏感个人信息）公开栏和网站都不能公开。`,
    en: `Row ${s(p.row)} of the list states a subject's ${SENSITIVE_KIND[p.kind].en} ("${s(p.word)}"): personal information beyond the fields the law requires (illness and disability are sensitive), which neither the notice board nor the website may publish.`,
    expectedZh: '名单只写这类公示要求的栏目（如姓名、人数、金额、组别）；不写病情、残疾情况和门牌地址（个人信息保护法第六条、第二十八条）',
    expectedEn:
      'the list holds only the fields this kind of notice requires (such as name, members, amount, group): no illness, disability or house address (PIPL §6, §28)',
    fixZh: SENSITIVE_KIND[p.kind].fixZh,
    fixEn: SENSITIVE_KIND[p.kind].fixEn,
  }),
  'privacy.sensitive-detail-text': (p: { kind: SensitiveDetailKind; word: Param }) => ({
    zh: `这里写了${SENSITIVE_KIND[p.kind].zh}（“${s(p.word)}”）。如果说的是公示名单上的人，就公开了他们的敏感个人信息；如果只是一般的政策说明，可以不改。`,
    en: `This states ${SENSITIVE_KIND[p.kind].en} ("${s(p.word)}"). If it is about someone on the list, it publishes their sensitive personal information; if it is only a general statement of policy, leave it.`,
    expectedZh: '公示不写名单上的人的病情、残疾情况和门牌地址（个人信息保护法第六条、第二十八条）',
    expectedEn: 'a notice does not state the illness, disability or house address of anyone on its list (PIPL §6, §28)',
    fixZh: SENSITIVE_KIND[p.kind].fixZh,
    fixEn: SENSITIVE_KIND[p.kind].fixEn,
  }),
  'privacy.subject-name': (p: { masked: Param; row: Param }) => ({
    zh: `写出了公示对象的全名（名单第 ${s(p.row)} 行，${s(p.masked)}）。网站把名单里的姓名遮盖为 ${s(p.masked)}，标题、正文和其他栏目却照原样公开，也能被搜索到。`,
    en: `A subject of this notice is named in full (row ${s(p.row)} of the list, ${s(p.masked)}). The site masks the names in the list as ${s(p.masked)}, but the title, the body and the other fields are published and searchable as written.`,
    expectedZh: '对象的姓名只写在 subjects 名单里',
    expectedEn: "a subject's name only in the subjects list",
    fixZh: `删去这里的姓名，改写为“以上各户”“名单第 N 户”，或写成遮盖后的 ${s(p.masked)}。`,
    fixEn: `Take the name out here: refer to the list ("the households above", "row N of the list") or write the masked ${s(p.masked)}.`,
  }),
  'privacy.subject-name-part': (p: { masked: Param; row: Param; found: Param }) => ({
    zh: `“${s(p.found)}”以公示对象的姓名开头（名单第 ${s(p.row)} 行，${s(p.masked)}）。如果说的是这位对象，姓名就照原样公开了，也能被搜索到；如果是另一个人（名字更长），可以不改。`,
    en: `"${s(p.found)}" begins with the name of a subject of this notice (row ${s(p.row)} of the list, ${s(p.masked)}). If it means that subject, the name is published and searchable as written; if it is someone else with a longer name, leave it.`,
    expectedZh: '对象的姓名只写在 subjects 名单里',
    expectedEn: "a subject's name only in the subjects list",
    fixZh: `若指这位对象：删去姓名，改写为“以上各户”“名单第 N 户”，或写成遮盖后的 ${s(p.masked)}。`,
    fixEn: `If it means the subject: take the name out, refer to the list ("the households above", "row N of the list") or write the masked ${s(p.masked)}.`,
  }),
  'privacy.subject-name-word': (p: { masked: Param; row: Param; found: Param }) => ({
    zh: `“${s(p.found)}”里有公示对象的姓名（名单第 ${s(p.row)} 行，${s(p.masked)}），这个姓名也是常用词。如果说的是这位对象，姓名就照原样公开了，也能被搜索到；如果只是这个词，可以不改。`,
    en: `"${s(p.found)}" holds the name of a subject of this notice (row ${s(p.row)} of the list, ${s(p.masked)}), which is also a common word. If it means that subject, the name is published and searchable as written; if it is only the word, leave it.`,
    expectedZh: '对象的姓名只写在 subjects 名单里',
    expectedEn: "a subject's name only in the subjects list",
    fixZh: `若指这位对象：删去姓名，改写为“以上各户”“名单第 N 户”，或写成遮盖后的 ${s(p.masked)}。`,
    fixEn: `If it means the subject: take the name out, refer to the list ("the households above", "row N of the list") or write the masked ${s(p.masked)}.`,
  }),
  'privacy.subject-name-elsewhere-word': (p: { masked: Param; notice: Param; row: Param; found: Param }) => ({
    zh: `“${s(p.found)}”里有公示 ${s(p.notice)} 名单上对象的姓名（第 ${s(p.row)} 行，${s(p.masked)}），这个姓名也是常用词。如果说的是这位对象，姓名就照原样长期公开了，也能被搜索到；如果只是这个词，可以不改。`,
    en: `"${s(p.found)}" holds the name of a person on the list of notice ${s(p.notice)} (row ${s(p.row)}, ${s(p.masked)}), which is also a common word. If it means that person, the name is published and searchable as written, for good; if it is only the word, leave it.`,
    expectedZh: '低保、宅基地等公示对象的姓名只写在那份公示的 subjects 名单里',
    expectedEn: "the names of a personal notice's subjects only in that notice's subjects list",
    fixZh: `若指这位对象：删去姓名，改写为户数、人数（如“退出低保1户2人”），或写成遮盖后的 ${s(p.masked)}。`,
    fixEn: `If it means that person: take the name out, give the number of households and people, or write the masked ${s(p.masked)}.`,
  }),
  'privacy.subject-name-elsewhere': (p: { masked: Param; notice: Param; row: Param }) => ({
    zh: `写出了公示 ${s(p.notice)} 名单上对象的全名（第 ${s(p.row)} 行，${s(p.masked)}）。那份公示把姓名遮盖为 ${s(p.masked)}，到期还会从网站撤下，这里却照原样长期公开，也能被搜索到。`,
    en: `A person on the list of notice ${s(p.notice)} (row ${s(p.row)}, ${s(p.masked)}) is named in full here. That notice masks the name as ${s(p.masked)} and leaves the web when its time is up, but this text is published and searchable as written, for good.`,
    expectedZh: '低保、宅基地等公示对象的姓名只写在那份公示的 subjects 名单里',
    expectedEn: "the names of a personal notice's subjects only in that notice's subjects list",
    fixZh: `删去这里的姓名，改写为户数、人数（如“退出低保1户2人”），或写成遮盖后的 ${s(p.masked)}。`,
    fixEn: `Take the name out: give the number of households and people ("1 household, 2 people left 低保"), or write the masked ${s(p.masked)}.`,
  }),
  'privacy.subject-name-elsewhere-part': (p: { masked: Param; notice: Param; row: Param; found: Param }) => ({
    zh: `“${s(p.found)}”以公示 ${s(p.notice)} 名单上对象的姓名开头（第 ${s(p.row)} 行，${s(p.masked)}）。如果说的是这位对象，姓名就照原样长期公开了，也能被搜索到；如果是另一个人（名字更长），可以不改。`,
    en: `"${s(p.found)}" begins with the name of a person on the list of notice ${s(p.notice)} (row ${s(p.row)}, ${s(p.masked)}). If it means that person, the name is published and searchable as written, for good; if it is someone else with a longer name, leave it.`,
    expectedZh: '低保、宅基地等公示对象的姓名只写在那份公示的 subjects 名单里',
    expectedEn: "the names of a personal notice's subjects only in that notice's subjects list",
    fixZh: `若指这位对象：删去姓名，改写为户数、人数（如“退出低保1户2人”），或写成遮盖后的 ${s(p.masked)}。`,
    fixEn: `If it means that person: take the name out, give the number of households and people, or write the masked ${s(p.masked)}.`,
  }),
  // ── unfinished files (npm run new) ─────────────────────────────────────
  'field.placeholder': (p: { field: Param; value: Param }) => ({
    zh: `“${s(p.field)}”还没有填写，仍是新建时留下的占位：${s(p.value)}`,
    en: `"${s(p.field)}" is not filled in yet; it still holds the placeholder left by npm run new: ${s(p.value)}`,
    expectedZh: '按〔〕里的提示填写真实内容',
    expectedEn: 'the real value, as the hint in 〔〕 describes',
    fixZh: '把整个〔待填…〕换成实际内容（连同〔〕一起删去）；本期没有的项目整行删去。',
    fixEn: 'Replace the whole 〔待填…〕 with the real value (brackets included); delete the line if it does not apply this period.',
  }),
  // ── narrative text (Markdown/MDX bodies) ───────────────────────────────
  'body.html': (p: { tag: Param; snippet: Param; componentInMd: boolean }) => ({
    zh: `正文里有网页标签 ${s(p.tag)}（${s(p.snippet)}）。正文只能写文字和 Markdown 格式，不能写网页代码。${p.componentInMd ? '组件只能用在 .mdx 文件里；要用组件，请把文件扩展名改为 .mdx。' : ''}`,
    en: `The text contains the HTML tag ${s(p.tag)} (${s(p.snippet)}). Narrative text is plain text and Markdown, never web page code.${p.componentInMd ? ' Components only work in .mdx files; rename the file to .mdx to use one.' : ''}`,
    expectedZh: '文字和 Markdown：**加粗**、“- ”列表、| 表格 |、[链接文字](https://…)',
    expectedEn: 'text and Markdown: **bold**, "- " lists, | tables |, [link text](https://…)',
    fixZh: '删去这个标签，改用 Markdown 写法；若只是想显示尖括号，用反引号括起来，如 `<b>`。从网页或公众号复制的内容请“只粘贴文字”。',
    fixEn:
      'Delete the tag and use Markdown instead; to show angle brackets as text, put them in backticks like `<b>`. When copying from a web page, paste as plain text.',
  }),
  'body.script': (p: { snippet: Param }) => ({
    zh: `正文里有脚本 <script>（${s(p.snippet)}）。这是会在村民手机上运行的程序代码，一律不允许。`,
    en: `The text contains a <script> (${s(p.snippet)}): program code that would run on villagers' phones. It is never allowed.`,
    fixZh: '删去整段 <script>…</script>。如果内容是从网页复制来的，请重新“只粘贴文字”。',
    fixEn: 'Delete the whole <script>…</script>. If it came from a web page, paste the text again as plain text.',
  }),
  'body.event-handler': (p: { attr: Param; snippet: Param }) => ({
    zh: `正文里有事件属性 ${s(p.attr)}（${s(p.snippet)}）。on 开头的属性会运行程序代码，一律不允许。`,
    en: `The text contains the event attribute ${s(p.attr)} (${s(p.snippet)}). Attributes starting with "on" run program code and are never allowed.`,
    fixZh: '删去这个标签或属性，用普通文字和 Markdown 写。',
    fixEn: 'Delete the tag or attribute and write plain text and Markdown.',
  }),
  'body.link-scheme': (p: { url: Param; scheme: Param }) => ({
    zh: `链接地址“${s(p.url)}”以 ${s(p.scheme)} 开头，点开会运行代码或打开隐藏内容，不允许。`,
    en: `The link "${s(p.url)}" starts with ${s(p.scheme)}; opening it would run code or hidden content, so it is not allowed.`,
    expectedZh: '以 https:// 或 http:// 开头的网址，或 mailto:（邮箱）、tel:（电话）',
    expectedEn: 'an address starting with https:// or http://, or mailto: / tel:',
    fixZh: '改成正常的网址，或删去这个链接。',
    fixEn: 'Use a normal web address or remove the link.',
  }),
  'body.image': (p: { url: Param }) => ({
    zh: `正文里有图片（${s(p.url)}）。网站正文暂不支持图片：外站图片会泄露村民的访问记录，也可能被人替换。`,
    en: `The text contains an image (${s(p.url)}). Images are not supported in the narrative yet: images from other sites leak who reads the page and can be swapped.`,
    fixZh: '删去图片，用文字说明；照片请张贴在村务公开栏。',
    fixEn: 'Remove the image and describe it in words; post photos on the notice board.',
  }),
  'body.mdx-esm': (p: { snippet: Param }) => ({
    zh: `正文里有程序语句“${s(p.snippet)}”（import/export）。内容文件里不能写程序。`,
    en: `The text contains the program statement "${s(p.snippet)}" (import/export). Content files may not contain code.`,
    fixZh: '删去这一行。可用的组件 <Amount>、<Signature>、<Table> 不需要 import，直接写即可。',
    fixEn: 'Delete the line. The components <Amount>, <Signature> and <Table> need no import; just use them.',
  }),
  'body.mdx-expression': (p: { snippet: Param }) => ({
    zh: `正文里有花括号表达式 {${s(p.snippet)}}。花括号里的内容会被当作程序运行，不允许。`,
    en: `The text contains the expression {${s(p.snippet)}}. Whatever is inside braces would run as code, so it is not allowed.`,
    expectedZh: '组件属性写在引号里，如 yuan="12,500.00"；要显示花括号本身，写成 \\{ 和 \\}',
    expectedEn: 'component props in quotes, like yuan="12,500.00"; to show a brace, write \\{ and \\}',
    fixZh: '删去花括号及其中内容，或改成引号里的文字。',
    fixEn: 'Delete the braces and their content, or write the value as quoted text.',
  }),
  'body.mdx-component': (p: { name: Param; allowed: Param }) => ({
    zh: `<${s(p.name)}> 不是可以使用的组件。`,
    en: `<${s(p.name)}> is not one of the components you may use.`,
    expectedZh: `以下之一：${s(p.allowed)}`,
    expectedEn: `one of: ${s(p.allowed)}`,
    fixZh: '改用上面的组件，或删去它（连同结尾标签）。',
    fixEn: 'Use one of these components or delete it (with its closing tag).',
  }),
  'body.mdx-attribute': (p: { name: Param; attr: Param; allowed: Param }) => ({
    zh: `组件 <${s(p.name)}> 不能有“${s(p.attr)}”。`,
    en: `The component <${s(p.name)}> does not take "${s(p.attr)}".`,
    expectedZh: `可用的属性：${s(p.allowed)}`,
    expectedEn: `its props: ${s(p.allowed)}`,
    fixZh: '删去它，或改正属性名。',
    fixEn: 'Remove it or correct the prop name.',
  }),
  'body.mdx-attribute-missing': (p: { name: Param; attr: Param; example: Param }) => ({
    zh: `组件 <${s(p.name)}> 缺少属性“${s(p.attr)}”。`,
    en: `The component <${s(p.name)}> is missing "${s(p.attr)}".`,
    expectedZh: `如：${s(p.example)}`,
    expectedEn: `e.g. ${s(p.example)}`,
    fixZh: `补上 ${s(p.attr)}="…"。`,
    fixEn: `Add ${s(p.attr)}="…".`,
  }),
  'body.too-deep': () => ({
    zh: '正文的引用（>）或列表套得太深（成千上万层），无法检查，拒绝发布。',
    en: 'The text nests quotes (>) or lists far too deep (thousands of levels) to be checked; it is refused.',
    expectedZh: '引用和列表最多套几层',
    expectedEn: 'quotes and lists nested a few levels at most',
    fixZh: '删除多余的“>”和缩进；如果不知道它们从哪来，请从备份恢复这个文件并告诉管理员。',
    fixEn: 'Remove the extra ">" and indentation; if you did not write them, restore the file from a backup and tell the administrator.',
  }),
  'body.mdx-syntax': (p: { line: Param; col: Param; detail: Param; reason?: MdxSyntaxReason }) => {
    const r = MDX_SYNTAX[p.reason ?? 'other'];
    return {
      zh: `MDX 格式有误：文件第 ${s(p.line)} 行第 ${s(p.col)} 列，${r.zh}。`,
      en: `The MDX is malformed at line ${s(p.line)}, column ${s(p.col)} of the file: ${r.en} (parser: ${s(p.detail)}).`,
      expectedZh: '组件写成 <Amount yuan="1,000.00" />；尖括号 < 和花括号 { 只用于组件',
      expectedEn: 'components written like <Amount yuan="1,000.00" />; < and { only for components',
      fixZh: `${r.fixZh}如果不需要组件，把文件扩展名改为 .md（普通文字里的 < 和 { 就不会出错）。`,
      fixEn: `${r.fixEn} If you need no component, rename the file to .md.`,
    };
  },
});
