/**
 * 名词解释: the words of village accounts and procedure that the public pages use, each explained in
 * one or two plain sentences. The glossary page lists them all; a page links the terms it uses to
 * their entries (GlossaryLinks). Anchors are stable: pages and posters may link to them.
 */
export interface GlossaryTerm {
  /** Anchor on the glossary page. */
  id: string;
  term: string;
  plain: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'hedui-ma',
    term: '核对码',
    plain: '每张公开栏海报底部印着一串字母和数字，网页上也有同一串。两边一样，说明纸上贴的和网上登的内容一致；不一样，请打监督电话反映。',
  },
  {
    id: 'mulu-bianhao',
    term: '目录编号',
    plain: '县里规定村里必须公开的事项列成一张目录，每项有一个编号，如 CW-01（村务第1项）、DW-01（党务第1项）。按编号能查到本季度有没有漏公开。',
  },
  { id: 'pingzheng-hao', term: '凭证号', plain: '会计记账时给每一笔收支编的号，如“记-07-003”是7月的第3张记账凭证。要查原始单据，报这个号即可。' },
  { id: 'kemu', term: '科目', plain: '会计上对收支的分类，如补助收入、经营收入、管理费用、公益支出。想知道钱具体花在什么事上，请看每笔的“摘要”。' },
  { id: 'guanli-feiyong', term: '管理费用', plain: '村里日常运转花的钱，如村干部报酬、办公费、印刷费、水电费。' },
  { id: 'gongyi-zhichu', term: '公益支出', plain: '为全村办公益事业花的钱，如修路、绿化、水渠、路灯。' },
  { id: 'yingshou', term: '应收款', plain: '别人欠村集体、还没收回来的钱。' },
  { id: 'yingfu', term: '应付款', plain: '村集体欠别人、还没付出去的钱，如工程尾款、质保金。' },
  { id: 'jieyu', term: '结余', plain: '上期结余加本期收入，减去本期支出，剩下的钱。本期结余就是下一期的上期结余。' },
  {
    id: 'siyi-ligongkai',
    term: '四议两公开',
    plain: '村里的重大事项要经过四步商议决定：党组织提议、两委会议商议、党员大会审议、村民（代表）会议决议；再做两次公开：决议公开、实施结果公开。',
  },
  { id: 'liangwei', term: '两委联席会议', plain: '村党组织委员会（支委会）和村民委员会（村委会）一起开的会，合称“两委”。' },
  { id: 'cunmin-daibiao-huiyi', term: '村民代表会议', plain: '由村民选出的代表开会，替全村村民对重大事项表决。到会人数要达到法定比例，决议才有效。' },
  { id: 'jianwei', term: '村务监督委员会', plain: '村民选出的监督机构，负责审核村里公开的内容和账目，并在公开材料上签字。对公开内容有疑问，可以找他们。' },
  { id: 'gongshi', term: '公示', plain: '在一段时间内把名单或事项张贴出来，让大家提意见。公示期内有异议，可以按公示上写的办法反映。' },
];
