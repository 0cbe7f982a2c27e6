/**
 * Generators of personal data for redaction's property tests (issue 13): valid Kazakh IINs, Russian
 * SNILS and personal INNs, Luhn-valid card numbers, phones and emails in the formats people write.
 */
import fc from 'fast-check';
import { detectPersonalData } from '../../src/domain/redaction.js';

const digit = fc.integer({ min: 0, max: 9 });
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The IIN's check digit, or null when both weightings give 10 (no valid IIN has those 11 digits). */
/** What detection found, as the texts it covers, with their kinds. */
export function found(text: string, names: string[] = []): [string, string][] {
  return detectPersonalData(text, names).map((s) => [text.slice(s.start, s.end), s.kind]);
}

export function iinCheckDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  const weighted = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check === 10 ? null : check;
}

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let n = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

export function snilsCheck(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (9 - i);
  let check = sum % 101;
  if (check === 100) check = 0;
  return pad(check, 2);
}

export function innWithChecks(first10: string): string {
  const d = [...first10].map(Number);
  const check = (weights: number[]) => (weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11) % 10;
  d.push(check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]));
  d.push(check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]));
  return d.join('');
}

export const validIin: fc.Arbitrary<string> = fc
  .record({
    date: fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }),
    sex: fc.integer({ min: 0, max: 1 }),
    serial: digits(4),
  })
  .map(({ date, sex, serial }) => {
    const year = date.getUTCFullYear();
    const century = (year < 2000 ? 3 : 5) + sex;
    const first11 = `${pad(year % 100, 2)}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}${century}${serial}`;
    const check = iinCheckDigit(first11);
    return check === null ? null : `${first11}${check}`;
  })
  .filter((iin): iin is string => iin !== null);

export const validCard: fc.Arbitrary<string> = fc
  .record({
    prefix: fc.constantFrom('4', '51', '55', '2221', '37', '6011'),
    length: fc.constantFrom(16, 16, 15, 19, 13),
    rest: digits(18),
    style: fc.constantFrom('', ' ', '-'),
  })
  .map(({ prefix, length, rest, style }) => {
    const body = (prefix + rest).slice(0, length - 1);
    const number = body + luhnCheckDigit(body);
    return style === '' ? number : (number.match(/.{1,4}/g) ?? []).join(style);
  });

export const validSnils: fc.Arbitrary<string> = digits(9)
  .filter((d) => Number(d) > 1_001_998)
  .chain((d) => fc.constantFrom(`${d}${snilsCheck(d)}`, `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)} ${snilsCheck(d)}`));

export const validPersonalInn: fc.Arbitrary<string> = digits(10)
  .map(innWithChecks)
  .filter((inn) => !/^(\d)\1+$/.test(inn));

export const phone: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(digits(3), digits(3), digits(2), digits(2)).map(([a, b, c, d]) => `+7 7${a.slice(1)} ${b} ${c} ${d}`),
  fc.tuple(digits(2), digits(3), digits(2), digits(2)).map(([a, b, c, d]) => `8 (7${a}) ${b}-${c}-${d}`),
  fc.tuple(digits(4), digits(4)).map(([a, b]) => `+44 20 ${a} ${b}`),
  fc.tuple(digits(4), digits(4)).map(([a, b]) => `020 ${a} ${b}`),
  digits(9).map((d) => `+77${d}`),
  fc.tuple(digits(3), digits(4)).map(([a, b]) => `+1 (555) ${a}-${b}`),
);

export const email: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{0,10}[a-z0-9]$/),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z]$/),
    fc.constantFrom('kz', 'ru', 'com', 'org', 'co.uk'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

/** Personal data that detection alone must find: every value here is proposed without a reviewer's help. */
export const detectablePersonalData: fc.Arbitrary<string> = fc.oneof(
  email,
  phone,
  validIin,
  validCard,
  validSnils,
  validPersonalInn,
);
