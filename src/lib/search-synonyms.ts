/**
 * How villagers say things versus how the boards print them: search data, like the law tables.
 * Pure data: the build writes it into search/lexicon.json (SEARCH_LANGUAGE), where the search page's
 * query planner (src/lib/search-query.ts) reads it, so the tables are not part of the page's script.
 *
 * SYNONYMS: a word as typed → the words the pages use. A term is searched as itself and as each of
 * its synonyms (any of them may match); when only a synonym finds pages the page says so
 * ("已按 饮水 查找"). Pairs that mean the same in both directions are listed both ways.
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // social assistance (社会救助)
  五保: ['特困供养', '特困'],
  五保户: ['特困供养', '特困'],
  特困户: ['特困供养', '特困'],
  低保户: ['低保', '最低生活保障'],
  低保金: ['低保'],
  救济: ['临时救助', '救助'],
  救济款: ['临时救助', '救助'],
  困难户: ['低保', '特困', '临时救助'],
  // water, roads, lights
  自来水: ['饮水', '供水'],
  吃水: ['饮水', '供水'],
  喝水: ['饮水', '供水'],
  水管: ['管网', '供水'],
  管道: ['管网'],
  路灯: ['照明'],
  修路: ['道路硬化', '硬化', '生产路'],
  铺路: ['道路硬化', '硬化'],
  水泥路: ['硬化', '村道'],
  马路: ['村道'],
  // money words
  工资: ['报酬', '误工补贴', '补贴'],
  干部工资: ['报酬', '误工补贴'],
  村干部工资: ['报酬', '误工补贴'],
  房租: ['租金'],
  涨: ['调整', '上调', '提高', '增加'],
  涨价: ['调整', '上调', '提高'],
  降: ['调整', '下调', '降低', '减少'],
  降价: ['调整', '下调', '降低'],
  花钱: ['支出'],
  开支: ['支出'],
  中标: ['成交', '中标'],
  中标单位: ['成交', '拟成交单位'],
  谁中标: ['成交'],
  剩: ['结余'],
  还剩: ['结余'],
  剩下: ['结余'],
  余额: ['结余'],
  // people and offices
  村支书: ['支部书记', '党支部书记'],
  支书: ['支部书记', '党支部书记'],
  村书记: ['支部书记', '党支部书记'],
  村主任: ['村委会主任', '主任'],
  村长: ['村委会主任', '主任'],
  出纳: ['会计', '报账员'],
  网费: ['网络费'],
  电话费: ['通讯费', '电话'],
  存款利息: ['利息'],
  银行利息: ['利息'],
  // meetings and bodies
  两委会: ['两委联席会议'],
  两委会议: ['两委联席会议'],
  联席会: ['两委联席会议', '联席会议'],
  村委会议: ['两委联席会议'],
  村代会: ['村民代表会议'],
  代表会: ['村民代表会议', '居民代表会议'],
  代表大会: ['村民代表会议', '居民代表会议'],
  村民大会: ['村民会议', '村民代表会议'],
  党员会: ['党员大会'],
  支委会: ['党支部委员会', '支部委员会'],
  党支部会议: ['党支部委员会'],
  监委会: ['村务监督委员会', '监督委员会'],
  村监会: ['村务监督委员会', '监督委员会'],
  理财小组: ['民主理财', '村务监督委员会'],
  投票: ['表决'],
  // housing and land
  危房: ['危房改造'],
  危房补助: ['危房改造'],
  盖房: ['宅基地', '建房'],
  房基地: ['宅基地'],
  批地: ['宅基地'],
  地租: ['流转', '租金'],
  土地流转: ['流转'],
  包地: ['承包'],
  // others
  入党: ['发展党员', '入党积极分子', '发展对象'],
  义工: ['志愿服务', '志愿者'],
  做好事: ['志愿服务'],
  老年人: ['老人', '助老', '高龄'],
  防洪: ['防汛'],
  发大水: ['防汛'],
  打扫卫生: ['清洁', '清理', '清扫'],
  搞卫生: ['清洁', '清理', '清扫'],
  门面: ['门面房'],
  铺面: ['门面房'],
  商铺: ['门面房'],
  停车: ['停车'],
  筹钱: ['筹资'],
  集资: ['筹资'],
  出工: ['筹劳'],
  改正: ['更正'],
  错了: ['更正'],
  印错: ['更正', '误印'],
  记错: ['更正', '误印'],
  写错: ['更正', '误印'],
  弄错: ['更正', '误印'],
  搞错: ['更正', '误印'],
  算错: ['更正', '误印'],
  工程款: ['工程进度款', '进度款'],
  中秋: ['中秋节', '中秋'],
  春节: ['春节', '春联'],
  过年: ['春节', '春联'],
};

/**
 * RELATED: words the boards themselves use → other words for the same thing. Looked up only when the
 * word as typed is rare on the site (fewer than EXPAND_BELOW pages in src/lib/search-run.ts): a
 * villager who types 低保 means 低保, and 最低生活保障 (one page) also finds the 低保 pages.
 */
