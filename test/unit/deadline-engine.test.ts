/**
 * The deadline engine against the shipped rule packs (the examples of issue 3) and, by property,
 * against synthetic packs across time zones, daylight-saving changes and leap days.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { computeDeadline, type PolicyTargets } from '../../src/domain/regimes/deadline-engine.js';
import type { RegimePack } from '../../src/domain/regimes/pack.js';
import { ruleBook } from '../../src/domain/regimes/rule-book.js';
import { formatInZone, startOfDayInZone } from '../../src/domain/regimes/time.js';
import { loadRuleBook } from '../../src/rules/packs.js';
import { runs } from '../support/property-runs.js';
import { propertyZones } from '../support/time-zones.js';

const book = loadRuleBook(shippedRulesDir);
const policy: PolicyTargets = { immediateHours: 1, withoutUndueDelayHours: 24 };
const due = (regimeId: string, kind: 'content_removal' | 'user_data', category: string, received: string, period?: number) =>
  computeDeadline(book, { regimeId, kind, category, receivedAt: new Date(received), periodSetInOrderHours: period }, policy);
const hoursBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

describe('the examples of issue 3', () => {
  it('gives a Kazakh child-cyberbullying order 24 h, shown in Almaty time', () => {
    const r = due('kz-2022-child-cyberbullying', 'content_removal', 'child_cyberbullying', '2026-03-10T23:30:00+05:00');
    expect(r.dueAt.toISOString()).toBe('2026-03-11T18:30:00.000Z');
    expect(formatInZone(r.dueAt, 'Asia/Almaty')).toBe('2026-03-11T23:30:00+05:00');
    expect(r).toMatchObject({
      basis: 'law',
      hours: 24,
      ruleId: 'kz-2022-child-cyberbullying/child-cyberbullying-removal',
      ruleVersion: 1,
      source: { url: expect.stringMatching(/^https?:\/\//), quote: expect.stringContaining('24 hours') },
    });
  });

  it('gives an Indian government order 36 h in January 2026 and 3 h in March 2026', () => {
    const jan = due('in-it-rules', 'content_removal', 'government_or_court_order', '2026-01-15T10:00:00+05:30');
    expect(hoursBetween(new Date('2026-01-15T10:00:00+05:30'), jan.dueAt)).toBe(36);
    expect(jan.ruleVersion).toBe(1);
    const mar = due('in-it-rules', 'content_removal', 'government_or_court_order', '2026-03-15T10:00:00+05:30');
    expect(hoursBetween(new Date('2026-03-15T10:00:00+05:30'), mar.dueAt)).toBe(3);
    expect(mar).toMatchObject({ ruleVersion: 2, versionFrom: '2026-02-20' });
  });

  it('switches version at midnight of 20 February 2026 in India, not in UTC', () => {
    expect(due('in-it-rules', 'content_removal', 'government_or_court_order', '2026-02-19T23:59:59+05:30').hours).toBe(36);
    expect(due('in-it-rules', 'content_removal', 'government_or_court_order', '2026-02-20T00:00:00+05:30').hours).toBe(3);
    // 19:00 UTC on the 19th is already the 20th in India.
    expect(due('in-it-rules', 'content_removal', 'government_or_court_order', '2026-02-19T19:00:00Z').ruleVersion).toBe(2);
  });

  it('gives an EU terrorist-content removal order 1 h', () => {
    const r = due('eu-tco', 'content_removal', 'terrorist_content', '2026-05-01T09:00:00+02:00');
    expect(r.dueAt.toISOString()).toBe('2026-05-01T08:00:00.000Z');
    expect(r.basis).toBe('law');
  });
});

describe('clocks without legal hours', () => {
  it('maps "immediately" and "without undue delay" to policy targets and says so', () => {
    const ru = due('ru-149', 'content_removal', 'riots_extremism_unauthorised_rallies_fakes', '2026-04-01T12:00:00+03:00');
    expect(ru).toMatchObject({ basis: 'policy', hours: 1, clock: 'immediate' });
    expect(ru.explanation).toMatch(/^policy: "immediately" in law, no hours/);
    const dsa = due('eu-dsa', 'content_removal', 'hate_speech', '2026-04-01T12:00:00+02:00');
    expect(dsa).toMatchObject({ basis: 'policy', hours: 24, clock: 'without_undue_delay' });
  });

  it('takes the period set in the order where the law leaves it to the order', () => {
    expect(due('br-stf-2025', 'content_removal', 'court_order', '2026-04-01T12:00:00-03:00', 48)).toMatchObject({
      basis: 'order',
      hours: 48,
    });
    expect(() => due('br-stf-2025', 'content_removal', 'court_order', '2026-04-01T12:00:00-03:00')).toThrow(
      expect.objectContaining({ code: 'validation_failed', field: 'periodSetInOrderHours' }),
    );
  });

  it('lets an Australian notice extend, but not shorten, the 24 hours', () => {
    expect(due('au-osa', 'content_removal', 'child_cyberbullying', '2026-04-01T12:00:00+11:00', 72)).toMatchObject({
      basis: 'order',
      hours: 72,
    });
    expect(due('au-osa', 'content_removal', 'child_cyberbullying', '2026-04-01T12:00:00+11:00', 2)).toMatchObject({
      basis: 'law',
      hours: 24,
    });
  });
});

describe('refusals', () => {
  it('names the field for an unknown regime, category, kind, or a date outside every version', () => {
    const field = (f: () => unknown, name: string) =>
      expect(f).toThrow(expect.objectContaining({ code: 'validation_failed', field: name }));
    field(() => due('xx-nothing', 'content_removal', 'a', '2026-01-01T00:00:00Z'), 'regime');
    field(() => due('kz-2022-child-cyberbullying', 'content_removal', 'defamation', '2026-01-01T00:00:00Z'), 'category');
    field(() => due('kz-2022-child-cyberbullying', 'user_data', 'child_cyberbullying', '2026-01-01T00:00:00Z'), 'kind');
    field(() => due('de-netzdg', 'content_removal', 'manifestly_unlawful_content', '2024-05-14T00:00:00+02:00'), 'receivedAt');
    expect(due('de-netzdg', 'content_removal', 'manifestly_unlawful_content', '2024-05-13T23:59:59+02:00').hours).toBe(24);
  });
});

function syntheticBook(zone: string, hours: number) {
  const pack: RegimePack = {
    id: 'xx-test',
    jurisdiction: 'XX',
    jurisdictionKind: 'country',
    name: { en: 'Test' },
    law: 'Test',
    timeZone: zone,
    confidence: 'high',
    penalties: 'none',
    sources: [{ id: 's', url: 'https://example.org/law', quote: 'within the hours' }],
    versions: [
      {
        version: 1,
        from: '1970-01-01',
        summary: 'all time',
        coverage: null,
        duties: [],
        deadlines: [
          {
            id: 'r',
            kinds: ['content_removal'],
            clock: 'elapsed_hours_from_receipt',
            hours,
            sources: ['s'],
          },
        ],
      },
    ],
  };
  return ruleBook([pack]);
}

// Instants spread over 1990–2100, plus ones packed around DST changes and leap days.
const anyInstant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
const nearTransitions = fc
  .tuple(
    fc.integer({ min: 1995, max: 2090 }),
    fc.constantFrom([2, 28], [2, 29], [3, 8], [3, 26], [3, 29], [3, 31], [4, 5], [9, 30], [10, 5], [10, 25], [10, 29], [11, 1]),
    fc.integer({ min: -36 * 60, max: 36 * 60 }),
  )
  .map(
    ([year, [month, day], minutes]) =>
      new Date(Date.UTC(year, month! - 1, Math.min(day!, 28), 12) + minutes * 60_000 + (day === 29 ? 86_400_000 : 0)),
  );

describe('property: elapsed time, whatever zone is shown', () => {
  it('puts the due instant exactly the stated hours after receipt', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...propertyZones),
        fc.oneof(anyInstant, nearTransitions),
        fc.integer({ min: 1, max: 24 * 400 }),
        (zone, receivedAt, hours) => {
          const r = computeDeadline(
            syntheticBook(zone, hours),
            { regimeId: 'xx-test', kind: 'content_removal', category: 'x', receivedAt },
            policy,
          );
          expect(r.dueAt.getTime() - receivedAt.getTime()).toBe(hours * 3_600_000);
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it('shows an instant in any zone so that it reads back as the same instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...propertyZones), fc.oneof(anyInstant, nearTransitions), (zone, instant) => {
        const second = new Date(Math.floor(instant.getTime() / 1000) * 1000);
        expect(new Date(formatInZone(second, zone)).getTime()).toBe(second.getTime());
      }),
      { numRuns: runs(2000) },
    );
  });

  it('starts a day whose midnight the clocks skip at its first instant (São Paulo, 3 Oct 1999)', () => {
    // Clocks went from 23:59:59 (-03:00) to 01:00 (-02:00): the day began at 01:00 local, 03:00 UTC.
    expect(startOfDayInZone('1999-10-03', 'America/Sao_Paulo').toISOString()).toBe('1999-10-03T03:00:00.000Z');
    expect(startOfDayInZone('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('starts a law day at local midnight, also on days the clocks change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...propertyZones),
        fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2090, 0, 1) }),
        (zone, ms) => {
          const day = new Date(ms).toISOString().slice(0, 10);
          const start = startOfDayInZone(day, zone);
          expect(formatInZone(start, zone).slice(0, 10)).toBe(day);
          expect(formatInZone(new Date(start.getTime() - 1000), zone).slice(0, 10)).not.toBe(day);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('crosses daylight-saving changes and leap days in elapsed hours, not wall-clock hours', () => {
    const berlin = syntheticBook('Europe/Berlin', 24);
    const springForward = computeDeadline(
      berlin,
      { regimeId: 'xx-test', kind: 'content_removal', category: 'x', receivedAt: new Date('2026-03-28T12:00:00+01:00') },
      policy,
    );
    expect(formatInZone(springForward.dueAt, 'Europe/Berlin')).toBe('2026-03-29T13:00:00+02:00');
    const leap = computeDeadline(
      syntheticBook('Asia/Almaty', 48),
      { regimeId: 'xx-test', kind: 'content_removal', category: 'x', receivedAt: new Date('2028-02-28T12:00:00+05:00') },
      policy,
    );
    expect(formatInZone(leap.dueAt, 'Asia/Almaty')).toBe('2028-03-01T12:00:00+05:00');
  });

  it('counts elapsed hours across Almaty’s move to UTC+5 on 1 March 2024: 24 h shows as 23 on the wall clock', () => {
    const r = computeDeadline(
      syntheticBook('Asia/Almaty', 24),
      { regimeId: 'xx-test', kind: 'content_removal', category: 'x', receivedAt: new Date('2024-02-29T12:00:00+06:00') },
      policy,
    );
    expect(r.dueAt.toISOString()).toBe('2024-03-01T06:00:00.000Z');
    expect(formatInZone(r.dueAt, 'Asia/Almaty')).toBe('2024-03-01T11:00:00+05:00');
  });
});
