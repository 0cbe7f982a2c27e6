/**
 * The conversation on an order, on both sides: reviewers and the authority's officers read it and
 * post messages; a reviewer asks for a clarification (the order waits, and its clock stands still
 * where the regime says so); the authority answers it (the clock resumes and the deadline moves by
 * the time it stood still), contests a decision or withdraws the order. The rules are the domain's
 * (src/domain/order-thread.ts, clarification-clock.ts); the repository stores each action in one
 * transaction with its events, mail and webhook events.
 */
import type { AgencyPrincipal } from '../db/officer-sessions-repository.js';
import type { Thread, ThreadActor, ThreadChange, ThreadState } from '../db/order-thread-repository.js';
import { WritError } from '../domain/errors.js';
import type { MissingElement, OrderElement } from '../domain/order-elements.js';
import {
  type ClarificationClockRule,
  clarificationClockRule,
  requirementsFor,
  resumedDeadline,
} from '../domain/order-requirements.js';
import {
  assertClarificationAnswerable,
  assertClarificationRequestable,
  assertContestable,
  assertWithdrawable,
  clockPausedAfterRequest,
  missingElementsOf,
} from '../domain/order-thread.js';
import type { Writ } from './context.js';

type ThreadPorts = Pick<Writ, 'orderThread' | 'rules' | 'config'>;

/** A thread with the rule its order's clock follows while a clarification is awaited (shown on both sides). */
export type OrderThread = Thread & { clock: ClarificationClockRule };

/** The regime's rule on the clock during a clarification, or the platform's setting where the regime is silent. */
function clockRule(writ: Pick<Writ, 'rules' | 'config'>, order: ThreadState): ClarificationClockRule {
  return clarificationClockRule(requirementsFor(writ.rules, order), writ.config.clarificationClock);
}

const withClock = (writ: Pick<Writ, 'rules' | 'config'>, thread: Thread): OrderThread => ({
  ...thread,
  clock: clockRule(writ, thread.order),
});

/** Whose thread view is asked for: a reviewer sees every order's, an agency only its own orders'. */
export type ThreadViewer = { kind: 'reviewer' } | { kind: 'agency'; agencyId: string };

/**
 * The officer behind an authority-channel request, who signs what it writes on the order's thread.
 * An API key is no person: keys may read threads, only officers write in them. Another agency's
 * order is not found for a key either, before anything else is said about it.
 */
export async function signingOfficer(writ: ThreadPorts, principal: AgencyPrincipal, requestId: string): Promise<ThreadActor> {
  if (principal.officer) return { kind: 'officer', id: principal.officer.id, agencyId: principal.agency.id };
  await writ.orderThread.read(requestId, principal.agency.id);
  throw new WritError(
    'forbidden',
    'an API key can read the thread; messages, answers, contests and withdrawals are signed by an officer',
  );
}

