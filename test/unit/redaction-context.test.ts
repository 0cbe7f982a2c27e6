/**
 * Redaction's detectors and what surrounds a value (src/domain/redaction.ts): a birth date on 29 February,
 * phone groups that read like a month and a day, a card number glued to a sign or a word, a reference led
 * by a year, and a text checked with no marked names.
 */
import { describe, expect, it } from 'vitest';
import { detectPersonalData, isValidIin } from '../../src/domain/redaction.js';
import { found } from './redaction-fixtures.js';

describe("Kazakhstan's IIN born on 29 February", () => {
  it('29 February of a leap year such as 1996, 1912 or 2016 is a valid birth date', () => {
    expect(isValidIin('960229400123')).toBe(true);
    expect(isValidIin('120229300129')).toBe(true);
    expect(isValidIin('160229500129')).toBe(true);
    expect(found('ИИН 960229400123')).toEqual([['960229400123', 'iin']]);
  });

  it('29 February of a year that is not leap, such as 1997 or 2017, is no birth date', () => {
    expect(isValidIin('970229400121')).toBe(false);
    expect(isValidIin('170229500120')).toBe(false);
  });
});

describe('national phones whose groups look like part of a date', () => {
  it.each([['8-701-123-12-10'], ['8 (701) 123-12-10'], ['8-701-12-10-45']])(
    '%s, a month and a day with no year before them, is still a phone',
    (number) => {
      expect(found(`tel. ${number}, please.`)).toEqual([[number, 'phone']]);
    },
  );
});

describe('payment cards glued to their neighbours', () => {
  it.each([
    ['a number sign', 'card #4111 1111 1111 1111 was used', '4111 1111 1111 1111'],
    ['the sign №', 'карта №4111111111111111 заблокирована', '4111111111111111'],
    ['a word', 'paid with Visa4111-1111-1111-1111 online', '4111-1111-1111-1111'],
    ['a currency after it', 'card 4111 1111 1111 1111RUB', '4111 1111 1111 1111'],
  ])('a card number glued to %s is still proposed', (_what, text, card) => {
    expect(found(text)).toEqual([[card, 'card']]);
  });
});

describe('references led by a year', () => {
  it('a reference led by a year, whose next part starts with 0 or 8, is no phone', () => {
    expect(found('order No. 2026-08-1234-5678 of the court')).toEqual([]);
    expect(found('order No. 2026-0800-123-4567 of the court')).toEqual([]);
  });

  it('a phone written after a year with a space between them is still found', () => {
    expect(found('since 2026 8 701 123 45 67')).toEqual([['8 701 123 45 67', 'phone']]);
  });
});

describe('text checked with no marked names', () => {
  it('proposes no word as a name when no name is marked', () => {
    expect(detectPersonalData('Stryker was here, said Aigerim.')).toEqual([]);
    expect(detectPersonalData('Stryker was here, said Aigerim.', [])).toEqual([]);
  });
});

describe('several kinds of personal data in one run of digits, as in a table row', () => {
  // Each was a leak: the first card or identifier found ended the search, and the phone or the
  // identifier beside it stayed in the published text.
  it.each([
    [
      'a card, then a phone',
      'card 4111 1111 1111 1111 8 701 123 45 67',
      [
        ['4111 1111 1111 1111', 'card'],
        ['8 701 123 45 67', 'phone'],
      ],
    ],
    [
      'a phone, then a card',
      'тел. 8 701 123 45 67 4111 1111 1111 1111',
      [
        ['8 701 123 45 67', 'phone'],
        ['4111 1111 1111 1111', 'card'],
      ],
    ],
    [
      'an IIN, then a phone',
      'ИИН 900101300126 8 701 123 45 67',
      [
        ['900101300126', 'iin'],
        ['8 701 123 45 67', 'phone'],
      ],
    ],
    [
      'a phone, then an IIN',
      '8 701 123 45 67 900101300126',
      [
        ['8 701 123 45 67', 'phone'],
        ['900101300126', 'iin'],
      ],
    ],
    [
      'a card, then an IIN',
      '4111 1111 1111 1111 900101300126',
      [
        ['4111 1111 1111 1111', 'card'],
        ['900101300126', 'iin'],
      ],
    ],
  ])('%s: both are proposed', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
