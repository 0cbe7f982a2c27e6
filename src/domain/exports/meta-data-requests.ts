/**
 * Meta's "Government requests for user data" CSV, layout C (2019_H1 … 2023_H2): one row per country,
 * one file per half-year named PRPL-Facebook-Government-Report-YYYY_HN.csv. Figures are Writ's
 * user-data report's (src/domain/data-report.ts), which already counts as Meta does. Format:
 * shared/reference/google-meta-data-formats.md §4 C.
 */

import { countryName } from '../countries.js';
import type { DataReportCounts } from '../data-report.js';
import type { HalfYear } from '../period.js';
import { metaCountryNames } from './country-names.js';

/** Header of PRPL-Facebook-Government-Report-2023_H2.csv (layout C, 48 columns). */
export const metaHeader = [
  'Country',
  'Preservation Requests',
  'Preservation Accounts Preserved',
  'Total Requests',
  'Number of Requests Where Some Data Produced',
  'Total Requests Accounts',
  'Total Requests Percentage',
  'Legal Process Request Total',
  'Legal Number of Requests Where Some Data Produced',
  'Legal Process Request Total Accounts',
  'Legal Process Request Total Percentage',
  'Emergency Request Total',
  'ER Number of Requests Where Some Data Produced',
  'Emergency Request Total Accounts',
  'Emergency Request Total Percentage',
  'Search Warrant',
  'Search Warrant Accounts',
  'Search Warrant Percentage',
  'Subpoena',
  'Subpoena Accounts',
  'Subpoena Percentage',
  'Court Order (Other)',
  'Court Order (Other) Accounts',
  'Court Order (Other) Percentage',
  'MLAT Search Warrant',
  'MLAT Search Warrant Accounts',
  'MLAT Search Warrant Percentage',
  'MLAT Order',
  'MLAT Order Accounts',
  'MLAT Order Percentage',
  'Court Order (18 USC 2703(d))',
  'Court Order (18 USC 2703(d)) Accounts',
  'Court Order (18 USC 2703(d)) Percentage',
  'Pen Register/Trap and Trace',
  'Pen Register/Trap and Trace Accounts',
  'Pen Register/Trap and Trace Percentage',
  'Title III',
  'Title III Accounts',
  'Title III Percentage',
  'FISA Content Requests',
  'FISA Content Requests Accounts',
  'FISA Content Requests Percentage',
  'FISA Non-Content Requests',
  'FISA Non-Content Requests Accounts',
  'FISA Non-Content Requests Percentage',
  'NSLs',
  'NSLs Accounts',
  'NSLs Percentage',
] as const;

export function metaFileName(period: HalfYear): string {
  return `PRPL-Facebook-Government-Report-${period.year}_H${period.half}.csv`;
}

export function metaCountryName(code: string): string {
  return metaCountryNames[code] ?? countryName(code, 'en');
}

/** A count as Meta writes it: thousands separators from 1,000 (the CSV library then quotes it). */
export function metaNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** A share as Meta writes it: a whole percentage with its sign; `0%` when there is no request. */
export function metaPercent(part: number, total: number): string {
  return `${total === 0 ? 0 : Math.round((part / total) * 100)}%`;
}

/**
 * One country's row. The legal-process columns by type (search warrant, subpoena, …) Meta fills for
 * the United States only; elsewhere they stay blank (not applicable), as in Meta's files.
 */
export function metaRow(country: string, c: DataReportCounts): string[] {
  const row = new Map<string, string>();
  const put = (column: string, value: string) => row.set(column, value);
  put('Country', metaCountryName(country));
  put('Preservation Requests', metaNumber(c.preservationRequests));
  put('Preservation Accounts Preserved', metaNumber(c.preservationAccountsPreserved));
  put('Total Requests', metaNumber(c.totalRequests));
  put('Number of Requests Where Some Data Produced', metaNumber(c.requestsSomeDataProduced));
  put('Total Requests Accounts', metaNumber(c.totalAccounts));
  put('Total Requests Percentage', metaPercent(c.requestsSomeDataProduced, c.totalRequests));
  put('Legal Process Request Total', metaNumber(c.legalProcess.requests));
  put('Legal Number of Requests Where Some Data Produced', metaNumber(c.legalProcess.someDataProduced));
  put('Legal Process Request Total Accounts', metaNumber(c.legalProcess.accounts));
  put('Legal Process Request Total Percentage', metaPercent(c.legalProcess.someDataProduced, c.legalProcess.requests));
  put('Emergency Request Total', metaNumber(c.emergency.requests));
  put('ER Number of Requests Where Some Data Produced', metaNumber(c.emergency.someDataProduced));
  put('Emergency Request Total Accounts', metaNumber(c.emergency.accounts));
  put('Emergency Request Total Percentage', metaPercent(c.emergency.someDataProduced, c.emergency.requests));
  if (country === 'US') {
    const process = [
      ['Search Warrant', c.byProcess.search_warrant],
      ['Subpoena', c.byProcess.subpoena],
      ['Court Order (Other)', c.byProcess.court_order],
    ] as const;
    for (const [column, p] of process) {
      put(column, metaNumber(p.requests));
      put(`${column} Accounts`, metaNumber(p.accounts));
      put(`${column} Percentage`, metaPercent(p.someDataProduced, p.requests));
    }
  }
  return metaHeader.map((column) => row.get(column) ?? '');
}
