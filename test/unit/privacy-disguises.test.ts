/**
 * Personal numbers written to slip past the scan: look-alike digits, Markdown marks, brackets, character
 * references, a line break inside a paragraph, a first-generation ID number. And what must still pass.
 */
import { describe, expect, it } from 'vitest';
import { scanPrivacy, scanSubjectNamesElsewhere } from '../../src/check/county-rules.ts';
import { findPersonalNumbers, looksLikePersonName, maskName } from '../../src/lib/privacy.ts';

const kinds = (text: string) => findPersonalNumbers(text).map((h) => `${h.kind} ${h.masked}`);

describe('a mobile number in disguise', () => {
  it.each([
    ['circled digits', '电话①③⑧⓪⓪①③⑧⓪⓪⓪'],
    ['mathematical bold digits', '电话𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎'],
    ['Arabic-Indic digits', '电话١٣٨٠٠١٣٨٠٠٠'],
    ['Markdown bold in the middle, shown as one number', '电话138**0013**8000'],
    ['Markdown code spans', '电话`138`0013`8000`'],
    ['the area part in brackets', '电话(138)0013-8000'],
    ['full-width brackets', '电话（138）0013－8000'],
    ['HTML character references for digits', '电话&#49;38&#x30;0138000'],
    ['a non-breaking space written as &nbsp;', '电话138&nbsp;0013&nbsp;8000'],
    ['a direction mark between the groups', '电话138\u200e0013\u200f8000'],
  ])('is found when written in %s', (_, text) => {
    expect(kinds(text)).toEqual(['mobile 138****8000']);
  });

  it('is found when a line break inside a paragraph splits it, and the message names the line it starts on', () => {
    const findings = scanPrivacy({}, '第一段。\n\n联系电话1380013\n8000，欢迎来电。', 10);
    expect(findings).toEqual([{ code: 'privacy.mobile', path: ['正文（文件第12行） body, line 12 of the file'], params: { masked: '138****8000' } }]);
  });

  it('is found when split over three lines of one paragraph', () => {
    expect(scanPrivacy({}, '电话138\n0013\n8000', 1).map((f) => f.path[0])).toEqual(['正文（文件第1行） body, line 1 of the file']);
  });

  it('is reported once when it stands whole on one line of a longer paragraph', () => {
    expect(scanPrivacy({}, '第一行\n电话13800138000\n第三行', 1)).toHaveLength(1);
  });
});

describe('a first-generation 15-digit ID number', () => {
  it('is found after 身份证 or 证件号, whole or grouped as its parts', () => {
    expect(kinds('身份证号：610327580312123')).toEqual(['id 61**********123']);
    expect(kinds('证件号码 610327 580312 123。')).toEqual(['id 61**********123']);
  });

  it('is not taken from fifteen digits with no word saying it is an ID, such as an organisation account', () => {
    expect(kinds('村集体账户：620501200912345（陇县农村信用社）')).toEqual([]);
  });

  it('is not taken from fifteen digits whose date cannot be a birth date', () => {
    expect(kinds('身份证号：610327581332123')).toEqual([]);
  });
});

describe('text that must still pass', () => {
  it.each([
    ['a masked mobile number', '联系电话138****8000'],
    ['a masked ID number', '身份证号61*************23X'],
    ['an office landline in brackets', '监督电话（0917）4631208'],
    ['amounts on consecutive lines of a paragraph', '合计\n1,380.00\n138,000.00\n元'],
    ['a Markdown bold amount and a date', '**138,000.00**元，**2025**年**10**月**13**日'],
    ['a document number in brackets', '陇政发〔2025〕13号、（2025）138号'],
    ['dates and times side by side', '2025-10-13 13:30 至 2025-10-20 18:00'],
  ])('%s is not a personal number', (_, text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
    expect(scanPrivacy({}, text, 1)).toEqual([]);
  });
});

