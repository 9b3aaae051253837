import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanComments, scanPrivacy, scanSensitiveDetails, scanSubjectNames } from '../../src/check/county-rules.ts';
import { isCommonWord } from '../../src/check/common-words.ts';
import {
  findNameInText,
  findPersonalNumbers,
  isValidIdNumber,
  makeSensitiveDetailFinder,
  maskIdNumber,
  maskName,
  maskPhone,
  passesLuhn,
  SERIAL_FIELD_KINDS,
} from '../../src/lib/privacy.ts';
import { getSensitiveDetailWords, SENSITIVE_DETAILS_BY_PROFILE } from '../../src/law/sensitive-details.ts';
import { PROFILES } from '../../src/law/profiles.ts';
import { readAsSeen, readAsSimplified } from '../../src/lib/person-name.ts';

/**
 * GB 11643-1999 check character, computed here from the standard's definition rather than the
 * library's table: weight of position i (1-based from the left) is 2^(18−i) mod 11, and the
 * check value is (12 − Σ mod 11) mod 11, written X when it is 10.
 */
function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** Luhn check digit (ISO/IEC 7812-1), computed independently of the library. */
function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    // Doubling starts from the rightmost digit of the body, which sits next to the check digit.
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const ID_X = `11010519491231002${idCheckChar('11010519491231002')}`;
const ID_3 = `35010219800101123${idCheckChar('35010219800101123')}`;

describe('18-digit resident ID numbers (GB 11643)', () => {
  it('computes the check characters used below as the standard says (X for 11010519491231002)', () => {
    expect(ID_X).toBe('11010519491231002X');
    expect(ID_3).toBe('350102198001011233');
  });

  it('recognises an ID number whose check character is right, with X in either case', () => {
    expect(isValidIdNumber(ID_X)).toBe(true);
    expect(isValidIdNumber(ID_X.toLowerCase())).toBe(true);
    expect(isValidIdNumber(ID_3)).toBe(true);
  });

  it('does not take an 18-digit number with a wrong check character for an ID number', () => {
    expect(isValidIdNumber('110105194912310023')).toBe(false);
    expect(isValidIdNumber('350102198001011234')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });

  it('finds an unmasked ID number in a notice and reports it masked', () => {
    expect(findPersonalNumbers(`申请人张三，身份证号${ID_X}，现住一组。`)).toEqual([{ kind: 'id', masked: '11*************02X' }]);
  });

  it('does not report the same 17 digits with a wrong check character', () => {
    expect(findPersonalNumbers('身份证号110105194912310023')).toEqual([]);
  });

  it('finds every ID number with a correct check character, and none with a wrong one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{16}$/), fc.constantFrom(...'0123456789X'), (first17, guess) => {
        const right = idCheckChar(first17);
        const ids = findPersonalNumbers(`身份证：${first17}${guess}。`).filter((h) => h.kind === 'id');
        expect(ids).toHaveLength(guess === right ? 1 : 0);
      }),
    );
  });
});

describe('mobile numbers', () => {
  it('finds 13812345678 and masks it as 138****5678', () => {
    expect(findPersonalNumbers('联系电话：13812345678')).toEqual([{ kind: 'mobile', masked: '138****5678' }]);
  });

  it('finds a mobile number written in groups or with the +86 prefix', () => {
    expect(findPersonalNumbers('电话 138 1234 5678')).toEqual([{ kind: 'mobile', masked: '138****5678' }]);
    expect(findPersonalNumbers('电话 138-1234-5678')).toEqual([{ kind: 'mobile', masked: '138****5678' }]);
    expect(findPersonalNumbers('电话 +86 138 1234 5678')).toEqual([{ kind: 'mobile', masked: '138****5678' }]);
  });

  it('does not flag 11 digits that are part of a longer run of digits', () => {
    expect(findPersonalNumbers('编号 2213812345678')).toEqual([]);
    expect(findPersonalNumbers('编号 138123456789')).toEqual([]);
    expect(findPersonalNumbers('编号 013812345678')).toEqual([]);
  });

  it('does not flag a landline such as the village office number 0917-4612345', () => {
    expect(findPersonalNumbers('村委会电话：0917-4612345')).toEqual([]);
    expect(findPersonalNumbers('监督电话 0917 4612345')).toEqual([]);
  });

  it('does not flag numbers starting 10, 11 or 12, which are not mobile prefixes', () => {
    expect(findPersonalNumbers('12345678901')).toEqual([]);
    expect(findPersonalNumbers('11012345678')).toEqual([]);
  });
});

