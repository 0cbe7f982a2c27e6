/**
 * The reviewers' queue: requests that match the filters, soonest deadline first, a page at a time.
 */
import { and, asc, eq, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { RequestFilter } from '../domain/request.js';
import type { Db } from './connection.js';
import { type RequestSummaryView, summaryColumns } from './request-rows.js';
import { authorities, requests } from './schema/index.js';

export function queueRepository(db: Db) {
  return {
    async list(filter: RequestFilter): Promise<{ requests: RequestSummaryView[]; total: number }> {
      const conditions: SQL[] = [];
      if (filter.status?.length) conditions.push(inArray(requests.status, filter.status));
      if (filter.country) conditions.push(eq(authorities.country, filter.country));
      if (filter.kind) conditions.push(eq(requests.kind, filter.kind));
      if (filter.dueBefore) conditions.push(lte(requests.dueAt, filter.dueBefore));
      if (filter.regime) conditions.push(eq(requests.regimeId, filter.regime));
      if (filter.search) {
        const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push(or(ilike(requests.reference, pattern), ilike(requests.authorityReference, pattern))!);
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const rows = await db
        .select(summaryColumns)
        .from(requests)
        .innerJoin(authorities, eq(authorities.id, requests.authorityId))
        .where(where)
        .orderBy(asc(requests.dueAt), asc(requests.reference))
        .limit(filter.limit)
        .offset(filter.offset);
      const [count] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(requests)
        .innerJoin(authorities, eq(authorities.id, requests.authorityId))
        .where(where);
      return { requests: rows, total: count?.n ?? 0 };
    },
  };
}
export type QueueRepository = ReturnType<typeof queueRepository>;
