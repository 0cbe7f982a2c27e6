/**
 * The enforcement use cases themselves (src/app/enforcement.ts), without the HTTP app: whether a
 * content system is configured, as the order's enforcement and the dead-letter list report it, one
 * flag per sink; a confirmation that lacks a Standard Webhooks header, or carries it empty, is
 * refused naming that header, before any signature is checked.
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit, type Writ } from '../../src/app/context.js';
import { requestEnforcement, sinkDeliveriesPage, verifyConfirmation } from '../../src/app/enforcement.js';
import { loadConfig } from '../../src/config.js';
import { WritError } from '../../src/domain/errors.js';
import { createTestWrit, type TestWrit } from '../support/writ.js';

const secret = `whsec_${Buffer.from('enforcement-sink-secret-0123456789').toString('base64')}`;
const otherSecret = `whsec_${Buffer.from('notice-sink-secret-0123456789abcd').toString('base64')}`;

let t: TestWrit;
/** The same database under other settings: each sink alone configured. */
const writWith = (env: Record<string, string>): Writ =>
  createWrit(t.database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...env }));
const enforcementSink = {
  WRIT_ENFORCEMENT_WEBHOOK_URL: 'https://content.internal.example/writ',
  WRIT_ENFORCEMENT_WEBHOOK_SECRET: secret,
};
const noticeSink = {
  WRIT_NOTICE_WEBHOOK_URL: 'https://messaging.internal.example/writ',
  WRIT_NOTICE_WEBHOOK_SECRET: otherSecret,
};
const alertSink = { WRIT_ALERT_WEBHOOK_URL: 'https://alerts.internal.example/writ', WRIT_ALERT_WEBHOOK_SECRET: otherSecret };

beforeAll(async () => {
  t = await createTestWrit();
});
afterAll(async () => t?.close());

function refusal(work: () => unknown) {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(WritError);
    const { code, message } = e as WritError;
    return { code, message };
  }
  throw new Error('not refused');
}

describe('requestEnforcement', () => {
  it('says whether a content system is configured', async () => {
    const none = await requestEnforcement(t.writ, randomUUID());
    expect(none).toStrictEqual({ items: [], contentSystemConfigured: false });
    const configured = await requestEnforcement(writWith(enforcementSink), randomUUID());
    expect(configured).toStrictEqual({ items: [], contentSystemConfigured: true });
    // Another sink is not a content system.
    expect((await requestEnforcement(writWith({ ...noticeSink, ...alertSink }), randomUUID())).contentSystemConfigured).toBe(
      false,
    );
  });
});

describe('sinkDeliveriesPage', () => {
  it('reports which of the three sinks are configured, each on its own', async () => {
    const query = { limit: 10, offset: 0 };
    expect((await sinkDeliveriesPage(t.writ, query)).configured).toStrictEqual({
      notice: false,
      enforcement: false,
      alert: false,
    });
    expect((await sinkDeliveriesPage(writWith(noticeSink), query)).configured).toStrictEqual({
      notice: true,
      enforcement: false,
      alert: false,
    });
    expect((await sinkDeliveriesPage(writWith(enforcementSink), query)).configured).toStrictEqual({
      notice: false,
      enforcement: true,
      alert: false,
    });
    expect((await sinkDeliveriesPage(writWith(alertSink), query)).configured).toStrictEqual({
      notice: false,
      enforcement: false,
      alert: true,
    });
  });
});

describe('verifyConfirmation', () => {
  const body = JSON.stringify({ actionId: randomUUID(), status: 'applied', effectiveAt: '2026-11-30T12:00:00Z' });
  const signed = () => {
    const id = `msg_${randomUUID()}`;
    const now = new Date();
    return {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, now, body),
    };
  };

  it('accepts a confirmation signed with the content system’s secret, and refuses one signed with another', () => {
    const writ = writWith(enforcementSink);
    expect(() => verifyConfirmation(writ, body, signed())).not.toThrow();
    const forged = { ...signed(), 'webhook-signature': new Webhook(otherSecret).sign('msg_x', new Date(), body) };
    expect(refusal(() => verifyConfirmation(writ, body, forged)).code).toBe('unauthenticated');
    expect(refusal(() => verifyConfirmation(t.writ, body, signed())).code).toBe('not_configured');
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
    'refuses a confirmation without %s, or with it empty, naming the header rather than blaming the signature',
    (name) => {
      const writ = writWith(enforcementSink);
      const { [name as 'webhook-id']: _, ...without } = signed();
      for (const headers of [without, { ...signed(), [name]: '' }]) {
        expect(refusal(() => verifyConfirmation(writ, body, headers))).toEqual({
          code: 'unauthenticated',
          message: `the confirmation must be signed (Standard Webhooks): ${name} is missing`,
        });
      }
    },
  );
});
