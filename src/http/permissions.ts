/**
 * The permission table at the door (decision 47): a staff route names the action it performs in
 * `config: { permission }`, and this hook lets the request through only for an account whose role
 * the table (src/domain/permissions.ts) allows — 401 without a session, 403 otherwise, before the
 * body is read and before any use case or query runs. `staffRoutes()` lists what was declared, so
 * that the routes × roles test enumerates them all.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Action } from '../domain/permissions.js';
import { permit } from './authentication.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action of the permission table this staff route performs. */
    permission?: Action;
  }
}

export type StaffRoute = { method: string; url: string; permission: Action };
export type RouteEntry = { method: string; url: string; permission: Action | null };

export const permissions = fp(
  async (app: FastifyInstance) => {
    const declared: RouteEntry[] = [];
    const gates = new Map<Action, ReturnType<typeof permit>>();
    app.addHook('onRoute', (route) => {
      const permission = route.config?.permission ?? null;
      for (const method of [route.method].flat()) if (method !== 'HEAD') declared.push({ method, url: route.url, permission });
    });
    app.addHook('onRequest', async (request) => {
      const permission = request.routeOptions.config?.permission;
      if (!permission) return;
      const gate = gates.get(permission) ?? permit(permission);
      gates.set(permission, gate);
      await gate(request);
    });
    app.decorate('staffRoutes', () => declared.filter((r): r is StaffRoute => r.permission !== null));
    app.decorate('routeTable', () => [...declared]);
  },
  { name: 'writ-permissions', dependencies: ['writ-authentication'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** Every staff route with the action it performs (for tests and the docs). */
    staffRoutes(): StaffRoute[];
    /** Every route, with its action or null (public, session, authority channel). */
    routeTable(): RouteEntry[];
  }
}
