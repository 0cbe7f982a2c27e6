/**
 * Redaction's detectors at their edges (src/domain/redaction.ts; issue 14's survivors): identifiers one digit too
 * long or with a neighbouring century, month or day; checksums that pass only one of their checks;
 * phones, dates, amounts and cards one group or one separator away from each other; words glued to a
 * number; spans that nest, share a start, or would split a surrogate pair.
 */
import { describe, expect, it } from 'vitest';
import {
  applyRedactions,
  isLuhnValid,
  isValidIin,
  isValidPersonalInn,
  isValidSnils,
  mergeRedactions,
} from '../../src/domain/redaction.js';
import { found } from './redaction-fixtures.js';

describe("Kazakhstan's IIN at its edges", () => {
  it('is exactly twelve digits: a valid IIN with one more digit after it is not an IIN', () => {
    expect(isValidIin('900101300126')).toBe(true);
    expect(isValidIin('9001013001260')).toBe(false);
  });

  it('an IIN whose century digit is 0 is not an IIN; 1 (a man born in the 1800s) is', () => {
    expect(isValidIin('900101000127')).toBe(false);
    expect(isValidIin('900101100123')).toBe(true);
  });

  it('reads the century from the century digit: 29 February 2000 exists, 29 February 1900 does not', () => {
    // 00-02-29: born in 2000 (digits 5, 6) is a valid date; in 1900 (3, 4) or 1800 (1, 2) it is not.
    expect(isValidIin('000229500127')).toBe(true);
    expect(isValidIin('000229600123')).toBe(true);
    expect(isValidIin('000229300124')).toBe(false);
    expect(isValidIin('000229400120')).toBe(false);
    expect(isValidIin('000229100121')).toBe(false);
    expect(isValidIin('000229200128')).toBe(false);
  });

  it('an IIN with month 00 or day 00 is not an IIN', () => {
    expect(isValidIin('900001300122')).toBe(false);
    expect(isValidIin('900100300120')).toBe(false);
  });
});

describe('SNILS at its edges', () => {
  it('is exactly eleven digits: twelve digits whose last three read as the checksum are no SNILS', () => {
    expect(isValidSnils('11223344595')).toBe(true);
    expect(isValidSnils('112233445095')).toBe(false);
    expect(isValidSnils('1122334459')).toBe(false);
    expect(isValidSnils('abc')).toBe(false);
  });

  it('numbers up to 001-001-998 carry no checksum and are never valid; 001-001-999 is the first that is', () => {
    expect(isValidSnils('00100199864')).toBe(false);
    expect(isValidSnils('00100199965')).toBe(true);
  });

  it('an eleven-digit number that fails the SNILS checksum is not proposed at all', () => {
    expect(found('СНИЛС 11223344596')).toEqual([]);
  });
});

describe('Russian personal INN at its edges', () => {
  it('is exactly twelve digits: a valid INN with one more digit after it is not an INN', () => {
    expect(isValidPersonalInn('5001007322590')).toBe(false);
    expect(isValidPersonalInn('50010073225')).toBe(false);
    expect(isValidPersonalInn('abc')).toBe(false);
  });

  it('needs both check digits: a right second check digit does not make up for a wrong first one', () => {
    // The first check digit of 5001007322… is 5; with 6 in its place, 6 is the matching second one.
    expect(isValidPersonalInn('500100732266')).toBe(false);
  });
});

describe('the Luhn check at its edges', () => {
  it('an empty string or anything but digits is not a card number', () => {
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('abc')).toBe(false);
    expect(isLuhnValid(' 4111111111111111')).toBe(false);
    expect(isLuhnValid('4111111111111111  ')).toBe(false);
    expect(isLuhnValid('4111 1111 1111 1111')).toBe(false);
  });
});

describe('emails at their edges', () => {
  it('takes every part of a domain, digits and several dots included', () => {
    expect(found('write to ivan@mail.srv1.kz now')).toEqual([['ivan@mail.srv1.kz', 'email']]);
    expect(found('write to ivan@mail.co.uk now')).toEqual([['ivan@mail.co.uk', 'email']]);
  });
});

describe('international phones', () => {
  it('a + number has 8 to 15 digits: 7 or 16 digits are no phone', () => {
    expect(found('tel. +12 345 67')).toEqual([]);
    expect(found('tel. +1234 5678')).toEqual([['+1234 5678', 'phone']]);
    expect(found('tel. +123456789012345')).toEqual([['+123456789012345', 'phone']]);
    expect(found('tel. +1234567890123456')).toEqual([]);
  });
});

