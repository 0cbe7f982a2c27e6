/**
 * Meta's content restrictions and internet disruptions (issue 15): both layouts of the
 * content-restrictions files, the disruptions column of the requests files, what is refused (file
 * and line), what is reported and not stored, and one country-period's statistics.
 */
import { describe, expect, it } from 'vitest';
import { dataFilesOf } from '../../src/domain/datasets/dataset-files.js';
import {
  isMetaDisruptionsFile,
  isMetaRestrictionsFile,
  type MetaRestrictionRow,
  metaRestrictionsRole,
  parseMetaRestrictions,
} from '../../src/domain/datasets/meta-restrictions.js';
import { metaContentRestrictionStats } from '../../src/domain/datasets/restriction-stats.js';
import { WritError } from '../../src/domain/errors.js';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof WritError) return error.message;
    throw error;
  }
  return 'not refused';
};

const early = file('Content_Restrictions_2016_H1.csv', 'Country,count\r\nArgentina,5\r\nKazakhstan,7\r\n');
const productsHeader =
  'ISO Code,Country,Facebook Post,Facebook Event,Instagram Media: Global GB externally imposed,Instagram Media,total';
const later = file(
  'Content_Restrictions_2022_H1.csv',
  [
    productsHeader,
    'AF,Afghanistan,0,0,13,0,13',
    'KZ,Kazakhstan,1,N/A,13,0,14',
    'AN,Netherlands Antilles,0,0,13,0,13',
    'XK,Kosovo,0,0,13,0,13',
    'RU,Russia,5,0,13,2,21',
    '',
  ].join('\n'),
);
const requestsHeader =
  'Country,Content Restricted,Internet Disruptions,Total Requests,Total Requests Accounts,Total Requests Percentage';
const disruptions = file(
  'PRPL-Facebook-Government-Report-2016_H2.csv',
  `\uFEFF${requestsHeader}\nKazakhstan,0,1,0,0,0%\nIndia,3,,5,6,50%\nEthiopia,0,4,0,0,0%\n`,
);
const blankDisruptions = file('PRPL-Facebook-Government-Report-2016_H1.csv', `${requestsHeader}\nKazakhstan,7,,0,0,0%\n`);

