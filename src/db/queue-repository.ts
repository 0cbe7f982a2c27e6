/**
 * The reviewers' queue: requests that match the filters, soonest deadline first, a page at a time.
 *
 * The default view, the open requests, is read along the partial index `requests_open_due_idx`
 * (due_at, reference WHERE status is open), which is already in the page's order: a page costs its
 * offset plus its rows, however many requests are open. The total is counted only so far (`countCap`
 * requests past the page's start): beyond that it is a lower bound, since an exact count would read
 * every open request.
 */
import { and, asc, eq, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { RequestFilter } from '../domain/request.js';
import type { Db } from './connection.js';
import { type RequestSummaryView, summaryColumns } from './request-rows.js';
import { authorities, requests } from './schema/index.js';

/** The queue's filters: the request's, and whose orders — an account's id, or `none` for the unclaimed ones (issue 12). */
export type QueueFilter = RequestFilter & { assignee?: string };

/** How many matching requests past the page's start are counted before the total becomes "more than". */
export const queueCountCap = 1_000;

export type QueuePage = {
  requests: RequestSummaryView[];
  /** Every match when `totalIsLowerBound` is false; otherwise counting stopped and more than `total` match. */
  total: number;
  totalIsLowerBound: boolean;
};

export function queueRepository(db: Db, { countCap = queueCountCap }: { countCap?: number } = {}) {
  /** The filters as conditions on `requests` alone, so that the count needs no join. */
  async function conditionsOf(filter: QueueFilter): Promise<SQL[] | null> {
    const conditions: SQL[] = [];
    if (filter.status?.length) conditions.push(inArray(requests.status, filter.status));
    if (filter.country) {
      // The country's authorities first, by value: the planner then knows from the statistics of
      // requests.authority_id whether the country is large (walk the open index in order and skip
      // the others) or small (take its few requests by authority and sort them), which it cannot
      // tell through a join.
      const ids = await db.select({ id: authorities.id }).from(authorities).where(eq(authorities.country, filter.country));
      if (ids.length === 0) return null;
      conditions.push(
        inArray(
          requests.authorityId,
          ids.map((a) => a.id),
        ),
      );
    }
    if (filter.kind) conditions.push(eq(requests.kind, filter.kind));
    if (filter.dueBefore) conditions.push(lte(requests.dueAt, filter.dueBefore));
    if (filter.regime) conditions.push(eq(requests.regimeId, filter.regime));
    if (filter.assignee === 'none') conditions.push(isNull(requests.assigneeId));
    else if (filter.assignee) conditions.push(eq(requests.assigneeId, filter.assignee));
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(requests.reference, pattern), ilike(requests.authorityReference, pattern))!);
    }
    return conditions;
  }

  return {
    async list(filter: QueueFilter): Promise<QueuePage> {
      const conditions = await conditionsOf(filter);
      if (conditions === null) return { requests: [], total: 0, totalIsLowerBound: false };
      const where = conditions.length ? and(...conditions) : undefined;
      const byDeadline = [asc(requests.dueAt), asc(requests.reference)];
      // The page's requests first, along the index alone; their summaries (authority, item counts)
      // then only for the page, not for every request the offset passes over.
      const page = db
        .select({ id: requests.id })
        .from(requests)
        .where(where)
        .orderBy(...byDeadline)
        .limit(filter.limit)
        .offset(filter.offset);
      const rows = await db
        .select(summaryColumns)
        .from(requests)
        .innerJoin(authorities, eq(authorities.id, requests.authorityId))
        .where(inArray(requests.id, page))
        .orderBy(...byDeadline);
      // A page that is not full is the last one: its end is the total, with nothing to count.
      if (rows.length < filter.limit && (rows.length > 0 || filter.offset === 0)) {
        return { requests: rows, total: filter.offset + rows.length, totalIsLowerBound: false };
      }
      // Count no further than the cap past the page's start (and never less than a page), and one
      // more, to know whether there are more.
      const horizon = filter.offset + Math.max(countCap, filter.limit);
      const counted = db
        .select({ one: sql`1` })
        .from(requests)
        .where(where)
        .limit(horizon + 1)
        .as('counted');
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(counted);
      const n = count?.n ?? 0;
      return n > horizon
        ? { requests: rows, total: horizon, totalIsLowerBound: true }
        : { requests: rows, total: n, totalIsLowerBound: false };
    },
  };
}
export type QueueRepository = ReturnType<typeof queueRepository>;
