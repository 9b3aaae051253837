/**
 * Privacy (个人信息保护法): find unmasked ID numbers, mobile numbers and bank card numbers in any
 * text, and mask names, phones and ID numbers for display.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True for an 18-character resident ID number whose check digit is right (GB 11643). */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** True when the digits pass the Luhn check used by bank cards. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export type PersonalNumberKind = 'id' | 'mobile' | 'bank';

export interface PersonalNumberHit {
  kind: PersonalNumberKind;
  /** The number with its middle masked, safe to print in an error message. */
  masked: string;
}

const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19\uFF38\uFF58\uFF0D\u3000]/g;

/** Full-width digits, Ｘ, hyphen and ideographic space as ASCII, so pasted numbers are still found. */
function toAsciiDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

function classify(compact: string): PersonalNumberHit | undefined {
  if (compact.length === 18 && isValidIdNumber(compact)) return { kind: 'id', masked: maskIdNumber(compact) };
  if (/^(?:86)?1[3-9]\d{9}$/.test(compact)) return { kind: 'mobile', masked: maskPhone(compact.slice(-11)) };
  if (/^\d{16,19}$/.test(compact) && passesLuhn(compact)) return { kind: 'bank', masked: `${compact.slice(0, 4)}****${compact.slice(-4)}` };
  return undefined;
}

/**
 * Finds unmasked personal numbers in a text: 18-digit ID numbers with a valid check digit, mobile
 * numbers (1[3-9] + 9 digits), and 16–19 digit bank card numbers that pass Luhn. Full-width digits
 * count; groups joined by spaces or hyphens are tried as one number (138 1234 5678) as well as
 * separately (two numbers side by side in a pasted table row).
 */
export function findPersonalNumbers(text: string): PersonalNumberHit[] {
  const hits: PersonalNumberHit[] = [];
  // Every kind has at least 11 digits; most text has far fewer, so skip it without regexes.
  if (!hasDigits(text, 11)) return hits;
  const runs = toAsciiDigits(text).match(/(?<![\dA-Za-z])\d[\d -]*[\dXx](?![\dA-Za-z])/g) ?? [];
  for (const run of runs) {
    const groups = run.split(/[ -]+/).filter(Boolean);
    let i = 0;
    while (i < groups.length) {
      let found: { hit: PersonalNumberHit; next: number } | undefined;
      for (let j = groups.length; j > i; j -= 1) {
        const hit = classify(groups.slice(i, j).join(''));
        if (hit) {
          found = { hit, next: j };
          break;
        }
      }
      if (found) {
        hits.push(found.hit);
        i = found.next;
      } else i += 1;
    }
  }
  return hits;
}

/** True when `text` has at least `n` digits (ASCII or full-width). */
function hasDigits(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
      count += 1;
      if (count >= n) return true;
    }
  }
  return false;
}

/** 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜, 张三 → 张*. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 13812341234 → 138****1234. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length < 7 ? '*'.repeat(d.length) : `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`;
}

/** 18 digits → first 2 and last 3 shown: 35*************123. The birth date is always hidden. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 5)}${id.slice(-3)}`;
}
