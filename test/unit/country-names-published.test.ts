/**
 * The names Writ's Google and Meta exports print for a country are the names those companies' own
 * files print (src/domain/exports/country-names.ts): each entry is checked against the published
 * files in ../shared/data, so a mistyped or emptied name, or a name filed under the wrong code, fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { countryCodeForName } from '../../src/domain/datasets/countries.js';
import { googleCountryNames, metaCountryNames } from '../../src/domain/exports/country-names.js';
import { googleCountryName } from '../../src/domain/exports/google-removals.js';
import { metaCountryName } from '../../src/domain/exports/meta-data-requests.js';
import { sharedData } from '../support/shared-data.js';

const rows = (file: string): Record<string, string>[] =>
  parse(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });

describe.skipIf(sharedData === null)('country names as the published files print them', () => {
  const data = sharedData ?? '';

  it('Google: every name is the one Google pairs with that code in its 2025 file, and every pair there is known', () => {
    const published = new Map<string, string>();
    for (const row of rows(join(data, 'google-removals-2025-06/google-government-detailed-removal-requests.csv')))
      published.set(row['CLDR Territory Code']!, row['Country/Region']!);
    const table = Object.entries(googleCountryNames);
    expect(table.length).toBeGreaterThan(100);
    for (const [code, name] of table) expect(published.get(code), code).toBe(name);
    for (const [code, name] of published) if (code !== '') expect(googleCountryName(code), code).toBe(name);
  });

  it('Meta: every name is one Meta prints, under the code Writ’s importer gives that name, and every country there is known', () => {
    const folder = join(data, 'meta-government-requests-2023/government-requests');
    const published = new Set<string>();
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.csv')))
      for (const row of rows(join(folder, file))) if (row.Country) published.add(row.Country.trim());
    const table = Object.entries(metaCountryNames);
    expect(table.length).toBeGreaterThan(100);
    for (const [code, name] of table) {
      expect(published.has(name), `${code} ${name}`).toBe(true);
      expect(countryCodeForName(name), name).toBe(code);
    }
    const latest = rows(join(folder, 'PRPL-Facebook-Government-Report-2023_H2.csv'));
    for (const { Country: name } of latest) {
      const code = name ? countryCodeForName(name.trim()) : null;
      if (code) expect(metaCountryName(code), name).toBe(name!.trim());
    }
  });
});