export const RELATED: Readonly<Record<string, readonly string[]>> = {
  低保: ['最低生活保障'],
  最低生活保障: ['低保'],
  停水: ['停水', '供水'],
  照明: ['路灯'],
  道路: ['村道', '生产路'],
  补助: ['补助', '补贴'],
  补贴: ['补贴', '补助'],
  租金: ['租金', '承包费'],
  承包费: ['承包费', '租金'],
  分红: ['分红', '投资收益'],
  利息: ['利息'],
  收入: ['收入'],
  结余: ['结余'],
  报账员: ['报账员', '会计'],
  监督委员会: ['监督委员会'],
  选举: ['选举', '换届'],
  建房: ['建房', '宅基地'],
  果园: ['果园'],
  党费: ['党费'],
  志愿者: ['志愿者', '志愿服务'],
  老人: ['老人', '助老', '高龄'],
  卫生: ['卫生', '清洁'],
  垃圾: ['垃圾'],
  一事一议: ['一事一议'],
  公示: ['公示'],
  公开: ['公开'],
  更正: ['更正'],
  进度款: ['工程进度款', '进度款'],
  月饼: ['月饼'],
};

/**
 * Question and filler words dropped from a query: they say how a villager asks, not what the page
 * is about. Longest first does not matter; the segmenter prefers the longest match.
 */
export const FILLER_WORDS: readonly string[] = [
  '请问', '请教', '麻烦', '你好', '您好', '我想问', '我想知道', '我想查', '我想看', '我想', '我要查', '我要看', '我要', '想知道', '想问', '想查',
  '帮我查', '帮我找', '帮忙查', '查一下', '查一查', '看一下', '看一看', '查查', '看看', '查询', '搜索', '找一下', '在哪里', '在哪儿', '在哪',
  '哪里', '哪儿', '哪些', '哪个', '哪家', '哪天', '哪一天', '什么时候', '啥时候', '什么', '啥', '怎么样', '怎么', '咋样', '咋',
  '多少钱', '多少', '几个', '几次', '几人', '几天', '多久', '多长时间',
  '谁是', '是谁', '有谁', '有没有', '有无', '了没有', '没有', '了吗', '了么', '是不是', '是否', '能不能', '可不可以', '可以',
  '花了', '用了', '给了', '发了', '收了', '交了', '开了', '办了', '到底', '一共', '总共', '合计', '大概', '情况', '的话', '一下',
  '今年', '本年度', '最近', '最新', '目前', '现在', '近期', '一年', '每年', '全年', '一个月', '每月', '每个月', '几家', '几户', '多少户', '咱村', '我们村', '我村', '本村', '村里', '村上', '咱们', '我们', '我家', '我', '你们', '他们', '大家',
  '吗', '呢', '吧', '啊', '呀', '嘛', '么', '哦', '的', '了', '是', '有', '和', '与', '及', '在', '给', '钱', '谁', '几', '要', '把', '被', '都', '也', '还', '就', '又', '去', '来', '让', '对', '从', '为', '这', '那', '个', '啦', '多', '少',
];

/**
 * Words that name a kind of record rather than a topic: they become the record-type filter (values of
 * RECORD_KINDS in src/data/search.ts), so "东兴村的账" lists 东兴村's ledgers.
 */
export const KIND_WORDS: Readonly<Record<string, string>> = {
  账: '财务收支', 帐: '财务收支', 账目: '财务收支', 帐目: '财务收支', 账本: '财务收支', 账单: '财务收支', 财务: '财务收支', 财务账: '财务收支',
  财务收支: '财务收支', 收支: '财务收支', 收支明细: '财务收支', 流水账: '财务收支', 明细账: '财务收支',
  会议: '会议决议', 开会: '会议决议', 会议记录: '会议决议', 会议纪要: '会议决议', 开会记录: '会议决议', 会议决议: '会议决议',
  志愿活动: '志愿服务', 志愿者活动: '志愿服务',
};

/** Latin words that only say "a place" around a pinyin name: "Maqu village", "Tiancheng town". */
export const LATIN_PLACE_WORDS: readonly string[] = ['village', 'town', 'township', 'community', 'county', 'cun', 'zhen', 'xiang', 'shequ', 'the', 'of', 'in'];

/** Words every board repeats; the vocabulary keeps them but they say little on their own. */
export const DOMAIN_WORDS: readonly string[] = [
  '村务公开', '党务公开', '财务公开', '财务收支', '四议两公开', '一事一议', '筹资筹劳', '低保', '特困供养', '临时救助', '最低生活保障', '宅基地',
  '危房改造', '两委联席会议', '村民代表会议', '居民代表会议', '村民会议', '党员大会', '党支部委员会', '村务监督委员会', '议事协商', '志愿服务',
  '公示', '公示期', '饮水', '饮水安全', '管网', '村道', '道路硬化', '生产路', '路灯', '照明', '门面房', '租金', '承包费', '分红', '利息', '印花税',
  '报酬', '误工补贴', '补助', '补贴', '慰问', '中秋节', '防汛', '助老', '发展党员', '党费', '更正', '记账凭证', '凭证', '工程进度款', '土地流转',
  '集体经济', '投资收益', '经营收入', '补助收入', '管理费用', '公益支出', '经营支出', '税金及附加', '上期结余', '本期结余', '逆变器', '光伏',
];

/** The tables as the build writes them into search/lexicon.json. */
export const SEARCH_LANGUAGE = { synonyms: SYNONYMS, related: RELATED, fillers: FILLER_WORDS, kinds: KIND_WORDS, latinPlaceWords: LATIN_PLACE_WORDS };
