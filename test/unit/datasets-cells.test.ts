/** Reading single published values: counts, percentages, periods and country names. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCount, readPercent } from '../../src/domain/datasets/cells.js';
import { countryCodeForName } from '../../src/domain/datasets/countries.js';
import {
  nextPeriod,
  periodFromEndDate,
  periodFromFileName,
  periodFromLabel,
  periodsBetween,
} from '../../src/domain/datasets/periods.js';

describe('counts as published', () => {
  it('reads thousands separators, blanks and the markers Google and Meta use', () => {
    expect(readCount('15,554')).toEqual({ kind: 'number', value: 15554 });
    expect(readCount(' 7 ')).toEqual({ kind: 'number', value: 7 });
    expect(readCount('')).toEqual({ kind: 'blank' });
    expect(readCount('0')).toEqual({ kind: 'number', value: 0 });
    expect(readCount('<10')).toEqual({ kind: 'fewer-than', bound: 10, text: '<10' });
    expect(readCount('?')).toEqual({ kind: 'unknown', text: '?' });
    expect(readCount('N/A')).toEqual({ kind: 'unknown', text: 'N/A' });
    expect(readCount('11,000 - 12,000')).toEqual({ kind: 'range', low: 11000, high: 12000, text: '11,000 - 12,000' });
  });

  it('does not understand anything else', () => {
    for (const text of ['12a', '1,23', '1.5', '-3', 'twelve', '12,000 - 11,000', '99999999999'])
      expect(readCount(text)).toBeNull();
  });

  it('reads every whole number however it is grouped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (n) => {
        expect(readCount(n.toLocaleString('en-US'))).toEqual({ kind: 'number', value: n });
        expect(readCount(String(n))).toEqual({ kind: 'number', value: n });
      }),
    );
  });

  it('reads percentages with or without the sign', () => {
    expect(readPercent('83%')).toEqual({ kind: 'number', value: 83 });
    expect(readPercent('0')).toEqual({ kind: 'number', value: 0 });
    expect(readPercent('')).toEqual({ kind: 'blank' });
    expect(readPercent('8.5%')).toBeNull();
  });
});

describe('periods', () => {
  it('reads Google dates, JSON labels and Meta file names', () => {
    expect(periodFromEndDate('2021-06-30')).toBe('2021-H1');
    expect(periodFromEndDate('2009-12-31')).toBe('2009-H2');
    expect(periodFromEndDate('06/30/2021')).toBeNull();
    expect(periodFromEndDate('2021-03-31')).toBeNull();
    expect(periodFromLabel('January - June 2011')).toBe('2011-H1');
    expect(periodFromLabel('July - December 2025')).toBe('2025-H2');
    expect(periodFromLabel('January - December 2025')).toBeNull();
    expect(periodFromFileName('government-requests/PRPL-Facebook-Government-Report-2013_H1.csv')).toBe('2013-H1');
    expect(periodFromFileName('Data Requests-2013-H2.csv')).toBe('2013-H2');
    expect(periodFromFileName('requests.csv')).toBeNull();
  });

  it('steps through half-years', () => {
    expect(nextPeriod('2021-H1')).toBe('2021-H2');
    expect(nextPeriod('2021-H2')).toBe('2022-H1');
    expect(periodsBetween('2020-H2', '2022-H1')).toEqual(['2020-H2', '2021-H1', '2021-H2', '2022-H1']);
  });
});

describe('country names in Meta files', () => {
  it('maps Meta’s spellings to ISO codes and refuses to guess', () => {
    expect(countryCodeForName('Kazakhstan')).toBe('KZ');
    expect(countryCodeForName('Czech Republic')).toBe('CZ');
    expect(countryCodeForName('Ivory Coast')).toBe('CI');
    expect(countryCodeForName('Saint Kitts and Nevis')).toBe('KN');
    expect(countryCodeForName('St. Lucia')).toBe('LC');
    expect(countryCodeForName('Aland Islands')).toBe('AX');
    expect(countryCodeForName('Curacao')).toBe('CW');
    expect(countryCodeForName('The Bahamas')).toBe('BS');
    expect(countryCodeForName('Kosovo')).toBe('XK');
    expect(countryCodeForName('Somaliland')).toBeNull();
    expect(countryCodeForName('')).toBeNull();
  });
});
