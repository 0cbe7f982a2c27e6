/**
 * Google's archive at its edges: which rows of each file are stored and which are reported (repeats,
 * territory codes, missing reasons, blank or marked counts, item-outcome percentages), how the four
 * files' sums are chosen between, and what is said when they disagree. Small files in the published
 * column layout (shared/reference/google-meta-data-formats.md §2), each row's line known by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseGoogleArchive, sumGoogleRows } from '../../src/domain/datasets/google-archive.js';
import { chooseGoogleFigures, type GoogleSums } from '../../src/domain/datasets/google-figures.js';
import type { GoogleProductRow, GoogleRequesterRow, GoogleSummaryRow } from '../../src/domain/datasets/google-rows.js';
import type { SourceFile } from '../../src/domain/datasets/sources.js';

const detailed = 'google-government-detailed-removal-requests.csv';
const requester = 'google-government-removal-requests.csv';
const historicalDetailed = 'historical/google-government-detailed-removal-requests-historical.csv';
const historicalSummary = 'historical/google-government-removal-requests-historical.csv';

const headers: Record<string, string> = {
  [detailed]: 'Period Ending,Country/Region,CLDR Territory Code,Product,Reason,Total',
  [requester]:
    'Period Ending,Country/Region,CLDR Territory Code,Requestor,Number of Requests,Items Requested To Be Removed,% Removed-Legal,% Removed-Policy,% Content Not Found,% Not Enough Information ,% No Action Taken,% Content Already Removed',
  [historicalDetailed]:
    'Period Ending,Country/Region,CLDR Territory Code,Product,Reason,Court Orders,"Executive, Police, etc.",Items Requested To Be Removed',
  [historicalSummary]:
    'Period Ending,Country/Region,CLDR Territory Code,All Requests: Number of Requests,All Requests: % Fully Or Partially Complied With,All Requests: Items Requested To Be Removed,Court Orders: Number of Requests,Court Orders: % Fully Or Partially Complied With,Court Orders: Items Requested To Be Removed,"Other Requests (Executive, Police, etc.): Number of Requests","Other Requests (Executive, Police, etc.): % Fully Or Partially Complied With","Other Requests (Executive, Police, etc.): Items Requested To Be Removed"',
};

const file = (name: string, rows: string[]): SourceFile => ({
  name: `google-government-removals/${name}`,
  bytes: Buffer.from(`${[headers[name], ...rows].join('\n')}\n`),
});

/** One file read alone: its stored rows and its warnings as [line, message]. */
function readAlone(name: string, rows: string[]) {
  const archive = parseGoogleArchive([file(name, rows)]);
  return { archive, warnings: archive.warnings.map((w) => [w.line, w.message]) };
}

