/**
 * Redaction (issue 13): finding the personal data in an order's text so that a reviewer can redact it
 * before publication, and applying the chosen spans. Proposals only: the reviewer accepts or drops
 * each one and may add any span by hand; the public record is rendered from the redacted text only
 * (src/domain/public-record-render.ts). Browser-safe, plain TS.
 *
 * Offsets are UTF-16 code units of the original text (what `String.prototype.slice` counts), so
 * that the web's editor and the stored spans agree.
 *
 * What is found:
 * - `email`: `local@domain.tld`.
 * - `phone`: international numbers (`+7 701 123 45 67`, `+44 20 7946 0958`, `+77011234567`), and
 *   national ones written in groups (`8 (701) 123-45-67`, `020 7946 0958`, `(727) 255-12-34`): 10 or 11
 *   digits in at least two groups. Not dates (at most 8 digits), not years, not amounts written in
 *   thousands (`1 500 000 000`), not references that start with a year (`2026-03-10-042`).
 * - `iin`: Kazakhstan's 12-digit individual identification number, only when its date of birth,
 *   century/sex digit and check digit are valid (`isValidIin`); other 12-digit runs are not proposed
 *   as IINs.
 * - `national_id`: Russia's SNILS (11 digits, checksum) and personal INN (12 digits, two check digits).
 * - `card`: 13–19 digits, optionally grouped with spaces or dashes, passing the Luhn check.
 * - `address`: English street addresses (`12 Baker Street`, `Apt 4`), Russian (`ул. Абая, д. 10, кв. 5`,
 *   `проспект Достык 5`) and Kazakh (`Абай көшесі, 10 үй`, `Достық даңғылы`, `5 пәтер`).
 * - `name`: every occurrence of a name the reviewer marked, case-insensitive, from the start of a word
 *   to the end of that word (so `Иванов` also covers `Иванова`, `Иванову`). Inflected forms whose stem
 *   changes (`Павел` → `Павла`) are out of scope: the reviewer marks each form, or redacts it by hand.
 *
 * Overlapping (and touching) spans merge. `applyRedactions` writes `[redacted]` for each span, whatever
 * its kind, so that the replacement is no hint at what was there.
 */
import type { PersonalDataKind } from './publishing-vocabulary.js';

export type Redaction = { start: number; end: number; kind: PersonalDataKind };

/** What each redacted span becomes in the public text. */
export const redactedMark = '[redacted]';

// ---------------------------------------------------------------------------------------------------
// Check digits

function digitsOf(text: string): number[] {
  return [...text].map(Number);
}

/**
 * Kazakhstan's IIN: 12 digits, YYMMDD of birth, a century/sex digit (1–6: 1800s, 1900s, 2000s; odd
 * male, even female), four serial digits and a check digit: the sum of the first 11 digits weighted
 * 1..11 modulo 11; if that is 10, weighted 3,4,5,6,7,8,9,10,11,1,2 modulo 11; if again 10 the number is
 * invalid.
 */
export function isValidIin(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const d = digitsOf(digits);
  const month = d[2]! * 10 + d[3]!;
  const day = d[4]! * 10 + d[5]!;
  const century = d[6]!;
  if (century < 1 || century > 6) return false;
  const yy = d[0]! * 10 + d[1]!;
  const year = (century <= 2 ? 1800 : century <= 4 ? 1900 : 2000) + yy;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  const weighted = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  if (check === 10) return false;
  return check === d[11];
}

/** Russia's SNILS: 11 digits, the last two a checksum of the first nine weighted 9..1 (mod 101, 100 → 00). */
export function isValidSnils(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const d = digitsOf(digits);
  // Numbers up to 001-001-998 carry no checksum; they are not proposed.
  if (Number(digits.slice(0, 9)) <= 1_001_998) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += d[i]! * (9 - i);
  let check = sum % 101;
  if (check === 100) check = 0;
  return check === Number(digits.slice(9));
}

/** Russia's personal INN: 12 digits, the last two check digits (weighted sums mod 11 mod 10). */
export function isValidPersonalInn(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const d = digitsOf(digits);
  const check = (weights: number[]) => (weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11) % 10;
  return check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
}

/** The Luhn check of payment card numbers. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------------
// Detectors

const emailPattern = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function detectEmails(text: string): Redaction[] {
  return [...text.matchAll(emailPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: 'email' as const }));
}

/**
 * A run of digit groups: an optional `+` or `(`, digits, then groups each after one separator (space,
 * dash, dot, or brackets). Every repetition needs a separator, so the pattern cannot backtrack badly.
 */
const numberRunPattern = /[+(]?\d+(?:(?:[ .-]|\) ?| ?\(|\)[ .-]|[ .-]\()\d+)*\)?/g;

