/**
 * One call to the platform's own systems (src/app/sinks.ts) as the sink job makes it, against the
 * real sink_deliveries table: what is posted and signed (Standard Webhooks, with the sink's own
 * secret, `webhook-id` the row's id), which answers deliver, that a sink left unconfigured fails the
 * attempt without a call, and when a failed attempt is the last. The poster is a plain function
 * standing for the HTTP call.
 */
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptSinkDelivery, type SinkSettings, signedSinkCall } from '../../src/app/sinks.js';
import type { WebhookPoster } from '../../src/app/webhooks.js';
import { sinkDeliveries } from '../../src/db/schema/index.js';
import { enqueueSinkDelivery } from '../../src/db/sink-deliveries-repository.js';
import type { SinkKind } from '../../src/domain/review-vocabulary.js';
import { createTestWrit, type TestWrit } from '../support/writ.js';

/** Now, at 250 ms past a second (the signature's timestamp is whole seconds; the verifier wants it recent). */
const clock = new Date(Math.floor(Date.now() / 1000) * 1000 + 250);
const noticeSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const alertSecret = 'whsec_dGhlIGFsZXJ0IGhvb2sncyBvd24gc2VjcmV0IQ==';
let t: TestWrit;

beforeAll(async () => {
  t = await createTestWrit({ now: () => clock });
});
afterAll(async () => t?.close());

const settings: SinkSettings = {
  notice: { url: 'https://notices.platform.example/in', secret: noticeSecret },
  enforcement: undefined,
  alert: { url: 'http://127.0.0.1:9/alerts', secret: alertSecret },
  attempts: 2,
};

/** A call queued and held by "the job" (sending). */
async function held(sink: SinkKind, payload: Record<string, unknown>): Promise<string> {
  const { id } = await enqueueSinkDelivery(t.database.db, { sink, eventType: `${sink}.test`, payload });
  await t.database.db.update(sinkDeliveries).set({ status: 'sending' }).where(eq(sinkDeliveries.id, id));
  return id;
}
const row = async (id: string) => (await t.database.db.select().from(sinkDeliveries).where(eq(sinkDeliveries.id, id)))[0]!;

function answering(answer: number | Error) {
  const calls: Parameters<WebhookPoster>[0][] = [];
  const post: WebhookPoster = async (request) => {
    calls.push(request);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { calls, post };
}
const deps = (post: WebhookPoster, s: SinkSettings = settings) => ({ sinks: t.writ.sinks, settings: s, post, now: () => clock });

describe('attemptSinkDelivery', () => {
  it("posts the call to its sink's URL, signed with that sink's secret, the row's id and the time in whole seconds", async () => {
    const id = await held('alert', { reference: 'WR-1', threshold: '0.5' });
    const { calls, post } = answering(200);
    expect(await attemptSinkDelivery(deps(post), id)).toBe('delivered');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe('http://127.0.0.1:9/alerts');
    const stored = await row(id);
    expect(JSON.parse(call!.body)).toEqual({
      type: 'alert.test',
      timestamp: stored.createdAt.toISOString(),
      data: { reference: 'WR-1', threshold: '0.5' },
    });
    expect(call!.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(clock.getTime() / 1000)),
    });
    expect(new Webhook(alertSecret).verify(call!.body, call!.headers)).toEqual(JSON.parse(call!.body));
    expect(() => new Webhook(noticeSecret).verify(call!.body, call!.headers)).toThrow();
    expect(stored).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, deliveredAt: clock });
  });

  it('signs as signedSinkCall does, over the body it sends', () => {
    const signed = signedSinkCall(
      { id: 'msg_1', eventType: 'notice.issued', payload: { a: 1 }, createdAt: new Date('2026-01-02T03:04:05.678Z') },
      noticeSecret,
      clock,
    );
    expect(JSON.parse(signed.body)).toEqual({ type: 'notice.issued', timestamp: '2026-01-02T03:04:05.678Z', data: { a: 1 } });
    expect(new Webhook(noticeSecret).verify(signed.body, signed.headers)).toMatchObject({ data: { a: 1 } });
  });

  it('delivers on any 2xx answer and retries on any other, keeping the status and saying what the sink answered', async () => {
    for (const [status, result] of [
      [200, 'delivered'],
      [299, 'delivered'],
      [199, 'retry'],
      [300, 'retry'],
      [503, 'retry'],
    ] as const) {
      const id = await held('notice', { status });
      expect(await attemptSinkDelivery(deps(answering(status).post), id), String(status)).toBe(result);
      const stored = await row(id);
      expect(stored.lastStatusCode).toBe(status);
      if (result === 'retry')
        expect(stored).toMatchObject({ status: 'sending', lastError: `the notice sink answered ${status}` });
      else expect(stored.status).toBe('delivered');
    }
  });

  it("records a poster's error without a status, and fails the call at the last allowed attempt", async () => {
    const id = await held('notice', { reference: 'WR-2' });
    const broken = answering(new Error('connect ECONNREFUSED 10.0.0.1:443'));
    expect(await attemptSinkDelivery(deps(broken.post), id)).toBe('retry');
    expect(await row(id)).toMatchObject({ status: 'sending', attempts: 1, lastStatusCode: null });
    expect((await row(id)).lastError).toContain('connect ECONNREFUSED 10.0.0.1:443');
    expect(await attemptSinkDelivery(deps(broken.post), id)).toBe('failed');
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2 });
    const { calls, post } = answering(200);
    expect(await attemptSinkDelivery(deps(post), id)).toBe('not_held');
    expect(calls).toHaveLength(0);
  });

  it('fails an attempt at a sink that is not configured without calling anything, and gives up at the last attempt', async () => {
    const id = await held('enforcement', { action: 'remove' });
    const { calls, post } = answering(200);
    expect(await attemptSinkDelivery(deps(post), id)).toBe('retry');
    expect(calls).toHaveLength(0);
    expect(await row(id)).toMatchObject({
      status: 'sending',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'no enforcement sink is configured',
    });
    expect(await attemptSinkDelivery(deps(post), id)).toBe('failed');
    expect(calls).toHaveLength(0);
    expect((await row(id)).status).toBe('failed');
  });
});
