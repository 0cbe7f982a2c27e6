/**
 * What a rule pack may contain, field by field (src/domain/regimes/pack.ts): the forms of ids, dates,
 * countries and links a pack must use, what it may hold more than one of, the reason a malformed
 * field is refused with, and the published schema that documents the format (the API serves it).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { regimePackSchema } from '../../src/domain/regimes/pack.js';
import { describeVersions } from '../../src/domain/regimes/rule-book.js';

type PackInput = z.input<typeof regimePackSchema>;
type Version = PackInput['versions'][number];

/** A small sound pack; each test changes one field of a fresh copy. */
function sound(): PackInput {
  return {
    id: 'xx-test-law',
    jurisdiction: 'KZ',
    jurisdictionKind: 'country',
    name: { en: 'Test law' },
    law: 'Law No. 1 of 2024',
    timeZone: 'Asia/Almaty',
    confidence: 'high',
    penalties: 'A fine.',
    sources: [{ id: 'alpha', url: 'https://law.example/alpha', quote: 'Alpha says so.' }],
    versions: [
      {
        version: 1,
        from: '2024-01-01',
        summary: 'As enacted.',
        coverage: null,
        duties: [
          {
            id: 'rep',
            kind: 'legal_representative',
            summary: 'Appoint one.',
            complianceWindowDays: 30,
            sources: ['alpha'],
          },
        ],
        deadlines: [
          { id: 'removal', kinds: ['content_removal'], clock: 'elapsed_hours_from_receipt', hours: 24, sources: ['alpha'] },
        ],
      },
    ],
  };
}

const version = (p: PackInput): Version => p.versions[0]!;
const duty = (p: PackInput) => version(p).duties[0]!;
const rule = (p: PackInput) => version(p).deadlines[0]!;

function parse(change: (p: PackInput) => void) {
  const pack = sound();
  change(pack);
  return regimePackSchema.safeParse(pack);
}

/** The refused fields, each as a dotted path with the kinds of problem found there. */
function refusals(change: (p: PackInput) => void): Record<string, string[]> {
  const result = parse(change);
  const found: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    const at = issue.path.join('.');
    found[at] = [...(found[at] ?? []), issue.code];
  }
  return found;
}

/** Zod's own reasons quote the bare rule ("must match pattern /…/", "expected string to have >=1 characters"). */
const bareReason = /^(Invalid|Too small|Too big)\b/;

describe('the form of a field', () => {
  it.each<[string, (p: PackInput) => void, string]>([
    [
      'an id starting with a hyphen',
      (p) => {
        p.id = '-xx-test';
      },
      'id',
    ],
    [
      'an id ending with a hyphen',
      (p) => {
        p.id = 'xx-test-';
      },
      'id',
    ],
    [
      'an id with capitals before its words',
      (p) => {
        p.id = 'XX-test';
      },
      'id',
    ],
    [
      'a category starting with an underscore',
      (p) => {
        rule(p).categories = ['_child_abuse'];
      },
      'versions.0.deadlines.0.categories.0',
    ],
    [
      'a category ending with an underscore',
      (p) => {
        rule(p).categories = ['child_abuse_'];
      },
      'versions.0.deadlines.0.categories.0',
    ],
    [
      'a country of three letters',
      (p) => {
        p.jurisdiction = 'KZZ';
      },
      'jurisdiction',
    ],
    [
      'a country in lower case after a capital',
      (p) => {
        p.jurisdiction = 'xKZ';
      },
      'jurisdiction',
    ],
    [
      'a source link of another scheme ending in http',
      (p) => {
        p.sources[0]!.url = 'xhttp://law.example/a';
      },
      'sources.0.url',
    ],
    [
      'a source link of another scheme starting with https',
      (p) => {
        p.sources[0]!.url = 'https2://law.example/a';
      },
      'sources.0.url',
    ],
    [
      'a superseding duty with a stray prefix',
      (p) => {
        duty(p).supersededBy = { duty: '-other/rep', from: '2025-01-01', sources: ['alpha'] };
      },
      'versions.0.duties.0.supersededBy.duty',
    ],
    [
      'a superseding duty with a trailing hyphen',
      (p) => {
        duty(p).supersededBy = { duty: 'other-law/rep-', from: '2025-01-01', sources: ['alpha'] };
      },
      'versions.0.duties.0.supersededBy.duty',
    ],
  ])('refuses %s as a malformed value, with a reason that shows the expected form', (_, change, where) => {
    expect(refusals(change)).toEqual({ [where]: ['invalid_format'] });
    const issue = parse(change).error!.issues[0]!;
    expect(issue.message).not.toMatch(bareReason);
  });

  it.each([
    ['a date with text before it', 'x2024-01-01'],
    ['a date with text after it', '2024-01-01x'],
    ['a date with a time', '2024-01-01T00:00:00Z'],
  ])('refuses %s as not written YYYY-MM-DD, explaining the form', (_, from) => {
    const result = parse((p) => {
      version(p).from = from;
    });
    const format = result.error?.issues.find((i) => i.code === 'invalid_format');
    expect(format?.path).toEqual(['versions', 0, 'from']);
    expect(format?.message).not.toMatch(bareReason);
  });

  it('refuses text that is only blanks, and keeps text without its surrounding blanks', () => {
    expect(
      refusals((p) => {
        p.penalties = '   ';
      }),
    ).toEqual({ penalties: ['too_small'] });
    expect(
      parse((p) => {
        p.penalties = ' \n';
      }).error!.issues[0]!.message,
    ).not.toMatch(bareReason);
    const kept = parse((p) => {
      p.name.en = '  Test law  ';
    });
    expect(kept.data?.name.en).toBe('Test law');
  });

  it.each<[string, (p: PackInput) => void, string]>([
    [
      'a duty that cites no source',
      (p) => {
        duty(p).sources = [];
      },
      'versions.0.duties.0.sources',
    ],
    [
      'a deadline that cites no source',
      (p) => {
        rule(p).sources = [];
      },
      'versions.0.deadlines.0.sources',
    ],
    [
      'a regime without a version',
      (p) => {
        p.versions = [];
      },
      'versions',
    ],
  ])('refuses %s, saying what is missing', (_, change, where) => {
    expect(refusals(change)).toEqual({ [where]: ['too_small'] });
    expect(parse(change).error!.issues[0]!.message).not.toMatch(bareReason);
  });
});