type Group = { digits: string; start: number; end: number };

function groupsOf(run: string, offset: number): Group[] {
  return [...run.matchAll(/\d+/g)].map((m) => ({ digits: m[0], start: offset + m.index, end: offset + m.index + m[0].length }));
}

/** The separators between consecutive groups of a run. */
function separatorsOf(text: string, groups: Group[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < groups.length; i++) out.push(text.slice(groups[i - 1]!.end, groups[i]!.start));
  return out;
}

function isYear(digits: string): boolean {
  return /^(?:19|20)\d\d$/.test(digits);
}

/** Whether three consecutive groups read as a date, `2026-03-10` or `10.03.2026` (`10-03-2026`, `2026.03.10`). */
function containsDate(groups: Group[], separators: string[]): boolean {
  const month = (g: Group) => g.digits.length === 2 && Number(g.digits) >= 1 && Number(g.digits) <= 12;
  const day = (g: Group) => g.digits.length === 2 && Number(g.digits) >= 1 && Number(g.digits) <= 31;
  for (let i = 0; i + 2 < groups.length; i++) {
    const [a, b, c] = [groups[i]!, groups[i + 1]!, groups[i + 2]!];
    const [s1, s2] = [separators[i]!, separators[i + 1]!];
    if (s1 !== s2 || (s1 !== '-' && s1 !== '.' && s1 !== '/')) continue;
    if (isYear(a.digits) && month(b) && day(c)) return true;
    if (day(a) && month(b) && isYear(c.digits)) return true;
  }
  return false;
}

function classifyRun(text: string, start: number, run: string): Redaction[] {
  const groups = groupsOf(run, start);
  if (groups.length === 0) return [];
  const found: Redaction[] = [];
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(start + run.length, start + run.length + 2);
  // Part of a word or of a code such as `AB-123…`, `№12/…`, `x1234`: not personal data by shape.
  const gluedBefore = /[\p{L}_/\\#№]$|[\p{L}\p{N}]-$/u.test(before);
  const gluedAfter = /^[\p{L}_/\\]|^-[\p{L}\p{N}]/u.test(after);
  const allDigits = groups.map((g) => g.digits).join('');
  const separators = separatorsOf(text, groups);
  const span = (from: number, to: number, kind: PersonalDataKind): Redaction => ({ start: from, end: to, kind });
  const runEnd = groups[groups.length - 1]!.end;
  const closingBracket = text[runEnd] === ')' && run.startsWith('(') ? runEnd + 1 : runEnd;

  // International phone numbers: `+` and 8–15 digits.
  if (run.startsWith('+') && allDigits.length >= 8 && allDigits.length <= 15) {
    return [span(start, runEnd, 'phone')];
  }

  // Payment cards: 13–19 digits, Luhn-valid, in one group or grouped as cards are printed (a first group
  // of four, then groups of four to six, the last of one to six, one kind of separator). Every such window
  // is proposed (they merge), so that a year or a count written just before a card cannot hide it.
  // (At most 19 digits make one, so each start looks at a bounded window: linear in the run.)
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      const length = groups[j]!.digits.length;
      if (j > i) {
        const separator = separators[j - 1]!;
        if ((separator !== ' ' && separator !== '-') || separator !== (separators[i] ?? separator)) break;
        if (groups[i]!.digits.length !== 4 || length > 6 || (j > i + 1 && groups[j - 1]!.digits.length < 4)) break;
      }
      digits += groups[j]!.digits;
      if (digits.length > 19) break;
      if (digits.length >= 13 && isLuhnValid(digits) && !/^(\d)\1+$/.test(digits)) {
        found.push(span(groups[i]!.start, groups[j]!.end, 'card'));
      }
    }
  }

  // Twelve digits in one group: an IIN, or a Russian personal INN. SNILS: eleven digits, or `123-456-789 01`.
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (/^(\d)\1+$/.test(g.digits)) {
      // 000000000000: a placeholder, not an identifier.
    } else if (g.digits.length === 12) {
      if (isValidIin(g.digits)) found.push(span(g.start, g.end, 'iin'));
      else if (isValidPersonalInn(g.digits)) found.push(span(g.start, g.end, 'national_id'));
    } else if (g.digits.length === 11 && isValidSnils(g.digits)) found.push(span(g.start, g.end, 'national_id'));
    const four = groups.slice(i, i + 4);
    if (four.map((x) => x.digits.length).join() === '3,3,3,2' && isValidSnils(four.map((x) => x.digits).join('')))
      found.push(span(g.start, four[3]!.end, 'national_id'));
  }

  // National phone numbers: 10 or 11 digits in two to five groups; not amounts in thousands, not
  // references led by a year, not SNILS-shaped. The whole run, or a part of it that starts with a
  // trunk prefix (`0…`, `8…`) or a bracket, so that a number written just before or after cannot hide it.
  // A card or an identifier does not end the search: a phone number written in the same run, as in a
  // table row (`4111 1111 1111 1111 8 701 123 45 67`), is personal data too.
  if (gluedBefore || gluedAfter) return found;
  const isPhone = (window: Group[], bracketed: boolean) => {
    const lengths = window.map((g) => g.digits.length);
    const total = lengths.reduce((a, b) => a + b, 0);
    if (window.length < 2 || window.length > 5 || total < 10 || total > 11) return false;
    const seps = separatorsOf(text, window);
    const thousands =
      (lengths.slice(1).every((n) => n === 3) && lengths[0]! <= 3 && seps.every((s) => s === ' ' || s === '.')) ||
      (lengths.slice(-2).join() === '3,3' && seps[seps.length - 1] === ' ' && seps[seps.length - 2] === ' ');
    const yearLed = isYear(window[0]!.digits) && !bracketed;
    const snilsShaped = lengths.join() === '3,3,3,2';
    const dotted = seps.some((s) => s === '.') && !seps.every((s) => s === '.');
    return !thousands && !yearLed && !dotted && !snilsShaped && !containsDate(window, seps);
  };
  if (isPhone(groups, run.startsWith('('))) return [...found, span(start, closingBracket, 'phone')];
  for (let i = 0; i < groups.length; i++) {
    const bracketed = text[groups[i]!.start - 1] === '(';
    const startsToken = i === 0 || bracketed || separators[i - 1] === ' ';
    if (!startsToken || /^0+$/.test(groups[i]!.digits) || (!bracketed && !/^[08]/.test(groups[i]!.digits))) continue;
    for (let j = Math.min(groups.length, i + 5); j > i + 1; j--) {
      if (!isPhone(groups.slice(i, j), bracketed)) continue;
      found.push(span(bracketed ? groups[i]!.start - 1 : groups[i]!.start, groups[j - 1]!.end, 'phone'));
      i = j - 1;
      break;
    }
  }
  return found;
}

