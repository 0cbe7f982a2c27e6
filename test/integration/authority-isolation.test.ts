/**
 * Issue 10's isolation acceptance: every route of the authority API, as listed in the OpenAPI
 * document (so a new route is covered the day it is added, and the test fails until it is classified
 * below), is tried by an officer of agency A against agency B's orders, attachments, keys, officers,
 * webhooks and passkeys. A cannot read, change or even detect them: the answer is 404, the same as
 * for an id that does not exist, and B's things are unchanged afterwards. An agency that is pending,
 * rejected or suspended can do nothing, and a platform reviewer's token is not an officer's.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dataAccounts,
  officerPasskeys,
  preservationHolds,
  productions,
  requests,
  webhookEndpoints,
} from '../../src/db/schema/index.js';
import { addApiKey, createVerifiedAgency, setAgencyStatus, type TestAgency } from '../support/agencies.js';
import { createTestApp, type TestApp } from '../support/app.js';

type Route = { method: string; path: string };

/** Sign-in and enrolment steps: they work before an officer is signed in, so they are not "acting". */
const signInSteps = new Set([
  'GET /api/v1/authority/session',
  'POST /api/v1/authority/session',
  'DELETE /api/v1/authority/session',
  'POST /api/v1/authority/session/totp',
  'POST /api/v1/authority/session/recovery',
  'POST /api/v1/authority/invitations/accept',
  'POST /api/v1/authority/passkeys/authentication-options',
  'POST /api/v1/authority/passkeys/authentication',
  'POST /api/v1/authority/totp',
  'POST /api/v1/authority/totp/confirm',
  'POST /api/v1/authority/passkeys/registration-options',
  'POST /api/v1/authority/passkeys',
]);

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const completeOrder = {
  kind: 'content_removal',
  legalBasis: 'Law on Online Platforms, Art. 19',
  signer: 'A. Officer, head of department',
  statementOfReasons: 'The video insults a named child.',
  language: 'ru',
  requestedScope: [],
  items: [{ targetKind: 'url', target: 'https://video.example/watch/abc', product: 'Video' }],
};

/** A valid body for each write, so that the answer is about the resource, not about the body. */
const bodies: Record<string, unknown> = {
  'POST /api/v1/authority/orders': completeOrder,
  'POST /api/v1/authority/orders/{id}/messages': { body: 'Any news?' },
  'POST /api/v1/authority/orders/{id}/clarification-answer': { body: 'Here is the article.' },
  'POST /api/v1/authority/orders/{id}/contest': { body: 'We contest this.' },
  'POST /api/v1/authority/orders/{id}/withdrawal': { reason: 'Withdrawn.' },
  'POST /api/v1/authority/api-keys': { name: 'Case system' },
  'POST /api/v1/authority/api-keys/{id}/revoke': {},
  'POST /api/v1/authority/officers': { email: 'x@invalid.example', name: 'X' },
  'POST /api/v1/authority/officers/{id}/disable': {},
  'POST /api/v1/authority/webhooks': { url: 'https://hooks.example.org/writ' },
  'POST /api/v1/authority/webhooks/{id}/disable': {},
  'POST /api/v1/authority/orders/{id}/accounts/{accountId}/hold/extend': { note: 'The investigation continues.' },
  'POST /api/v1/authority/orders/{id}/pushbacks/{pushbackId}/answers': { body: 'We maintain the order.' },
};

/** Which of an agency's things a path parameter names, by the path's segment before it. */
type Things = {
  order: string;
  attachment: string;
  key: string;
  officer: string;
  webhook: string;
  passkey: string;
  /** A data order (issue 11), its first account and a production of it. */
  dataOrder: string;
  account: string;
  production: string;
};
function fill(path: string, things: Things): string {
  return (
    path
      // A route about an account or a production is about a data order.
      .replace(/\/orders\/\{id\}/, `/orders/${/\{(accountId|productionId)\}/.test(path) ? things.dataOrder : things.order}`)
      .replace('{accountId}', things.account)
      .replace('{productionId}', things.production)
      .replace('{attachmentId}', things.attachment)
      // A pushback is found only on its order: the order's scope answers first (issue 12).
      .replace('{pushbackId}', '00000000-0000-4000-8000-000000000000')
      .replace(/\/api-keys\/\{id\}/, `/api-keys/${things.key}`)
      .replace(/\/officers\/\{id\}/, `/officers/${things.officer}`)
      .replace(/\/webhooks\/\{id\}/, `/webhooks/${things.webhook}`)
      .replace(/\/passkeys\/\{id\}/, `/passkeys/${encodeURIComponent(things.passkey)}`)
  );
}

let t: TestApp;
let a: TestAgency;
let b: TestAgency;
let routes: Route[];
let bThings: Things;

