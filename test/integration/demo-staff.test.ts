/**
 * The demo's staff (issue 12): one account of each role besides the reviewer, so that a visitor can
 * walk the staged review; each signs in with the demo password and has the role it says.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoReviewer } from '../../src/demo/demo-data.js';
import { demoStaff } from '../../src/demo/demo-staff.js';
import { seedDemoData } from '../../src/demo/seed.js';
import { staffRoles } from '../../src/domain/permissions.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.database.db, new Date('2026-11-30T12:00:00Z'));
});
afterAll(() => t.close());

it('seeds one account of every staff role, each signing in with the demo password', async () => {
  const roles: string[] = [];
  for (const { email, password } of [demoReviewer, ...demoStaff]) {
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
    expect(signIn.statusCode, email).toBe(200);
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${signIn.json().token}` },
    });
    roles.push(session.json().user.role);
  }
  expect(roles.sort()).toEqual([...staffRoles].sort());
});
