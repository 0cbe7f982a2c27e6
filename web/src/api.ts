/**
 * A typed client for Writ's API v1. The wire types come straight from the server's Zod schemas
 * (type-only imports: nothing of Zod reaches the bundle). Failures arrive as RFC 9457
 * problem+json and are thrown as ApiError.
 */
import type { z } from 'zod';
import type {
  countryObligationsSchema,
  dutyUpdateSchema,
  evidenceResponseSchema,
  newEvidenceSchema,
  newUserFigureSchema,
  registerSchema,
  userFigureSchema,
} from '../../src/contracts/obligations.js';
import type { regimeSummarySchema } from '../../src/contracts/regimes.js';
import type { countryReportSchema, deadlinePerformanceSchema, reportIndexSchema } from '../../src/contracts/reports.js';
import type {
  decisionInputSchema,
  eventSchema,
  itemSchema,
  requestDetailSchema,
  requestListSchema,
  requestSummarySchema,
} from '../../src/contracts/requests.js';
import type { sessionSchema, userSchema } from '../../src/contracts/session.js';
import type { RegimePack } from '../../src/domain/regimes/pack.js';
import type { RequestStatus } from '../../src/domain/vocabulary.js';

export type RequestSummary = z.output<typeof requestSummarySchema>;
export type RequestDetail = z.output<typeof requestDetailSchema>;
export type RequestList = z.output<typeof requestListSchema>;
export type Item = z.output<typeof itemSchema>;
export type RequestEvent = z.output<typeof eventSchema>;
export type DecisionInput = z.input<typeof decisionInputSchema>;
export type User = z.output<typeof userSchema>;
export type Session = z.output<typeof sessionSchema>;
export type CountryReport = z.output<typeof countryReportSchema>;
export type ReportIndex = z.output<typeof reportIndexSchema>;
export type SlaState = RequestSummary['sla']['state'];

export type Register = z.output<typeof registerSchema>;
export type CountryObligations = z.output<typeof countryObligationsSchema>;
export type ApplicableRegime = CountryObligations['regimes'][number];
export type DutyView = ApplicableRegime['duties'][number];
export type RegisterWarning = CountryObligations['warnings'][number];
export type Evidence = z.output<typeof evidenceResponseSchema>;
export type UserFigure = z.output<typeof userFigureSchema>;
export type NewUserFigure = z.input<typeof newUserFigureSchema>;
export type DutyUpdate = z.input<typeof dutyUpdateSchema>;
export type NewEvidence = z.input<typeof newEvidenceSchema>;
export type RegimeSummary = z.output<typeof regimeSummarySchema>;
export type { RegimePack };
export type DeadlinePerformance = z.output<typeof deadlinePerformanceSchema>;

export type Problem = {
  type?: string;
  title?: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  errors?: { field: string; message: string }[];
};

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message for one form field (`rationale`, `scopeCountries`, ...), if the server named it. */
  messageFor(field: string): string | undefined {
    const matches = (f: string) => f === field || f.startsWith(`${field}/`) || f.startsWith(`${field}.`);
    const listed = this.problem.errors?.find((e) => matches(e.field));
    if (listed) return listed.message;
    if (this.problem.field && matches(this.problem.field)) return this.problem.detail;
    return undefined;
  }

  /** The field's message when it says more than the detail already shown above the form. */
  inlineMessageFor(field: string): string | undefined {
    const message = this.messageFor(field);
    return message === this.problem.detail ? undefined : message;
  }
}

/** Any failure as an ApiError, so that pages have one shape to show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError({ status: 0, code: 'network', detail: `Could not reach Writ: ${detail}` });
}

/** The problem+json of a failed response, or a plain description when the body is not one. */
export async function problemFrom(response: Response): Promise<Problem> {
  const fallback: Problem = {
    status: response.status,
    code: 'http_error',
    detail: `The server answered ${response.status} ${response.statusText}`.trim(),
  };
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (typeof body.detail === 'string') return { ...fallback, ...body, status: response.status };
  } catch {
    // not JSON: keep the fallback
  }
  return fallback;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(await problemFrom(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  signIn: (email: string, password: string) => call<Session>('POST', '/api/v1/session', { email, password }),
  currentUser: () => call<{ user: User }>('GET', '/api/v1/session'),
  signOut: () => call<void>('DELETE', '/api/v1/session'),

  listRequests: (statuses: readonly RequestStatus[], limit = 500) =>
    call<RequestList>('GET', `/api/v1/requests?status=${statuses.join(',')}&limit=${limit}`),
  getRequest: (id: string) => call<RequestDetail>('GET', `/api/v1/requests/${enc(id)}`),
  decideItem: (id: string, itemId: string, decision: DecisionInput) =>
    call<RequestDetail>('PUT', `/api/v1/requests/${enc(id)}/items/${enc(itemId)}/decision`, decision),
  changeStatus: (id: string, status: RequestStatus, note?: string) =>
    call<RequestDetail>('POST', `/api/v1/requests/${enc(id)}/status`, note ? { status, note } : { status }),

  recomputeDeadline: (id: string, note: string) =>
    call<RequestDetail>('POST', `/api/v1/requests/${enc(id)}/deadline/recompute`, { note }),

  regimes: () => call<{ regimes: RegimeSummary[] }>('GET', '/api/v1/regimes'),
  regime: (id: string) => call<RegimePack>('GET', `/api/v1/regimes/${enc(id)}`),
  register: (country?: string) =>
    call<Register>('GET', country ? `/api/v1/obligations?country=${enc(country)}` : '/api/v1/obligations'),
  figures: () => call<{ figures: UserFigure[] }>('GET', '/api/v1/obligations/figures'),
  recordFigure: (figure: NewUserFigure) =>
    call<{ figure: UserFigure; country: CountryObligations }>('POST', '/api/v1/obligations/figures', figure),
  updateDuty: (country: string, regimeId: string, dutyId: string, update: DutyUpdate) =>
    call<CountryObligations>('PUT', `/api/v1/obligations/${enc(country)}/${enc(regimeId)}/${enc(dutyId)}`, update),
  addEvidence: (country: string, regimeId: string, dutyId: string, evidence: NewEvidence) =>
    call<Evidence>('POST', `/api/v1/obligations/${enc(country)}/${enc(regimeId)}/${enc(dutyId)}/evidence`, evidence),

  reportIndex: () => call<ReportIndex>('GET', '/api/v1/public/reports'),
  countryReport: (country: string, period: string) =>
    call<CountryReport>('GET', `/api/v1/public/reports/${enc(country)}/${enc(period)}`),
  deadlinePerformance: (country: string, period: string) =>
    call<DeadlinePerformance>('GET', `/api/v1/public/reports/${enc(country)}/${enc(period)}/deadlines`),
};
