/**
 * Routes × roles (issue 12): every staff route is tried with an account of every role, and no role
 * gets past the door of a route whose action the permission table (src/domain/permissions.ts)
 * does not grant it; every role it grants does get past. Routes that declare no action must answer
 * alike whoever of the staff asks, so that no staff-only route escapes the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, can, type StaffRole, staffRoles } from '../../src/domain/permissions.js';
import { createStaff, createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
const auth = new Map<StaffRole, { authorization: string }>();
const someId = '00000000-0000-4000-8000-000000000001';

/** A concrete path for a route's pattern: every parameter a well-formed id that names nothing. */
function pathOf(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'reason') return 'Defamation';
    if (name === 'country') return 'KZ';
    if (name === 'period') return '2024-H1';
    return someId;
  });
}

async function call(method: string, url: string, headers: Record<string, string> = {}) {
  const body = method === 'GET' || method === 'DELETE' ? undefined : {};
  return t.app.inject({ method: method as 'GET', url: pathOf(url), headers, ...(body ? { payload: body } : {}) });
}

beforeAll(async () => {
  t = await createTestApp();
  auth.set('reviewer', t.auth);
  for (const role of staffRoles) if (role !== 'reviewer') auth.set(role, (await createStaff(t, role)).auth);
});
afterAll(() => t.close());

describe('the permission table at every staff route', () => {
  it('declares an action on every staff route, and each is an action of the table', () => {
    const routes = t.app.staffRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(36);
    for (const route of routes) expect(actions).toContain(route.permission);
  });

  it('lets no role past the door of a route its role may not use, and every role it may', async () => {
    const refusedWrongly: string[] = [];
    const passedWrongly: string[] = [];
    for (const route of t.app.staffRoutes()) {
      for (const role of staffRoles) {
        const response = await call(route.method, route.url, auth.get(role));
        const stopped = response.statusCode === 401 || response.statusCode === 403;
        const name = `${role} ${route.method} ${route.url} (${route.permission}) → ${response.statusCode}`;
        if (can(role, route.permission)) {
          if (stopped) refusedWrongly.push(`${name}: ${response.body}`);
        } else if (response.statusCode !== 403 || response.json().code !== 'forbidden') passedWrongly.push(name);
      }
    }
    expect(passedWrongly).toEqual([]);
    expect(refusedWrongly).toEqual([]);
  });

  it('asks for a session first: every staff route answers 401 without one', async () => {
    const open: string[] = [];
    for (const route of t.app.staffRoutes()) {
      const response = await call(route.method, route.url);
      if (response.statusCode !== 401) open.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it('answers the same to every staff role on a route that declares no action (public, session, authority channel)', async () => {
    const differ: string[] = [];
    // Signing in or out with a token changes the token itself; those are the session's own routes.
    const sessionRoutes = /^\/api\/v1\/session/;
    const routes = t.app
      .routeTable()
      .filter((r) => r.permission === null && r.url.startsWith('/api/') && !sessionRoutes.test(r.url));
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const anonymous = (await call(route.method, route.url)).statusCode;
      for (const role of staffRoles) {
        const status = (await call(route.method, route.url, auth.get(role))).statusCode;
        if (status !== anonymous) differ.push(`${role} ${route.method} ${route.url}: ${status}, anonymous ${anonymous}`);
      }
    }
    expect(differ).toEqual([]);
  });
});
