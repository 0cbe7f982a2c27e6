/**
 * Which of Google's files a country-period's requests and items are taken from, and what the other
 * files say when they disagree. The archive publishes the same figures up to four times; they
 * disagree in known ways (docs/methodology.md), and a disagreement is always reported, never
 * settled silently.
 *
 * Requests, most precise first:
 *   1. product-reason (current detailed file): every request sits in exactly one product × reason cell;
 *   2. historical-product-reason: court orders + executive requests per product × reason (frozen 2019);
 *   3. historical-summary: the per-country total, which early periods give only as `<10` or `?`;
 *   4. requester: the 2023 and 2024 vintages count a request once for every reason it cites.
 * Items, most precise first:
 *   1. requester (from 2019-H1); 2. historical-summary; 3. historical-product-reason, only when
 *   no row of it is blank (otherwise its sum is only a lower bound).
 */
import { type GooglePart, googlePartFiles } from './sources.js';

/** What each part of the archive says about one country-period. `line` is the first line of it in that file. */
export type GoogleSums = {
  productReason?: { requests: number; line?: number };
  requester?: { requests: number; items: number; line?: number };
  historicalProductReason?: { requests: number; items: number; blankItemRows: number; line?: number };
  historicalSummary?: {
    requests: number | null;
    requestsAsPublished: string | null;
    items: number | null;
    itemsAsPublished: string | null;
    compliedPct: number | null;
    line?: number;
  };
};

/** A disagreement or gap, attributed to the file whose figure was not used. */
export type Finding = { part: GooglePart; line?: number; kind: 'disagreement' | 'not-published'; message: string };

export type GoogleFigures = {
  requests: number | null;
  requestsFrom: GooglePart | null;
  items: number | null;
  itemsFrom: GooglePart | null;
  findings: Finding[];
};

const fileOf = (part: GooglePart) => googlePartFiles[part];

const lineOf = (sums: GoogleSums, part: GooglePart): number | undefined => {
  switch (part) {
    case 'product-reason':
      return sums.productReason?.line;
    case 'requester':
      return sums.requester?.line;
    case 'historical-product-reason':
      return sums.historicalProductReason?.line;
    case 'historical-summary':
      return sums.historicalSummary?.line;
  }
};

function why(other: GooglePart, chosen: GooglePart, otherValue: number, chosenValue: number): string {
  if (other === 'requester' && otherValue > chosenValue)
    return ' (the requester file of Google’s 2023 and 2024 vintages counts a request once for every reason it cites)';
  if (other.startsWith('historical') && !chosen.startsWith('historical'))
    return ' (the historical files were frozen in 2019; the current files carry Google’s later corrections)';
  return '';
}

export function chooseGoogleFigures(sums: GoogleSums): GoogleFigures {
  const findings: Finding[] = [];
  const summary = sums.historicalSummary;

  const requestCandidates: [GooglePart, number | undefined | null][] = [
    ['product-reason', sums.productReason?.requests],
    ['historical-product-reason', sums.historicalProductReason?.requests],
    ['historical-summary', summary?.requests],
    ['requester', sums.requester?.requests],
  ];
  const requestsChoice = requestCandidates.find(([, v]) => typeof v === 'number') as [GooglePart, number] | undefined;
  if (requestsChoice) {
    const [chosen, value] = requestsChoice;
    for (const [part, v] of requestCandidates)
      if (part !== chosen && typeof v === 'number' && v !== value)
        findings.push({
          part,
          line: lineOf(sums, part),
          kind: 'disagreement',
          message: `requests: ${fileOf(part)} counts ${v}, ${fileOf(chosen)} ${value}; ${value} is used${why(part, chosen, v, value)}`,
        });
  } else if (summary?.requestsAsPublished) {
    findings.push({
      part: 'historical-summary',
      line: summary.line,
      kind: 'not-published',
      message: `requests: Google published only "${summary.requestsAsPublished}" (${summary.requestsAsPublished === '?' ? 'not known' : 'the exact number is not published'}); no figure is used`,
    });
  }

  const detailItems =
    sums.historicalProductReason && sums.historicalProductReason.blankItemRows === 0
      ? sums.historicalProductReason.items
      : undefined;
  const itemCandidates: [GooglePart, number | undefined | null][] = [
    ['requester', sums.requester?.items],
    ['historical-summary', summary?.items],
    ['historical-product-reason', detailItems],
  ];
  const itemsChoice = itemCandidates.find(([, v]) => typeof v === 'number') as [GooglePart, number] | undefined;
  if (itemsChoice) {
    const [chosen, value] = itemsChoice;
    for (const [part, v] of itemCandidates)
      if (part !== chosen && typeof v === 'number' && v !== value)
        findings.push({
          part,
          line: lineOf(sums, part),
          kind: 'disagreement',
          message: `items: ${fileOf(part)} counts ${v}, ${fileOf(chosen)} ${value}; ${value} is used${why(part, chosen, v, value)}`,
        });
  } else if (summary?.itemsAsPublished) {
    findings.push({
      part: 'historical-summary',
      line: summary.line,
      kind: 'not-published',
      message: `items: Google published only "${summary.itemsAsPublished}"; no figure is used`,
    });
  } else if (sums.historicalProductReason && sums.historicalProductReason.blankItemRows > 0) {
    findings.push({
      part: 'historical-product-reason',
      line: sums.historicalProductReason.line,
      kind: 'not-published',
      message: `items: blank in ${sums.historicalProductReason.blankItemRows} product/reason row(s) and not in the summary; the other rows add up to ${sums.historicalProductReason.items}, a lower bound; no figure is used`,
    });
  }

  return {
    requests: requestsChoice?.[1] ?? null,
    requestsFrom: requestsChoice?.[0] ?? null,
    items: itemsChoice?.[1] ?? null,
    itemsFrom: itemsChoice?.[0] ?? null,
    findings,
  };
}
