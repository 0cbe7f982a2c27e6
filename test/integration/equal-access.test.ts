/**
 * Issue 10's equal-access acceptance: agencies of five countries (KZ, RU, TR, DE, IN) go through
 * the same flows by the real routes — apply, be verified, accept the invitation, enrol a second
 * factor, submit, attach, follow, talk, answer a clarification, see the outcome, make an API key,
 * invite a colleague, withdraw — and what each could do (the status of every step) and see (the
 * shape of every answer, and the outcome it was told) is compared. The five must be identical.
 * And the channel's code has no branch on a country.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { acceptAndEnrol, application, apply, invitationToken, signInAdmin } from './officer-support.js';

const countries = [
  { country: 'KZ', timeZone: 'Asia/Almaty' },
  { country: 'RU', timeZone: 'Europe/Moscow' },
  { country: 'TR', timeZone: 'Europe/Istanbul' },
  { country: 'DE', timeZone: 'Europe/Berlin' },
  { country: 'IN', timeZone: 'Asia/Kolkata' },
];

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const order = {
  kind: 'content_removal',
  legalBasis: 'Law on information, Art. 15',
  signer: 'Head of department',
  statementOfReasons: 'The post is unlawful.',
  language: 'en',
  requestedScope: [],
  items: [
    { targetKind: 'url', target: 'https://video.example/watch/abc', product: 'Video' },
    { targetKind: 'account', target: 'someone', product: 'Accounts' },
  ],
};

/** The shape of an answer: every key path, with array elements merged, and no values. */
function shape(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => shape(v, `${at}[]`)))].sort();
  if (value && typeof value === 'object')
    return Object.entries(value)
      .flatMap(([k, v]) => [`${at}.${k}`, ...shape(v, `${at}.${k}`)])
      .sort();
  return [];
}

/**
 * An answer with what must differ between agencies set aside (ids, references, instants, the
 * country, its zone, the agency's domain and name, keys): what is left must be the same for all.
 */
function masked(body: string, country: string, timeZone: string): unknown {
  const text = body
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/WR-\d+/g, '<reference>')
    .replace(/"id":\d+/g, '"id":"<serial>"')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/g, '<instant>')
    .replace(/writ_ak_[A-Za-z0-9_-]+/g, '<key>')
    .replace(/ministry\d+\.gov\.example/g, '<domain>')
    .replaceAll(timeZone, '<zone>')
    .replace(new RegExp(`\\b${country}\\b`, 'g'), '<country>');
  return text ? JSON.parse(text) : null;
}

let t: TestApp;
// The clock moves a second per step, as it would between one officer's clicks.
let now = new Date('2026-03-10T08:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ now: () => now });
});
afterAll(async () => t?.close());

