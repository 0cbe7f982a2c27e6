/**
 * The rules of a pack that span fields and packs (checkPack, checkPackLinks): sources cited by id,
 * versions that follow one another, rules that may not overlap, a duty superseded by another
 * regime's duty in force that day; and the order the rule book lists its regimes in.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkPack, type RegimePack, regimePackSchema } from '../../src/domain/regimes/pack.js';
import { checkPackLinks } from '../../src/domain/regimes/pack-links.js';
import { ruleBook } from '../../src/domain/regimes/rule-book.js';

type PackInput = z.input<typeof regimePackSchema>;
type Version = PackInput['versions'][number];
type Duty = Version['duties'][number];
type Rule = Version['deadlines'][number];

const aDuty = (id = 'rep', more: Partial<Duty> = {}): Duty => ({
  id,
  kind: 'legal_representative',
  summary: 'Appoint one.',
  complianceWindowDays: 30,
  sources: ['alpha'],
  ...more,
});
const aRule = (id: string, more: Partial<Rule> = {}): Rule => ({
  id,
  kinds: ['content_removal'],
  clock: 'elapsed_hours_from_receipt',
  hours: 24,
  sources: ['alpha'],
  ...more,
});
const aVersion = (version: number, from: string, more: Partial<Version> = {}): Version => ({
  version,
  from,
  summary: `v${version}`,
  coverage: null,
  duties: [aDuty()],
  deadlines: [aRule('removal')],
  ...more,
});

/** A sound pack of two sources and one version; `change` edits a fresh copy before it is parsed. */
function pack(change: (p: PackInput) => void = () => {}, id = 'xx-test-law', jurisdiction = 'KZ'): RegimePack {
  const p: PackInput = {
    id,
    jurisdiction,
    jurisdictionKind: 'country',
    name: { en: 'Test law' },
    law: 'Law No. 1 of 2024',
    timeZone: 'Asia/Almaty',
    confidence: 'high',
    penalties: 'A fine.',
    sources: [
      { id: 'alpha', url: 'https://law.example/alpha', quote: 'Alpha says so.' },
      { id: 'beta', url: 'https://law.example/beta', quote: 'Beta says so.' },
    ],
    versions: [aVersion(1, '2024-01-01')],
  };
  change(p);
  return regimePackSchema.parse(p);
}
const v0 = (p: PackInput) => p.versions[0]!;
const readings = (...ids: string[]) => ids.map((id) => ({ id, summary: id, kind: 'local_office' as const, sources: ['alpha'] }));

const problems = (change: (p: PackInput) => void) =>
  checkPack(pack(change)).map((p) => ({ path: p.path.join('.'), message: p.message }));

describe('a sound pack', () => {
  it('has no problem, even with a one-day version, a version ending the day before the next, and rules per category', () => {
    expect(
      problems((p) => {
        p.versions = [
          aVersion(1, '2024-01-01', { until: '2024-01-01' }),
          aVersion(2, '2024-01-02', {
            deadlines: [
              aRule('abuse', { categories: ['child_abuse'] }),
              aRule('terror', { categories: ['terrorism'] }),
              aRule('data', { kinds: ['user_data'] }),
            ],
            orderRequirements: {
              elements: [
                { element: 'signer', kinds: ['content_removal'], sources: ['alpha'] },
                { element: 'signer', kinds: ['user_data'], sources: ['beta'] },
              ],
              clockDuringClarification: 'runs',
              clockSources: ['beta'],
            },
          }),
        ];
      }),
    ).toEqual([]);
  });
});

const supersededBy = (from: string, sources = ['alpha']) => ({ duty: 'other-law/rep', from, sources });

