/**
 * Order references stay unique past six digits: lpad cut WR-1000000 to WR-100000, so the millionth
 * order collided with the hundred-thousandth and every later POST failed with 500 (issue 9, item 4).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('numbers orders WR-000001 … WR-999999, then WR-1000000 and on, never twice', async () => {
  const authority = await createAuthority(t);
  const record = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: newRequestBody(authority.id),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().reference as string;
  };
  expect(await record()).toBe('WR-000001');
  // The order numbered 100,000 exists, as it would after a hundred thousand orders.
  await t.database.pool.query("SELECT setval('request_reference_seq', 99999)");
  expect(await record()).toBe('WR-100000');
  await t.database.pool.query("SELECT setval('request_reference_seq', 999998)");
  expect([await record(), await record(), await record()]).toEqual(['WR-999999', 'WR-1000000', 'WR-1000001']);
});
