/** Redaction's detectors and their application (src/domain/redaction.ts, issue 13). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRedactions,
  detectPersonalData,
  isLuhnValid,
  isValidIin,
  isValidPersonalInn,
  isValidSnils,
  markedNameMaxLength,
  mergeRedactions,
} from '../../src/domain/redaction.js';
import { poisons } from '../support/fuzz-inputs.js';
import { runs } from '../support/property-runs.js';
import { email, found, iinCheckDigit, phone, validCard, validIin, validPersonalInn, validSnils } from './redaction-fixtures.js';

describe('emails', () => {
  it('finds addresses, Cyrillic domains included, and nothing that only looks alike', () => {
    expect(found('Write to ivan.petrov+kz@mail.kz today.')).toEqual([['ivan.petrov+kz@mail.kz', 'email']]);
    expect(found('почта: асель@почта.рф')).toEqual([['асель@почта.рф', 'email']]);
    expect(found('the handle @aigerim and a@b are not addresses')).toEqual([]);
  });
});

describe('phones', () => {
  it.each([
    ['+7 701 123 45 67'],
    ['+77011234567'],
    ['+44 20 7946 0958'],
    ['+1 (555) 123-4567'],
    ['+7 (727) 255-12-34'],
    ['8 (701) 123-45-67'],
    ['8-701-123-45-67'],
    ['020 7946 0958'],
    ['(727) 255-12-34'],
    ['07700 900123'],
  ])('%s is a phone', (number) => {
    expect(found(`Call ${number}, please.`)).toEqual([[number, 'phone']]);
  });

  it.each([
    ['a date', 'decided on 2026-03-10 and 10.03.2026'],
    ['a year', 'in 2026 and in 1999'],
    ['an amount in thousands', 'a fine of 1 500 000 000 tenge, or 12 000 000 000'],
    ['an order number led by a year', 'order No. 2026-03-10-042 and 2026-0310-1234'],
    ['a code glued to letters', 'case AB-123-456-7890 and ref KZ12 345 678 90'],
    ['a short number', 'Art. 19, para 2, 123-45-67'],
    ['a date range', '2025-01-01 – 2025-06-30'],
  ])('%s is no phone', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("Kazakhstan's IIN", () => {
  it('checks the check digit with both weightings, the date of birth and the century digit', () => {
    // A valid number, and the same with its last digit changed.
    const first11 = '90010130012';
    const check = iinCheckDigit(first11)!;
    expect(isValidIin(`${first11}${check}`)).toBe(true);
    expect(isValidIin(`${first11}${(check + 1) % 10}`)).toBe(false);
    // 87041240071…: the 1..11 weighting gives 10, the second gives 1.
    expect(isValidIin('870412400711')).toBe(true);
    expect(isValidIin('870412400710')).toBe(false);
    // 87041240070…: both weightings give 10, so no last digit makes it valid.
    for (let last = 0; last <= 9; last++) expect(isValidIin(`87041240070${last}`)).toBe(false);
    expect(isValidIin(`901301300${'12'}${iinCheckDigit('90130130012')}`)).toBe(false); // month 13
    expect(isValidIin(`900230300${'12'}${iinCheckDigit('90023030012')}`)).toBe(false); // 30 February
    expect(isValidIin(`900101700${'12'}${iinCheckDigit('90010170012')}`)).toBe(false); // century digit 7
    expect(isValidIin('12345678901')).toBe(false);
    expect(isValidIin('12345678901a')).toBe(false);
  });

  it('agrees with the fixture for every generated IIN, and rejects every wrong check digit', () => {
    fc.assert(
      fc.property(validIin, fc.integer({ min: 1, max: 9 }), (iin, shift) => {
        expect(isValidIin(iin)).toBe(true);
        const wrong = `${iin.slice(0, 11)}${(Number(iin[11]) + shift) % 10}`;
        expect(isValidIin(wrong)).toBe(false);
      }),
      { numRuns: runs(100) },
    );
  });

  it('proposes only valid IINs as iin; another twelve-digit run is not proposed', () => {
    const first11 = '85061240321';
    const iin = `${first11}${iinCheckDigit(first11)}`;
    expect(found(`ИИН ${iin}, ИИН${iin}.`)).toEqual([
      [iin, 'iin'],
      [iin, 'iin'],
    ]);
    const invalid = `${first11}${(iinCheckDigit(first11)! + 1) % 10}`;
    expect(isValidPersonalInn(invalid)).toBe(false);
    expect(found(`ИИН ${invalid}`)).toEqual([]);
    expect(found('BIN 123456789012 and 000000000000')).toEqual([]);
  });
});

describe('other national identifiers', () => {
  it('finds SNILS with its checksum, written either way', () => {
    expect(isValidSnils('11223344595')).toBe(true);
    expect(found('СНИЛС 112-233-445 95 и 11223344595')).toEqual([
      ['112-233-445 95', 'national_id'],
      ['11223344595', 'national_id'],
    ]);
    expect(found('СНИЛС 112-233-445 96')).toEqual([]);
  });

  it('finds a Russian personal INN by its two check digits', () => {
    expect(isValidPersonalInn('500100732259')).toBe(true);
    expect(found('ИНН 500100732259')).toEqual([['500100732259', 'national_id']]);
    expect(found('ИНН 500100732258')).toEqual([]);
  });

  it('generated ones are all found', () => {
    fc.assert(
      fc.property(fc.oneof(validSnils, validPersonalInn), (id) => {
        expect(found(`номер ${id}.`).map(([text]) => text)).toEqual([id]);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('payment cards', () => {
  it('finds Luhn-valid numbers grouped or not, and not Luhn-invalid ones', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(found('card 4111 1111 1111 1111, 4111-1111-1111-1111 and 4111111111111111')).toEqual([
      ['4111 1111 1111 1111', 'card'],
      ['4111-1111-1111-1111', 'card'],
      ['4111111111111111', 'card'],
    ]);
    expect(found('card 4111 1111 1111 1112')).toEqual([]);
    expect(found('card 4111111111111112')).toEqual([]);
  });

  it('finds a card number inside a longer run of digit groups', () => {
    expect(found('paid 2026 4111 1111 1111 1111 5')).toEqual([['4111 1111 1111 1111', 'card']]);
  });

  it('finds every generated card', () => {
    fc.assert(
      fc.property(validCard, (card) => {
        expect(found(`card: ${card}.`)).toEqual([[card, 'card']]);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('street addresses', () => {
  it.each([
    ['12 Baker Street', 'lives at 12 Baker Street.'],
    ['221B Baker St., Apt 4', 'at 221B Baker St., Apt 4 since May'],
    ['10 Downing Street', '10 Downing Street'],
    ['Flat 2B', 'in Flat 2B'],
    ['ул. Абая, д. 10, кв. 5', 'проживает: ул. Абая, д. 10, кв. 5.'],
    ['проспект Достык 5', 'офис на проспект Достык 5'],
    ['улица Пушкина, дом 3', 'улица Пушкина, дом 3'],
    ['д. 7, кв. 12', 'живёт в д. 7, кв. 12'],
    ['Абай көшесі, 10 үй', 'мекенжайы: Абай көшесі, 10 үй'],
    ['Достық даңғылы 5', 'Достық даңғылы 5'],
    ['5 пәтер', '5 пәтер'],
  ])('%s is an address', (address, text) => {
    expect(found(text)).toEqual([[address, 'address']]);
  });

  it('does not take a law or a street-like word without a number or a street for an address', () => {
    expect(found('Law No. 12 of the Street Traffic Act; Art. 19 of the Law on Online Platforms')).toEqual([]);
    expect(found('по статье 19 закона, 10 дней')).toEqual([]);
  });
});

describe('marked names', () => {
  it('finds every occurrence, case-insensitively, with the end of the word', () => {
    const text = 'Иванов wrote to ИВАНОВ; Иванова replied. aigerim Nurlanova, AIGERIM NURLANOVA!';
    expect(found(text, ['Иванов', 'Aigerim  Nurlanova'])).toEqual([
      ['Иванов', 'name'],
      ['ИВАНОВ', 'name'],
      ['Иванова', 'name'],
      ['aigerim Nurlanova', 'name'],
      ['AIGERIM NURLANOVA', 'name'],
    ]);
  });

  it('does not match inside another word, and ignores blank or one-letter names and regex characters', () => {
    expect(found('Петрова и Сидоров', ['Иванов'])).toEqual([]);
    expect(found('a (b) c', ['', ' ', 'a', '(b)'])).toEqual([['(b)', 'name']]);
  });

  it('out of scope: a stem that changes in another case is not found', () => {
    expect(found('Павла вызвали', ['Павел'])).toEqual([]);
  });
});

describe('spans and their application', () => {
  it('merges overlapping and touching spans', () => {
    expect(
      mergeRedactions([
        { start: 5, end: 8, kind: 'phone' },
        { start: 0, end: 3, kind: 'email' },
        { start: 2, end: 4, kind: 'name' },
        { start: 4, end: 5, kind: 'manual' },
        { start: 10, end: 10, kind: 'manual' },
      ]),
    ).toEqual([{ start: 0, end: 8, kind: 'email' }]);
  });

  it('writes [redacted] for each span whatever its kind, clamps, and never splits a surrogate pair', () => {
    expect(
      applyRedactions('call 123 or mail a@b.kz', [
        { start: 5, end: 8 },
        { start: 17, end: 23 },
      ]),
    ).toBe('call [redacted] or mail [redacted]');
    expect(applyRedactions('abc', [{ start: -5, end: 100 }])).toBe('[redacted]');
    expect(applyRedactions('abc', [{ start: 2, end: 1 }])).toBe('abc');
    expect(applyRedactions('x😀y', [{ start: 2, end: 3 }])).toBe('x[redacted]y');
  });

  it('an email inside a longer sentence with a phone is found as two spans', () => {
    const text = 'ivan@mail.kz, +7 701 123 45 67';
    expect(applyRedactions(text, detectPersonalData(text))).toBe('[redacted], [redacted]');
  });

  it('every generated value vanishes from any text it is put in, with its neighbours kept', () => {
    const word = fc.constantFrom('order', 'приказ', 'бұйрық', 'Art. 19', '2026-03-10', 'of', 'the', 'жоқ', '—', '1 500 000');
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 6 }),
        fc.oneof(email, phone, validIin, validCard, validSnils, validPersonalInn),
        fc.array(word, { maxLength: 6 }),
        (before, value, after) => {
          const text = [...before, `${value},`, ...after].join(' ');
          const redacted = applyRedactions(text, detectPersonalData(text));
          expect(redacted).not.toContain(value);
          expect(redacted).toContain('[redacted]');
          for (const w of [...before, ...after]) expect(redacted).toContain(w);
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it('runs in linear time on long hostile text', () => {
    // Under mutation testing a tenth as long: a mutant that makes matching exponential still shows,
    // one that makes it quadratic is left to the suite (test/support/property-runs.ts).
    const texts = [
      '1 '.repeat(runs(50_000)),
      '+7 '.repeat(runs(30_000)),
      'ул. '.repeat(runs(20_000)),
      `${'a.'.repeat(runs(30_000))}@`,
      '8('.repeat(runs(30_000)),
    ];
    for (const text of texts) expect(Array.isArray(detectPersonalData(text, ['ab', 'a b']))).toBe(true);
  });

  it('takes any hostile text as text and as a marked name; a name longer than a name can be is ignored', () => {
    for (const poison of poisons) {
      const value = String(poison.value);
      expect(() => applyRedactions(value, detectPersonalData(value, [value, `${value} ${value}`]))).not.toThrow();
    }
    const long = 'a'.repeat(markedNameMaxLength + 1);
    expect(detectPersonalData(long, [long])).toEqual([]);
    const longest = 'a'.repeat(markedNameMaxLength);
    expect(detectPersonalData(longest, [longest])).toEqual([{ start: 0, end: markedNameMaxLength, kind: 'name' }]);
  });
});
