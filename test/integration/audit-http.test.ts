/**
 * The audit log over HTTP (issue 12, decision 48): admins and auditors verify it and record
 * checkpoints; a reviewer is refused before anything runs; a broken log answers with its first row.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthority, createStaff, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const authority = await createAuthority(t);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authority.id),
  });
  expect(res.statusCode, res.body).toBe(201);
}, 120_000);
afterAll(async () => t?.close());

describe('/api/v1/admin/audit', () => {
  it('an auditor verifies the log and records a checkpoint; a reviewer may not', async () => {
    const auditor = await createStaff(t, 'auditor');
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit/verification', headers: t.auth });
    expect(refused.statusCode).toBe(403);
    const refusedPost = await t.app.inject({ method: 'POST', url: '/api/v1/admin/audit/checkpoints', headers: t.auth });
    expect(refusedPost.statusCode).toBe(403);

    const verified = await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit/verification', headers: auditor.auth });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ ok: true, problem: null, rootHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verified.json().chains).toBeGreaterThanOrEqual(3);

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/admin/audit/checkpoints', headers: auditor.auth });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ signed: false, keyId: null, publicKeyFingerprint: null });
    // The checkpoint's root is the verified root when nothing was appended between.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit/checkpoints', headers: auditor.auth });
    expect(list.json().checkpoints).toEqual([
      expect.objectContaining({ id: created.json().id, rootHash: created.json().rootHash }),
    ]);
  });

  it('names the first broken row, and refuses to checkpoint a broken log', async () => {
    const admin = await createStaff(t, 'admin');
    const owner = new pg.Client({ connectionString: t.database.url });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query('SET LOCAL session_replication_role = replica');
      const { rows } = await owner.query<{ chain: string }>(
        'UPDATE audit_log SET entry = entry || \'{"note": "changed"}\' WHERE chain LIKE \'order:%\' AND seq = 1 RETURNING chain',
      );
      await owner.query('COMMIT');
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit/verification', headers: admin.auth });
      expect(res.json()).toMatchObject({ ok: false, rootHash: null, problem: { chain: rows[0]!.chain, seq: 1, kind: 'edited' } });
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/admin/audit/checkpoints', headers: admin.auth });
      expect(refused.statusCode).toBe(409);
    } finally {
      await owner.end();
    }
  });
});
