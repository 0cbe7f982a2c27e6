/** The shipped rule packs, and the errors a broken pack gives: file, path inside it, line, reason. */

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { checkRulePacks, loadRuleBook, parsePackFile, RulePackError } from '../../src/rules/packs.js';
import { scratchDirectory } from '../support/scratch.js';

const required = [
  'kz-2022-child-cyberbullying',
  'kz-2023-online-platforms',
  'ru-149',
  'ru-236',
  'ru-242',
  'tr-5651',
  'in-it-rules',
  'de-netzdg',
  'eu-dsa',
  'eu-tco',
  'au-osa',
  'vn-147',
  'id-mr5',
  'pk-2021',
  'ng-code',
  'br-stf-2025',
  'gb-osa',
];

describe('the shipped rule packs', () => {
  const { packs, problems, files } = checkRulePacks(shippedRulesDir);

  it('are all valid, one pack per file', () => {
    expect(problems).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(files.map((f) => path.basename(f, '.yaml')));
  });

  it('cover every regime of issue 3, each with a quoted source and a confidence level', () => {
    expect(packs.map((p) => p.id)).toEqual(expect.arrayContaining(required));
    for (const p of packs) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const s of p.sources) {
        expect(s.url, p.id).toMatch(/^https?:\/\//);
        expect(s.quote.length, `${p.id}/${s.id}`).toBeGreaterThan(15);
      }
      expect(['low', 'medium', 'high']).toContain(p.confidence);
    }
  });

  it('record both readings of the disputed Kazakh 2022 local-office rule, and the one Writ applies', () => {
    const duty = packs.find((p) => p.id === 'kz-2022-child-cyberbullying')!.versions[0]!.duties[0]!;
    expect(duty.readings?.map((r) => r.id)).toEqual(['enacted-legal-representative', 'draft-local-office-kz-national']);
    expect(duty.appliedReading).toBe('enacted-legal-representative');
    expect(duty.readings?.[1]?.representative?.citizenship).toBe('KZ');
  });

  it('give NetzDG an end date and India an amendment as a new version', () => {
    expect(packs.find((p) => p.id === 'de-netzdg')!.versions.at(-1)!.until).toBe('2024-05-13');
    expect(packs.find((p) => p.id === 'in-it-rules')!.versions.map((v) => v.from)).toEqual(['2021-02-25', '2026-02-20']);
  });
});

const kz = readFileSync(path.join(shippedRulesDir, 'kz-2022-child-cyberbullying.yaml'), 'utf8');
const file = 'rules/kz-2022-child-cyberbullying.yaml';

