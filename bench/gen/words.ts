/**
 * Word lists for the synthetic county: real Chinese place-name parts (with pinyin for the URL id),
 * surnames and given names, and the vocabulary of village affairs (projects, crops, subsidies,
 * ledger summaries), so that page text and search vocabulary look like a real county's.
 */

/** A character or word with its pinyin, for place names and ids. */
export type Part = readonly [zh: string, pinyin: string];

/** First parts of village names: surnames, directions, qualities, landscape. */
export const PLACE_FIRST: readonly Part[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'], ['黄', 'huang'],
  ['周', 'zhou'], ['吴', 'wu'], ['马', 'ma'], ['高', 'gao'], ['石', 'shi'], ['郭', 'guo'], ['何', 'he'], ['罗', 'luo'],
  ['宋', 'song'], ['韩', 'han'], ['冯', 'feng'], ['董', 'dong'], ['薛', 'xue'], ['雷', 'lei'], ['贺', 'he'], ['白', 'bai'],
  ['东', 'dong'], ['西', 'xi'], ['南', 'nan'], ['北', 'bei'], ['上', 'shang'], ['下', 'xia'], ['前', 'qian'], ['后', 'hou'],
  ['新', 'xin'], ['老', 'lao'], ['大', 'da'], ['小', 'xiao'], ['中', 'zhong'], ['高', 'gao'], ['长', 'chang'], ['双', 'shuang'],
  ['柳', 'liu'], ['槐', 'huai'], ['桃', 'tao'], ['杏', 'xing'], ['枣', 'zao'], ['梨', 'li'], ['松', 'song'], ['柏', 'bai'],
  ['泉', 'quan'], ['清', 'qing'], ['温', 'wen'], ['龙', 'long'], ['凤', 'feng'], ['安', 'an'], ['太', 'tai'], ['平', 'ping'],
  ['兴', 'xing'], ['和', 'he'], ['丰', 'feng'], ['富', 'fu'], ['康', 'kang'], ['宁', 'ning'], ['永', 'yong'], ['红', 'hong'],
  ['青', 'qing'], ['金', 'jin'], ['银', 'yin'], ['三', 'san'], ['五', 'wu'], ['八', 'ba'], ['十', 'shi'], ['官', 'guan'],
];

/** Optional middle parts (王家, 李家 …). */
export const PLACE_MIDDLE: readonly Part[] = [['家', 'jia'], ['河', 'he'], ['山', 'shan'], ['水', 'shui'], ['沟', 'gou'], ['坡', 'po'], ['阳', 'yang'], ['峪', 'yu']];

/** Last parts of village names. */
export const PLACE_LAST: readonly Part[] = [
  ['庄', 'zhuang'], ['寨', 'zhai'], ['堡', 'bao'], ['沟', 'gou'], ['湾', 'wan'], ['坡', 'po'], ['川', 'chuan'], ['塬', 'yuan'],
  ['坪', 'ping'], ['岭', 'ling'], ['桥', 'qiao'], ['店', 'dian'], ['集', 'ji'], ['营', 'ying'], ['屯', 'tun'], ['峪', 'yu'],
  ['河', 'he'], ['泉', 'quan'], ['村', 'cun'], ['岔', 'cha'], ['坊', 'fang'], ['铺', 'pu'], ['滩', 'tan'], ['梁', 'liang'],
  ['洼', 'wa'], ['峰', 'feng'], ['头', 'tou'], ['园', 'yuan'], ['门', 'men'], ['关', 'guan'], ['城', 'cheng'], ['台', 'tai'],
];

/** Township names (without 镇/乡). */
export const TOWNSHIPS: readonly string[] = [
  '城关', '东风', '天成', '东南', '温水', '河北', '曹家湾', '固关', '八渡', '新集川', '杜阳', '关山', '峰山', '火烧寨',
  '李家河', '龙门', '青石', '双河', '太平', '凤鸣', '石堡', '清泉', '三岔', '官庄', '南塬', '西坡', '北川', '永安',
  '兴隆', '和平', '长宁', '金沟', '柳林', '桃园', '杏坪', '白石', '黄花', '马鞍', '高崖', '红岩', '松林', '槐芽',
];

/** County names for site.yaml (fictional but plausible). */
export const COUNTIES: readonly { county: string; city: string; province: string; areaCode: string }[] = [
  { county: '云山县', city: '宝鸡市', province: '陕西省', areaCode: '0917' },
  { county: '青川县', city: '汉中市', province: '陕西省', areaCode: '0916' },
  { county: '泾源县', city: '咸阳市', province: '陕西省', areaCode: '029' },
  { county: '洛南县', city: '商洛市', province: '陕西省', areaCode: '0914' },
];

