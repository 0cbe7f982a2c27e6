/**
 * Every load of the pages as a TanStack Query: its key and how to fetch it, in one place, so that a
 * change invalidates exactly what it affects (mutations.ts). Keys start with the resource, so that
 * `keys.requests` covers every list and every request, `keys.reports` every public report.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, type PressureQuery, type PreviewQuery, type PublicPressureQuery, type RequestListQuery } from './api.js';
import { type DatasetSource, datasetsApi } from './compare/api.js';

/** The deadline preview's question; `receivedAt` null means "now", taken when it is asked. */
export type PreviewKey = Omit<PreviewQuery, 'receivedAt'> & { receivedAt: string | null };

export const keys = {
  session: ['session'] as const,
  requests: ['requests'] as const,
  requestLists: ['requests', 'list'] as const,
  requestList: (query: RequestListQuery) => ['requests', 'list', query] as const,
  request: (id: string) => ['requests', 'detail', id] as const,
  authorities: ['authorities'] as const,
  regimes: ['regimes'] as const,
  regime: (id: string) => ['regimes', 'pack', id] as const,
  deadlinePreview: (regimeId: string, question: PreviewKey) => ['regimes', 'deadline', regimeId, question] as const,
  obligations: ['obligations'] as const,
  register: ['obligations', 'register'] as const,
  figures: ['obligations', 'figures'] as const,
  reports: ['reports'] as const,
  reportIndex: ['reports', 'index'] as const,
  countryReport: (country: string, period: string) => ['reports', 'country', country, period] as const,
  deadlinePerformance: (country: string, period: string) => ['reports', 'deadlines', country, period] as const,
  datasets: ['datasets'] as const,
  pressure: ['pressure'] as const,
  pressureList: (query: PressureQuery) => ['pressure', 'list', query] as const,
  pressureEvent: (id: string) => ['pressure', 'detail', id] as const,
  /** Under `reports`: what the public sees changes with them. */
  publicPressure: (query: PublicPressureQuery) => ['reports', 'pressure', query] as const,
};

export const queries = {
  session: () => queryOptions({ queryKey: keys.session, queryFn: ({ signal }) => api.currentUser({ signal }) }),
  requestList: (query: RequestListQuery) =>
    queryOptions({
      queryKey: keys.requestList(query),
      queryFn: ({ signal }) => api.listRequests(query, { signal }),
    }),
  request: (id: string) => queryOptions({ queryKey: keys.request(id), queryFn: ({ signal }) => api.getRequest(id, { signal }) }),
  authorities: () =>
    queryOptions({
      queryKey: keys.authorities,
      queryFn: async ({ signal }) => (await api.authorities({ signal })).authorities,
    }),

  // The rule packs only change when the server restarts: asked once per page load.
  regimes: () =>
    queryOptions({
      queryKey: keys.regimes,
      queryFn: async ({ signal }) => (await api.regimes({ signal })).regimes,
      staleTime: Number.POSITIVE_INFINITY,
    }),
  regime: (id: string) =>
    queryOptions({
      queryKey: keys.regime(id),
      queryFn: ({ signal }) => api.regime(id, { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  deadlinePreview: (regimeId: string, question: PreviewKey) =>
    queryOptions({
      queryKey: keys.deadlinePreview(regimeId, question),
      queryFn: ({ signal }) =>
        api.previewDeadline(regimeId, { ...question, receivedAt: question.receivedAt ?? new Date().toISOString() }, { signal }),
      // "Now" moves: a preview for a receipt not given is asked again rather than kept.
      gcTime: question.receivedAt ? undefined : 0,
    }),

  register: () => queryOptions({ queryKey: keys.register, queryFn: ({ signal }) => api.register({ signal }) }),
  figures: () => queryOptions({ queryKey: keys.figures, queryFn: async ({ signal }) => (await api.figures({ signal })).figures }),

  // The pressure record (issue 15): compliance leads' list and one event with its history; the public's list.
  pressureEvents: (query: PressureQuery) =>
    queryOptions({
      queryKey: keys.pressureList(query),
      queryFn: async ({ signal }) => (await api.pressureEvents(query, { signal })).events,
    }),
  pressureEvent: (id: string) =>
    queryOptions({ queryKey: keys.pressureEvent(id), queryFn: ({ signal }) => api.pressureEvent(id, { signal }) }),
  publicPressure: (query: PublicPressureQuery) =>
    queryOptions({
      queryKey: keys.publicPressure(query),
      queryFn: async ({ signal }) => (await api.publicPressure(query, { signal })).events,
    }),

  reportIndex: () => queryOptions({ queryKey: keys.reportIndex, queryFn: ({ signal }) => api.reportIndex({ signal }) }),
  countryReport: (country: string, period: string) =>
    queryOptions({
      queryKey: keys.countryReport(country, period),
      queryFn: ({ signal }) => api.countryReport(country, period, { signal }),
    }),
  deadlinePerformance: (country: string, period: string) =>
    queryOptions({
      queryKey: keys.deadlinePerformance(country, period),
      queryFn: ({ signal }) => api.deadlinePerformance(country, period, { signal }),
    }),

  datasetIndex: () =>
    queryOptions({ queryKey: [...keys.datasets, 'index'], queryFn: ({ signal }) => datasetsApi.index({ signal }) }),
  ranking: (source: DatasetSource, period: string) =>
    queryOptions({
      queryKey: [...keys.datasets, 'ranking', source, period],
      queryFn: ({ signal }) => datasetsApi.ranking(source, period, { signal }),
    }),
  timeline: (country: string) =>
    queryOptions({
      queryKey: [...keys.datasets, 'timeline', country],
      queryFn: ({ signal }) => datasetsApi.timeline(country, { signal }),
    }),
  reasons: (source: DatasetSource, country: string, period: string) =>
    queryOptions({
      queryKey: [...keys.datasets, 'reasons', source, country, period],
      queryFn: ({ signal }) => datasetsApi.reasons(source, country, period, { signal }),
    }),
  stats: (source: DatasetSource, country: string, period: string) =>
    queryOptions({
      queryKey: [...keys.datasets, 'stats', source, country, period],
      queryFn: ({ signal }) => datasetsApi.stats(source, country, period, { signal }),
    }),
};