/** One agency's whole journey; what it could do and see, step by step. */
async function journey(country: string, timeZone: string) {
  const seen: Record<string, unknown> = {};
  const step = (name: string, res: { statusCode: number; body: string }) => {
    now = new Date(now.getTime() + 1000);
    const body = res.body ? JSON.parse(res.body) : null;
    seen[name] = { status: res.statusCode, shape: shape(body), values: masked(res.body, country, timeZone) };
    return body;
  };
  const admin = await signInAdmin(t);
  const body = application({ country, timeZone, name: `Internet regulator of ${country}` });
  const id = await apply(t.app, body);
  seen.applied = true;
  step('verify', await t.app.inject({ method: 'POST', url: `/api/v1/admin/agencies/${id}/verify`, headers: admin }));
  const { auth } = await acceptAndEnrol(t.app, await invitationToken(t, body.contactEmail), now);
  step('whoami', await t.app.inject({ method: 'GET', url: '/api/v1/authority/session', headers: auth }));
  const receipt = step(
    'submit',
    await t.app.inject({ method: 'POST', url: '/api/v1/authority/orders', headers: auth, payload: order }),
  );
  const orderUrl = `/api/v1/authority/orders/${receipt.id}`;
  step(
    'attach',
    await t.app.inject({
      method: 'POST',
      url: `${orderUrl}/attachments`,
      headers: { ...auth, 'content-type': 'application/pdf', 'x-file-name': 'order.pdf' },
      payload: pdf,
    }),
  );
  step('list', await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders', headers: auth }));
  step('message', await t.app.inject({ method: 'POST', url: `${orderUrl}/messages`, headers: auth, payload: { body: 'Hello' } }));
  step(
    'clarification asked',
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${receipt.id}/clarification-request`,
      headers: t.auth,
      payload: { body: 'Which article?' },
    }),
  );
  step(
    'clarification answered',
    await t.app.inject({ method: 'POST', url: `${orderUrl}/clarification-answer`, headers: auth, payload: { body: 'Art. 15' } }),
  );
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${receipt.id}`, headers: t.auth })).json();
  const outcomes = ['removed_legal', 'content_not_found'];
  for (const [i, item] of (detail.items as { id: string }[]).entries())
    step(
      `decide ${i}`,
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/requests/${receipt.id}/items/${item.id}/decision`,
        headers: t.auth,
        payload: {
          outcome: outcomes[i],
          reason: 'Defamation',
          rationale: 'As ordered',
          ...(outcomes[i] === 'removed_legal' ? { scopeCountries: [country] } : {}),
        },
      }),
    );
  const followed = step('follow', await t.app.inject({ method: 'GET', url: orderUrl, headers: auth }));
  seen.told = {
    orderStatus: followed.status,
    outcomes: (followed.items as { outcome: unknown }[]).map((item) => {
      const outcome = item.outcome as { kind?: string; state?: string; scope?: unknown };
      // The scope names the agency's own country: set it aside, compare the rest.
      return JSON.parse(JSON.stringify(outcome).replaceAll(`"${country}"`, '"XX"'));
    }),
  };
  step('thread', await t.app.inject({ method: 'GET', url: `${orderUrl}/thread`, headers: auth }));
  const key = step(
    'api key',
    await t.app.inject({ method: 'POST', url: '/api/v1/authority/api-keys', headers: auth, payload: { name: 'Case system' } }),
  );
  step(
    'list by key',
    await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders', headers: { authorization: `Bearer ${key.key}` } }),
  );
  step(
    'invite',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/officers',
      headers: auth,
      payload: { email: `colleague@${body.domain}`, name: 'Colleague' },
    }),
  );
  const second = step(
    'submit again',
    await t.app.inject({ method: 'POST', url: '/api/v1/authority/orders', headers: auth, payload: order }),
  );
  step(
    'withdraw',
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/authority/orders/${second.id}/withdrawal`,
      headers: auth,
      payload: { reason: 'Resolved' },
    }),
  );
  return seen;
}

describe('equal access for every government', () => {
  it('gives agencies of KZ, RU, TR, DE and IN the same channel: every step, every field, every answer', async () => {
    const journeys: Record<string, Record<string, unknown>> = {};
    for (const { country, timeZone } of countries) journeys[country] = await journey(country, timeZone);
    const kz = journeys.KZ!;
    // The journey itself went as it should: nothing refused along the way.
    for (const [name, value] of Object.entries(kz))
      if (typeof value === 'object' && value && 'status' in value)
        expect({ name, status: (value as { status: number }).status < 300 }).toEqual({ name, status: true });
    expect(Object.keys(kz).length).toBeGreaterThan(15);
    expect(JSON.stringify(kz.told)).toContain('decided');
    expect(JSON.stringify(kz.told)).toContain('effect_given');
    expect(JSON.stringify(kz.told)).toContain('not_found');
    for (const { country } of countries) expect({ country, journey: journeys[country] }).toEqual({ country, journey: kz });
  });

  it('has no branch on a country in the channel’s code', () => {
    const roots = ['src/http/authority', 'src/app', 'src/domain', 'web/src/portal'];
    const walk = (dir: string): string[] => {
      try {
        return readdirSync(dir).flatMap((name) => {
          const file = path.join(dir, name);
          return statSync(file).isDirectory() ? walk(file) : [file];
        });
      } catch {
        return [];
      }
    };
    const channelFiles = roots
      .flatMap(walk)
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .filter((file) => /authority|agenc|officer|order-thread|passkey|api-key|webhook|portal|clarification/.test(file));
    expect(channelFiles.length).toBeGreaterThan(10);
    const branches = channelFiles.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter(({ text }) =>
          /country\s*[!=]==?\s*['"][A-Z]{2}['"]|['"][A-Z]{2}['"]\s*[!=]==?\s*\w*country|case\s+['"][A-Z]{2}['"]/i.test(text),
        ),
    );
    expect(branches).toEqual([]);
  });
});
