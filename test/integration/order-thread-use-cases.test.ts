/**
 * The order thread's use cases themselves (src/app/order-thread.ts): what each action records in the
 * order's history, mails to the authority and tells its systems (webhook events). A platform's
 * message is mailed and announced, an officer's is not; a clarification request lists what is
 * missing, one element a line, and says whether the clock stands still; an answer announces the
 * order back in review with its moved deadline.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitOrder } from '../../src/app/authority-orders.js';
import { answerClarification, postMessage, requestClarification } from '../../src/app/order-thread.js';
import { submitOrderSchema } from '../../src/contracts/authority-orders.js';
import type { ThreadActor } from '../../src/db/order-thread-repository.js';
import { events, mailOutbox, webhookDeliveries, webhookEndpoints } from '../../src/db/schema/index.js';
import type { User } from '../../src/db/users-repository.js';
import { createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { createTestWrit, staffMember, type TestWrit } from '../support/writ.js';

const HOUR = 3_600_000;
let clock = new Date('2026-03-10T06:00:00Z');

let t: TestWrit;
let agency: TestAgency;
let reviewer: User;
let officer: ThreadActor;

beforeAll(async () => {
  t = await createTestWrit({ now: () => clock });
  agency = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  await t.database.db
    .insert(webhookEndpoints)
    .values({ agencyId: agency.id, url: 'https://hooks.example/writ', secret: 'whsec_test' });
  reviewer = await staffMember(t.writ, 'reviewer');
  officer = { kind: 'officer', id: agency.officer.id, agencyId: agency.id };
});
afterAll(async () => t?.close());

async function channelOrder(): Promise<{ id: string; reference: string }> {
  const principal = await t.writ.officerSessions.principalForSession(agency.auth.authorization.slice('Bearer '.length));
  const { order } = await submitOrder(
    t.writ,
    principal!,
    submitOrderSchema.parse({
      kind: 'content_removal',
      legalBasis: 'Law on Online Platforms, Art. 19',
      items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
    }),
  );
  return { id: order.id, reference: order.reference };
}

/** A channel order in review: one received with elements missing waits for them, and is answered first. */
async function orderInReview(): Promise<{ id: string; reference: string }> {
  const order = await channelOrder();
  const { status } = (await t.writ.orderThread.read(order.id, null)).order;
  if (status === 'needs_clarification') await answerClarification(t.writ, order.id, officer, 'Nothing more to add.');
  return order;
}

const historyOf = async (requestId: string, type: string) =>
  (
    await t.database.db
      .select({ before: events.before, after: events.after })
      .from(events)
      .where(and(eq(events.requestId, requestId), eq(events.type, type)))
  ).map((e) => ({ before: e.before, after: e.after }));
const mailsOf = async (requestId: string, kind: string) =>
  (
    await t.database.db
      .select({ to: mailOutbox.to, subject: mailOutbox.subject, body: mailOutbox.body })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.requestId, requestId), eq(mailOutbox.kind, kind)))
  ).map((m) => ({ ...m }));
const hooksOf = async (requestId: string, eventType: string) =>
  (
    await t.database.db
      .select({ payload: webhookDeliveries.payload })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.requestId, requestId), eq(webhookDeliveries.eventType, eventType)))
      // Ids are random: the order they were announced in is their creation time (the database clock).
      .orderBy(asc(webhookDeliveries.createdAt))
  ).map((d) => d.payload);