describe('rows of the product/reason files', () => {
  it('stores each country-period-product-reason once, maps territory codes, and reports what it does not store', () => {
    const { archive, warnings } = readAlone(detailed, [
      '2021-06-30,Kazakhstan,KZ,YouTube,Fraud,3', // 2
      '2021-06-30,Kazakhstan,KZ,YouTube,Fraud,5', // 3: repeat
      '2021-06-30,,uk,Blogger,Defamation,2', // 4: UK, no name
      '2021-06-30,Soviet Union,SU,Blogger,Defamation,1', // 5
      '2021-06-30,Nowhere,XSU,Blogger,Defamation,1', // 6
      '2021-06-30,Nowhere,SUX,Blogger,Defamation,1', // 7
      '2021-06-30,Nowhere,Q,Blogger,Defamation,1', // 8
      '2021-06-30,Europol,,Blogger,Defamation,1', // 9
      '2021-06-30,Kazakhstan,KZ,Blogger,Defamation,1', // 10
    ]);
    expect(warnings).toEqual([
      [3, 'repeats line 2 (same period, country, product and reason); not stored'],
      [4, 'territory code UK is stored as GB'],
      [5, 'territory code "SU" is not a country\'s code today (withdrawn or never assigned); row not stored'],
      [6, 'territory code "XSU" is not a two-letter code; row not stored'],
      [7, 'territory code "SUX" is not a two-letter code; row not stored'],
      [8, 'territory code "Q" is not a two-letter code; row not stored'],
      [9, '"Europol" has no territory code (an international body, not a country); row not stored'],
    ]);
    expect(archive.productRows.map((r) => [r.line, r.country, r.countryName, r.product, r.requests])).toEqual([
      [2, 'KZ', 'Kazakhstan', 'YouTube', 3],
      [4, 'GB', 'GB', 'Blogger', 2],
      [10, 'KZ', 'Kazakhstan', 'Blogger', 1],
    ]);
  });

  it('expects a reason from 2010-H2 on, and reports a row of zero requests', () => {
    const { archive, warnings } = readAlone(detailed, [
      '2010-06-30,Brazil,BR,Web Search,,1', // 2: before reasons were given
      '2010-12-31,Brazil,BR,Web Search,,1', // 3: the first half-year with reasons
      '2011-06-30,Brazil,BR,Web Search,Defamation,0', // 4
    ]);
    expect(warnings).toEqual([
      [3, 'no reason given (Google gives reasons from 2010-H2)'],
      [4, 'a row of zero requests'],
    ]);
    expect(archive.productRows.map((r) => [r.period, r.reason, r.requests])).toEqual([
      ['2010-H1', null, 1],
      ['2010-H2', null, 1],
      ['2011-H1', 'Defamation', 0],
    ]);
  });

  it('historical rows add court orders and executive requests, and say how items were published when not a number', () => {
    const { archive, warnings } = readAlone(historicalDetailed, [
      '2009-12-31,Argentina,AR,Blogger,,3,1,', // 2
      '2009-12-31,Argentina,AR,Web Search,,2,0,<10', // 3
      '2009-12-31,Argentina,AR,YouTube,,1,1,7', // 4
    ]);
    expect(warnings).toEqual([
      [2, 'items requested published as blank (not published)'],
      [3, 'items requested published as "<10" (fewer than 10; the exact number is not published)'],
    ]);
    expect(archive.productRows.map((r) => [r.product, r.requests, r.courtOrders, r.executiveRequests, r.items])).toEqual([
      ['Blogger', 4, 3, 1, null],
      ['Web Search', 2, 2, 0, null],
      ['YouTube', 2, 1, 1, 7],
    ]);
  });
});

describe('rows of the requester file', () => {
  it('reports repeats, missing or implausible outcome percentages, and fewer items than requests', () => {
    const { archive, warnings } = readAlone(requester, [
      '2021-06-30,Kazakhstan,KZ,Police,4,10,100,,,,,', // 2
      '2021-06-30,Kazakhstan,KZ,Police,1,1,100,,,,,', // 3: repeat
      '2021-06-30,Kazakhstan,KZ,Courts,2,5,,,,,,', // 4: items, no percentage
      '2021-06-30,Kazakhstan,KZ,Other,0,0,,,,,,', // 5: no items, no percentage
      '2021-06-30,Kazakhstan,KZ,A,1,3,97,,,,,', // 6: 97 is rounding
      '2021-06-30,Kazakhstan,KZ,B,1,3,50,53,,,,', // 7: 103 is rounding
      '2021-06-30,Kazakhstan,KZ,C,1,3,96,,,,,', // 8
      '2021-06-30,Kazakhstan,KZ,D,1,3,50,54,,,,', // 9
      '2021-06-30,Kazakhstan,KZ,E,5,3,100,,,,,', // 10
      '2021-06-30,Kazakhstan,KZ,F,3,3,0,99,,1,,', // 11
    ]);
    expect(warnings).toEqual([
      [3, 'repeats line 2 (same period, country and requester); not stored'],
      [4, 'no item-outcome percentage given; outcomes of these items are unknown'],
      [5, 'item-outcome percentages add up to 0, more than rounding explains (six whole percentages add up to 97–103)'],
      [8, 'item-outcome percentages add up to 96, more than rounding explains (six whole percentages add up to 97–103)'],
      [9, 'item-outcome percentages add up to 104, more than rounding explains (six whole percentages add up to 97–103)'],
      [10, 'fewer items (3) than requests (5), although every request names at least one item'],
    ]);
    expect(archive.requesterRows.map((r) => r.requester)).toEqual(['Police', 'Courts', 'Other', 'A', 'B', 'C', 'D', 'E', 'F']);
    expect(archive.requesterRows.at(-1)!.percents).toEqual([0, 99, null, 1, null, null]);
  });
});