describe('a broken pack', () => {
  it('names the file, the path of the field, its line and the reason', () => {
    const broken = kz.replace('        hours: 24\n', '        hours: -24\n');
    const { pack, problems } = parsePackFile(file, broken);
    expect(pack).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file,
      path: 'versions[0].deadlines[0].hours',
      reason: expect.stringMatching(/>0|positive|greater/i),
    });
    expect(broken.split('\n')[problems[0]!.line! - 1]).toContain('hours: -24');
  });

  it.each([
    [
      'hours on a clock without hours',
      (t: string) => t.replace('clock: elapsed_hours_from_receipt', 'clock: immediate'),
      'versions[0].deadlines[0].hours',
      /must be left out/,
    ],
    [
      'an unknown source id',
      (t: string) => t.replace('sources: [jjtv-senate]', 'sources: [nowhere]'),
      'versions[0].deadlines[0].sources[0]',
      /no source with id nowhere/,
    ],
    [
      'an unknown clock',
      (t: string) => t.replace('clock: elapsed_hours_from_receipt', 'clock: business_days'),
      'versions[0].deadlines[0].clock',
      /.+/,
    ],
    [
      'a misspelt field',
      (t: string) => t.replace('complianceWindowDays: 180', 'complianceWindowDay: 180'),
      'versions[0].duties[0]',
      /complianceWindowDay/,
    ],
    ['a bad date', (t: string) => t.replace('from: "2022-05-03"', 'from: "2022-02-30"'), 'versions[0].from', /calendar date/],
    [
      'an applied reading that is not a reading',
      (t: string) => t.replace('appliedReading: enacted-legal-representative', 'appliedReading: other'),
      'versions[0].duties[0].appliedReading',
      /must name one of the readings/,
    ],
    [
      'an id that is not the file name',
      (t: string) => t.replace('id: kz-2022-child-cyberbullying', 'id: kz-2022'),
      'id',
      /must match the file name/,
    ],
    [
      'a source link that is not a web address (the pages render it as a link)',
      (t: string) => t.replace(/url: https?:\/\/\S+/, 'url: "javascript:alert(1)"'),
      'sources[0].url',
      /http\(s\)/,
    ],
    [
      'no source at all',
      (t: string) => t.replace(/^sources:[\s\S]*?^versions:/m, 'sources: []\nversions:'),
      'sources',
      /at least one source/,
    ],
    [
      'a duty with a window and no due date at once',
      (t: string) => t.replace('        complianceWindowFrom: entry_into_force\n', '        noDueDate: true\n'),
      'versions[0].duties[0].complianceWindowDays',
      /must be null when the duty has no due date/,
    ],
    [
      'a one-off transition period without its days',
      (t: string) => t.replace('complianceWindowDays: 180', 'complianceWindowDays: null'),
      'versions[0].duties[0].complianceWindowFrom',
      /needs a complianceWindowDays/,
    ],
    [
      'an unknown kind of covered provider',
      (t: string) => t.replace('providers: foreign', 'providers: domestic'),
      'versions[0].coverage.providers',
      /.+/,
    ],
    [
      'a duty superseded by a duty of its own regime',
      (t: string) =>
        t.replace(
          'duty: kz-2023-online-platforms/legal-representative',
          'duty: kz-2022-child-cyberbullying/legal-representative',
        ),
      'versions[0].duties[0].supersededBy.duty',
      /another regime/,
    ],
    [
      'a duty superseded before its version starts',
      (t: string) => t.replace('from: "2023-09-10"', 'from: "2022-01-01"'),
      'versions[0].duties[0].supersededBy.from',
      /after the version's start/,
    ],
  ])('refuses %s', (_, change, where, reason) => {
    const { problems } = parsePackFile(file, change(kz));
    expect(problems.map((p) => p.path)).toContain(where);
    expect(problems.find((p) => p.path === where)!.reason).toMatch(reason);
  });

  it('refuses a duty superseded by a duty no shipped regime has, naming the file that cites it', () => {
    const dir = scratchDirectory('writ-rules-');
    for (const id of ['kz-2022-child-cyberbullying', 'kz-2023-online-platforms'])
      writeFileSync(path.join(dir, `${id}.yaml`), readFileSync(path.join(shippedRulesDir, `${id}.yaml`), 'utf8'));
    expect(checkRulePacks(dir).problems).toEqual([]);
    const kz2023 = path.join(dir, 'kz-2023-online-platforms.yaml');
    writeFileSync(kz2023, readFileSync(kz2023, 'utf8').replace('- id: legal-representative', '- id: representative'));
    expect(checkRulePacks(dir).problems).toEqual([
      {
        file: path.join(dir, 'kz-2022-child-cyberbullying.yaml'),
        path: 'versions[0].duties[0].supersededBy.duty',
        line: null,
        reason: expect.stringMatching(/kz-2023-online-platforms has no duty legal-representative in force on 2023-09-10/),
      },
    ]);
    rmSync(kz2023);
    expect(checkRulePacks(dir).problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/no regime kz-2023-online-platforms/),
    ]);
  });

  it('refuses YAML that does not parse, with its line', () => {
    const { problems } = parsePackFile(file, 'id: x\n  bad: [\n');
    expect(problems[0]).toMatchObject({ file, reason: expect.stringMatching(/^not valid YAML/) });
  });

  it('stops loading the rule book with every problem listed', () => {
    const dir = scratchDirectory('writ-rules-');
    writeFileSync(path.join(dir, 'kz-2022-child-cyberbullying.yaml'), kz.replace('        hours: 24\n', '        hours: -24\n'));
    expect(() => loadRuleBook(dir)).toThrow(RulePackError);
    try {
      loadRuleBook(dir);
    } catch (error) {
      expect((error as Error).message).toMatch(/kz-2022-child-cyberbullying\.yaml:\d+: versions\[0\]\.deadlines\[0\]\.hours: /);
    }
  });
});