describe('bank card numbers', () => {
  const card16 = `621700123456789${luhnCheckDigit('621700123456789')}`;
  const card19 = `622202100112345678${luhnCheckDigit('622202100112345678')}`;

  it('computes Luhn check digits that the library agrees with', () => {
    expect(passesLuhn(card16)).toBe(true);
    expect(passesLuhn(card19)).toBe(true);
    expect(passesLuhn('79927398713')).toBe(true); // the textbook Luhn example
    expect(passesLuhn('79927398710')).toBe(false);
  });

  it('finds a 16-digit card number that passes Luhn and shows only its first and last four digits', () => {
    expect(findPersonalNumbers(`补贴发放卡号：${card16}`)).toEqual([{ kind: 'bank', masked: `6217****${card16.slice(-4)}` }]);
  });

  it('finds a 19-digit card number, also when written in groups of four', () => {
    expect(findPersonalNumbers(`卡号 ${card19}`).map((h) => h.kind)).toEqual(['bank']);
    const spaced = card19.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(findPersonalNumbers(`卡号 ${spaced}`).map((h) => h.kind)).toEqual(['bank']);
  });

  it('does not flag a 16-digit number that fails Luhn', () => {
    const wrong = `${card16.slice(0, 15)}${(Number(card16[15]) + 1) % 10}`;
    expect(findPersonalNumbers(`编号 ${wrong}`)).toEqual([]);
  });

  it('finds any Luhn-valid 16–19 digit number that is not an ID number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{14,17}$/), (body) => {
        const card = body + luhnCheckDigit(body);
        fc.pre(!(card.length === 18 && isValidIdNumber(card)));
        expect(findPersonalNumbers(`卡号：${card}`).map((h) => h.kind)).toEqual(['bank']);
      }),
    );
  });
});

describe('ordinary numbers on a finance page are left alone', () => {
  it('does not flag amounts, dates, date ranges or voucher numbers', () => {
    for (const text of ['支出 1234567.89 元', '1,234,567.89', '2025-10-01', '2025-07-01 至 2025-09-30', '凭证 J-2025-0001', '人口 3 人']) {
      expect(findPersonalNumbers(text), text).toEqual([]);
    }
  });
});

// Known gaps in findPersonalNumbers: these tests state the behaviour the privacy rule needs.
describe('personal numbers next to other numbers or typed in full-width digits', () => {
  it('finds both mobile numbers when two are written side by side with a space', () => {
    expect(findPersonalNumbers('联系电话：13812345678 13912345678')).toEqual([
      { kind: 'mobile', masked: '138****5678' },
      { kind: 'mobile', masked: '139****5678' },
    ]);
  });

  it('finds the ID number and the mobile number in a table row pasted as text', () => {
    expect(findPersonalNumbers(`张三 ${ID_3} 13812345678`)).toEqual([
      { kind: 'id', masked: '35*************233' },
      { kind: 'mobile', masked: '138****5678' },
    ]);
  });

  it('finds a mobile number typed with full-width digits', () => {
    expect(findPersonalNumbers('联系电话：１３８１２３４５６７８')).toEqual([{ kind: 'mobile', masked: '138****5678' }]);
  });
});

describe('masks for display', () => {
  it('masks the middle of a three-character name: 张三丰 → 张*丰', () => {
    expect(maskName('张三丰')).toBe('张*丰');
  });

  it('keeps the first and last character of a four-character name: 欧阳娜娜 → 欧**娜', () => {
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });

  it('masks the given name of a two-character name: 张三 → 张*', () => {
    expect(maskName('张三')).toBe('张*');
  });

  it('ignores spaces around a name', () => {
    expect(maskName(' 李小明 ')).toBe('李*明');
  });

  it('shows the first three and last four digits of a mobile number: 13812345678 → 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
  });

  it('shows only the first 2 and last 3 characters of an ID number: 35*************233', () => {
    expect(maskIdNumber(ID_3)).toBe('35*************233');
    expect(maskIdNumber(ID_X)).toBe('11*************02X');
  });

  it('never shows the birth date (digits 7–14) of any ID number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{16}$/), (first17) => {
        const id = first17 + idCheckChar(first17);
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(0, 2)).toBe(id.slice(0, 2));
        expect(masked.slice(-3)).toBe(id.slice(-3));
        expect(masked.slice(2, 15)).toBe('*'.repeat(13));
      }),
    );
  });
});

