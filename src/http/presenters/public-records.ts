/** The public request database to its wire shapes (contracts/public-records.ts): records and tombstones go out as published. */
import type { RecordLookup } from '../../app/public-records.js';
import type { PublicRecordResponse, PublicTombstoneResponse, RecordSearchResponse } from '../../contracts/public-records.js';
import type { RecordSearchResult } from '../../db/public-records-repository.js';

export const presentRecordSearch = (
  result: RecordSearchResult,
  paging: { page: number; pageSize: number },
): RecordSearchResponse => ({
  total: result.total,
  page: paging.page,
  pageSize: paging.pageSize,
  records: result.records,
  facets: result.facets,
  estimated: result.estimated,
  order: result.order,
  deepestPage: result.deepestPage,
});

export const presentRecordLookup = (found: RecordLookup): PublicRecordResponse | PublicTombstoneResponse =>
  found.status === 'published'
    ? { status: 'published', record: found.record, citation: found.citation }
    : { status: 'withdrawn', tombstone: found.tombstone };