describe('rows of the historical summary', () => {
  it('reports repeats, and requests or items published as blank or as a marker', () => {
    const { archive, warnings } = readAlone(historicalSummary, [
      '2010-06-30,Argentina,AR,42,88,100,41,,90,1,,10', // 2
      '2010-06-30,Argentina,AR,1,,1,,,,,,', // 3: repeat
      '2010-06-30,Brazil,BR,,,5,,,,,,', // 4
      '2010-06-30,China,CN,<10,,<10,,,,,,', // 5
      '2010-06-30,Chile,CL,12,50,<10,,,,,,', // 6
      '2010-06-30,Peru,PE,12,50,,,,,,,', // 7
    ]);
    expect(warnings).toEqual([
      [3, 'repeats line 2 (same period and country); not stored'],
      [4, 'number of requests published as blank'],
      [5, 'number of requests published as "<10" (fewer than 10; the exact number is not published)'],
      [6, 'items requested published as "<10" (fewer than 10; the exact number is not published)'],
      [7, 'items requested published as blank (not published)'],
    ]);
    expect(archive.summaryRows[0]).toMatchObject({
      requests: 42,
      compliedPct: 88,
      items: 100,
      courtRequests: 41,
      otherItems: 10,
    });
    expect(archive.summaryRows.map((r) => [r.country, r.requestsAsPublished, r.itemsAsPublished])).toEqual([
      ['AR', null, null],
      ['BR', null, null],
      ['CN', '<10', '<10'],
      ['CL', null, '<10'],
      ['PE', null, null],
    ]);
  });
});

describe('the archive as a whole', () => {
  it('refuses two copies of one file, a folder without the files, and files without rows, saying which', () => {
    const a = { ...file(requester, []), name: 'a/google-government-removal-requests.csv' };
    const b = { ...file(requester, []), name: 'b/google-government-removal-requests.csv' };
    expect(() => parseGoogleArchive([a, b])).toThrow(
      'b/google-government-removal-requests.csv: a second copy of google-government-removal-requests.csv (the first is a/google-government-removal-requests.csv); give one archive at a time',
    );
    const list =
      'google-government-detailed-removal-requests.csv, google-government-removal-requests.csv, historical/google-government-detailed-removal-requests-historical.csv, historical/google-government-removal-requests-historical.csv';
    expect(() => parseGoogleArchive([])).toThrow(`the path: holds none of Google’s government-removals files (${list})`);
    expect(() => parseGoogleArchive([{ name: 'README.txt', bytes: Buffer.from('x') }])).toThrow(
      `the archive: holds none of Google’s government-removals files (${list})`,
    );
    expect(() => parseGoogleArchive([file(requester, [])])).toThrow(
      'google-government-removals/google-government-removal-requests.csv: has no rows',
    );
  });

  it('sums only the rows kept, and counts the historical rows whose items are blank', () => {
    const place = (country: string, period: string, line: number) => ({ country, countryName: country, period, line });
    const product = (country: string, part: GoogleProductRow['part'], requests: number, items: number | null, line: number) =>
      ({
        ...place(country, '2018-H2', line),
        part,
        product: 'YouTube',
        reason: null,
        requests,
        courtOrders: null,
        executiveRequests: null,
        items,
      }) satisfies GoogleProductRow;
    const productRows = [
      product('KZ', 'historical-product-reason', 2, null, 5),
      product('KZ', 'historical-product-reason', 3, 7, 6),
      product('KZ', 'historical-product-reason', 1, null, 7),
      product('AR', 'product-reason', 9, null, 8),
    ];
    const requesterRows: GoogleRequesterRow[] = [
      {
        ...place('KZ', '2021-H1', 2),
        requester: 'Police',
        requests: 4,
        items: 10,
        percents: [100, null, null, null, null, null],
      },
      {
        ...place('AR', '2021-H1', 3),
        requester: 'Police',
        requests: 4,
        items: 10,
        percents: [100, null, null, null, null, null],
      },
    ];
    const summary = (country: string, line: number): GoogleSummaryRow => ({
      ...place(country, '2010-H1', line),
      requests: 3,
      requestsAsPublished: null,
      compliedPct: null,
      items: 4,
      itemsAsPublished: null,
      courtRequests: null,
      courtItems: null,
      otherRequests: null,
      otherItems: null,
    });
    const sums = sumGoogleRows(
      { productRows, requesterRows, summaryRows: [summary('KZ', 2), summary('AR', 3)] },
      (r) => r.country !== 'AR',
    );
    expect([...sums.keys()]).toEqual(['KZ|2018-H2', 'KZ|2021-H1', 'KZ|2010-H1']);
    expect(sums.get('KZ|2018-H2')!.historicalProductReason).toEqual({ requests: 6, items: 7, blankItemRows: 2, line: 5 });
  });
});