describe('national phones: brackets and separators', () => {
  it.each([['8(701)123-45-67'], ['8(701) 123-45-67'], ['8 (701)-123-45-67'], ['8-(701)-123-45-67']])(
    '%s is one phone, brackets with or without a space or a dash around them',
    (number) => {
      expect(found(`Call ${number}, please.`)).toEqual([[number, 'phone']]);
    },
  );

  it('a number wholly in brackets is redacted with both brackets', () => {
    expect(found('тел. (8 701 123 45 67), моб.')).toEqual([['(8 701 123 45 67)', 'phone']]);
  });

  it('a number wholly in brackets with letters right after its closing bracket is part of a code', () => {
    expect(found('код (8 701 123 45 67)abc')).toEqual([]);
  });

  it('the closing bracket of a remark after a number is not part of it, and shields it from the next word', () => {
    expect(found('(тел. 8 701 123 45 67)')).toEqual([['8 701 123 45 67', 'phone']]);
    expect(found('(тел. 8 701 123 45 67)Асель')).toEqual([['8 701 123 45 67', 'phone']]);
  });

  it('an area code in brackets that reads like a year still starts a phone', () => {
    expect(found('tel. (2012) 345-67-89')).toEqual([['(2012) 345-67-89', 'phone']]);
  });

  it('a bracketed phone after a year in the same run is found from its bracket', () => {
    expect(found('since 2019 (727) 255-12-34')).toEqual([['(727) 255-12-34', 'phone']]);
  });

  it('a phone inside a longer run is cut out without the groups that follow it', () => {
    expect(found('Room 12 020 7946 0958 5')).toEqual([['020 7946 0958', 'phone']]);
  });

  it('two phones in one run after a year are both found', () => {
    expect(found('2026 020 7946 0958 020 7946 0959')).toEqual([
      ['020 7946 0958', 'phone'],
      ['020 7946 0959', 'phone'],
    ]);
  });

  it('a group of zeros does not start a phone', () => {
    expect(found('2026 00 1234 5678')).toEqual([]);
  });

  it('a phone has two to five groups: one group or six are no phone', () => {
    expect(found('ref 12-34-56-78-90-1')).toEqual([]);
    expect(found('ref 87011234569')).toEqual([]);
  });
});

describe('national phones: words glued to them', () => {
  it('a letter just before the first digit, at the very start of the text, makes it a code', () => {
    expect(found('B12 345 678 90')).toEqual([]);
  });

  it('letters just after the last digit make it a code', () => {
    expect(found('Call 8 701 123 45 67abc')).toEqual([]);
  });

  it('a word after a space is not glued to the number', () => {
    expect(found('Call 8 701 123 45 67 today')).toEqual([['8 701 123 45 67', 'phone']]);
  });

  it('a dash not followed by a word or a digit does not glue, and neither does a dash not led by one', () => {
    expect(found('тел. 8 701 123 45 67- (моб.)')).toEqual([['8 701 123 45 67', 'phone']]);
    expect(found('Tel.: -8 701 123 45 67')).toEqual([['8 701 123 45 67', 'phone']]);
  });
});

describe('national phones against years, dates and references', () => {
  it('a first group of five digits is no year: 01904 (York) or 20794 still start a phone', () => {
    expect(found('tel. 01904 123456')).toEqual([['01904 123456', 'phone']]);
    expect(found('tel. 20794 60958')).toEqual([['20794 60958', 'phone']]);
  });

  it('a reference led by a year is no phone', () => {
    expect(found('No. 2025-1234-56')).toEqual([]);
  });

  it.each([
    ['day-month-year with dashes', '10-03-2026-42'],
    ['day-month-year with dots', '10.03.2026.42'],
    ['year-month-day after a number', '87-2026-03-10'],
    ['the first day and month', '01-01-2026-42'],
    ['the last day and month', '31-12-2026-42'],
  ])('a run holding a date (%s) is no phone', (_what, text) => {
    expect(found(`ref ${text}`)).toEqual([]);
  });

  it.each([
    ['month 13', '10-13-2026-42'],
    ['month 00', '10-00-2026-42'],
    ['day 32', '32-03-2026-42'],
    ['day 00', '00-03-2026-42'],
    ['day 45 and month 42', '42-42-2026-42'],
    ['a one-digit month', '10-3-2026-421'],
    ['a one-digit day', '3-03-2026-421'],
    ['spaces between the groups', '10 03 2026 42'],
    ['a dash then a space', '10-03 2026-42'],
  ])('groups that only look like a date (%s) do not stop a phone', (_what, text) => {
    expect(found(`tel. ${text}`)).toEqual([[text, 'phone']]);
  });
});

describe('national phones against amounts', () => {
  it.each([
    ['in thousands with dots', '1.500.000.000'],
    ['with a long first group', '1500 000 000'],
  ])('an amount written %s is no phone', (_what, text) => {
    expect(found(`a fine of ${text} tenge`)).toEqual([]);
  });

  it.each([['8 701 123 45 67'], ['8701.123.456'], ['8 701 123-456'], ['8 495-123 456'], ['8.701.123.45.67']])(
    '%s is a phone, not an amount in thousands',
    (number) => {
      expect(found(`tel. ${number}`)).toEqual([[number, 'phone']]);
    },
  );

  it('a run that mixes dots with other separators, such as a clause number, is no phone', () => {
    expect(found('п. 12.3 4567 8901')).toEqual([]);
  });
});