describe('Meta content-restrictions files', () => {
  it('are told from the requests files by their header', () => {
    expect(isMetaRestrictionsFile(early)).toBe(true);
    expect(isMetaRestrictionsFile(later)).toBe(true);
    expect(isMetaRestrictionsFile(disruptions)).toBe(false);
    expect(isMetaDisruptionsFile(disruptions)).toBe(true);
    expect(isMetaDisruptionsFile(early)).toBe(false);
    expect(isMetaDisruptionsFile(file('PRPL-Facebook-Government-Report-2021_H1.csv', 'Country,Total Requests\nIndia,3\n'))).toBe(
      false,
    );
    expect(isMetaRestrictionsFile(file('notes.txt', 'Country,count\n'))).toBe(false);
  });

  it('read both layouts: the count or the total as the items restricted, the product columns beside it', () => {
    const d = parseMetaRestrictions([later, early]);
    expect(d.vintage).toBe('2022-H1');
    const kz = d.rows.filter((r) => r.country === 'KZ');
    expect(kz).toEqual([
      {
        part: 'restrictions',
        period: '2016-H1',
        country: 'KZ',
        countryName: 'Kazakhstan',
        items: 7,
        itemsAsPublished: null,
        byProduct: null,
        internetDisruptions: null,
        line: 3,
      },
      {
        part: 'restrictions',
        period: '2022-H1',
        country: 'KZ',
        countryName: 'Kazakhstan',
        items: 14,
        itemsAsPublished: null,
        byProduct: {
          'Facebook Post': 1,
          'Facebook Event': null,
          'Instagram Media: Global GB externally imposed': 13,
          'Instagram Media': 0,
        },
        internetDisruptions: null,
        line: 3,
      },
    ]);
    expect(d.coverage).toEqual([
      { part: 'restrictions', period: '2016-H1' },
      { part: 'restrictions', period: '2022-H1' },
    ]);
    expect(d.rowsRead).toBe(7);
  });

  it('store no code that is not assigned today (Kosovo is XK, as everywhere in Writ), saying so with file and line', () => {
    const d = parseMetaRestrictions([later]);
    expect(d.rows.map((r) => r.country)).toEqual(['AF', 'KZ', 'XK', 'RU']);
    expect(d.warnings).toContainEqual({
      file: 'Content_Restrictions_2022_H1.csv',
      line: 4,
      message: '"AN" (Netherlands Antilles) is not a currently assigned ISO 3166 code; row not stored',
    });
  });

  it('report a total its product columns do not add up to, and a code the name contradicts', () => {
    const odd = file(
      'Content_Restrictions_2021_H2.csv',
      `${productsHeader}\nKZ,Kazakhstan,1,0,13,0,15\nRU,Kazakhstan,0,0,0,0,0\n`,
    );
    const d = parseMetaRestrictions([odd]);
    expect(d.rows.map((r) => [r.country, r.items])).toEqual([['KZ', 15]]);
    expect(d.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '2: the product columns add up to 14, not the 15 total',
      '3: the code RU and the name "Kazakhstan" (KZ) disagree; row not stored',
    ]);
  });

  it('refuse a malformed file, naming the file and the line, and files they cannot place', () => {
    const bad = file(
      'Content_Restrictions_2022_H1.csv',
      `${productsHeader}\nAF,Afghanistan,0,0,13,0,13\nKZ,Kazakhstan,1,0,13,0,fourteen\n`,
    );
    expect(refusal(() => parseMetaRestrictions([bad]))).toBe(
      'Content_Restrictions_2022_H1.csv line 3: column "total" is not a count ("fourteen")',
    );
    const long = file('Content_Restrictions_2016_H1.csv', 'Country,count\nKazakhstan,7\nRussia,1,2\n');
    expect(refusal(() => parseMetaRestrictions([long]))).toBe(
      'Content_Restrictions_2016_H1.csv line 3: has 3 cells but the header names 2 columns',
    );
    expect(refusal(() => parseMetaRestrictions([file('Content_Restrictions.csv', 'Country,count\nKazakhstan,7\n')]))).toMatch(
      /^Content_Restrictions\.csv: the file name carries no half-year/,
    );
    expect(refusal(() => parseMetaRestrictions([early, file('copy/Content_Restrictions_2016_H1.csv', 'Country,count\n')]))).toBe(
      'copy/Content_Restrictions_2016_H1.csv: a second file for 2016-H1 (the first is Content_Restrictions_2016_H1.csv)',
    );
    expect(refusal(() => parseMetaRestrictions([disruptions]))).toMatch(/^the path: holds no Meta content-restrictions CSV/);
  });

  it('read the internet disruptions of the requests files; a column blank everywhere covers nothing', () => {
    const d = parseMetaRestrictions([early, disruptions, blankDisruptions]);
    expect(d.rows.filter((r) => r.part === 'disruptions').map((r) => [r.country, r.period, r.internetDisruptions])).toEqual([
      ['KZ', '2016-H2', 1],
      ['ET', '2016-H2', 4],
    ]);
    expect(d.coverage).toEqual([
      { part: 'restrictions', period: '2016-H1' },
      { part: 'disruptions', period: '2016-H2' },
    ]);
    expect(d.warnings).toContainEqual({
      file: 'PRPL-Facebook-Government-Report-2016_H1.csv',
      line: null,
      message: 'the "Internet Disruptions" column is blank on every row; 2016-H1 is not counted as covered',
    });
  });
});

