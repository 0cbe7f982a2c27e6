/**
 * Access control, from the OpenAPI document itself: every operation that does not declare itself
 * public (`security: []`) refuses a caller without a valid session with 401, and every admin
 * operation refuses a reviewer with 403. A new route is covered as soon as it is documented; a route
 * that forgets its check, or documents itself wrongly, fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/domain/permissions.js';
import { createTestApp, type TestApp } from '../support/app.js';

type Op = { method: string; path: string; security?: unknown[]; tags?: string[] };

let t: TestApp;
let operations: Op[];

beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, Omit<Op, 'method' | 'path'>>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, ...op })),
  );
});
afterAll(async () => t?.close());

/** A concrete URL for a documented path: any well-formed id will do, the check comes first. */
const urlOf = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
const isPublic = (op: Op) => Array.isArray(op.security) && op.security.length === 0;

describe('every documented operation', () => {
  it('is either public or refuses a caller without a valid session (401 problem)', async () => {
    const privateOps = operations.filter((op) => !isPublic(op));
    expect(privateOps.length).toBeGreaterThan(15);
    expect(privateOps.map((op) => `${op.method} ${op.path}`)).toContain('POST /api/v1/requests');
    for (const op of privateOps) {
      for (const headers of [{}, { authorization: 'Bearer not-a-session' }, { cookie: 'writ_session=forged' }]) {
        const res = await t.app.inject({ method: op.method as 'GET', url: urlOf(op.path), headers, payload: {} });
        expect(res.statusCode, `${op.method} ${op.path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
  });

  it('that is for admins refuses a reviewer (403 problem) unless the permission table lets every role read it', async () => {
    // Some admin pages' lists are read by all staff (the review stages per category, the failed calls):
    // the table (src/domain/permissions.ts) says which; test/integration/permissions-routes.test.ts tries every role.
    const readByReviewers = new Set(
      t.app
        .staffRoutes()
        .filter((r) => can('reviewer', r.permission))
        .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`),
    );
    const adminOps = operations.filter((op) => op.tags?.includes('admin') && !readByReviewers.has(`${op.method} ${op.path}`));
    expect(adminOps.length).toBeGreaterThan(5);
    for (const op of adminOps) {
      const res = await t.app.inject({ method: op.method as 'GET', url: urlOf(op.path), headers: t.auth, payload: {} });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(403);
    }
  });
});