describe('personal numbers however they are written', () => {
  it('finds a number that letters or Chinese characters touch on either side', () => {
    expect(findPersonalNumbers('Tel13991712345')).toEqual([{ kind: 'mobile', masked: '139****2345' }]);
    expect(findPersonalNumbers('王海燕13991712345x')).toEqual([{ kind: 'mobile', masked: '139****2345' }]);
    expect(findPersonalNumbers(`ID${ID_3}`)).toEqual([{ kind: 'id', masked: '35*************233' }]);
    expect(findPersonalNumbers(`身份证${ID_X}号`)).toEqual([{ kind: 'id', masked: '11*************02X' }]);
  });

  it('finds a mobile number split by dots, middle dots, dashes, slashes, underscores or several of them', () => {
    for (const text of [
      '139.1712.3456',
      '139·1712·3456',
      '139—1712—3456',
      '139/1712/3456',
      '139_1712_3456',
      '139 - 1712 - 3456',
      '１３９．１７１２．３４５６',
      '139.1712 3456',
    ]) {
      expect(findPersonalNumbers(`电话${text}`), text).toEqual([{ kind: 'mobile', masked: '139****3456' }]);
    }
  });

  it('finds any mobile number whatever separators are put between any of its digits', () => {
    const sep = fc.constantFrom('', ' ', '-', '.', '·', '—', '/', '_', '　', '．', ' - ');
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.array(sep, { minLength: 10, maxLength: 10 }),
        fc.constantFrom('', 'Tel', '电话', '王海燕'),
        (mobile, seps, before) => {
          const written = [...mobile].map((d, i) => d + (seps[i] ?? '')).join('');
          expect(findPersonalNumbers(`${before}${written}`)).toEqual([{ kind: 'mobile', masked: maskPhone(mobile) }]);
        },
      ),
    );
  });

  it('finds an ID number written in groups, with +86 or letters around a mobile number', () => {
    expect(findPersonalNumbers(`身份证 ${ID_3.slice(0, 6)} ${ID_3.slice(6, 14)} ${ID_3.slice(14)}`).map((h) => h.kind)).toEqual(['id']);
    expect(findPersonalNumbers(`身份证 ${ID_3.replace(/(\d{4})(?=\d)/g, '$1-')}`).map((h) => h.kind)).toEqual(['id']);
    expect(findPersonalNumbers(`${ID_X}abc`).map((h) => h.kind)).toEqual(['id']);
    expect(findPersonalNumbers('+86-139-1712-3456')).toEqual([{ kind: 'mobile', masked: '139****3456' }]);
    expect(findPersonalNumbers('(+86)13991712345')).toEqual([{ kind: 'mobile', masked: '139****2345' }]);
  });

  it('finds a number in a file name, where it would become part of the page address', () => {
    expect(findPersonalNumbers('villages/maqu/notices/2025-11-17-13991712345').map((h) => h.kind)).toEqual(['mobile']);
  });

  it('does not add dates, date ranges, times or amounts written side by side into one number', () => {
    for (const text of [
      '2025.11.17-2025.11.23',
      '2025-07-01 至 2025-09-30 13:30',
      '12345.67 23456.78 34567.89',
      '1,391,712,345.00 元',
      '2025.07.12 2025.08.13 2025.09.14',
      '第 2025-0001 号 2025-0002 号',
    ]) {
      expect(findPersonalNumbers(text), text).toEqual([]);
    }
  });
});

