/**
 * The queue's filters and page, as they stand in the URL's query string, so that a filtered view can
 * be bookmarked, shared and reloaded. Parsing is forgiving: a value the API would refuse (an unknown
 * status, a kind misspelt) or a page size over 100 is dropped or clamped rather than shown as an error.
 */
import { isCountryCode } from '../../../src/domain/countries.js';
import {
  openStatuses,
  type RequestKind,
  type RequestStatus,
  requestKinds,
  requestStatuses,
} from '../../../src/domain/vocabulary.js';
import type { RequestList, RequestListQuery } from '../api.js';
import { formatNumber } from '../labels.js';

/** Orders per page unless the URL asks for another size. */
export const queuePageSize = 50;
/**
 * The most a URL may ask for at once (the API allows 500): a reviewer reads a page at a time, and a
 * page is one indexed read however long the queue is.
 */
export const maxPageSize = 100;

export type QueueFilters = {
  /** The statuses shown; null for every status ("All orders"). */
  statuses: readonly RequestStatus[] | null;
  country: string | null;
  regime: string | null;
  kind: RequestKind | null;
  search: string | null;
  /** Whose orders: mine, the unclaimed ones, or anyone's (null). */
  assignee?: QueueAssignee | null;
  limit: number;
  offset: number;
};

export const queueAssignees = ['me', 'none'] as const;
export type QueueAssignee = (typeof queueAssignees)[number];
const isAssignee = (s: string): s is QueueAssignee => (queueAssignees as readonly string[]).includes(s);

export const defaultFilters: QueueFilters = {
  statuses: openStatuses,
  country: null,
  regime: null,
  kind: null,
  search: null,
  limit: queuePageSize,
  offset: 0,
};

const isStatus = (s: string): s is RequestStatus => (requestStatuses as readonly string[]).includes(s);
const isKind = (s: string): s is RequestKind => (requestKinds as readonly string[]).includes(s);

function wholeNumber(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  return Math.min(max, Math.max(min, Number(text)));
}

const sameStatuses = (a: readonly RequestStatus[], b: readonly RequestStatus[]) =>
  a.length === b.length && a.every((s) => b.includes(s));

/** `?status=decided,closed&country=kz&search=4471&offset=50` → the filters it names. */
export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const status = params.get('status');
  let statuses: readonly RequestStatus[] | null = openStatuses;
  if (status === 'all') statuses = null;
  else if (status) {
    const named = [...new Set(status.split(',').map((s) => s.trim()))].filter(isStatus);
    if (named.length > 0) statuses = named;
  }
  const country = params.get('country')?.trim().toUpperCase() ?? '';
  const kind = params.get('kind')?.trim() ?? '';
  const regime = params.get('regime')?.trim() ?? '';
  const search = params.get('search')?.trim() ?? '';
  const assignee = params.get('assignee')?.trim() ?? '';
  return {
    statuses,
    country: isCountryCode(country) ? country : null,
    regime: regime ? regime.slice(0, 100) : null,
    kind: isKind(kind) ? kind : null,
    search: search ? search.slice(0, 200) : null,
    ...(isAssignee(assignee) ? { assignee } : {}),
    limit: wholeNumber(params.get('limit'), 1, maxPageSize) ?? queuePageSize,
    offset: wholeNumber(params.get('offset'), 0, Number.MAX_SAFE_INTEGER) ?? 0,
  };
}

/** The filters as a query string: only what differs from the default, so the plain queue is `/review`. */
export function paramsFromFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.statuses === null) params.set('status', 'all');
  else if (!sameStatuses(filters.statuses, openStatuses)) params.set('status', filters.statuses.join(','));
  if (filters.country) params.set('country', filters.country);
  if (filters.regime) params.set('regime', filters.regime);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.search) params.set('search', filters.search);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.limit !== queuePageSize) params.set('limit', String(filters.limit));
  if (filters.offset > 0) params.set('offset', String(filters.offset));
  return params;
}

/** The filters changed as asked; any change but a page move starts again at the first page. */
export function withFilters(filters: QueueFilters, change: Partial<QueueFilters>): QueueFilters {
  const next = { ...filters, ...change };
  if (change.offset === undefined) next.offset = 0;
  return next;
}

/** True when the view narrows the default queue (the open orders) by anything but its page. */
export function isFiltered(filters: QueueFilters): boolean {
  return paramsFromFilters({ ...filters, limit: queuePageSize, offset: 0 }).toString() !== '';
}

/** Whether the view shows the open orders, as the queue does by default. */
export function showsOpenOrders(filters: QueueFilters): boolean {
  return filters.statuses !== null && sameStatuses(filters.statuses, openStatuses);
}

/** What `GET /api/v1/requests` is asked for this view. */
export function listQuery(filters: QueueFilters): RequestListQuery {
  return {
    statuses: filters.statuses ?? undefined,
    country: filters.country ?? undefined,
    regime: filters.regime ?? undefined,
    kind: filters.kind ?? undefined,
    search: filters.search ?? undefined,
    assignee: filters.assignee ?? undefined,
    limit: filters.limit,
    offset: filters.offset,
  };
}

/** The list's total as counted by the API. */
type Counted = Pick<RequestList, 'total' | 'totalIsLowerBound'>;

/** `230`, `12,408`, or `1,000+` when the API stopped counting there. */
export function totalText({ total, totalIsLowerBound }: Counted): string {
  return totalIsLowerBound ? `${formatNumber(total)}+` : formatNumber(total);
}

/** `1 open request`, `230 orders match`, `more than 1,000 open requests`. */
export function countText(counted: Counted, what: 'open' | 'match'): string {
  const n = counted.totalIsLowerBound ? `more than ${formatNumber(counted.total)}` : formatNumber(counted.total);
  const one = counted.total === 1 && !counted.totalIsLowerBound;
  if (what === 'open') return one ? '1 open request' : `${n} open requests`;
  return one ? '1 order matches' : `${n} orders match`;
}

/** `51–100 of 230`; `1–50 of 1,000+` past the API's count; `0 of 0` for an empty page. */
export function pageRange(offset: number, shown: number, counted: Counted): string {
  if (shown === 0) return `0 of ${totalText(counted)}`;
  return `${formatNumber(offset + 1)}–${formatNumber(offset + shown)} of ${totalText(counted)}`;
}

/** Whether there is a page after this one: the total says so, or, past the count, this page is full. */
export function hasNextPage(filters: Pick<QueueFilters, 'limit' | 'offset'>, shown: number, counted: Counted): boolean {
  if (counted.totalIsLowerBound && shown >= filters.limit) return true;
  return filters.offset + shown < counted.total;
}