describe('choosing between the files', () => {
  const fromFiles: GoogleSums = {
    productReason: { requests: 7, line: 10 },
    historicalProductReason: { requests: 13, items: 484, blankItemRows: 0, line: 20 },
    historicalSummary: { requests: 13, requestsAsPublished: null, items: 484, itemsAsPublished: null, compliedPct: 80, line: 30 },
    requester: { requests: 8, items: 422, line: 40 },
  };
  const frozen = ' (the historical files were frozen in 2019; the current files carry Google’s later corrections)';
  const perReason = ' (the requester file of Google’s 2023 and 2024 vintages counts a request once for every reason it cites)';

  it('says, on the line of each file not used, why a current file is preferred over a historical or requester one', () => {
    const f = chooseGoogleFigures(fromFiles);
    expect(f).toMatchObject({ requests: 7, requestsFrom: 'product-reason', items: 422, itemsFrom: 'requester' });
    expect(f.findings.map((x) => [x.part, x.line, x.kind, x.message])).toEqual([
      [
        'historical-product-reason',
        20,
        'disagreement',
        `requests: ${historicalDetailed} counts 13, ${detailed} 7; 7 is used${frozen}`,
      ],
      ['historical-summary', 30, 'disagreement', `requests: ${historicalSummary} counts 13, ${detailed} 7; 7 is used${frozen}`],
      ['requester', 40, 'disagreement', `requests: ${requester} counts 8, ${detailed} 7; 7 is used${perReason}`],
      [
        'historical-summary',
        30,
        'disagreement',
        `items: ${historicalSummary} counts 484, ${requester} 422; 422 is used${frozen}`,
      ],
      [
        'historical-product-reason',
        20,
        'disagreement',
        `items: ${historicalDetailed} counts 484, ${requester} 422; 422 is used${frozen}`,
      ],
    ]);
  });

  it('gives no reason when the requester file counts fewer, or when both files are historical', () => {
    const fewer = chooseGoogleFigures({ productReason: { requests: 10 }, requester: { requests: 6, items: 9 } });
    expect(fewer.findings.map((x) => x.message)).toEqual([`requests: ${requester} counts 6, ${detailed} 10; 10 is used`]);
    const historical = chooseGoogleFigures({
      historicalProductReason: { requests: 10, items: 30, blankItemRows: 0, line: 5 },
      historicalSummary: {
        requests: 12,
        requestsAsPublished: null,
        items: 31,
        itemsAsPublished: null,
        compliedPct: null,
        line: 6,
      },
    });
    expect(historical).toMatchObject({
      requests: 10,
      requestsFrom: 'historical-product-reason',
      items: 31,
      itemsFrom: 'historical-summary',
    });
    expect(historical.findings.map((x) => x.message)).toEqual([
      `requests: ${historicalSummary} counts 12, ${historicalDetailed} 10; 10 is used`,
      `items: ${historicalDetailed} counts 30, ${historicalSummary} 31; 31 is used`,
    ]);
  });

  it('uses no figure where Google published only a marker, and none for items when some product rows are blank', () => {
    const marked = (requests: string, items: string) =>
      chooseGoogleFigures({
        historicalSummary: {
          requests: null,
          requestsAsPublished: requests,
          items: null,
          itemsAsPublished: items,
          compliedPct: null,
          line: 3,
        },
      }).findings.map((x) => [x.part, x.line, x.kind, x.message]);
    expect(marked('?', '?')).toEqual([
      ['historical-summary', 3, 'not-published', 'requests: Google published only "?" (not known); no figure is used'],
      ['historical-summary', 3, 'not-published', 'items: Google published only "?"; no figure is used'],
    ]);
    expect(marked('<10', '<10')[0]![3]).toBe(
      'requests: Google published only "<10" (the exact number is not published); no figure is used',
    );
    const blank = chooseGoogleFigures({ historicalProductReason: { requests: 4, items: 7, blankItemRows: 2, line: 9 } });
    expect(blank).toMatchObject({ requests: 4, items: null, itemsFrom: null });
    expect(blank.findings).toEqual([
      {
        part: 'historical-product-reason',
        line: 9,
        kind: 'not-published',
        message:
          'items: blank in 2 product/reason row(s) and not in the summary; the other rows add up to 7, a lower bound; no figure is used',
      },
    ]);
  });
});
