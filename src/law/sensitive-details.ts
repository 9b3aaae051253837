/**
 * What a personal 公示 (低保, 特困, 临时救助, 宅基地, 征地补偿 …) may not say about the people on its list beyond the
 * fields the law requires: their health or disability, and the house they live in.
 *
 * - 个人信息保护法 §28 [V, domain rules §4.1]: 医疗健康 information (disability included) is sensitive; processing it needs
 *   a specific purpose and full necessity, and §29 separate consent. §6 [V]: only the minimum necessary.
 * - 社会救助暂行办法 §61 [V, domain rules §4.1]: aid staff keep personal information confidential "除按照规定应当公示的信息外";
 *   the 低保 公示 fields are 户主姓名、保障人数、保障金额 [S] (domain rules §3.5: "Forbidden: … detailed address, …
 *   illness/disability detail").
 * - 民法典 §1034 [V]: 住址 and 健康信息 are personal information.
 * - Field policy, domain rules §4.2: "Health, disability, cause of poverty — No" on poster and web; "Detailed address (门牌)
 *   — No; village group (组) only"; 宅基地 plots are a plot, "not a house-number address" (§3.5).
 *
 * The words are those a clerk writes; the check reads text as a villager sees it (spaces, invisible characters and
 * traditional characters read through, src/lib/person-name.ts). Provinces differ in how a house number is written (the
 * 村民小组 is a 社 in 重庆 [R], a lane a 弄 in 上海 [R]), so the places a house number follows are extended per province.
 */

export interface SensitiveDetailWords {
  /** Words that state a person's illness or health (个人信息保护法 §28 医疗健康). */
  health: readonly string[];
  /** Words that state a disability or its grade (个人信息保护法 §28; 残疾人证 grades). */
  disability: readonly string[];
  /** Words that are a house's own address (门牌). */
  houseWords: readonly string[];
  /** Places a house number follows: 组 in 三组12号, 巷, 路 …; a number and 号 after one is a house number. */
  housePlaces: readonly string[];
  /** What after 号 makes the number a plot's, not a house's (二组3号地块, 五组7号田). */
  plotAfterNumber: readonly string[];
}

/** The national lists. [CONV] for the choice of words; the rules they serve are cited above. */
export const NATIONAL_SENSITIVE_DETAILS: SensitiveDetailWords = {
  health: [
    '病情',
    '病史',
    '病历',
    '患病',
    '患有',
    '身患',
    '罹患',
    '确诊',
    '诊断为',
    '癌症',
    '肺癌',
    '胃癌',
    '肝癌',
    '食道癌',
    '食管癌',
    '乳腺癌',
    '宫颈癌',
    '白血病',
    '尿毒症',
    '肾衰竭',
    '心脏病',
    '脑梗',
    '脑溢血',
    '脑出血',
    '中风',
    '偏瘫',
    '瘫痪',
    '截瘫',
    '植物人',
    '精神疾病',
    '精神病',
    '精神分裂',
    '抑郁症',
    '癫痫',
    '艾滋病',
    '肺结核',
    '结核病',
    '乙肝',
    '传染病',
    '糖尿病',
    '慢性病',
    '重病',
    '重大疾病',
    '大病',
    '因病',
    '住院',
    '化疗',
    '透析',
    '长期服药',
    '卧床',
    '痴呆',
  ],
  disability: ['残疾', '伤残', '残障', '肢残', '智障', '智力障碍', '精神障碍', '失明', '盲人', '聋哑', '截肢', '因残'],
  houseWords: ['门牌'],
  housePlaces: ['组', '队', '巷', '街', '路', '胡同', '村', '庄'],
  plotAfterNumber: ['地', '田', '宗', '林', '塘', '池', '井', '渠', '坑', '山', '坡', '棚', '圈', '基'],
};

/** What a province adds to the national lists, by profile key (src/law/profiles.ts). */
export const SENSITIVE_DETAILS_BY_PROFILE: Readonly<Record<string, Partial<SensitiveDetailWords>>> = {
  // 重庆's villages call the 村民小组 a 社 (X村X社) [R]: 三社12号 is a house. Elsewhere 社 is a 合作社.
  chongqing: { housePlaces: ['社'] },
  // 上海's lanes: X弄X号 [R].
  shanghai: { housePlaces: ['弄'] },
  // 东北's hamlets are 屯 (X屯X号) [R].
  heilongjiang: { housePlaces: ['屯'] },
};

/** The lists for a province: the national ones with what its profile adds. */
export function getSensitiveDetailWords(profileKey: string): SensitiveDetailWords {
  const extra = SENSITIVE_DETAILS_BY_PROFILE[profileKey] ?? {};
  const n = NATIONAL_SENSITIVE_DETAILS;
  return {
    health: [...n.health, ...(extra.health ?? [])],
    disability: [...n.disability, ...(extra.disability ?? [])],
    houseWords: [...n.houseWords, ...(extra.houseWords ?? [])],
    housePlaces: [...n.housePlaces, ...(extra.housePlaces ?? [])],
    plotAfterNumber: [...n.plotAfterNumber, ...(extra.plotAfterNumber ?? [])],
  };
}