describe('payment cards at their edges', () => {
  it('an American Express number grouped 4-6-5 is a card', () => {
    expect(found('card 3782 822463 10005.')).toEqual([['3782 822463 10005', 'card']]);
  });

  it.each([
    ['a first group of five', '41111 1111 1111 111'],
    ['a group of seven', '4111 1111111 11111'],
    ['a short group in the middle', '4111 11 111111 1111'],
    ['dots between the groups', '4111.1111.1111.1111'],
    ['spaces and dashes mixed', '4111 1111-1111 1111'],
  ])('Luhn-valid digits grouped unlike a card (%s) are no card', (_what, text) => {
    expect(found(`card ${text}.`)).toEqual([]);
  });

  it('a placeholder of one repeated digit is no card, though it passes the Luhn check', () => {
    expect(isLuhnValid('0000000000000000')).toBe(true);
    expect(found('card 0000 0000 0000 0000.')).toEqual([]);
  });

  it('a card is at most nineteen digits: a group after a full card is left out of it', () => {
    expect(found('card 4111 1111 1111 1111 0000.')).toEqual([['4111 1111 1111 1111', 'card']]);
  });
});

describe('addresses at their edges', () => {
  it('takes a Russian building block and office after the house number', () => {
    expect(found('адрес: ул. Абая, д. 10, корп. 2.')).toEqual([['ул. Абая, д. 10, корп. 2', 'address']]);
    expect(found('адрес: ул. Абая, д. 10, оф. 5.')).toEqual([['ул. Абая, д. 10, оф. 5', 'address']]);
  });

  it('a flat word that goes on into a longer word is no address: "5 пәтерлі үй" is a five-flat house', () => {
    expect(found('5 пәтерлі үй')).toEqual([]);
  });
});

describe('marked names at their edges', () => {
  it('a marked name is found only at the start of a word', () => {
    expect(found('Alibek Bekov', ['Bek'])).toEqual([['Bekov', 'name']]);
  });

  it('spaces around a marked name are ignored', () => {
    expect(found('Иванов пришёл', [' Иванов '])).toEqual([['Иванов', 'name']]);
  });

  it('a two-letter name is found', () => {
    expect(found('Ли Мин', ['Ли'])).toEqual([['Ли', 'name']]);
  });
});

describe('merging spans at their edges', () => {
  it('a span inside another leaves the outer one whole', () => {
    expect(
      mergeRedactions([
        { start: 0, end: 10, kind: 'address' },
        { start: 2, end: 5, kind: 'name' },
      ]),
    ).toEqual([{ start: 0, end: 10, kind: 'address' }]);
  });

  it('of two spans with the same start, the longer one comes first and keeps its kind', () => {
    const short = { start: 3, end: 5, kind: 'phone' } as const;
    const long = { start: 3, end: 9, kind: 'email' } as const;
    expect(mergeRedactions([short, long])).toEqual([long]);
    expect(mergeRedactions([long, short])).toEqual([long]);
  });
});

describe('applying spans at their edges', () => {
  it('a span with an infinite or NaN offset is ignored, not stretched over the text', () => {
    expect(applyRedactions('abc', [{ start: 0, end: Number.POSITIVE_INFINITY }])).toBe('abc');
    expect(applyRedactions('abc', [{ start: Number.NEGATIVE_INFINITY, end: 2 }])).toBe('abc');
    expect(applyRedactions('abc', [{ start: 0, end: Number.NaN }])).toBe('abc');
  });

  it('a span ending inside a surrogate pair takes the whole character', () => {
    expect(applyRedactions('x😀y', [{ start: 1, end: 2 }])).toBe('x[redacted]y');
  });

  it('the first and the last astral characters, U+10000 and U+10FFFF, are never split', () => {
    for (const c of ['\u{10000}', '\u{10FFFF}']) {
      expect(applyRedactions(`x${c}y`, [{ start: 2, end: 3 }])).toBe('x[redacted]y');
      expect(applyRedactions(`x${c}y`, [{ start: 1, end: 2 }])).toBe('x[redacted]y');
    }
  });

  it('a lone surrogate is not joined with a neighbour that is not its pair', () => {
    // A low surrogate after a letter or after a character above the surrogates.
    expect(applyRedactions('a\udc00b', [{ start: 1, end: 2 }])).toBe('a[redacted]b');
    expect(applyRedactions('\uff01\udc00b', [{ start: 1, end: 2 }])).toBe('\uff01[redacted]b');
    // A high surrogate before a letter or before a character above the surrogates.
    expect(applyRedactions('a\ud800b', [{ start: 2, end: 3 }])).toBe('a\ud800[redacted]');
    expect(applyRedactions('a\ud800\uff01', [{ start: 2, end: 3 }])).toBe('a\ud800[redacted]');
    expect(applyRedactions('\ud800ab', [{ start: 0, end: 1 }])).toBe('[redacted]ab');
  });
});