export const SURNAMES: readonly string[] = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕',
  '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜',
  '范', '方', '石', '姚', '谭', '廖', '邹', '熊', '金', '陆', '郝', '孔', '白', '崔', '康', '毛', '邱', '秦', '江', '史',
  '顾', '侯', '邵', '孟', '龙', '万', '段', '雷', '钱', '汤', '尹', '黎', '易', '常', '武', '乔', '贺', '赖', '龚', '文',
];

export const GIVEN_CHARS: readonly string[] = [
  '建', '国', '军', '伟', '强', '明', '华', '平', '文', '志', '海', '红', '英', '兰', '芳', '秀', '霞', '燕', '玲', '娟',
  '丽', '静', '敏', '杰', '涛', '斌', '刚', '勇', '峰', '波', '辉', '亮', '鹏', '飞', '宏', '林', '森', '春', '秋', '冬',
  '梅', '桂', '凤', '翠', '巧', '满', '有', '福', '贵', '财', '德', '才', '振', '兴', '成', '俊', '学', '忠', '世', '永',
  '小', '晓', '新', '东', '卫', '民', '生', '荣', '玉', '淑', '珍', '莲', '琴', '云', '雪', '丹', '宁', '安', '康', '健',
];

export const MEMBER_ROLES = { secretary: '村党支部书记、村委会主任', deputy: '村委会副主任', women: '村委会委员（妇联主席）', member: '村委会委员', youth: '村委会委员（团支部书记）' } as const;

/** Public works and collective projects (for disclosures, ledgers, meetings, notices). */
export const PROJECTS: readonly string[] = [
  '村道硬化', '生产路维修', '排水渠改造', '太阳能路灯安装', '饮水安全巩固提升', '文化广场建设', '村级光伏电站扩容', '产业路修建',
  '河道护坡加固', '垃圾收集点建设', '户厕改造', '桥涵维修', '村卫生室改造', '幸福院修缮', '高标准农田配套', '农田灌溉管网铺设',
  '村史馆布展', '便民服务中心改造', '公共厕所建设', '污水管网铺设', '危旧房屋拆除', '村庄绿化', '冷链仓储库建设', '农机合作社厂房修建',
];

export const CROPS: readonly string[] = ['苹果', '花椒', '核桃', '玉米', '小麦', '中药材', '食用菌', '猕猴桃', '马铃薯', '辣椒', '蔬菜', '生猪', '肉牛', '奶山羊', '中蜂'];

export const COMPANIES: readonly string[] = [
  '建筑工程有限公司', '路桥工程有限公司', '水利水电工程有限公司', '照明工程有限公司', '园林绿化有限公司', '建材有限公司', '农业科技有限公司',
  '环卫服务有限公司', '电气安装有限公司', '市政工程有限公司', '劳务服务有限公司', '农资经营部',
];

export const SUBSIDIES: readonly string[] = ['耕地地力保护补贴', '农机购置补贴', '生态护林员补助', '高龄老人生活补贴', '残疾人两项补贴', '村级组织运转经费', '一事一议财政奖补', '衔接推进乡村振兴补助'];

/** Ledger summaries by category (2023 system); {p} project, {c} crop, {m} month. */
export const INCOME_SUMMARIES: Readonly<Record<string, readonly string[]>> = {
  经营收入: ['村级光伏电站{m}月发电收益', '集体{c}园承包收入', '集体厂房租金', '村集体门面房租金', '{c}收购代销服务费', '集体机耕地流转收入', '农机合作社作业服务收入'],
  投资收益: ['入股{c}专业合作社分红', '村集体入股企业年度分红', '定期存款到期收益'],
  补助收入: ['{s}', '{p}项目补助资金', '县级财政转移支付', '村干部报酬补助', '人居环境整治奖补资金'],
  其他收入: ['银行存款利息', '村民一事一议筹资款', '捐赠收入', '废旧物资变卖收入', '保险理赔款'],
};
export const INCOME_SUMMARIES_2004: Readonly<Record<string, readonly string[]>> = {
  ...INCOME_SUMMARIES,
  发包及上交收入: ['集体荒坡承包费', '集体果园承包费', '集体鱼塘承包费'],
};
export const EXPENSE_SUMMARIES: Readonly<Record<string, readonly string[]>> = {
  经营支出: ['光伏电站逆变器维修', '集体{c}园农资采购', '农机合作社柴油费', '冷库电费', '{c}包装材料采购'],
  税金及附加: ['租赁收入增值税及附加', '印花税', '房产税'],
  管理费用: ['村干部{m}月基本报酬', '村委会办公用品', '村委会电费、网络费', '公开栏资料印制', '会议误餐补助', '村务档案装订', '办公电脑维修'],
  公益支出: ['{p}工程材料款', '{p}工程进度款', '村道保洁员工资', '慰问困难群众及老党员', '村庄绿化苗木款', '农村人居环境整治', '文化广场设施维护', '防汛物资采购'],
  其他支出: ['银行手续费', '意外伤害保险', '损坏物品赔偿'],
  所得税费用: ['集体经营所得企业所得税'],
};
export const EXPENSE_SUMMARIES_2004: Readonly<Record<string, readonly string[]>> = {
  经营支出: EXPENSE_SUMMARIES['经营支出']!,
  管理费用: EXPENSE_SUMMARIES['管理费用']!,
  其他支出: [...EXPENSE_SUMMARIES['其他支出']!, '{p}工程材料款', '慰问困难群众及老党员', '村道保洁员工资'],
};

