/**
 * What a change makes stale. The server answers a change with the changed resource: it replaces the
 * cached one at once, and the loads that summarise it (the queue, the public reports, the
 * obligations register) are invalidated, so that they are fetched again when next shown.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CountryObligations, RequestDetail } from './api.js';
import { keys, queries } from './queries.js';

/** A request changed (recorded, decided, moved, its deadline recomputed). */
export function requestChanged(client: QueryClient, detail: RequestDetail): void {
  client.setQueryData(queries.request(detail.id).queryKey, detail);
  void client.invalidateQueries({ queryKey: keys.requestLists });
  void client.invalidateQueries({ queryKey: keys.reports });
}

/** A change to a request, which the server answers with the request as it now is. */
export function useRequestChange<Values>(change: (values: Values) => Promise<RequestDetail>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: (detail) => requestChanged(client, detail) });
}

/** A duty's status changed: the server answers with its country's part of the register, which replaces the cached one. */
export function dutySaved(client: QueryClient, country: CountryObligations): void {
  client.setQueryData(queries.register().queryKey, (register) =>
    register
      ? { ...register, countries: register.countries.map((c) => (c.country === country.country ? country : c)) }
      : register,
  );
}

/** Evidence added or a figure recorded: the register (a new country may appear) and the figures are read again. */
export function obligationsChanged(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: keys.obligations });
}

/**
 * A pressure event recorded or changed: the lists and the event (with its history) are read again,
 * and so are the register (its duties list their sanctions) and the public pages (timeline, country page).
 */
export function pressureChanged(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.pressure }),
    client.invalidateQueries({ queryKey: keys.obligations }),
    client.invalidateQueries({ queryKey: keys.reports }),
  ]);
}
