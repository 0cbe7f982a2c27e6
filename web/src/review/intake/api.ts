/**
 * The calls of the intake page: the authorities register, recording an order, and the deadline an
 * order would get. Wire types come from the server's Zod schemas (type-only imports); failures are
 * thrown as the UI's ApiError.
 */
import type { z } from 'zod';
import type { authoritySchema, newAuthoritySchema } from '../../../../src/contracts/authorities.js';
import type { deadlineResultSchema } from '../../../../src/contracts/regimes.js';
import type { newRequestSchema } from '../../../../src/contracts/requests.js';
import { ApiError, problemFrom, type RequestDetail } from '../../api.js';

export type Authority = z.output<typeof authoritySchema>;
export type NewAuthority = z.input<typeof newAuthoritySchema>;
export type NewRequest = z.input<typeof newRequestSchema>;
export type NewItem = NewRequest['items'][number];
export type DeadlinePreview = z.output<typeof deadlineResultSchema>;

export type PreviewQuery = {
  kind: NewRequest['kind'];
  category?: string;
  receivedAt: string;
  periodSetInOrderHours?: number;
};

async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return (await response.json()) as T;
}

export const intakeApi = {
  authorities: () => call<{ authorities: Authority[] }>('GET', '/api/v1/authorities'),
  registerAuthority: (authority: NewAuthority) => call<Authority>('POST', '/api/v1/authorities', authority),
  recordRequest: (request: NewRequest) => call<RequestDetail>('POST', '/api/v1/requests', request),
  previewDeadline: (regimeId: string, query: PreviewQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams({ kind: query.kind, receivedAt: query.receivedAt });
    if (query.category) params.set('category', query.category);
    if (query.periodSetInOrderHours !== undefined) params.set('periodSetInOrderHours', String(query.periodSetInOrderHours));
    return call<DeadlinePreview>('GET', `/api/v1/regimes/${encodeURIComponent(regimeId)}/deadline?${params}`, undefined, signal);
  },
};