describe('the edges of Meta’s content-restrictions files', () => {
  it('read a header with a byte-order mark, CRLF line ends and capitals; refuse to guess at anything else', () => {
    expect(isMetaRestrictionsFile(file('Content_Restrictions_2016_H1.csv', '\uFEFFCOUNTRY , Count \r\nKazakhstan,7\r\n'))).toBe(
      true,
    );
    expect(isMetaRestrictionsFile(file('Content_Restrictions_2016_H1.csv', '\uFEFFCountry,Items\r\ncount,7\r\n'))).toBe(false);
    expect(isMetaRestrictionsFile(file('Content_Restrictions_2016_H1.CSV', 'Country,total\n'))).toBe(true);
    expect(isMetaRestrictionsFile(file('Content_Restrictions_2016_H1.csv', 'Country,"total\n'))).toBe(false);
    expect(isMetaRestrictionsFile(file('Content_Restrictions_2016_H1.csv', 'Region,total\n'))).toBe(false);
    expect(
      isMetaDisruptionsFile(file('PRPL-Facebook-Government-Report-2016_H2.csv', `\uFEFF${requestsHeader.toUpperCase()}\r\n`)),
    ).toBe(true);
  });

  it('give each file its role, and none to a file of another kind', () => {
    expect(metaRestrictionsRole(early)).toBe('restrictions');
    expect(metaRestrictionsRole(disruptions)).toBe('disruptions');
    expect(metaRestrictionsRole(file('README.txt', 'Country,count\n'))).toBeUndefined();
    expect(metaRestrictionsRole(file('PRPL-Facebook-Government-Report-2021_H1.csv', 'Country,Total Requests\n'))).toBeUndefined();
    const readme = file('README.txt', 'notes');
    const requests = file('PRPL-Facebook-Government-Report-2021_H1.csv', 'Country,Total Requests\nIndia,3\n');
    const json = file('google.json', '[]');
    const google = file('google-government-removals/google-government-removal-requests.csv', 'Period Ending\n');
    const all = [early, disruptions, readme, requests, json, google];
    const roles = (source: Parameters<typeof dataFilesOf>[0]) => {
      const { data, ignored } = dataFilesOf(source, all);
      return { data: data.map((f) => [f.name, f.role]), ignored };
    };
    expect(roles('meta-content-restrictions')).toEqual({
      data: [
        [early.name, 'restrictions'],
        [disruptions.name, 'disruptions'],
      ],
      ignored: [readme.name, requests.name, json.name, google.name],
    });
    expect(roles('meta-data-requests')).toEqual({
      data: [
        [disruptions.name, 'countries'],
        [requests.name, 'countries'],
      ],
      ignored: [early.name, readme.name, json.name, google.name],
    });
    expect(roles('google-removals-json')).toEqual({
      data: [[json.name, 'rows']],
      ignored: [early.name, disruptions.name, readme.name, requests.name, google.name],
    });
    expect(roles('google-removals').data).toEqual([[google.name, 'requester']]);
  });

  it('keep a marker or a blank as published, warn of it, and add up only the totals they can', () => {
    const marked = file(
      'Content_Restrictions_2021_H1.csv',
      `${productsHeader}\nKZ,Kazakhstan,1,0,13,0,N/A\nRU,Russia,1,0,13,0,\n`,
    );
    const d = parseMetaRestrictions([marked]);
    expect(d.rows.map((r) => [r.country, r.items, r.itemsAsPublished])).toEqual([
      ['KZ', null, 'N/A'],
      ['RU', null, null],
    ]);
    expect(d.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '2: items restricted published as "N/A" (not known)',
      '3: items restricted published as a blank cell',
    ]);
    expect(d.ignoredFiles).toEqual([]);
  });

  it('place a row by its code where the name is Meta’s own, by its name where no code is given, and once', () => {
    const rows = [
      productsHeader,
      'KZ,Qazaqstan,0,0,0,0,0',
      ',Russia,1,0,0,0,1',
      ',,0,0,0,0,0',
      'ZZ,,0,0,0,0,0',
      ',Atlantis,0,0,0,0,0',
      'KZ,Kazakhstan,0,0,0,0,0',
    ];
    const d = parseMetaRestrictions([file('Content_Restrictions_2021_H1.csv', rows.join('\n')), file('Other.csv', 'a,b\n')]);
    expect(d.rows.map((r) => [r.country, r.countryName, r.line])).toEqual([
      ['KZ', 'Qazaqstan', 2],
      ['RU', 'Russia', 3],
    ]);
    expect(d.ignoredFiles).toEqual(['Other.csv']);
    expect(d.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '4: no country name; row not stored',
      '5: "ZZ" (no name) is not a currently assigned ISO 3166 code; row not stored',
      '6: "Atlantis" is not a country with an ISO 3166 code; row not stored',
      '7: "Kazakhstan" is KZ again (first on line 2); not stored',
    ]);
  });

  it('read a short row of a requests file as blank, and keep a disruption marker as published', () => {
    const d = parseMetaRestrictions([
      early,
      file(
        'PRPL-Facebook-Government-Report-2017_H1.csv',
        `${requestsHeader}\nKazakhstan,0\nIndia,0,?,1,1,100%\nIraq,0,15,0,0,0%\n`,
      ),
      file('PRPL-Facebook-Government-Report-2013_H1.csv', `${requestsHeader}\nKazakhstan,0\n`),
    ]);
    expect(
      d.rows.filter((r) => r.part === 'disruptions').map((r) => [r.country, r.internetDisruptions, r.itemsAsPublished]),
    ).toEqual([
      ['IN', null, '?'],
      ['IQ', 15, null],
    ]);
    expect(d.warnings.map((w) => `${w.file.slice(-11)} ${w.line}: ${w.message}`)).toEqual([
      '2013_H1.csv null: the "Internet Disruptions" column is blank on every row; 2013-H1 is not counted as covered',
      '2017_H1.csv 3: internet disruptions published as "?" (not known)',
    ]);
  });
});