export async function readThread(writ: ThreadPorts, requestId: string, viewer: ThreadViewer): Promise<OrderThread> {
  return withClock(writ, await writ.orderThread.read(requestId, viewer.kind === 'agency' ? viewer.agencyId : null));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const statusEvent = (order: ThreadState, status: string, extra: Record<string, unknown> = {}) => ({
  eventType: 'order.status_changed',
  payload: { orderId: order.id, reference: order.reference, previousStatus: order.status, status, ...extra },
});

function describeMissing(missing: readonly MissingElement[]): string {
  return missing.map((m) => `- ${m.element}: ${m.reason}`).join('\n');
}

/** A message from either side; the authority hears of a platform's message by mail and webhook. */
export async function postMessage(writ: ThreadPorts, requestId: string, actor: ThreadActor, body: string): Promise<OrderThread> {
  const thread = await writ.orderThread.act(requestId, actor, {
    kind: 'message',
    body,
    plan: (order, messageId): ThreadChange => {
      const fromPlatform = actor.kind === 'user';
      return {
        event: { type: 'message_posted', before: null, after: { messageId, kind: 'message' } },
        ...(fromPlatform && order.mailTo
          ? {
              mail: {
                kind: 'message',
                to: order.mailTo,
                subject: `Order ${order.reference}: a message from the platform`,
                body: `The platform wrote about order ${order.reference}:\n\n${body}\n\nReply in the authority portal.`,
              },
            }
          : {}),
        agencyEvents: fromPlatform
          ? [
              {
                eventType: 'order.message',
                payload: { orderId: order.id, reference: order.reference, messageId, kind: 'message' },
              },
            ]
          : [],
      };
    },
  });
  return withClock(writ, thread);
}

/**
 * A reviewer asks the authority to clarify: the order waits (`needs_clarification`) with the list of
 * what is missing and why, and its clock stands still if the applied deadline rule says it does.
 */
export async function requestClarification(
  writ: ThreadPorts,
  requestId: string,
  reviewer: { id: string },
  input: { body: string; missingElements: readonly { element: OrderElement; reason?: string | null }[] },
): Promise<OrderThread> {
  const missing = missingElementsOf(input.missingElements);
  const thread = await writ.orderThread.act(
    requestId,
    { kind: 'user', id: reviewer.id },
    {
      kind: 'clarification_request',
      body: input.body,
      plan: (order, messageId, at): ThreadChange => {
        assertClarificationRequestable(order.status);
        const rule = clockRule(writ, order);
        const stops = rule.stops;
        const pausedAt = clockPausedAfterRequest(stops, order.clockPausedAt, at);
        const clock = stops
          ? 'The deadline’s clock stands still until you answer.'
          : 'The deadline’s clock keeps running meanwhile.';
        return {
          status: 'needs_clarification',
          missingElements: missing,
          clockPausedAt: pausedAt,
          event: {
            type: 'clarification_requested',
            before: { status: order.status, missingElements: order.missingElements, clockPausedAt: iso(order.clockPausedAt) },
            after: {
              messageId,
              missingElements: missing,
              clockStops: stops,
              clockBasis: rule.basis,
              clockPausedAt: iso(pausedAt),
            },
          },
          ...(order.mailTo
            ? {
                mail: {
                  kind: 'clarification_request',
                  to: order.mailTo,
                  subject: `Order ${order.reference}: clarification requested`,
                  body: [
                    `The platform asks you to clarify order ${order.reference} before it can decide.`,
                    '',
                    input.body,
                    ...(missing.length ? ['', 'What the order lacks:', describeMissing(missing)] : []),
                    '',
                    clock,
                    'Answer in the authority portal.',
                  ].join('\n'),
                },
              }
            : {}),
          agencyEvents: [statusEvent(order, 'needs_clarification', { missingElements: missing, clockStops: stops })],
        };
      },
    },
  );
  return withClock(writ, thread);
}

/** The authority answers: the order goes back in review, and a stopped clock resumes, moving the deadline. */
export async function answerClarification(
  writ: ThreadPorts,
  requestId: string,
  officer: ThreadActor,
  body: string,
): Promise<OrderThread> {
  const thread = await writ.orderThread.act(requestId, officer, {
    kind: 'clarification_answer',
    body,
    plan: (order, messageId, at): ThreadChange => {
      assertClarificationAnswerable(order.status);
      const dueAt = resumedDeadline(order.dueAt, order.clockPausedAt, at);
      return {
        status: 'in_review',
        dueAt,
        clockPausedAt: null,
        // Answered: what was missing is in the event's `before`; a reviewer asks again if anything still is.
        missingElements: [],
        event: {
          type: 'clarification_answered',
          before: { dueAt: iso(order.dueAt), clockPausedAt: iso(order.clockPausedAt), missingElements: order.missingElements },
          after: {
            messageId,
            dueAt: iso(dueAt),
            clockPausedAt: null,
            pausedSeconds: (dueAt.getTime() - order.dueAt.getTime()) / 1000,
          },
        },
        agencyEvents: [statusEvent(order, 'in_review', { dueAt: iso(dueAt) })],
      };
    },
  });
  return withClock(writ, thread);
}

/** The authority contests a decision; reopening the order is the reviewers' choice. */
export async function contestDecision(
  writ: ThreadPorts,
  requestId: string,
  officer: ThreadActor,
  body: string,
): Promise<OrderThread> {
  const thread = await writ.orderThread.act(requestId, officer, {
    kind: 'contest',
    body,
    plan: (order, messageId): ThreadChange => {
      assertContestable(order.status);
      return { event: { type: 'decision_contested', before: { status: order.status }, after: { messageId } } };
    },
  });
  return withClock(writ, thread);
}

/** The authority takes an open order back, saying why; the order is withdrawn for good. */
export async function withdrawOrder(
  writ: ThreadPorts,
  requestId: string,
  officer: ThreadActor,
  reason: string,
): Promise<OrderThread> {
  const thread = await writ.orderThread.act(requestId, officer, {
    kind: 'withdrawal',
    body: reason,
    plan: (order, messageId): ThreadChange => {
      assertWithdrawable(order.status);
      return {
        status: 'withdrawn',
        clockPausedAt: null,
        event: { type: 'order_withdrawn', before: { status: order.status }, after: { messageId }, note: reason },
        agencyEvents: [statusEvent(order, 'withdrawn')],
      };
    },
  });
  return withClock(writ, thread);
}
