/**
 * The search statements' own rules (decision 55), without a database: how big the sample is, and how
 * facet values become tsquery terms (quoted, quotes doubled, any of a facet's values, all facets) —
 * the SQL text and parameters as PostgreSQL would receive them.
 */
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { newestPageStatement, recordSearchQuery, samplePercentFor } from '../../src/db/public-records-search.js';

const dialect = new PgDialect();
const query = recordSearchQuery;

describe('the sample', () => {
  it('reads the whole table when it is no bigger than the sample', () => {
    expect(samplePercentFor(5_000, 5_000)).toBe(100);
    expect(samplePercentFor(5_000, 10)).toBe(100);
  });
  it('reads about sampleRows rows of a bigger table, to two significant digits', () => {
    expect(samplePercentFor(5_000, 1_000_000)).toBe(0.5);
    expect(samplePercentFor(5_000, 3_000_000)).toBe(0.17);
    expect(samplePercentFor(5_000, 5_001)).toBe(100);
    expect(samplePercentFor(1_500, 6_000)).toBe(25);
  });
});

describe('facet filters as terms', () => {
  it('ask for every chosen facet, any of its values, as quoted terms in a parameter', () => {
    const { sql, params } = dialect.sqlToQuery(
      newestPageStatement(query({ country: ['KZ', 'RU'], reason: ['Obscenity/Nudity'], period: ['2025-H1'] })),
    );
    expect(params).toContain(`('country:KZ' | 'country:RU') & 'reason:Obscenity/Nudity' & 'period:2025-H1'`);
    expect(sql).toContain('search @@ $');
    expect(sql).toContain('::tsquery');
  });
  it('double a quote and escape a backslash inside a term, so a value cannot end it early', () => {
    const { params } = dialect.sqlToQuery(newestPageStatement(query({ regime: ["kz'x\\y"] })));
    expect(params).toContain(`'regime:kz''x\\\\y'`);
  });
  it('leave the terms out when no facet is chosen', () => {
    const { sql } = dialect.sqlToQuery(newestPageStatement(query({ q: 'критика' })));
    expect(sql).not.toContain('::tsquery');
    expect(sql).toContain(`websearch_to_tsquery('russian'`);
  });
});