describe('what a pack may hold', () => {
  it('accepts a full duty: three readings, a source language of three letters, a one-word superseding duty, an element for two kinds', () => {
    const result = parse((p) => {
      p.sources[0]!.language = 'kaz';
      Object.assign(duty(p), {
        readings: ['first', 'second', 'third'].map((id) => ({
          id,
          summary: id,
          kind: 'legal_representative',
          sources: ['alpha'],
        })),
        appliedReading: 'first',
        supersededBy: { duty: 'other-law/representative', from: '2025-01-01', sources: ['alpha'] },
      });
      version(p).orderRequirements = {
        elements: [{ element: 'signer', kinds: ['content_removal', 'user_data'], sources: ['alpha'] }],
        clockDuringClarification: 'unspecified',
      };
    });
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.versions[0]?.duties[0]?.readings).toHaveLength(3);
  });

  it('refuses a duty with a single reading (readings record a disagreement) and an element for no kind', () => {
    expect(
      refusals((p) => {
        duty(p).readings = [{ id: 'only', summary: 'Only', kind: 'local_office', sources: ['alpha'] }];
        version(p).orderRequirements = {
          elements: [{ element: 'signer', kinds: [], sources: ['alpha'] }],
          clockDuringClarification: 'unspecified',
        };
      }),
    ).toEqual({
      'versions.0.duties.0.readings': ['too_small'],
      'versions.0.orderRequirements.elements.0.kinds': ['too_small'],
    });
  });
});

/** Every description in the JSON Schema, by the path of its field (`[]` for an item of a list). */
function descriptions(): Record<string, unknown> {
  const root = z.toJSONSchema(regimePackSchema) as { $ref?: string; $defs?: Record<string, object> };
  const found: Record<string, unknown> = {};
  const walk = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if ('description' in n) found[at] = n.description;
    for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, unknown>))
      walk(child, at ? `${at}.${key}` : key);
    if (n.items) walk(n.items, `${at}[]`);
    for (const option of (n.anyOf ?? []) as unknown[]) walk(option, at);
  };
  walk(root.$defs?.RegimePack, '');
  return found;
}

describe('the published schema of a pack (served with GET /api/v1/regimes/:id)', () => {
  it('is named RegimePack', () => {
    const root = z.toJSONSchema(regimePackSchema) as { $ref?: string; $defs?: Record<string, unknown> };
    expect(root.$ref).toBe('#/$defs/RegimePack');
    expect(Object.keys(root.$defs ?? {})).toEqual(['RegimePack']);
  });

  it('explains every field whose meaning the name alone does not give', () => {
    const explained = expect.stringMatching(/\w{3,}.*\s.*\w{3,}/);
    const duty = 'versions[].duties[]';
    const rule = 'versions[].deadlines[]';
    const order = 'versions[].orderRequirements';
    const fields = [
      'jurisdiction',
      'timeZone',
      'sources[].quote',
      'versions[].from',
      'versions[].until',
      'versions[].coverage',
      'versions[].coverage.providers',
      order,
      `${order}.elements`,
      `${order}.elements[].kinds`,
      `${order}.clockDuringClarification`,
      `${order}.clockSources`,
      `${duty}.representative.citizenship`,
      `${duty}.representative.residency`,
      `${duty}.complianceWindowDays`,
      `${duty}.complianceWindowFrom`,
      `${duty}.noDueDate`,
      `${duty}.supersededBy`,
      `${duty}.supersededBy.from`,
      `${duty}.condition`,
      `${duty}.threshold`,
      `${duty}.readings`,
      `${duty}.appliedReading`,
      `${rule}.categories`,
      `${rule}.hours`,
      `${rule}.orderMayExtend`,
      `${rule}.startsAt`,
    ];
    const found = descriptions();
    expect(Object.fromEntries(fields.map((f) => [f, found[f]]))).toEqual(Object.fromEntries(fields.map((f) => [f, explained])));
  });
});

describe('the versions of a regime, as messages list them', () => {
  it('gives each version its number and days, an open one running to today', () => {
    const pack = regimePackSchema.parse({
      ...sound(),
      versions: [
        { ...version(sound()), version: 1, from: '2024-01-01', until: '2024-06-30' },
        { ...version(sound()), version: 2, from: '2024-07-01' },
      ],
    });
    expect(describeVersions(pack)).toBe('v1 2024-01-01–2024-06-30, v2 2024-07-01–today');
  });
});