describe("the names on a personal 公示's list, elsewhere in the village's records", () => {
  const village = (disclosureText: string, opts: { handler?: string; host?: string } = {}) =>
    ({
      id: 'maqu',
      file: 'content/villages/maqu/village.yaml',
      data: { committee: [{ name: '赵建军', role: '主任' }], supervisors: [{ name: '刘志强', role: '主任' }], staff: [] },
      disclosures: [{ id: '2025-q3', file: 'd.md', data: { items: [{ code: 'CW-02', title: '低保', content: disclosureText }] }, body: '', bodyLine: 20 }],
      ledgers: [{ id: '2025-q3', file: 'l.yaml', data: { expense: [{ summary: '慰问', handler: opts.handler ?? '王堃' }] }, body: '' }],
      meetings: [{ id: 'm', file: 'm.md', data: { host: opts.host ?? '赵建军' }, body: '会议由赵建军主持。\n刘翠兰户的情况已核实。', bodyLine: 30 }],
      notices: [{ id: '2025-11-17-dibao', file: 'n.md', data: { type: '低保初审', subjects: [{ name: '刘翠兰' }, { name: '赵建军' }] }, body: '刘翠兰' }],
      volunteers: [],
    }) as unknown as Parameters<typeof scanSubjectNamesElsewhere>[0];

  it('finds a subject named in full in a disclosure, written with a space, and in a meeting body, naming the line', () => {
    const found = scanSubjectNamesElsewhere(village('退出低保1户（刘 翠兰）'));
    expect(found.map((f) => [f.file, f.finding.path[0]])).toEqual([
      ['d.md', 'items'],
      ['m.md', '正文（文件第31行） body, line 31 of the file'],
    ]);
    expect(found[0]!.finding.params).toEqual({ masked: '刘*兰', notice: '2025-11-17-dibao', row: 1 });
  });

  it('finds a subject whose name is written in traditional characters on one side and simplified on the other, spaced or not', () => {
    const found = scanSubjectNamesElsewhere(village('退出低保1户（劉 翠蘭）'));
    expect(found.map((f) => [f.file, f.finding.code])).toEqual([
      ['d.md', 'privacy.subject-name-elsewhere'],
      ['m.md', 'privacy.subject-name-elsewhere'],
    ]);
    const v = village('退出低保1户（刘翠兰）');
    (v.notices[0]!.data as { subjects: { name: string }[] }).subjects[0]!.name = '劉翠蘭';
    expect(scanSubjectNamesElsewhere(v)[0]!.finding.params).toEqual({ masked: '劉*蘭', notice: '2025-11-17-dibao', row: 1 });
  });

  it('finds a subject whose name is written elsewhere with a Kangxi radical or a compatibility ideograph that shows as its character', () => {
    // ⽟ (U+2F5F) is the Kangxi radical for 玉; 李 (U+F9E1) the compatibility ideograph for 李.
    for (const [written, name] of [
      ['王\u2F5F兰户退出低保', '王玉兰'],
      ['\uF9E1玉兰户退出低保', '李玉兰'],
    ] as const) {
      const v = village(written);
      (v.notices[0]!.data as { subjects: { name: string }[] }).subjects.push({ name });
      (v.meetings[0] as { body: string }).body = '会议由赵建军主持。';
      expect(
        scanSubjectNamesElsewhere(v).map((f) => f.finding.code),
        written,
      ).toEqual(['privacy.subject-name-elsewhere']);
    }
  });

  it('finds a minority name written elsewhere with or without its dot, and a listed name with a role or list mark after it', () => {
    for (const [written, name] of [
      ['阿依古丽买买提户退出低保', '阿依古丽·买买提'],
      ['阿依古丽.买买提户退出低保', '阿依古丽买买提'],
      ['王玉兰户退出低保', '王玉兰（户主）、'],
    ] as const) {
      const v = village(written);
      (v.notices[0]!.data as { subjects: { name: string }[] }).subjects.push({ name });
      (v.meetings[0] as { body: string }).body = '会议由赵建军主持。';
      expect(
        scanSubjectNamesElsewhere(v).map((f) => [f.finding.code, (f.finding.params as { masked?: string } | undefined)?.masked]),
        written,
      ).toEqual([['privacy.subject-name-elsewhere', maskName(name.replace(/（.*/, ''))]]);
    }
  });

  it('finds a subject whose name is broken over two lines of a paragraph of minutes, on the first line, and not across paragraphs', () => {
    const v = village('退出低保1户。');
    (v.meetings[0] as { body: string }).body = '会议由赵建军主持。\n经核实，刘翠\n兰户家庭收入已超过标准。\n\n刘翠\n\n兰州市';
    expect(scanSubjectNamesElsewhere(v).map((f) => [f.file, f.finding.code, f.finding.path[0]])).toEqual([
      ['m.md', 'privacy.subject-name-elsewhere', '正文（文件第31行） body, line 31 of the file'],
    ]);
  });

  it('does not report twice a name found on one line when the next line is read with it', () => {
    const v = village('退出低保1户。');
    (v.meetings[0] as { body: string }).body = '刘翠兰户退出。\n下一项议程。';
    expect(scanSubjectNamesElsewhere(v).map((f) => f.finding.path[0])).toEqual(['正文（文件第30行） body, line 30 of the file']);
  });

  it('leaves alone a cadre on the list written in traditional characters, and names a longer name as the text writes it', () => {
    const v = village('退出低保1户。', { host: '趙建軍' });
    (v.meetings[0] as { body: string }).body = '會議由趙建軍主持。唐亮國介紹了情況。';
    (v.notices[0]!.data as { subjects: { name: string }[] }).subjects.push({ name: '唐亮' });
    expect(scanSubjectNamesElsewhere(v).map((f) => [f.finding.code, f.finding.params])).toEqual([
      ['privacy.subject-name-elsewhere-part', { masked: '唐*', notice: '2025-11-17-dibao', row: 3, found: '唐亮國' }],
    ]);
  });

  it('leaves alone a masked name, a handler (masked on the web) and a cadre on the list (named in office anyway)', () => {
    const v = village('退出低保1户（刘*兰）', { handler: '刘翠兰' });
    (v.meetings[0] as { body: string }).body = '会议由赵建军主持。';
    expect(scanSubjectNamesElsewhere(v)).toEqual([]);
  });
});