describe('a pack that contradicts itself', () => {
  it.each<[string, (p: PackInput) => void, string[], string[]]>([
    [
      'an unknown time zone',
      (p) => {
        p.timeZone = 'Mars/Olympus';
      },
      ['timeZone'],
      ['Mars/Olympus'],
    ],
    [
      'a source id used twice',
      (p) => void p.sources.push({ id: 'alpha', url: 'https://law.example/2', quote: 'Again.' }),
      ['sources.2.id'],
      ['alpha'],
    ],
    [
      'a coverage citing an unknown source (the known ones are listed)',
      (p) => {
        v0(p).coverage = { metric: 'daily_users', threshold: 10, comparison: 'more_than', sources: ['alpha', 'gamma'] };
      },
      ['versions.0.coverage.sources.1'],
      ['gamma', 'alpha, beta'],
    ],
    [
      'versions numbered twice',
      (p) => {
        p.versions = [aVersion(1, '2024-01-01', { until: '2024-06-30' }), aVersion(1, '2024-07-01')];
      },
      ['versions.1.version'],
      [],
    ],
    [
      'a version starting the day the previous one starts',
      (p) => {
        p.versions = [aVersion(1, '2024-01-01'), aVersion(2, '2024-01-01')];
      },
      ['versions.1.from', 'versions.0.until'],
      ['2024-01-01'],
    ],
    [
      'a version left open before the next',
      (p) => {
        p.versions = [aVersion(1, '2024-01-01'), aVersion(2, '2024-07-01'), aVersion(3, '2025-01-01')];
      },
      ['versions.0.until', 'versions.1.until'],
      ['2024-07-01'],
    ],
    [
      'a version ending the day the next starts',
      (p) => {
        p.versions = [aVersion(1, '2024-01-01', { until: '2024-07-01' }), aVersion(2, '2024-07-01')];
      },
      ['versions.0.until'],
      ['2024-07-01'],
    ],
    [
      'a version ending before it starts',
      (p) => {
        v0(p).until = '2023-12-31';
      },
      ['versions.0.until'],
      ['2024-01-01'],
    ],
    [
      'an order element listed twice for every kind',
      (p) => {
        v0(p).orderRequirements = {
          elements: [
            { element: 'signer', sources: ['alpha'] },
            { element: 'signer', sources: ['beta'] },
          ],
          clockDuringClarification: 'unspecified',
        };
      },
      ['versions.0.orderRequirements.elements.1.element'],
      ['signer'],
    ],
    [
      'an order element listed twice for one kind',
      (p) => {
        v0(p).orderRequirements = {
          elements: [
            { element: 'signer', kinds: ['user_data', 'content_removal'], sources: ['alpha'] },
            { element: 'signer', kinds: ['content_removal'], sources: ['delta'] },
          ],
          clockDuringClarification: 'unspecified',
        };
      },
      ['versions.0.orderRequirements.elements.1.element', 'versions.0.orderRequirements.elements.1.sources.0'],
      ['content_removal'],
    ],
    [
      'a clock cited to an unknown source',
      (p) => {
        v0(p).orderRequirements = { elements: [], clockDuringClarification: 'stops', clockSources: ['gamma'] };
      },
      ['versions.0.orderRequirements.clockSources.0'],
      ['gamma'],
    ],
    [
      'a clock that stops, with no source saying so',
      (p) => {
        v0(p).orderRequirements = { elements: [], clockDuringClarification: 'stops' };
      },
      ['versions.0.orderRequirements.clockSources'],
      ['stops'],
    ],
    ['a duty id used twice', (p) => void v0(p).duties.push(aDuty('rep')), ['versions.0.duties.1.id'], ['rep']],
    [
      'a duty citing an unknown source',
      (p) => {
        v0(p).duties = [aDuty('rep', { sources: ['beta', 'gamma'] })];
      },
      ['versions.0.duties.0.sources.1'],
      ['gamma'],
    ],
    [
      'a duty tier citing an unknown source',
      (p) => {
        v0(p).duties = [
          aDuty('rep', { threshold: { metric: 'users', threshold: 5, comparison: 'at_least', sources: ['gamma'] } }),
        ];
      },
      ['versions.0.duties.0.threshold.sources.0'],
      ['gamma'],
    ],
    [
      'a reading citing an unknown source',
      (p) => {
        const [first, second] = readings('first', 'second');
        v0(p).duties = [aDuty('rep', { readings: [first!, { ...second!, sources: ['gamma'] }], appliedReading: 'first' })];
      },
      ['versions.0.duties.0.readings.1.sources.0'],
      ['gamma'],
    ],
    [
      'an applied reading that is none of the readings (they are listed)',
      (p) => {
        v0(p).duties = [aDuty('rep', { readings: readings('first', 'second'), appliedReading: 'third' })];
      },
      ['versions.0.duties.0.appliedReading'],
      ['first, second'],
    ],
    [
      'an applied reading without readings',
      (p) => {
        v0(p).duties = [aDuty('rep', { appliedReading: 'first' })];
      },
      ['versions.0.duties.0.appliedReading'],
      [],
    ],
    [
      'a supersession citing an unknown source',
      (p) => {
        v0(p).duties = [aDuty('rep', { supersededBy: supersededBy('2025-01-01', ['gamma']) })];
      },
      ['versions.0.duties.0.supersededBy.sources.0'],
      ['gamma'],
    ],
    [
      "a supersession on the version's first day",
      (p) => {
        v0(p).duties = [aDuty('rep', { supersededBy: supersededBy('2024-01-01') })];
      },
      ['versions.0.duties.0.supersededBy.from'],
      ['2024-01-01'],
    ],
    [
      'a duty without a due date whose window still has a start',
      (p) => {
        v0(p).duties = [
          aDuty('rep', { noDueDate: true, complianceWindowDays: null, complianceWindowFrom: 'threshold_crossing' }),
        ];
      },
      ['versions.0.duties.0.complianceWindowFrom'],
      [],
    ],
    [
      'a deadline id used twice',
      (p) => void v0(p).deadlines.push(aRule('removal', { kinds: ['user_data'] })),
      ['versions.0.deadlines.1.id'],
      ['removal'],
    ],
    [
      'hours missing on an elapsed-hours clock',
      (p) => {
        v0(p).deadlines = [aRule('removal', { hours: undefined })];
      },
      ['versions.0.deadlines.0.hours'],
      [],
    ],
    [
      'an order that may extend a clock without hours',
      (p) => {
        v0(p).deadlines = [aRule('removal', { clock: 'immediate', hours: undefined, orderMayExtend: true })];
      },
      ['versions.0.deadlines.0.orderMayExtend'],
      [],
    ],
    [
      'two rules for one kind and any category',
      (p) => {
        v0(p).deadlines = [aRule('first-rule'), aRule('urgent', { kinds: ['user_data', 'content_removal'] })];
      },
      ['versions.0.deadlines.1.categories'],
      ['content_removal', 'any category', 'first-rule'],
    ],
  ])('refuses %s, at the field that says so', (_, change, where, mentions) => {
    const found = problems(change);
    expect(found.map((p) => p.path)).toEqual(where);
    for (const p of found) expect(p.message).toMatch(/\w{3,}/);
    for (const m of mentions) expect(found[0]!.message).toContain(m);
  });

  it('refuses two rules for one category, naming the category itself', () => {
    const [found, ...more] = problems((p) => {
      v0(p).deadlines = [aRule('first-rule', { categories: ['child_abuse'] }), aRule('again', { categories: ['child_abuse'] })];
    });
    expect(more).toEqual([]);
    expect(found?.path).toBe('versions.0.deadlines.1.categories');
    expect(found?.message).toContain('child_abuse');
    expect(found?.message).toContain('first-rule');
    expect(found?.message).not.toMatch(/any category|\*/);
  });
});