describe('voucher numbers are serials, not bank cards', () => {
  it('does not read an 18-digit voucher number as a card number in a voucher field, but does in narrative', () => {
    expect(passesLuhn('202607120000000013')).toBe(true);
    expect(findPersonalNumbers('202607120000000013', { kinds: SERIAL_FIELD_KINDS })).toEqual([]);
    expect(findPersonalNumbers('收款卡号 202607120000000013').map((h) => h.kind)).toEqual(['bank']);
  });

  it('never reports an all-digit 16–19 digit serial in a voucher field of a ledger, Luhn or not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16,19}$/), (serial) => {
        const data = { expense: [{ voucher: serial, summary: '村道硬化工程进度款' }], resolutions: [{ authorises: [`2025-q3/${serial}`] }] };
        expect(scanPrivacy(data, '')).toEqual([]);
      }),
    );
  });

  it('reports the same Luhn-valid digits as a card number in the summary, the body, or any other field', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{14,17}$/), (body) => {
        const card = body + luhnCheckDigit(body);
        fc.pre(!(card.length === 18 && isValidIdNumber(card)));
        const found = scanPrivacy({ expense: [{ voucher: '记-07-001', summary: `发放至卡号${card}` }] }, `补贴已转入 ${card}。`, 30);
        expect(found.map((f) => [f.code, f.path])).toEqual([
          ['privacy.bank', ['expense', 0, 'summary']],
          ['privacy.bank', ['正文（文件第30行） body, line 30 of the file']],
        ]);
      }),
    );
  });

  it('still reports a mobile number typed into a voucher field', () => {
    expect(scanPrivacy({ expense: [{ voucher: '13991712345' }] }, '').map((f) => f.code)).toEqual(['privacy.mobile']);
  });
});

describe('numbers hidden in other ways', () => {
  it('finds a mobile number of Chinese numerals and digits mixed among many short amounts and dates, and leaves the amounts alone', () => {
    const amounts = Array.from({ length: 200 }, (_, i) => `${i}.50元，2025-03-${String((i % 28) + 1).padStart(2, '0')}，一二三`).join('；');
    expect(findPersonalNumbers(`${amounts}；联系人电话139一七一二3456；${amounts}`).map((h) => h.masked)).toEqual(['139****3456']);
    expect(findPersonalNumbers(amounts)).toEqual([]);
    expect(findPersonalNumbers('卡号 6222 0200 0000 0000 001，电话 一三九 一七一二 三四五六').map((h) => h.kind)).toEqual(['mobile']);
  });

  it('finds a mobile number in Chinese numerals, with zero-width characters or commas between its groups', () => {
    for (const text of [
      '电话一三九一七一二三四五六',
      '电话幺三九 幺七幺二 三四五六',
      '139一七一二3456',
      '139\u200b1712\u200b3456',
      '139\u00ad1712\u00ad3456',
      '139,1712,3456',
      '电话：139，1712，3456',
      // Capital numerals as on a cheque, simplified and traditional (貳 參 陸 are 贰 叁 陆).
      '电话壹叁玖壹柒壹贰叁肆伍陆',
      '电话壹參玖壹柒壹貳參肆伍陸',
    ]) {
      expect(findPersonalNumbers(text), text).toEqual([{ kind: 'mobile', masked: '139****3456' }]);
    }
  });

  it('leaves amounts in words and figures, Chinese dates and counting alone', () => {
    for (const text of ['支出壹拾陆万捌仟元整', '二〇二五年十一月十七日', '一二三四五六七八九十', '1,234,567.89 元', '13,917,123,456 元']) {
      expect(findPersonalNumbers(text), text).toEqual([]);
    }
  });

  it('finds a number written as a YAML key, and one in a comment of a YAML file or front matter', () => {
    expect(scanPrivacy({ contacts: { '13991712345': '王海燕' } }, '').map((f) => [f.code, f.path])).toEqual([['privacy.mobile', ['contacts', '13991712345']]]);
    const text = 'name: 马曲村\n# 联系人 13991712345\nphone: 0917-4631208 # 手机 13891712345\nnote: "编号 #13791712345"\n';
    expect(scanComments(text, Infinity).map((f) => [f.params, f.path])).toEqual([
      [{ masked: '139****2345' }, ['注释（文件第2行） comment, line 2 of the file']],
      [{ masked: '138****2345' }, ['注释（文件第3行） comment, line 3 of the file']],
    ]);
    expect(scanComments(text, 1)).toEqual([]);
  });
});

