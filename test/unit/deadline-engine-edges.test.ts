/**
 * Edges of the deadline engine that the examples of issue 3 leave open: the source a deadline
 * quotes is the one its own rule cites (in every shipped pack and version), and an order that sets
 * a period counts only where it is longer than the legal one.
 */
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { computeDeadline, type PolicyTargets } from '../../src/domain/regimes/deadline-engine.js';
import type { DeadlineRule, RegimePack, RegimeVersion } from '../../src/domain/regimes/pack.js';
import { versionInterval } from '../../src/domain/regimes/rule-book.js';
import { loadRuleBook } from '../../src/rules/packs.js';

const book = loadRuleBook(shippedRulesDir);
const policy: PolicyTargets = { immediateHours: 1, withoutUndueDelayHours: 24 };

/** The source a rule cites first, as the pack states it. */
function citedSource(pack: RegimePack, rule: DeadlineRule) {
  const source = pack.sources.find((s) => s.id === rule.sources[0]);
  if (!source) throw new Error(`${pack.id}/${rule.id} cites ${rule.sources[0]}, which the pack does not list`);
  return { url: source.url, quote: source.quote };
}

const everyRule: { pack: RegimePack; version: RegimeVersion; rule: DeadlineRule }[] = book.packs.flatMap((pack) =>
  pack.versions.flatMap((version) => version.deadlines.map((rule) => ({ pack, version, rule }))),
);

describe('the source a deadline quotes', () => {
  it('is the source its own rule cites, for every rule of every version of every shipped pack', () => {
    let citingAnotherThanFirst = 0;
    for (const { pack, version, rule } of everyRule) {
      const where = `${pack.id} v${version.version} ${rule.id}`;
      const r = computeDeadline(
        book,
        {
          regimeId: pack.id,
          kind: rule.kinds[0]!,
          category: rule.categories?.[0] ?? 'uncategorised',
          // The first instant of the version, in the regime's own zone.
          receivedAt: versionInterval(pack, version).start,
          periodSetInOrderHours: rule.clock === 'set_in_order' ? 10 : null,
        },
        policy,
      );
      expect(r.ruleId, where).toBe(`${pack.id}/${rule.id}`);
      expect(r.ruleVersion, where).toBe(version.version);
      expect(r.source, where).toEqual(citedSource(pack, rule));
      if (rule.sources[0] !== pack.sources[0]?.id) citingAnotherThanFirst++;
    }
    // The walk means something only if many rules cite another source than the pack's first.
    expect(everyRule.length).toBeGreaterThan(30);
    expect(citingAnotherThanFirst).toBeGreaterThan(20);
  });

  it('is the source of every kind and category a rule covers, not only its first', () => {
    for (const { pack, version, rule } of everyRule)
      for (const kind of rule.kinds)
        for (const category of rule.categories ?? ['uncategorised']) {
          const r = computeDeadline(
            book,
            {
              regimeId: pack.id,
              kind,
              category,
              receivedAt: versionInterval(pack, version).start,
              periodSetInOrderHours: 10,
            },
            policy,
          );
          // An earlier rule may answer for this kind and category: then it is that rule's source.
          const applied = version.deadlines.find((d) => `${pack.id}/${d.id}` === r.ruleId);
          expect(applied, `${pack.id} v${version.version} ${kind} ${category}`).toBeDefined();
          expect(r.source, `${pack.id} v${version.version} ${kind} ${category}`).toEqual(citedSource(pack, applied!));
        }
  });

  it('quotes the 3-hour source for an Indian government order under the 2026 amendment, not the 36-hour one', () => {
    const in2026 = computeDeadline(
      book,
      {
        regimeId: 'in-it-rules',
        kind: 'content_removal',
        category: 'government_or_court_order',
        receivedAt: new Date('2026-03-15T10:00:00+05:30'),
      },
      policy,
    );
    expect(in2026).toMatchObject({ hours: 3, ruleVersion: 2 });
    expect(in2026.source.url).toBe('https://mahitiadhikar.blogspot.com/2026/03/blog-post_863.html');
    expect(in2026.source.quote).toMatch(/within three hours of receiving a\s+government notice/);
    expect(in2026.source.quote).not.toMatch(/^36 hours/);

    const before = computeDeadline(
      book,
      {
        regimeId: 'in-it-rules',
        kind: 'content_removal',
        category: 'government_or_court_order',
        receivedAt: new Date('2026-01-15T10:00:00+05:30'),
      },
      policy,
    );
    expect(before).toMatchObject({ hours: 36, ruleVersion: 1 });
    expect(before.source.quote).toMatch(/^36 hours to remove or disable access/);
  });

  it('quotes the 2-hour source for intimate imagery in India under the 2026 amendment', () => {
    const r = computeDeadline(
      book,
      {
        regimeId: 'in-it-rules',
        kind: 'content_removal',
        category: 'non_consensual_intimate_imagery',
        receivedAt: new Date('2026-03-15T10:00:00+05:30'),
      },
      policy,
    );
    expect(r.hours).toBe(2);
    expect(r.source.quote).toBe('Non-consensual intimate imagery within 2 hours against the earlier 24 hours.');
  });
});

describe('a period set in the order, where the law lets the authority extend it (Australia, 24 h)', () => {
  const notice = (period: number | null) =>
    computeDeadline(
      book,
      {
        regimeId: 'au-osa',
        kind: 'content_removal',
        category: 'child_cyberbullying',
        receivedAt: new Date('2026-04-01T12:00:00+11:00'),
        periodSetInOrderHours: period,
      },
      policy,
    );

  it('records an order setting exactly the legal period as law, not order', () => {
    const r = notice(24);
    expect(r).toMatchObject({ basis: 'law', hours: 24 });
    expect(r.explanation).toMatch(/^law: 24 h after receipt, set by law/);
    expect(r.dueAt.toISOString()).toBe('2026-04-02T01:00:00.000Z');
  });

  it('records an order setting a longer period as order, with the order’s hours', () => {
    const r = notice(25);
    expect(r).toMatchObject({ basis: 'order', hours: 25 });
    expect(r.explanation).toMatch(/^order: 25 h set in the order \(the law allows the authority to extend 24 h\)/);
    expect(r.dueAt.toISOString()).toBe('2026-04-02T02:00:00.000Z');
    expect(notice(24.5)).toMatchObject({ basis: 'order', hours: 24.5 });
  });

  it('keeps the legal period, as law, when the order sets a shorter one or none', () => {
    for (const period of [23.5, 1, 0, null]) expect(notice(period), String(period)).toMatchObject({ basis: 'law', hours: 24 });
  });

  it('ignores a longer period in the order where the law does not let the authority extend it (India, 3 h)', () => {
    const r = computeDeadline(
      book,
      {
        regimeId: 'in-it-rules',
        kind: 'content_removal',
        category: 'government_or_court_order',
        receivedAt: new Date('2026-03-15T10:00:00+05:30'),
        periodSetInOrderHours: 48,
      },
      policy,
    );
    expect(r).toMatchObject({ basis: 'law', hours: 3 });
  });
});
