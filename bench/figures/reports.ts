/**
 * Figure b: the public pages that read the rollups — a country's report, the index of reports and
 * a country's timeline — over HTTP as a reader gets them, each against the same figures computed by
 * a GROUP BY over the base tables (src/db/report-scan.ts, what the pages did before the rollups),
 * run in the bench's own process (so without HTTP: the ratio is if anything understated). The two
 * answers are compared field by field; a difference is reported loudly and fails the run.
 */
import type { Config } from '../../src/config.js';
import { countryTimeline } from '../../src/datasets/dataset-views.js';
import type { Db } from '../../src/db/connection.js';
import { datasetFiguresRepository } from '../../src/db/datasets-figures-repository.js';
import { datasetsRepository } from '../../src/db/datasets-repository.js';
import { reportScans } from '../../src/db/report-scan.js';
import { formatPeriod, parsePeriod } from '../../src/domain/period.js';
import { assembleReport } from '../../src/domain/report.js';
import { differences } from '../compare.js';
import type { WritClient } from '../http.js';
import { count, step } from '../progress.js';
import { atLeast, atMost, type Figure } from '../report.js';
import { repeat } from '../stats.js';

const lookup = { warmup: 5, minRuns: 30, maxRuns: 500, budgetMs: 3_000 };
const scan = { warmup: 1, minRuns: 3, maxRuns: 10, budgetMs: 4_000 };

type IndexEntry = { country: string; period: string; requests: number };

/** The index keyed by country and period (a difference then names them), in its order. */
const byCountryPeriod = (entries: IndexEntry[]) =>
  Object.fromEntries(entries.map((e, position) => [`${e.country} ${e.period}`, { requests: e.requests, position }]));

function checked(figure: Figure, found: string[]): Figure {
  if (found.length === 0) return { ...figure, checkedEqual: true };
  console.error(`\nbench: ${figure.name}: the page's figures differ from the GROUP BY's:\n  ${found.join('\n  ')}\n`);
  return { ...figure, checkedEqual: false, notes: [...(figure.notes ?? []), ...found] };
}

export async function reportFigures(db: Db, client: WritClient, surges: Config['surges']): Promise<Figure[]> {
  const scans = reportScans(db);
  const figures: Figure[] = [];

  const index = await repeat(() => client.getJson<{ periods: IndexEntry[] }>('/api/v1/public/reports'), lookup);
  // As reportIndex (src/app/reports.ts) presents the repository's periods.
  const indexScan = await repeat(
    async () =>
      (await scans.availablePeriods()).map((p) => ({ country: p.country, period: formatPeriod(p), requests: p.requests })),
    scan,
  );
  const periods = index.result.periods;
  const largest = periods.reduce((a, b) => (b.requests > a.requests ? b : a));
  const indexRatio = indexScan.latency.p50 / index.latency.p50;
  figures.push(
    checked(
      {
        id: 'report-index',
        name: `report index (${periods.length} country-periods)\nGET /api/v1/public/reports`,
        measured: { kind: 'latency', latency: index.latency },
        baseline: { name: 'GROUP BY', measured: { kind: 'latency', latency: indexScan.latency } },
        ratio: { value: indexRatio, text: `${indexRatio.toFixed(0)}× faster` },
        targets: [atMost('p95', index.latency.p95, 50, 'ms')],
        checkedEqual: null,
      },
      differences(byCountryPeriod(index.result.periods), byCountryPeriod(indexScan.result)),
    ),
  );
  step(`report index: p95 ${index.latency.p95.toFixed(1)} ms, GROUP BY p50 ${indexScan.latency.p50.toFixed(0)} ms`);

  const { country, period } = largest;
  const half = parsePeriod(period);
  const report = await repeat(() => client.getJson<unknown>(`/api/v1/public/reports/${country}/${period}`), lookup);
  const reportScan = await repeat(async () => assembleReport(country, half, await scans.countryPeriod(country, half)), scan);
  const reportRatio = reportScan.latency.p50 / report.latency.p50;
  figures.push(
    checked(
      {
        id: 'country-report',
        name: `country report, ${country} ${period} (${count(largest.requests)} requests)\nGET /api/v1/public/reports/${country}/${period}`,
        measured: { kind: 'latency', latency: report.latency },
        baseline: { name: 'GROUP BY', measured: { kind: 'latency', latency: reportScan.latency } },
        ratio: { value: reportRatio, text: `${reportRatio.toFixed(0)}× faster` },
        targets: [
          atMost('p95', report.latency.p95, 50, 'ms'),
          atLeast('speed-up (p50)', reportRatio, 50, '×', (v) => v.toFixed(0)),
        ],
        checkedEqual: null,
      },
      differences(report.result, reportScan.result),
    ),
  );
  step(
    `country report ${country} ${period}: p95 ${report.latency.p95.toFixed(1)} ms, GROUP BY p50 ${reportScan.latency.p50.toFixed(0)} ms`,
  );

  // The timeline as it was: the same use case, with this platform's own series by the GROUP BY.
  const readers = {
    datasets: datasetsRepository(db),
    figures: {
      ...datasetFiguresRepository(db),
      platformCounts: (f: { country?: string } = {}) => scans.platformCounts(f.country),
    },
  };
  const timeline = await repeat(
    () => client.getJson<{ series: unknown[] }>(`/api/v1/public/datasets/timeline/${country}`),
    lookup,
  );
  const timelineScan = await repeat(() => countryTimeline(readers, country, surges), scan);
  const timelineRatio = timelineScan.latency.p50 / timeline.latency.p50;
  figures.push(
    checked(
      {
        id: 'timeline',
        name: `country timeline, ${country} (${timeline.result.series.length} series)\nGET /api/v1/public/datasets/timeline/${country}`,
        measured: { kind: 'latency', latency: timeline.latency },
        baseline: { name: 'GROUP BY', measured: { kind: 'latency', latency: timelineScan.latency } },
        ratio: { value: timelineRatio, text: `${timelineRatio.toFixed(0)}× faster` },
        targets: [atMost('p95', timeline.latency.p95, 50, 'ms')],
        checkedEqual: null,
      },
      differences(timeline.result, timelineScan.result),
    ),
  );
  step(`timeline ${country}: p95 ${timeline.latency.p95.toFixed(1)} ms, GROUP BY p50 ${timelineScan.latency.p50.toFixed(0)} ms`);
  return figures;
}
