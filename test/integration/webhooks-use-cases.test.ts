/**
 * Webhooks as use cases (src/app/webhooks.ts), without the HTTP app: where a callback may go when
 * an endpoint is registered and when it is delivered (server-side request forgery), what is stored
 * on registration (the normalised URL, a fresh `whsec_` secret), that another agency's endpoint is
 * as absent as none, and one delivery attempt: what is posted and signed, which answers deliver, and
 * when a failed attempt is the last. The poster is a plain function standing for the HTTP call
 * (src/jobs/webhook-post.ts, tested with a real receiver in webhooks.test.ts).
 */
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptDelivery,
  checkDeliveryAddresses,
  checkWebhookUrl,
  disableEndpoint,
  isLoopbackAddress,
  isPublicAddress,
  registerEndpoint,
  signedDelivery,
  type WebhookPoster,
} from '../../src/app/webhooks.js';
import { enqueueAgencyEvent } from '../../src/db/agency-events.js';
import { webhookDeliveries } from '../../src/db/schema/index.js';
import { createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { createTestWrit, type TestWrit } from '../support/writ.js';

const strict = { allowLoopbackHttp: false };
const loose = { allowLoopbackHttp: true };
/** Now, at 750 ms past a second (the signature's timestamp is whole seconds; the verifier wants it recent). */
const clock = new Date(Math.floor(Date.now() / 1000) * 1000 + 750);
let t: TestWrit;
let a: TestAgency;
let b: TestAgency;

beforeAll(async () => {
  t = await createTestWrit({ now: () => clock, env: { WRIT_WEBHOOK_ATTEMPTS: '3' } });
  a = await createVerifiedAgency(t, 'KZ');
  b = await createVerifiedAgency(t, 'DE');
});
afterAll(async () => t?.close());

/** The validation problem's field when `f` refuses, else the value it returned. */
function outcome(f: () => string): string {
  try {
    return f();
  } catch (error) {
    const e = error as { code?: string; field?: string };
    return `refused ${e.code ?? 'error'} ${e.field ?? ''}`.trim();
  }
}
const refusedUrl = 'refused validation_failed url';

describe('where a webhook may point', () => {
  it('judges an IPv4-mapped IPv6 address (in either case) as the IPv4 address it maps', () => {
    expect(isPublicAddress('::ffff:8.8.8.8')).toBe(true);
    expect(isPublicAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isPublicAddress('::FFFF:192.168.1.1')).toBe(false);
    expect(isPublicAddress('2606:4700:4700::1111')).toBe(true);
    expect(isPublicAddress('fd00::1')).toBe(false);
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(isPublicAddress('')).toBe(false);
  });

  it('tells loopback addresses, v4, v6 and mapped, from any other', () => {
    for (const address of ['127.0.0.1', '127.9.8.7', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.2'])
      expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['10.0.0.1', '8.8.8.8', '::2', 'fe80::1', 'localhost', ''])
      expect(isLoopbackAddress(address), address).toBe(false);
  });

  it('registers an https URL on a public name or address, normalised', () => {
    expect(checkWebhookUrl('HTTPS://Hooks.Agency.EXAMPLE.org', strict)).toBe('https://hooks.agency.example.org/');
    expect(checkWebhookUrl('https://93.184.216.34:8443/x?y=1', strict)).toBe('https://93.184.216.34:8443/x?y=1');
    expect(checkWebhookUrl('https://[2606:4700:4700::1111]/hook', strict)).toBe('https://[2606:4700:4700::1111]/hook');
    // A local name is a whole label: these only end in one's letters.
    expect(checkWebhookUrl('https://hooks.notlocal/x', strict)).toBe('https://hooks.notlocal/x');
    expect(checkWebhookUrl('https://mylocalhost.example/x', strict)).toBe('https://mylocalhost.example/x');
  });

  it('refuses, naming the url, what is not https to a public host', () => {
    for (const url of [
      'not a url',
      'ftp://hooks.agency.example/x',
      'https://user@hooks.agency.example/x',
      'https://:secret@hooks.agency.example/x',
      'https://localhost/x',
      'https://LOCALHOST/x',
      'https://db.internal/x',
      'https://nas.home.arpa/x',
      'https://router.lan/x',
      'https://intranet/x',
      'https://10.0.0.5/x',
      'https://[::1]/x',
      'https://[fd00::5]/x',
      'http://hooks.agency.example/x',
      'http://127.0.0.1:8080/x',
    ])
      expect(
        outcome(() => checkWebhookUrl(url, strict)),
        url,
      ).toBe(refusedUrl);
  });

  it('allows plain http only to loopback (by address or as localhost), and only when configured', () => {
    expect(checkWebhookUrl('http://127.0.0.1:8080/x', loose)).toBe('http://127.0.0.1:8080/x');
    expect(checkWebhookUrl('http://[::1]:8080/x', loose)).toBe('http://[::1]:8080/x');
    expect(checkWebhookUrl('http://localhost:8080/x', loose)).toBe('http://localhost:8080/x');
    for (const url of ['http://hooks.agency.example/x', 'http://10.0.0.1/x', 'http://93.184.216.34/x', 'http://user@127.0.0.1/x'])
      expect(
        outcome(() => checkWebhookUrl(url, loose)),
        url,
      ).toBe(refusedUrl);
    // https is still held to public hosts when loopback http is allowed.
    expect(outcome(() => checkWebhookUrl('https://127.0.0.1/x', loose))).toBe(refusedUrl);
  });

  it('delivers to the first resolved address only when every one may be used', () => {
    const https = 'https://hooks.agency.example/x';
    expect(checkDeliveryAddresses(https, ['93.184.216.34', '8.8.8.8'], strict)).toBe('93.184.216.34');
    expect(outcome(() => checkDeliveryAddresses(https, [], strict))).toBe('refused error');
    expect(() => checkDeliveryAddresses(https, [], strict)).toThrow('the host has no address');
    expect(() => checkDeliveryAddresses(https, ['8.8.8.8', '10.0.0.1'], strict)).toThrow(/10\.0\.0\.1/);
    expect(() => checkDeliveryAddresses(https, ['127.0.0.1'], loose)).toThrow(/127\.0\.0\.1/);
    const http = 'http://localhost:8080/x';
    expect(checkDeliveryAddresses(http, ['127.0.0.1', '::1'], loose)).toBe('127.0.0.1');
    expect(() => checkDeliveryAddresses(http, ['127.0.0.1'], strict)).toThrow(/127\.0\.0\.1/);
    expect(() => checkDeliveryAddresses(http, ['127.0.0.1', '93.184.216.34'], loose)).toThrow(/93\.184\.216\.34/);
  });
});

describe('registering and disabling an endpoint', () => {
  it('stores the normalised URL with a fresh whsec_ secret of 32 random bytes, the one it returns', async () => {
    const one = await registerEndpoint(t.writ, {
      agencyId: a.id,
      officerId: a.officer.id,
      url: 'HTTPS://Hooks.Agency.example/Writ',
    });
    const two = await registerEndpoint(t.writ, {
      agencyId: a.id,
      officerId: a.officer.id,
      url: 'https://hooks.agency.example/b',
    });
    expect(one.endpoint).toMatchObject({ agencyId: a.id, url: 'https://hooks.agency.example/Writ', createdBy: a.officer.id });
    expect(one.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(one.secret.slice(6), 'base64')).toHaveLength(32);
    expect(two.secret).not.toBe(one.secret);
    // The secret stored is the one handed out: a delivery is signed with it.
    const [delivery] = await queueFor(a, { reference: 'WR-1' });
    const attempt = await t.writ.webhooks.beginAttempt(delivery!);
    expect([one.secret, two.secret]).toContain(attempt!.secret);
  });

  it('refuses a URL before storing anything', async () => {
    const before = await t.writ.webhooks.endpointsOf(b.id);
    await expect(
      registerEndpoint(t.writ, { agencyId: b.id, officerId: b.officer.id, url: 'https://10.1.2.3/x' }),
    ).rejects.toMatchObject({ code: 'validation_failed', field: 'url' });
    expect(await t.writ.webhooks.endpointsOf(b.id)).toEqual(before);
  });

  it("disables the agency's own endpoint; another agency's is not found and stays active", async () => {
    const { endpoint } = await registerEndpoint(t.writ, {
      agencyId: b.id,
      officerId: b.officer.id,
      url: 'https://hooks.b.example/x',
    });
    await expect(
      disableEndpoint(t.writ, { agencyId: a.id, officerId: a.officer.id, endpointId: endpoint.id }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await t.writ.webhooks.endpointsOf(b.id)).find((e) => e.id === endpoint.id)?.disabledAt).toBeNull();
    const disabled = await disableEndpoint(t.writ, { agencyId: b.id, officerId: b.officer.id, endpointId: endpoint.id });
    expect(disabled).toMatchObject({ id: endpoint.id, disabledAt: clock });
  });
});

/** Queues an event for the agency's active endpoints and hands the deliveries to "the job" (delivering). */
async function queueFor(agency: TestAgency, payload: Record<string, unknown>): Promise<string[]> {
  const db = t.database.db;
  await db.transaction((tx) =>
    enqueueAgencyEvent(tx, { agencyId: agency.id, requestId: null, eventType: 'order.status_changed', payload }),
  );
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: 'delivering' })
    .where(eq(webhookDeliveries.status, 'pending'))
    .returning({ id: webhookDeliveries.id });
  return rows.map((r) => r.id);
}