export const FUND_SOURCES: readonly string[] = ['县级财政转移支付', '村集体自有资金', '衔接资金', '以奖代补资金', '镇级专项资金', '村民筹资'];

export const MEETING_PLACES: readonly string[] = ['村委会会议室', '党群服务中心', '村文化活动室', '便民服务中心二楼会议室', '村小学会议室'];
export const ACTIVITY_PLACES: readonly string[] = ['村文化广场', '村互助幸福院', '村主干道沿线', '村卫生室', '村小学', '河道沿线', '村委会大院', '集体果园'];
export const BOARD_PLACES: readonly string[] = ['村委会大院东墙', '村文化广场北侧宣传长廊', '党群服务中心门口', '村口公交站旁', '村卫生室外墙'];

/** Sentences for narrative bodies; {v} village, {p} project, {c} crop, {n} a number, {m} month, {x} person. */
export const NARRATIVE: readonly string[] = [
  '本季度，{v}围绕{p}、产业发展和人居环境整治开展工作，各项任务按计划推进。',
  '{p}项目由村“两委”统一组织实施，村务监督委员会全程参与质量监督，施工期间未发生安全事故。',
  '村里{c}种植面积稳定在{n}亩左右，合作社统一提供技术指导和销售服务，群众收入稳步增加。',
  '{m}月组织党员和志愿者清理村道两侧杂草和排水渠淤泥，村容村貌明显改善。',
  '汛期内村“两委”安排专人值守，对河道、塌方路段和危旧房屋进行巡查，及时转移群众。',
  '对公开内容有疑问的，请在公开期内向村务监督委员会反映，或拨打监督电话。',
  '本季度各项收支均经村务监督委员会逐笔审核，原始凭证存村委会备查。',
  '村民代表对项目实施方案提出了增设错车道、加装护栏等意见，村“两委”已吸收采纳。',
  '{x}介绍了项目资金来源：申请上级补助资金，其余由村集体自有资金解决。',
  '村级光伏电站运行正常，发电收益全部纳入村集体账户统一管理。',
  '低保、特困等救助对象实行动态管理，本季度新增和退出对象均已按程序公示。',
  '会议要求各村民小组做好宣传解释工作，确保群众知晓率和参与率。',
  '村集体经济组织本季度完成了资产清查，资产台账与财务账面一致。',
  '下一步，村“两委”将继续做好{p}的后续管护，确保工程长期发挥效益。',
  '与会人员逐项核对了公开内容，一致同意在村务公开栏、县村务公开网站和电子屏同步公开。',
  '因外出务工、年老体弱等原因，部分人员请假，会议人数符合规定。',
  '经举手表决，方案获得通过，决议于会后在村务公开栏张贴公开。',
  '{m}月开展了防诈骗宣传和安全生产检查，发放宣传资料{n}份。',
  '村里组织{c}种植技术培训{n}场次，邀请县农技中心专家现场讲解修剪和病虫害防治。',
  '春节前走访慰问困难群众、老党员和留守老人，送去米、面、油等慰问品。',
];

export const VOLUNTEER_TEAMS: readonly (readonly [id: string, zh: string])[] = [
  ['zhulao', '助老志愿服务队'], ['huanjing', '环境卫生志愿服务队'], ['wenming', '新时代文明实践志愿服务队'], ['fangxun', '防汛应急志愿服务队'], ['wenhua', '文化文艺志愿服务队'],
];
export const ACTIVITIES: Readonly<Record<string, readonly string[]>> = {
  助老: ['为独居老人打扫庭院', '陪老人包饺子、拉家常', '为老人理发、测血压', '节前为老人送月饼、读报'],
  环境: ['清扫文化广场及村道', '清理河道垃圾', '村庄绿化补植'],
  文明实践: ['移风易俗宣传', '防诈骗知识宣讲', '文明家庭评选宣传'],
  防汛: ['汛期河道沿线巡查', '转移危旧房屋住户演练'],
  文化: ['广场舞展演', '农家书屋读书会', '秦腔自乐班演出'],
  其他: ['协助开展医保缴费宣传', '帮助农户抢收{c}'],
};
