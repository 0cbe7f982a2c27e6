/**
 * Writ's API v1 as the pages call it: one `request` for every call, and the calls themselves. The
 * wire types come from the shared contracts (src/contracts/); failures are thrown as ApiError
 * (problem.ts). Loading and caching are TanStack Query's (queries.ts).
 */
import type { z } from 'zod';
import type { authorityListSchema, authoritySchema, newAuthoritySchema } from '../../src/contracts/authorities.js';
import type {
  countryObligationsSchema,
  dutyUpdateSchema,
  evidenceResponseSchema,
  newEvidenceSchema,
  newUserFigureSchema,
  recordedFigureSchema,
  registerSchema,
  userFigureListSchema,
  userFigureSchema,
} from '../../src/contracts/obligations.js';
import type {
  newPressureEventSchema,
  pressureChangeSchema,
  pressureDetailSchema,
  pressureEventSchema,
  pressureListSchema,
  publicPressureListSchema,
} from '../../src/contracts/pressure.js';
import type { deadlineResultSchema, regimeListSchema, regimeSummarySchema } from '../../src/contracts/regimes.js';
import type { countryReportSchema, deadlinePerformanceSchema, reportIndexSchema } from '../../src/contracts/reports.js';
import type {
  decisionInputSchema,
  eventSchema,
  itemSchema,
  newRequestSchema,
  recomputeDeadlineSchema,
  requestDetailSchema,
  requestListSchema,
  requestSummarySchema,
  statusChangeSchema,
} from '../../src/contracts/requests.js';
import type { credentialsSchema, currentUserSchema, sessionSchema, userSchema } from '../../src/contracts/session.js';
import type { RegimePack } from '../../src/domain/regimes/pack.js';
import type { RequestStatus } from '../../src/domain/vocabulary.js';
import { ApiError, asApiError, problemFrom } from './problem.js';

export type RequestSummary = z.output<typeof requestSummarySchema>;
export type RequestDetail = z.output<typeof requestDetailSchema>;
export type RequestList = z.output<typeof requestListSchema>;
export type Item = z.output<typeof itemSchema>;
export type RequestEvent = z.output<typeof eventSchema>;
export type NewRequest = z.output<typeof newRequestSchema>;
export type NewItem = NewRequest['items'][number];
export type DecisionInput = z.output<typeof decisionInputSchema>;
export type StatusChange = z.output<typeof statusChangeSchema>;
export type RecomputeDeadline = z.output<typeof recomputeDeadlineSchema>;
export type Credentials = z.output<typeof credentialsSchema>;
export type User = z.output<typeof userSchema>;
export type Session = z.output<typeof sessionSchema>;
export type CurrentUser = z.output<typeof currentUserSchema>;
export type CountryReport = z.output<typeof countryReportSchema>;
export type ReportIndex = z.output<typeof reportIndexSchema>;
export type SlaState = RequestSummary['sla']['state'];

export type Authority = z.output<typeof authoritySchema>;
export type AuthorityList = z.output<typeof authorityListSchema>;
export type NewAuthority = z.output<typeof newAuthoritySchema>;

export type Register = z.output<typeof registerSchema>;
export type CountryObligations = z.output<typeof countryObligationsSchema>;
export type ApplicableRegime = CountryObligations['regimes'][number];
export type DutyView = ApplicableRegime['duties'][number];
export type RegisterWarning = CountryObligations['warnings'][number];
export type Evidence = z.output<typeof evidenceResponseSchema>;
export type UserFigure = z.output<typeof userFigureSchema>;
export type UserFigureList = z.output<typeof userFigureListSchema>;
export type NewUserFigure = z.output<typeof newUserFigureSchema>;
export type RecordedFigure = z.output<typeof recordedFigureSchema>;
export type DutyUpdate = z.output<typeof dutyUpdateSchema>;
export type NewEvidence = z.output<typeof newEvidenceSchema>;
export type RegimeSummary = z.output<typeof regimeSummarySchema>;
export type RegimeList = z.output<typeof regimeListSchema>;
export type { RegimePack };
export type DeadlinePreview = z.output<typeof deadlineResultSchema>;
export type DeadlinePerformance = z.output<typeof deadlinePerformanceSchema>;
export type Sanction = DutyView['sanctions'][number];

// The pressure record (issue 15).
export type PressureEvent = z.output<typeof pressureEventSchema>;
export type PressureList = z.output<typeof pressureListSchema>;
export type PressureDetail = z.output<typeof pressureDetailSchema>;
export type PressureHistoryEntry = PressureDetail['history'][number];
export type NewPressureEvent = z.output<typeof newPressureEventSchema>;
export type PressureChange = z.output<typeof pressureChangeSchema>;
export type PublicPressureList = z.output<typeof publicPressureListSchema>;
export type PublicPressureEvent = PublicPressureList['events'][number];
/** What the pressure list is asked for (GET /api/v1/pressure); absent: not filtered on. */
export type PressureQuery = { country?: string; regimeId?: string; from?: string; to?: string };
/** What the public list is asked for (GET /api/v1/public/pressure). */
export type PublicPressureQuery = { country: string; period?: string };