describe('a duty superseded by a duty of another regime', () => {
  // The new regime's duty `rep` is in force in 2020 only; from 2021 its version no longer has it.
  const newer = pack((p) => {
    p.versions = [
      aVersion(1, '2020-01-01', { until: '2020-12-31', duties: [aDuty('rep'), aDuty('office')] }),
      aVersion(2, '2021-01-01', { duties: [aDuty('office')] }),
    ];
  }, 'new-law');
  const older = (from: string, duty = 'new-law/rep') =>
    pack((p) => {
      p.versions = [aVersion(1, '2019-01-01', { duties: [aDuty('rep', { supersededBy: { ...supersededBy(from), duty } })] })];
    }, 'old-law');

  it.each([
    ['on the first day of its version', '2020-01-01'],
    ['within its version', '2020-06-15'],
    ['on the last day of its version', '2020-12-31'],
  ])('is sound when that duty is in force %s', (_, from) => {
    expect(checkPackLinks([older(from), newer])).toEqual([]);
  });

  it.each([
    ['before the other regime has any version', '2019-06-01'],
    ['after the version with that duty ended', '2021-01-01'],
    ['long after', '2023-06-01'],
  ])('is refused when the supersession starts %s', (_, from) => {
    expect(checkPackLinks([older(from), newer])).toEqual([
      {
        packId: 'old-law',
        path: ['versions', 0, 'duties', 0, 'supersededBy', 'duty'],
        message: expect.stringContaining(from),
      },
    ]);
  });

  it('is refused when the other regime is of another jurisdiction, naming both', () => {
    const foreign = pack(
      (p) => {
        p.versions = [aVersion(1, '2020-01-01')];
      },
      'new-law',
      'RU',
    );
    const [found, ...more] = checkPackLinks([older('2020-06-15'), foreign]);
    expect(more).toEqual([]);
    expect(found?.path).toEqual(['versions', 0, 'duties', 0, 'supersededBy', 'duty']);
    expect(found?.message).toContain('RU');
    expect(found?.message).toContain('KZ');
  });
});

describe('the rule book', () => {
  it('lists regimes by jurisdiction, then by id, whatever order they were read in', () => {
    const packs = [
      pack(undefined, 'a-ru', 'RU'),
      pack(undefined, 'c-kz', 'KZ'),
      pack(undefined, 'b-kz', 'KZ'),
      pack(undefined, 'a-de', 'DE'),
    ];
    expect(ruleBook(packs).packs.map((p) => p.id)).toEqual(['a-de', 'b-kz', 'c-kz', 'a-ru']);
  });
});
