/**
 * The statistics of one country and half-year in Meta's content restrictions
 * (`writ datasets stats meta-content-restrictions`, the public API). Definitions: docs/methodology.md.
 */
import type { MetaRestrictionRow } from './meta-restrictions.js';
import { countrySeries, requestsToDate } from './series.js';
import { disruptionsPart, restrictionsPart } from './sources.js';

export type MetaContentRestrictionStats = {
  source: 'meta-content-restrictions';
  country: string;
  period: string;
  /** The file's total: items restricted in the country, including restrictions Meta applied worldwide. */
  itemsRestricted: number | null;
  /** The later files' product columns, as published; null in the early `Country,count` files. */
  itemsRestrictedByProduct: Record<string, number | null> | null;
  /** Items restricted from the country's first listed half-year through this one. */
  itemsRestrictedToDate: number;
  /** Disruptions of Meta's services Meta counted in the country; null where it published none that half-year. */
  internetDisruptions: number | null;
  warnings: string[];
};

/**
 * One country-period from the stored rows of both parts; null when Meta's files say nothing of the
 * country in that period. A covered half-year in which the country is not listed counts as 0 items
 * (from its first listed half-year on), as for Meta's requests.
 */
export function metaContentRestrictionStats(input: {
  country: string;
  period: string;
  rows: MetaRestrictionRow[];
  coveredRestrictions: Iterable<string>;
  coveredDisruptions: Iterable<string>;
}): MetaContentRestrictionStats | null {
  const { country, period } = input;
  const own = input.rows.filter((r) => r.country === country);
  const restrictions = own.filter((r) => r.part === restrictionsPart);
  const series = countrySeries(
    restrictions.map((r) => ({ period: r.period, requests: r.items, items: r.items })),
    input.coveredRestrictions,
  );
  const point = series.find((p) => p.period === period);
  const disruptionsCovered = new Set(input.coveredDisruptions).has(period);
  const disruption = own.find((r) => r.part === disruptionsPart && r.period === period);
  if (!point && !disruption) return null;
  const warnings: string[] = [];
  const row = restrictions.find((r) => r.period === period);
  if (point && !point.listed && point.items === 0)
    warnings.push(`Meta lists no content restrictions for ${country} in ${period}; counted as 0`);
  if (row?.itemsAsPublished) warnings.push(`items restricted published as "${row.itemsAsPublished}"; no figure is used`);
  const toDate = requestsToDate(series, period);
  if (toDate.unknownPeriods.length)
    warnings.push(`itemsRestrictedToDate leaves out ${toDate.unknownPeriods.join(', ')}, for which no figure is published`);
  return {
    source: 'meta-content-restrictions',
    country,
    period,
    itemsRestricted: point ? point.items : null,
    itemsRestrictedByProduct: row?.byProduct ?? null,
    itemsRestrictedToDate: toDate.total,
    internetDisruptions: disruption ? disruption.internetDisruptions : disruptionsCovered ? 0 : null,
    warnings,
  };
}
