import { describe, expect, it } from 'vitest';
import { policyDefaultDeadline } from '../../src/domain/deadline.js';
import { formatPeriod, parsePeriod, periodBounds, periodOf } from '../../src/domain/period.js';

describe('half-year periods', () => {
  it('parses and bounds a period in UTC', () => {
    expect(periodBounds(parsePeriod('2021-H1'))).toEqual({
      start: new Date('2021-01-01T00:00:00Z'),
      end: new Date('2021-07-01T00:00:00Z'),
    });
    expect(periodBounds(parsePeriod('2021-H2'))).toEqual({
      start: new Date('2021-07-01T00:00:00Z'),
      end: new Date('2022-01-01T00:00:00Z'),
    });
  });

  it('places instants at the edges in the right period', () => {
    expect(formatPeriod(periodOf(new Date('2021-06-30T23:59:59.999Z')))).toBe('2021-H1');
    expect(formatPeriod(periodOf(new Date('2021-07-01T00:00:00Z')))).toBe('2021-H2');
  });

  it.each(['2021', '2021-H3', '21-H1', '2021-h1', ''])('refuses %j, naming the field', (text) => {
    expect(() => parsePeriod(text)).toThrow(expect.objectContaining({ code: 'validation_failed', field: 'period' }));
  });
});

describe('policy deadlines when no regime is named', () => {
  it('counts elapsed hours from receipt and says it is policy, not law', () => {
    const d = policyDefaultDeadline('content_removal', new Date('2026-03-10T18:30:00Z'));
    expect(d.dueAt).toEqual(new Date('2026-03-11T18:30:00Z'));
    expect(d.dueBasis).toMatch(/^policy: 24 h/);
    expect(policyDefaultDeadline('emergency_disclosure', new Date('2026-03-10T18:30:00Z')).dueAt).toEqual(
      new Date('2026-03-10T19:30:00Z'),
    );
  });
});