describe("a personal 公示's subjects named in full outside its list", () => {
  const notice = (extra: Record<string, unknown> = {}) => ({
    title: '马曲村低保初审对象公示',
    type: '低保初审',
    subjects: [
      { name: '马天顺', members: 3, amount: '1,260.00', group: '二组' },
      { name: '刘翠兰', members: 1 },
      { name: '王', members: 1 },
    ],
    objection: { to: '村务监督委员会', phone: '0917-4631208' },
    ...extra,
  });

  it('is an error in the body, naming the body line and the masked name with its row of the list', () => {
    const found = scanSubjectNames(notice(), '公示如下。\n经评议，刘翠兰等3户拟纳入低保。', 20);
    expect(found).toEqual([{ code: 'privacy.subject-name', path: ['正文（文件第21行） body, line 21 of the file'], params: { masked: '刘*兰', row: 2 } }]);
  });

  it('is an error in the title and in another field of the list, but not in the list of names itself', () => {
    const found = scanSubjectNames(notice({ title: '马天顺等3户低保初审公示', subjects: [{ name: '马天顺' }, { name: '刘翠兰', note: '马天顺之母' }] }), '');
    expect(found.map((f) => [f.path, f.params])).toEqual([
      [['title'], { masked: '马*顺', row: 1 }],
      [['subjects', 1, 'note'], { masked: '马*顺', row: 1 }],
    ]);
  });

  it('leaves a notice alone whose subjects are not private persons, or that names them only in its list', () => {
    expect(scanSubjectNames({ ...notice(), type: '项目', subjects: [{ name: '村道硬化工程' }] }, '村道硬化工程已完工。')).toEqual([]);
    expect(scanSubjectNames(notice(), '以上3户拟纳入最低生活保障，王姓村民如有异议请反映。')).toEqual([]);
  });

  it('is an error for a two-character name before punctuation, a digit, the end or a word that follows names (等、家、因、纳入…)', () => {
    const two = notice({ subjects: [{ name: '王明' }, { name: '李强' }] });
    for (const body of ['王明，家中3人。', '低保对象王明', '王明3口人', '王明等2户', '王明家中有三口人', '王明因病致贫', '同意将王明纳入低保'])
      expect(
        scanSubjectNames(two, body).map((f) => [f.code, f.severity]),
        body,
      ).toEqual([['privacy.subject-name', undefined]]);
  });

  it('only asks the clerk to look when a two-character name may begin someone else’s longer name (唐亮 in 唐亮国介绍)', () => {
    const two = notice({ subjects: [{ name: '唐亮' }] });
    expect(scanSubjectNames(two, '唐亮国介绍了项目资金来源。', 5)).toEqual([
      {
        code: 'privacy.subject-name-part',
        path: ['正文（文件第5行） body, line 5 of the file'],
        severity: 'warning',
        params: { masked: '唐*', row: 1, found: '唐亮国' },
      },
    ]);
    // Named as themselves too, in the same line: the error, not the warning.
    expect(scanSubjectNames(two, '唐亮国介绍了唐亮家的情况。').map((f) => f.code)).toEqual(['privacy.subject-name']);
    // Three characters are a name wherever they stand.
    expect(scanSubjectNames(notice(), '刘翠兰英主持').map((f) => f.code)).toEqual(['privacy.subject-name']);
  });

  it('only asks the clerk to look when a two-character name is also a common word (文明 in 文明家庭评选), and still stops the build for one that is not', () => {
    // jieba's dictionary decides (src/check/common-words.ts): 文明 and 高峰 are words; 王明 and 海燕 are read as names.
    expect(['文明', '高峰', '建国', '王明', '海燕', '马顺'].map(isCommonWord)).toEqual([true, true, true, false, false, false]);
    const wenming = notice({ subjects: [{ name: '文明' }] });
    expect(scanSubjectNames(wenming, '开展文明家庭评选。', 7)).toEqual([
      {
        code: 'privacy.subject-name-word',
        path: ['正文（文件第7行） body, line 7 of the file'],
        severity: 'warning',
        params: { masked: '文*', row: 1, found: '文明家庭' },
      },
    ]);
    expect(scanSubjectNames(wenming, '文明，男，纳入低保。').map((f) => [f.code, f.severity])).toEqual([['privacy.subject-name-word', 'warning']]);
    // The same sentences with a name that is no common word: the error.
    const wangming = notice({ subjects: [{ name: '王明' }] });
    expect(scanSubjectNames(wangming, '王明家庭困难。').map((f) => [f.code, f.severity])).toEqual([['privacy.subject-name', undefined]]);
    expect(findNameInText('文明', '开展文明家庭评选', [], true)).toEqual({ how: 'word', found: '文明家庭', at: 2 });
    expect(findNameInText('文明', '争创文明。', [], true)).toEqual({ how: 'word', found: '文明', at: 2 });
  });

  it('reads a file that is not yet a valid notice without failing', () => {
    for (const data of [null, 'text', [], { type: 3 }, { type: '低保初审', subjects: 'x' }, { type: '低保初审', subjects: [null, { name: 5 }] }])
      expect(scanSubjectNames(data, '马天顺')).toEqual([]);
  });
});