const deliveryRow = async (id: string) =>
  (await t.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!;

describe('one delivery attempt', () => {
  let agency: TestAgency;
  let secret: string;
  let url: string;
  beforeAll(async () => {
    agency = await createVerifiedAgency(t, 'FR');
    const registered = await registerEndpoint(t.writ, {
      agencyId: agency.id,
      officerId: agency.officer.id,
      url: 'https://hooks.fr.example/writ',
    });
    secret = registered.secret;
    url = registered.endpoint.url;
  });

  const deps = (post: WebhookPoster) => ({ webhooks: t.writ.webhooks, post, attempts: 3, now: () => clock });
  const answering = (status: number) => {
    const calls: Parameters<WebhookPoster>[0][] = [];
    const post: WebhookPoster = async (request) => {
      calls.push(request);
      return status;
    };
    return { calls, post };
  };

  it('posts the event to the endpoint, signed with its secret, webhook-id the delivery and the time in whole seconds', async () => {
    const [id] = await queueFor(agency, { reference: 'WR-7', status: 'decided' });
    const { calls, post } = answering(204);
    expect(await attemptDelivery(deps(post), id!)).toBe('delivered');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe(url);
    const row = await deliveryRow(id!);
    expect(JSON.parse(call!.body)).toEqual({
      type: 'order.status_changed',
      timestamp: row.createdAt.toISOString(),
      data: { reference: 'WR-7', status: 'decided' },
    });
    expect(call!.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(clock.getTime() / 1000)),
    });
    const verified = new Webhook(secret).verify(call!.body, call!.headers);
    expect(verified).toEqual(JSON.parse(call!.body));
    expect(row).toMatchObject({ status: 'delivered', lastStatusCode: 204, attempts: 1, lastError: null, deliveredAt: clock });
  });

  it('signs the same body the same way as signedDelivery', async () => {
    const [id] = await queueFor(agency, { reference: 'WR-8' });
    const attempt = (await t.writ.webhooks.beginAttempt(id!))!;
    const signed = signedDelivery(attempt, clock);
    expect(new Webhook(secret).verify(signed.body, signed.headers)).toMatchObject({ data: { reference: 'WR-8' } });
    expect(() => new Webhook(secret).verify(signed.body.replace('WR-8', 'WR-9'), signed.headers)).toThrow();
  });

  it('delivers on any 2xx answer and on no other', async () => {
    for (const [status, result] of [
      [200, 'delivered'],
      [299, 'delivered'],
      [199, 'retry'],
      [300, 'retry'],
      [500, 'retry'],
    ] as const) {
      const [id] = await queueFor(agency, { status });
      expect(await attemptDelivery(deps(answering(status).post), id!), String(status)).toBe(result);
      const row = await deliveryRow(id!);
      expect(row.lastStatusCode).toBe(status);
      if (result === 'retry') expect(row).toMatchObject({ status: 'delivering', lastError: `the endpoint answered ${status}` });
      else expect(row.status).toBe('delivered');
    }
  });

  it("records a poster's error without a status, and fails the delivery at the last allowed attempt", async () => {
    const [id] = await queueFor(agency, { reference: 'WR-10' });
    const broken: WebhookPoster = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    expect(await attemptDelivery(deps(broken), id!)).toBe('retry');
    expect(await deliveryRow(id!)).toMatchObject({ status: 'delivering', attempts: 1, lastStatusCode: null });
    expect((await deliveryRow(id!)).lastError).toContain('connect ECONNREFUSED');
    expect(await attemptDelivery(deps(broken), id!)).toBe('retry');
    expect(await attemptDelivery(deps(broken), id!)).toBe('failed');
    expect(await deliveryRow(id!)).toMatchObject({ status: 'failed', attempts: 3 });
    // No longer held by a job: nothing is posted.
    const { calls, post } = answering(200);
    expect(await attemptDelivery(deps(post), id!)).toBe('not_held');
    expect(calls).toHaveLength(0);
  });

  it('fails a delivery to a disabled endpoint at once, without posting it', async () => {
    const other = await createVerifiedAgency(t, 'NL');
    const { endpoint } = await registerEndpoint(t.writ, {
      agencyId: other.id,
      officerId: other.officer.id,
      url: 'https://hooks.nl.example/x',
    });
    const [id] = await queueFor(other, { reference: 'WR-11' });
    await disableEndpoint(t.writ, { agencyId: other.id, officerId: other.officer.id, endpointId: endpoint.id });
    const { calls, post } = answering(200);
    expect(await attemptDelivery(deps(post), id!)).toBe('failed');
    expect(calls).toHaveLength(0);
    expect(await deliveryRow(id!)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'the endpoint was disabled',
    });
  });
});