function searchOf(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What the deadline preview asks: the order's kind, category and receipt, and the period it sets. */
export type PreviewQuery = {
  kind: NewRequest['kind'];
  category?: string;
  receivedAt: string;
  periodSetInOrderHours?: number;
};

/**
 * Calls the API: JSON in and out, the session cookie sent. A refusal is thrown as the ApiError its
 * problem+json describes, a server that cannot be reached as one with status 0. `file` sends a
 * file's bytes as the body instead of JSON; `headers` adds headers (an Idempotency-Key, a file name).
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; file?: Blob; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<T> {
  const { body, file, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (file) headers['content-type'] = 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal,
    });
  } catch (error) {
    // A call given up on (the page moved on) is not a failure to report.
    if (signal?.aborted) throw error;
    throw asApiError(error);
  }
  if (!response.ok) throw new ApiError(await problemFrom(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;
type Options = { signal?: AbortSignal };

/** What the request list is asked for (GET /api/v1/requests); absent: not filtered on. */
export type RequestListQuery = {
  statuses?: readonly RequestStatus[];
  country?: string;
  regime?: string;
  kind?: NewRequest['kind'];
  search?: string;
  /** Whose orders: me, none (unclaimed) or an account's id (issue 12). */
  assignee?: string;
  limit: number;
  offset: number;
};

function listSearch(query: RequestListQuery): string {
  const params = new URLSearchParams();
  if (query.statuses) params.set('status', query.statuses.join(','));
  for (const key of ['country', 'regime', 'kind', 'search', 'assignee'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset));
  return params.toString();
}

/** Every call of API v1 the pages make, except the published datasets' (compare/api.ts). */
export const api = {
  signIn: (credentials: Credentials) => request<Session>('POST', '/api/v1/session', { body: credentials }),
  currentUser: (o: Options = {}) => request<CurrentUser>('GET', '/api/v1/session', o),
  signOut: () => request<void>('DELETE', '/api/v1/session'),

  listRequests: (query: RequestListQuery, o: Options = {}) =>
    request<RequestList>('GET', `/api/v1/requests?${listSearch(query)}`, o),
  getRequest: (id: string, o: Options = {}) => request<RequestDetail>('GET', `/api/v1/requests/${enc(id)}`, o),
  recordRequest: (order: NewRequest) => request<RequestDetail>('POST', '/api/v1/requests', { body: order }),
  decideItem: (id: string, itemId: string, decision: DecisionInput) =>
    request<RequestDetail>('PUT', `/api/v1/requests/${enc(id)}/items/${enc(itemId)}/decision`, { body: decision }),
  changeStatus: (id: string, change: StatusChange) =>
    request<RequestDetail>('POST', `/api/v1/requests/${enc(id)}/status`, { body: change }),
  recomputeDeadline: (id: string, recompute: RecomputeDeadline) =>
    request<RequestDetail>('POST', `/api/v1/requests/${enc(id)}/deadline/recompute`, { body: recompute }),

  authorities: (o: Options = {}) => request<AuthorityList>('GET', '/api/v1/authorities', o),
  registerAuthority: (authority: NewAuthority) => request<Authority>('POST', '/api/v1/authorities', { body: authority }),

  regimes: (o: Options = {}) => request<RegimeList>('GET', '/api/v1/regimes', o),
  regime: (id: string, o: Options = {}) => request<RegimePack>('GET', `/api/v1/regimes/${enc(id)}`, o),
  previewDeadline: (regimeId: string, query: PreviewQuery, o: Options = {}) => {
    const params = new URLSearchParams({ kind: query.kind, receivedAt: query.receivedAt });
    if (query.category) params.set('category', query.category);
    if (query.periodSetInOrderHours !== undefined) params.set('periodSetInOrderHours', String(query.periodSetInOrderHours));
    return request<DeadlinePreview>('GET', `/api/v1/regimes/${enc(regimeId)}/deadline?${params}`, o);
  },

  register: (o: Options = {}) => request<Register>('GET', '/api/v1/obligations', o),
  figures: (o: Options = {}) => request<UserFigureList>('GET', '/api/v1/obligations/figures', o),
  recordFigure: (figure: NewUserFigure) => request<RecordedFigure>('POST', '/api/v1/obligations/figures', { body: figure }),
  updateDuty: (duty: DutyRef, update: DutyUpdate) => request<CountryObligations>('PUT', dutyPath(duty), { body: update }),
  addEvidence: (duty: DutyRef, evidence: NewEvidence) =>
    request<Evidence>('POST', `${dutyPath(duty)}/evidence`, { body: evidence }),

  pressureEvents: (query: PressureQuery, o: Options = {}) =>
    request<PressureList>('GET', `/api/v1/pressure${searchOf(query)}`, o),
  pressureEvent: (id: string, o: Options = {}) => request<PressureDetail>('GET', `/api/v1/pressure/${enc(id)}`, o),
  recordPressure: (event: NewPressureEvent) => request<PressureEvent>('POST', '/api/v1/pressure', { body: event }),
  changePressure: (id: string, change: PressureChange) =>
    request<PressureEvent>('PUT', `/api/v1/pressure/${enc(id)}`, { body: change }),
  publicPressure: (query: PublicPressureQuery, o: Options = {}) =>
    request<PublicPressureList>('GET', `/api/v1/public/pressure${searchOf(query)}`, o),

  reportIndex: (o: Options = {}) => request<ReportIndex>('GET', '/api/v1/public/reports', o),
  countryReport: (country: string, period: string, o: Options = {}) =>
    request<CountryReport>('GET', `/api/v1/public/reports/${enc(country)}/${enc(period)}`, o),
  deadlinePerformance: (country: string, period: string, o: Options = {}) =>
    request<DeadlinePerformance>('GET', `/api/v1/public/reports/${enc(country)}/${enc(period)}/deadlines`, o),
};

/** One duty of the obligations register: a regime's duty in one country. */
export type DutyRef = { country: string; regimeId: string; dutyId: string };
const dutyPath = ({ country, regimeId, dutyId }: DutyRef) =>
  `/api/v1/obligations/${enc(country)}/${enc(regimeId)}/${enc(dutyId)}`;