async function thingsOf(agency: TestAgency): Promise<Things> {
  const order = await t.app.inject({
    method: 'POST',
    url: '/api/v1/authority/orders',
    headers: agency.auth,
    payload: completeOrder,
  });
  expect(order.statusCode, order.body).toBe(201);
  const orderId: string = order.json().id;
  const attachment = await t.app.inject({
    method: 'POST',
    url: `/api/v1/authority/orders/${orderId}/attachments`,
    headers: { ...agency.auth, 'content-type': 'application/pdf', 'x-file-name': 'order.pdf' },
    payload: pdf,
  });
  expect(attachment.statusCode, attachment.body).toBe(201);
  const key = await addApiKey(t, agency.id);
  const officer = await t.app.inject({
    method: 'POST',
    url: '/api/v1/authority/officers',
    headers: agency.auth,
    payload: { email: `second@${agency.domain}`, name: 'Second Officer' },
  });
  expect(officer.statusCode, officer.body).toBe(201);
  const [webhook] = await t.database.db
    .insert(webhookEndpoints)
    .values({ agencyId: agency.id, url: 'https://hooks.example.org/writ', secret: 'whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=' })
    .returning({ id: webhookEndpoints.id });
  const dataOrder = await t.app.inject({
    method: 'POST',
    url: '/api/v1/authority/orders',
    headers: agency.auth,
    payload: {
      ...completeOrder,
      kind: 'preservation',
      items: undefined,
      dataRequest: {
        legalProcess: 'preservation_request',
        accounts: [{ identifierKind: 'username', identifier: 'someone' }],
      },
    },
  });
  expect(dataOrder.statusCode, dataOrder.body).toBe(201);
  const dataOrderId: string = dataOrder.json().id;
  const [account] = await t.database.db
    .select({ id: dataAccounts.id })
    .from(dataAccounts)
    .where(eq(dataAccounts.requestId, dataOrderId));
  // A hold and a production of B's: the rows are what the routes scope (the bytes are never reached).
  await t.database.db.insert(preservationHolds).values({
    accountId: account!.id,
    requestId: dataOrderId,
    preservedAt: new Date(),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const [production] = await t.database.db
    .insert(productions)
    .values({
      requestId: dataOrderId,
      fileName: 'production.zip',
      size: 1,
      sha256: '0'.repeat(64),
      manifest: { files: [] },
      availableUntil: new Date(Date.now() + 86_400_000),
      createdBy: t.reviewer.id,
    })
    .returning({ id: productions.id });
  const passkey = `cred-${randomUUID()}`;
  await t.database.db
    .insert(officerPasskeys)
    .values({ credentialId: passkey, officerId: agency.officer.id, publicKey: Buffer.from([1, 2, 3]) });
  return {
    order: orderId,
    attachment: attachment.json().id,
    key: key.id,
    officer: officer.json().id,
    webhook: webhook!.id,
    passkey,
    dataOrder: dataOrderId,
    account: account!.id,
    production: production!.id,
  };
}

const key = (r: Route) => `${r.method} ${r.path}`;
const call = (r: Route, url: string, headers: Record<string, string>) =>
  t.app.inject({
    method: r.method as 'GET',
    url,
    headers: r.path.endsWith('/attachments')
      ? { ...headers, 'content-type': 'application/pdf', 'x-file-name': 'order.pdf' }
      : headers,
    ...(r.method === 'GET' || r.method === 'DELETE'
      ? {}
      : { payload: r.path.endsWith('/attachments') ? pdf : ((bodies[key(r)] ?? {}) as object) }),
  });

beforeAll(async () => {
  t = await createTestApp();
  a = await createVerifiedAgency(t, 'KZ');
  b = await createVerifiedAgency(t, 'KZ');
  bThings = await thingsOf(b);
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/authority/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
});
afterAll(async () => t?.close());

describe('every route of the authority API', () => {
  it('is known to this test: a new route must be classified here before it ships', () => {
    expect(routes.length).toBeGreaterThan(20);
    const unknown = routes.filter(
      (r) =>
        !signInSteps.has(key(r)) &&
        r.method !== 'GET' &&
        r.method !== 'DELETE' &&
        !r.path.endsWith('/attachments') &&
        !(key(r) in bodies),
    );
    expect(unknown.map(key)).toEqual([]);
  });

  it("answers an officer of agency A with 404 for each of agency B's things, exactly as for an id that does not exist, and changes nothing of B's", async () => {
    const missing: Things = {
      order: randomUUID(),
      attachment: randomUUID(),
      key: randomUUID(),
      officer: randomUUID(),
      webhook: randomUUID(),
      passkey: `cred-${randomUUID()}`,
      dataOrder: randomUUID(),
      account: randomUUID(),
      production: randomUUID(),
    };
    const before = await t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${bThings.order}`, headers: b.auth });
    const withParams = routes.filter((r) => r.path.includes('{'));
    expect(withParams.length).toBeGreaterThan(10);
    const seen: string[] = [];
    for (const r of withParams) {
      const theirs = await call(r, fill(r.path, bThings), a.auth);
      const nobody = await call(r, fill(r.path, missing), a.auth);
      seen.push(`${key(r)} → ${theirs.statusCode}`);
      expect({ route: key(r), status: theirs.statusCode, body: theirs.json().code }).toEqual({
        route: key(r),
        status: 404,
        body: 'not_found',
      });
      expect({ route: key(r), status: nobody.statusCode, code: nobody.json().code }).toEqual({
        route: key(r),
        status: theirs.statusCode,
        code: theirs.json().code,
      });
      // The detail reads the same too, once the ids themselves are set aside.
      const anonymous = (detail: string, things: Things) =>
        Object.values(things).reduce((d, id) => d.replaceAll(id, '…'), detail);
      expect(anonymous(theirs.json().detail, bThings)).toBe(anonymous(nobody.json().detail, missing));
    }
    // B's things are as they were: the order, its thread, its key, its officer, its webhook.
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${bThings.order}`, headers: b.auth });
    expect(after.json()).toEqual(before.json());
    const [order] = await t.database.db.select({ status: requests.status }).from(requests).where(eq(requests.id, bThings.order));
    expect(order?.status).toBe('received');
    const thread = await t.app.inject({
      method: 'GET',
      url: `/api/v1/authority/orders/${bThings.order}/thread`,
      headers: b.auth,
    });
    expect(thread.json().messages).toEqual([]);
    const keys = await t.app.inject({ method: 'GET', url: '/api/v1/authority/api-keys', headers: b.auth });
    expect(keys.json().keys.find((k: { id: string }) => k.id === bThings.key)?.state).toBe('active');
    const officers = await t.app.inject({ method: 'GET', url: '/api/v1/authority/officers', headers: b.auth });
    expect(officers.json().officers.find((o: { id: string }) => o.id === bThings.officer)?.status).toBe('invited');
    const hooks = await t.app.inject({ method: 'GET', url: '/api/v1/authority/webhooks', headers: b.auth });
    expect(hooks.json().endpoints.find((h: { id: string }) => h.id === bThings.webhook)?.disabledAt ?? null).toBeNull();
    expect(seen.length).toBe(withParams.length);
  });

  it("shows agency A none of agency B's things in any list", async () => {
    const lists = routes.filter((r) => r.method === 'GET' && !r.path.includes('{'));
    expect(lists.map(key)).toEqual(expect.arrayContaining(['GET /api/v1/authority/orders', 'GET /api/v1/authority/api-keys']));
    const bOrder = await t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${bThings.order}`, headers: b.auth });
    const secrets = [...Object.values(bThings), b.id, b.officer.id, b.officer.email, bOrder.json().reference as string];
    for (const r of lists) {
      const res = await call(r, r.path, a.auth);
      expect(res.statusCode, `${key(r)}: ${res.body}`).toBeLessThan(400);
      for (const secret of secrets) expect(res.body, `${key(r)} shows ${secret}`).not.toContain(secret);
    }
  });

  it.each(['suspended', 'pending', 'rejected'] as const)('lets a %s agency do nothing but sign in and out', async (status) => {
    const c = await createVerifiedAgency(t, 'TR');
    const things = await thingsOf(c);
    await setAgencyStatus(t, c.id, status);
    const acting = routes.filter((r) => !signInSteps.has(key(r)));
    for (const r of acting) {
      const res = await call(r, fill(r.path, things), c.auth);
      expect({ route: key(r), status: res.statusCode, code: res.json().code }).toEqual({
        route: key(r),
        status: 403,
        code: 'agency_not_verified',
      });
    }
    const apiKey = await addApiKey(t, c.id);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders', headers: apiKey.auth });
    expect(listed.statusCode).toBe(403);
    await setAgencyStatus(t, c.id, 'verified');
    const [order] = await t.database.db.select({ status: requests.status }).from(requests).where(eq(requests.id, things.order));
    expect(order?.status).toBe('received');
  });

  it("refuses a platform reviewer's token on every route that acts for an agency: a reviewer is not an officer", async () => {
    const acting = routes.filter((r) => !signInSteps.has(key(r)));
    for (const r of acting) {
      const res = await call(r, fill(r.path, bThings), t.auth);
      expect({ route: key(r), status: res.statusCode }).toEqual({ route: key(r), status: 401 });
    }
  });
});