describe('a country-period of Meta’s content restrictions', () => {
  const row = (part: 'restrictions' | 'disruptions', country: string, period: string, n: number | null): MetaRestrictionRow => ({
    part,
    period,
    country,
    countryName: country,
    items: part === 'restrictions' ? n : null,
    itemsAsPublished: null,
    byProduct: null,
    internetDisruptions: part === 'disruptions' ? n : null,
    line: 2,
  });
  const rows = [
    row('restrictions', 'KZ', '2016-H1', 7),
    row('restrictions', 'KZ', '2017-H1', 3),
    row('restrictions', 'RU', '2016-H2', 500),
    row('disruptions', 'KZ', '2016-H2', 1),
  ];
  const stats = (country: string, period: string) =>
    metaContentRestrictionStats({
      country,
      period,
      rows,
      coveredRestrictions: ['2016-H1', '2016-H2', '2017-H1'],
      coveredDisruptions: ['2016-H2', '2017-H1'],
    });

  it('gives the items restricted, to date, and the disruptions where Meta counted them', () => {
    expect(stats('KZ', '2016-H1')).toEqual({
      source: 'meta-content-restrictions',
      country: 'KZ',
      period: '2016-H1',
      itemsRestricted: 7,
      itemsRestrictedByProduct: null,
      itemsRestrictedToDate: 7,
      internetDisruptions: null,
      warnings: [],
    });
    expect(stats('KZ', '2016-H2')).toMatchObject({
      itemsRestricted: 0,
      itemsRestrictedToDate: 7,
      internetDisruptions: 1,
      warnings: ['Meta lists no content restrictions for KZ in 2016-H2; counted as 0'],
    });
    expect(stats('KZ', '2017-H1')).toMatchObject({ itemsRestricted: 3, itemsRestrictedToDate: 10, internetDisruptions: 0 });
  });

  it('take the asked half-year’s own row, and name what it cannot count', () => {
    const published = [
      { ...row('restrictions', 'KZ', '2019-H1', 5), byProduct: { 'Facebook Post': 5 } },
      { ...row('restrictions', 'KZ', '2019-H2', null), itemsAsPublished: 'N/A', byProduct: { 'Facebook Post': null } },
      { ...row('restrictions', 'KZ', '2020-H2', 2), byProduct: { 'Facebook Post': 2 } },
      row('disruptions', 'KZ', '2020-H1', 3),
    ];
    const at = (period: string, covered = ['2019-H1', '2019-H2', '2020-H2']) =>
      metaContentRestrictionStats({
        country: 'KZ',
        period,
        rows: published,
        coveredRestrictions: covered,
        coveredDisruptions: [],
      });
    expect(at('2020-H2')).toMatchObject({
      itemsRestricted: 2,
      itemsRestrictedByProduct: { 'Facebook Post': 2 },
      itemsRestrictedToDate: 7,
      warnings: ['itemsRestrictedToDate leaves out 2019-H2, 2020-H1, for which no figure is published'],
    });
    expect(at('2019-H2')).toMatchObject({
      itemsRestricted: null,
      itemsRestrictedByProduct: { 'Facebook Post': null },
      warnings: [
        'items restricted published as "N/A"; no figure is used',
        'itemsRestrictedToDate leaves out 2019-H2, for which no figure is published',
      ],
    });
    // 2020-H1: not covered, so not counted as 0 — only the disruptions are known.
    expect(at('2020-H1')).toMatchObject({ itemsRestricted: null, internetDisruptions: 3 });
    expect(at('2020-H1')!.warnings).toEqual([
      'itemsRestrictedToDate leaves out 2019-H2, 2020-H1, for which no figure is published',
    ]);
  });

  it('say nothing of a country before its first listing, of another country’s figures or of a period not covered', () => {
    expect(stats('RU', '2016-H1')).toBeNull();
    expect(stats('RU', '2016-H2')).toMatchObject({ itemsRestricted: 500, internetDisruptions: 0 });
    expect(stats('KZ', '2018-H1')).toBeNull();
    expect(stats('DE', '2016-H2')).toBeNull();
  });
});
