/** The public request database's calls (contracts/public-records.ts) and the log's proof and key (A's routes). */
import type { z } from 'zod';
import type {
  PublicRecordResponse,
  PublicTombstoneResponse,
  RecordSearchResponse,
  recordSearchQuerySchema,
} from '../../../../src/contracts/public-records.js';
import type { RecordProof } from '../../../../src/domain/static-site-layout.js';
import { request } from '../../api.js';
import { ApiError, asApiError, problemFrom } from '../../problem.js';

export type RecordSearchParams = z.output<typeof recordSearchQuerySchema>;
export type { PublicRecordResponse, PublicTombstoneResponse, RecordSearchResponse };

export const facetKeys = ['country', 'authorityKind', 'regime', 'reason', 'outcome', 'period'] as const;
export type FacetKey = (typeof facetKeys)[number];

/** The query string of a search (facet values as repeated keys). */
export function searchQueryString(params: { q: string; page: number } & Record<FacetKey, readonly string[]>): string {
  const query = new URLSearchParams();
  if (params.q.trim() !== '') query.set('q', params.q.trim());
  for (const key of facetKeys) for (const value of params[key]) query.append(key, value);
  if (params.page > 1) query.set('page', String(params.page));
  return query.toString();
}

export function searchRecords(queryString: string, signal?: AbortSignal): Promise<RecordSearchResponse> {
  return request<RecordSearchResponse>('GET', `/api/v1/public/records${queryString ? `?${queryString}` : ''}`, { signal });
}

/** A record, or its tombstone (410 Gone carries it as its body); 404 and the rest are thrown. */
export async function fetchRecord(id: string, signal?: AbortSignal): Promise<PublicRecordResponse | PublicTombstoneResponse> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/public/records/${encodeURIComponent(id)}`, {
      headers: { accept: 'application/json, application/problem+json' },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw asApiError(error);
  }
  if (response.status === 410) return (await response.json()) as PublicTombstoneResponse;
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return (await response.json()) as PublicRecordResponse;
}

export function fetchRecordProof(id: string, signal?: AbortSignal): Promise<RecordProof> {
  return request<RecordProof>('GET', `/api/v1/public/records/${encodeURIComponent(id)}/proof`, { signal });
}

export async function fetchLogPublicKey(signal?: AbortSignal): Promise<string> {
  const response = await fetch('/api/v1/public/log/public-key', { signal });
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return response.text();
}