describe('a short subject name inside a longer name', () => {
  it('is not read as a mention when the longer name is another person the records name (杜秋 in 杜秋斌), nor in an official field', () => {
    const v = {
      id: 'x',
      file: 'v.yaml',
      data: { committee: [], supervisors: [], staff: [] },
      disclosures: [{ id: 'q', file: 'd.md', data: { signoff: { preparer: '杜秋斌' }, items: [{ content: '本季度由杜秋斌编制。' }] }, body: '' }],
      ledgers: [],
      meetings: [],
      notices: [{ id: 'n', file: 'n.md', data: { type: '低保初审', subjects: [{ name: '杜秋' }] }, body: '' }],
      volunteers: [],
    } as unknown as Parameters<typeof scanSubjectNamesElsewhere>[0];
    expect(scanSubjectNamesElsewhere(v)).toEqual([]);
    (v.disclosures[0]!.data as { items: { content: string }[] }).items[0]!.content = '杜秋斌编制；杜秋户退出低保。';
    expect(scanSubjectNamesElsewhere(v).map((f) => f.finding.code)).toEqual(['privacy.subject-name-elsewhere']);
  });

  it('only asks the clerk to look when the longer name is someone no record names (唐亮 in 唐亮国介绍…), and the build goes on', () => {
    const v = {
      id: 'x',
      file: 'v.yaml',
      data: { committee: [], supervisors: [], staff: [] },
      disclosures: [],
      ledgers: [],
      meetings: [{ id: 'm', file: 'm.md', data: {}, body: '唐亮国介绍了项目资金来源。', bodyLine: 20 }],
      notices: [{ id: 'n', file: 'n.md', data: { type: '宅基地申请', subjects: [{ name: '唐亮' }] }, body: '' }],
      volunteers: [],
    } as unknown as Parameters<typeof scanSubjectNamesElsewhere>[0];
    expect(scanSubjectNamesElsewhere(v).map((f) => [f.finding.code, f.finding.severity, f.finding.params])).toEqual([
      ['privacy.subject-name-elsewhere-part', 'warning', { masked: '唐*', notice: 'n', row: 1, found: '唐亮国' }],
    ]);
    (v.meetings[0] as { body: string }).body = '唐亮国介绍了唐亮家的情况。';
    expect(scanSubjectNamesElsewhere(v).map((f) => f.finding.code)).toEqual(['privacy.subject-name-elsewhere']);
  });
});

describe('a private person marked as an organisation', () => {
  it('reads 刘建平, 王堃 and 欧阳娜娜 as people', () => {
    for (const name of ['刘建平', '王堃', '欧阳娜娜']) expect(looksLikePersonName(name), name).toBe(true);
  });

  it('reads companies, co-operatives, stations and short organisation names as organisations', () => {
    for (const name of [
      '城关建筑工程有限公司',
      '东风农资经营部',
      '温水镇农业综合服务站',
      '国网陇县供电分公司',
      '县财政局',
      '移动公司',
      '刘建平家庭农场',
      'ABC',
    ])
      expect(looksLikePersonName(name), name).toBe(false);
  });
});