function detectNumbers(text: string): Redaction[] {
  const found: Redaction[] = [];
  for (const m of text.matchAll(numberRunPattern)) {
    // A run glued to a digit before it cannot occur (the pattern is greedy); a letter can.
    found.push(...classifyRun(text, m.index, m[0].endsWith(')') && !m[0].startsWith('(') ? m[0].slice(0, -1) : m[0]));
  }
  return found;
}

const notWordBefore = '(?<![\\p{L}\\p{N}_])';
const notWordAfter = '(?![\\p{L}\\p{N}_])';

const addressPatterns: RegExp[] = [
  // English: `12 Baker Street`, `221B Baker St.`, `10 Downing Street, Flat 2`.
  new RegExp(
    `${notWordBefore}\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][\\p{L}'’-]*\\.?\\s+){1,4}(?:(?:Street|Road|Avenue|Lane|Boulevard|Drive|Court|Place|Square|Terrace|Way|Close|Crescent|Gardens|Row|Hill|Highway|Parkway)\\b|(?:St|Rd|Ave|Ln|Blvd|Dr|Ct|Pl|Sq)\\b\\.?)(?:,?\\s*(?:Apt|Apartment|Flat|Suite|Unit)\\.?\\s*#?\\d+[A-Za-z]?)?`,
    'gu',
  ),
  // English flats: `Apt 4`, `Flat 2B`, `Suite #12`.
  new RegExp(`${notWordBefore}(?:Apt|Apartment|Flat|Suite|Unit)\\.?\\s*#?\\d+[A-Za-z]?${notWordAfter}`, 'gu'),
  // Russian: `ул. Абая, д. 10, кв. 5`, `проспект Достык 5`, `пер. Садовый, 3`.
  new RegExp(
    `${notWordBefore}(?:ул\\.|улица|пр-т|пр\\.|просп\\.|проспект|пер\\.|переулок|б-р|бул\\.|бульвар|шоссе|наб\\.|набережная|пл\\.|площадь|мкр\\.?|микрорайон|мкрн\\.?)\\s*` +
      `[\\p{Lu}\\d][\\p{L}\\d.-]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\d.-]*){0,2}` +
      `(?:,?\\s*(?:д\\.|дом)?\\s*\\d+[\\p{L}]?(?:/\\d+)?${notWordAfter})?` +
      `(?:,?\\s*(?:корп\\.|корпус|к\\.|стр\\.)\\s*\\d+${notWordAfter})?` +
      `(?:,?\\s*(?:кв\\.|квартира|оф\\.|офис)\\s*\\d+${notWordAfter})?`,
    'giu',
  ),
  // Russian house and flat without a street: `д. 10, кв. 5`, `кв. 12`.
  new RegExp(
    `${notWordBefore}(?:(?:д\\.|дом)\\s*\\d+[\\p{L}]?(?:/\\d+)?(?:,?\\s*(?:кв\\.|квартира)\\s*\\d+)?|(?:кв\\.|квартира)\\s*\\d+)${notWordAfter}`,
    'giu',
  ),
  // Kazakh: `Абай көшесі, 10 үй`, `Достық даңғылы 5`, `Абай к-сі 10`.
  new RegExp(
    `${notWordBefore}[\\p{Lu}\\d][\\p{L}\\d-]*(?:\\s+[\\p{Lu}][\\p{L}-]*){0,2}\\s+(?:көшесі|даңғылы|к-сі|даң\\.|шағын ауданы|ықшамауданы)` +
      `(?:,?\\s*\\d+[\\p{L}]?(?:[\\s-]*үй)?${notWordAfter})?(?:,?\\s*\\d+[\\s-]*пәтер${notWordAfter}|,?\\s*пәтер\\s*\\d+)?`,
    'gu',
  ),
  // Kazakh house and flat: `10 үй`, `5-пәтер`, `пәтер 5`.
  new RegExp(`${notWordBefore}(?:\\d+[\\s-]*(?:үй|пәтер)|пәтер\\s*\\d+)${notWordAfter}`, 'gu'),
];