describe('health, disability and house addresses in a personal 公示', () => {
  const national = makeSensitiveDetailFinder(getSensitiveDetailWords('national'));
  const seen = (find: typeof national, text: string) => find(readAsSimplified(readAsSeen(text))).map((h) => `${h.kind}:${h.word}`);

  it.each([
    ['户主患尿毒症，长期透析', ['health:尿毒症']],
    ['因病致贫', ['health:因病']],
    ['本人二级肢体残疾，持残疾证', ['disability:残疾']],
    ['精神 疾病，长期服药', ['health:精神疾病']],
    ['殘疾等級二級', ['disability:残疾']],
    ['二组15号', ['address:组**号']],
    ['三组十二号东侧', ['address:组**号']],
    ['马曲村３-１２號', ['address:村****号']],
    ['门牌：幸福路8号', ['address:门牌']],
  ])('%s is a detail the list may not state', (text, expected) => {
    expect(seen(national, text)).toEqual(expected);
  });

  it.each([
    ['二组3号地块'],
    ['五组原宅基地'],
    ['二组村道东侧规划建房区'],
    ['子女成年分户，现无宅基地'],
    ['陇政发〔2025〕13号'],
    ['2025年第3号决议'],
    ['一户多人且现住房为危旧土坯房，申请原址翻建'],
  ])('%s is not', (text) => {
    expect(seen(national, text)).toEqual([]);
  });

  it('finds a detail broken over two lines of the body on the first line, and only on the list as an error', () => {
    const notice = (body: string, group = '二组') => ({
      id: 'n',
      file: 'n.md',
      data: { type: '低保初审', title: '低保公示', subjects: [{ name: '刘翠兰', group }] },
      body,
      bodyLine: 20,
    });
    const v = (n: ReturnType<typeof notice>) => ({ notices: [n] }) as unknown as Parameters<typeof scanSensitiveDetails>[0];
    expect(
      scanSensitiveDetails(v(notice('其中一户患尿毒\n症，长期透析。')), 'national').map((f) => [f.finding.code, f.finding.path[0], f.finding.params]),
    ).toEqual([
      ['privacy.sensitive-detail-text', '正文（文件第21行） body, line 21 of the file', { kind: 'health', word: '透析' }],
      ['privacy.sensitive-detail-text', '正文（文件第20行） body, line 20 of the file', { kind: 'health', word: '尿毒症' }],
    ]);
    expect(scanSensitiveDetails(v(notice('以上各户经评议符合条件。', '二组7号')), 'national').map((f) => [f.finding.code, f.finding.severity])).toEqual([
      ['privacy.sensitive-detail', undefined],
    ]);
    expect(scanSensitiveDetails(v({ ...notice('二组7号'), data: { type: '项目', title: 't', subjects: [] } }), 'national')).toEqual([]);
  });

  it('reads a house number after a province’s own place word only in that province (重庆’s 社, 上海’s 弄)', () => {
    expect(seen(national, '三社12号')).toEqual([]);
    expect(seen(makeSensitiveDetailFinder(getSensitiveDetailWords('chongqing')), '三社12号')).toEqual(['address:社**号']);
    expect(seen(makeSensitiveDetailFinder(getSensitiveDetailWords('shanghai')), '长乐路100弄3号')).toEqual(['address:弄*号']);
    for (const key of Object.keys(SENSITIVE_DETAILS_BY_PROFILE)) expect(PROFILES[key], key).toBeDefined();
  });
});
