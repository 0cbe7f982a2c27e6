/**
 * Whether the rollups (src/db/rollups.ts, read by reports-repository.ts) give every figure the
 * GROUP BY over the base tables gives (report-scan.ts): each country-period's report and deadline
 * figures, the index of reports and the timeline's platform series. Used by `writ db check-rollups`,
 * the rollup property test and the bench.
 */
import { sql } from 'drizzle-orm';
import { formatPeriod, type HalfYear, parsePeriod, periodBounds } from '../domain/period.js';
import type { DeadlinePerformance } from '../domain/regimes/sla.js';
import type { Db } from './connection.js';
import { reportScans } from './report-scan.js';
import { reportsRepository } from './reports-repository.js';

/** Which figure differs: a country-period's report or deadline figures, its line in the index, or its timeline series. */
export type RollupFigure = 'report' | 'deadlines' | 'index' | 'timeline';

export type RollupDifference = {
  country: string;
  period: string;
  figure: RollupFigure;
  /** Where in the figure, e.g. `requestsByReason.Violence`, `kz-2023-online-platforms.met` or `content_removal.items`. */
  field: string;
  /** The value read from the rollups, and the GROUP BY's; null where that side has none. */
  rollup: unknown;
  scan: unknown;
};

export type RollupCheck = { countryPeriods: number; differences: RollupDifference[] };

type Progress = (done: number, total: number) => void;

/** Every leaf of a JSON-like value by its dotted path. */
function leaves(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, into);
  } else into.set(prefix, value);
  return into;
}

function differences(
  where: Pick<RollupDifference, 'country' | 'period' | 'figure'>,
  rollup: unknown,
  scan: unknown,
): RollupDifference[] {
  const a = leaves(rollup);
  const b = leaves(scan);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .filter((field) => a.get(field) !== b.get(field))
    .map((field) => ({ ...where, field, rollup: a.get(field) ?? null, scan: b.get(field) ?? null }));
}

const byRegime = (rows: DeadlinePerformance[]) =>
  Object.fromEntries(
    rows.map(({ regimeId, decided, met, shareMet, medianHoursToDecision }) => [
      regimeId ?? '(policy)',
      { decided, met, shareMet, medianHoursToDecision },
    ]),
  );

const countryPeriodKey = (country: string, period: string) => `${country} ${period}`;

/**
 * Compares the figures of every country-period either side knows of, or of those in `only`
 * (keys `KZ 2024-H1`), reading the rollups and the base tables one after the other.
 */
async function compare(db: Db, only: ReadonlySet<string> | null, progress: Progress): Promise<RollupCheck> {
  const reports = reportsRepository(db);
  const scans = reportScans(db);
  const wanted = (country: string, period: string) => only === null || only.has(countryPeriodKey(country, period));
  const found: RollupDifference[] = [];

  const index = async (read: typeof reports.availablePeriods) => {
    const rows = (await read()).map((p) => ({ country: p.country, period: formatPeriod(p), requests: p.requests }));
    return new Map(rows.map((r) => [countryPeriodKey(r.country, r.period), r]));
  };
  const [rollupIndex, scanIndex] = [await index(reports.availablePeriods), await index(scans.availablePeriods)];

  type TimelineRow = Awaited<ReturnType<typeof reports.platformCounts>>[number];
  const timeline = (rows: TimelineRow[]) => {
    const series = new Map<string, Record<string, { requests: number; items: number; demo: boolean }>>();
    for (const r of rows) {
      const key = countryPeriodKey(r.country, r.period);
      series.set(key, { ...series.get(key), [r.kind]: { requests: Number(r.requests), items: Number(r.items), demo: r.demo } });
    }
    return series;
  };
  const [rollupTimeline, scanTimeline] = [timeline(await reports.platformCounts()), timeline(await scans.platformCounts())];

  const keys = [...new Set([...rollupIndex.keys(), ...scanIndex.keys(), ...rollupTimeline.keys(), ...scanTimeline.keys()])]
    .map((key) => {
      const [country, period] = key.split(' ') as [string, string];
      return { key, country, period };
    })
    .filter(({ country, period }) => wanted(country, period))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  progress(0, keys.length);
  for (const [done, { key, country, period }] of keys.entries()) {
    const where = { country, period };
    const half: HalfYear = parsePeriod(period);
    const { start, end } = periodBounds(half);
    found.push(
      ...differences(
        { ...where, figure: 'report' },
        await reports.countryPeriod(country, half),
        await scans.countryPeriod(country, half),
      ),
      ...differences(
        { ...where, figure: 'deadlines' },
        byRegime(await reports.deadlinePerformance(country, half)),
        byRegime(await scans.deadlinePerformance({ country, start, end })),
      ),
      ...differences(
        { ...where, figure: 'index' },
        { requests: rollupIndex.get(key)?.requests },
        { requests: scanIndex.get(key)?.requests },
      ),
      ...differences({ ...where, figure: 'timeline' }, rollupTimeline.get(key) ?? {}, scanTimeline.get(key) ?? {}),
    );
    progress(done + 1, keys.length);
  }
  return { countryPeriods: keys.length, differences: found };
}

/**
 * Compares every country-period's figures read from the rollups with the GROUP BY's. A request
 * written between the two reads can make them differ for a moment, so the country-periods that
 * differ are compared again with writers held back: a SHARE lock on the rollup tables stops every
 * change of a figure before it commits (each applies its difference to the rollups first), so the
 * second look sees one state on both sides. `db` is the database's pool, not a transaction: the
 * second look reads on other connections while one holds the lock.
 */
export async function checkRollups(db: Db, progress: Progress = () => undefined): Promise<RollupCheck> {
  const first = await compare(db, null, progress);
  if (first.differences.length === 0) return first;
  const suspects = new Set(first.differences.map((d) => countryPeriodKey(d.country, d.period)));
  const second = await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE report_rollup, decision_time_rollup IN SHARE MODE`);
    return compare(db, suspects, () => undefined);
  });
  return { countryPeriods: first.countryPeriods, differences: second.differences };
}