function detectAddresses(text: string): Redaction[] {
  return addressPatterns.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => ({
      start: m.index,
      end: m.index + m[0].replace(/[\s,]+$/u, '').length,
      kind: 'address' as const,
    })),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The longest name a reviewer may mark (longer text is no name; the API should refuse it). */
export const markedNameMaxLength = 200;

/**
 * Every occurrence of each marked name, case-insensitive, from the start of a word to the end of the
 * word it ends in. Blank names and single characters are ignored (they would redact every letter), and
 * so are names longer than `markedNameMaxLength`.
 */
export function detectMarkedNames(text: string, markedNames: readonly string[]): Redaction[] {
  const found: Redaction[] = [];
  for (const raw of markedNames) {
    const name = raw.trim();
    if ([...name].length < 2 || name.length > markedNameMaxLength) continue;
    const body = name.split(/\s+/u).map(escapeRegExp).join('\\s+');
    const pattern = new RegExp(`${notWordBefore}${body}[\\p{L}\\p{M}]*`, 'giu');
    for (const m of text.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, kind: 'name' });
  }
  return found;
}

/** Sorted, with overlapping and touching spans merged (the earlier span's kind kept). */
export function mergeRedactions<T extends Redaction>(spans: readonly T[]): T[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) out[out.length - 1] = { ...last, end: span.end };
    } else out.push({ ...span });
  }
  return out;
}

/** The personal data found in `text` (and every occurrence of the marked names), merged and sorted. */
export function detectPersonalData(text: string, markedNames: readonly string[] = []): Redaction[] {
  return mergeRedactions([
    ...detectEmails(text),
    ...detectNumbers(text),
    ...detectAddresses(text),
    ...detectMarkedNames(text, markedNames),
  ]);
}

/** Widens a span that would cut a surrogate pair in half, so that no lone surrogate is left behind. */
function widen(text: string, start: number, end: number): [number, number] {
  const isHigh = (i: number) => {
    const c = text.charCodeAt(i);
    return c >= 0xd800 && c <= 0xdbff;
  };
  const isLow = (i: number) => {
    const c = text.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  };
  let s = start;
  let e = end;
  if (s > 0 && isLow(s) && isHigh(s - 1)) s -= 1;
  if (e < text.length && isLow(e) && isHigh(e - 1)) e += 1;
  return [s, e];
}

/**
 * `text` with each span replaced by `[redacted]`. Spans are clamped to the text, empty ones ignored,
 * overlapping ones merged; offsets are UTF-16 code units of `text`.
 */
export function applyRedactions(text: string, spans: readonly { start: number; end: number }[]): string {
  const clamped = spans
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .map((s) => {
      const [start, end] = widen(
        text,
        Math.max(0, Math.min(text.length, Math.floor(s.start))),
        Math.max(0, Math.min(text.length, Math.ceil(s.end))),
      );
      return { start, end, kind: 'manual' as const };
    });
  let out = '';
  let at = 0;
  for (const span of mergeRedactions(clamped)) {
    out += text.slice(at, span.start) + redactedMark;
    at = span.end;
  }
  return out + text.slice(at);
}