describe('postMessage', () => {
  it('from the platform: recorded, mailed to the officer and announced as order.message', async () => {
    const order = await channelOrder();
    const thread = await postMessage(t.writ, order.id, { kind: 'user', id: reviewer.id }, 'Which video do you mean?');
    const messageId = thread.messages.at(-1)!.id;
    expect(await historyOf(order.id, 'message_posted')).toEqual([{ before: null, after: { messageId, kind: 'message' } }]);
    expect(await mailsOf(order.id, 'message')).toEqual([
      {
        to: agency.officer.email,
        subject: `Order ${order.reference}: a message from the platform`,
        body: `The platform wrote about order ${order.reference}:\n\nWhich video do you mean?\n\nReply in the authority portal.`,
      },
    ]);
    expect(await hooksOf(order.id, 'order.message')).toEqual([
      { orderId: order.id, reference: order.reference, messageId, kind: 'message' },
    ]);
  });

  it('from the authority’s officer: recorded, neither mailed nor announced back to the authority', async () => {
    const order = await channelOrder();
    const thread = await postMessage(t.writ, order.id, officer, 'The second video.');
    const messageId = thread.messages.at(-1)!.id;
    expect(await historyOf(order.id, 'message_posted')).toEqual([{ before: null, after: { messageId, kind: 'message' } }]);
    expect(await mailsOf(order.id, 'message')).toEqual([]);
    expect(await hooksOf(order.id, 'order.message')).toEqual([]);
  });
});

describe('requestClarification, then answerClarification', () => {
  it('records, mails and announces what is missing, one element a line; the answer announces the order back in review', async () => {
    const order = await orderInReview();
    const earlierHooks = (await hooksOf(order.id, 'order.status_changed')).length;
    const before = (await t.writ.orderThread.read(order.id, null)).order;
    const asked = await requestClarification(
      t.writ,
      order.id,
      { id: reviewer.id },
      {
        body: 'Please send the signed order.',
        missingElements: [{ element: 'signer', reason: 'nobody signed it' }, { element: 'statement_of_reasons' }],
      },
    );
    const missing = asked.order.missingElements;
    expect(missing).toHaveLength(2);
    const messageId = asked.messages.at(-1)!.id;
    const stops = asked.clock.stops;
    expect(await historyOf(order.id, 'clarification_requested')).toEqual([
      {
        before: { status: before.status, missingElements: before.missingElements, clockPausedAt: null },
        after: {
          messageId,
          missingElements: missing,
          clockStops: stops,
          clockBasis: asked.clock.basis,
          clockPausedAt: stops ? clock.toISOString() : null,
        },
      },
    ]);
    const [mail] = await mailsOf(order.id, 'clarification_request');
    expect(mail).toEqual({
      to: agency.officer.email,
      subject: `Order ${order.reference}: clarification requested`,
      body: [
        `The platform asks you to clarify order ${order.reference} before it can decide.`,
        '',
        'Please send the signed order.',
        '',
        'What the order lacks:',
        `- signer: nobody signed it`,
        `- statement_of_reasons: ${missing[1]!.reason}`,
        '',
        stops ? 'The deadline’s clock stands still until you answer.' : 'The deadline’s clock keeps running meanwhile.',
        'Answer in the authority portal.',
      ].join('\n'),
    });
    const [asking] = (await hooksOf(order.id, 'order.status_changed')).slice(earlierHooks);
    expect(asking).toEqual({
      orderId: order.id,
      reference: order.reference,
      previousStatus: before.status,
      status: 'needs_clarification',
      missingElements: missing,
      clockStops: stops,
    });

    clock = new Date(clock.getTime() + 2 * HOUR);
    const answered = await answerClarification(t.writ, order.id, officer, 'Attached.');
    const statusHooks = (await hooksOf(order.id, 'order.status_changed')).slice(earlierHooks);
    expect(statusHooks).toHaveLength(2);
    expect(statusHooks[1]).toEqual({
      orderId: order.id,
      reference: order.reference,
      previousStatus: 'needs_clarification',
      status: 'in_review',
      dueAt: answered.order.dueAt.toISOString(),
    });
  });

  it('without missing elements, the mail has no list', async () => {
    const order = await orderInReview();
    await requestClarification(t.writ, order.id, { id: reviewer.id }, { body: 'Who signed it?', missingElements: [] });
    const [mail] = await mailsOf(order.id, 'clarification_request');
    expect(mail!.body).not.toContain('What the order lacks');
    expect(mail!.body.split('\n').slice(0, 4)).toEqual([
      `The platform asks you to clarify order ${order.reference} before it can decide.`,
      '',
      'Who signed it?',
      '',
    ]);
  });
});
