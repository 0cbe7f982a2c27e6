/**
 * Orders an agency submits and follows through the authority channel (issue 10): received through
 * the same checks as every order (checkOrder), under the agency's own authority and zone, at the
 * server's instant; completeness judged against what the regime requires (or the platform's default
 * list), with the clock stopped where the regime says so; and read back only by that agency, each
 * item with the outcome in the authority's words.
 */
import type { z } from 'zod';
import type { submitOrderSchema } from '../contracts/authority-orders.js';
import type { ChannelOrderDetail, ChannelOrderRow } from '../db/channel-orders-repository.js';
import type { AgencyPrincipal } from '../db/officer-sessions-repository.js';
import type { NewMail } from '../db/outbox-repository.js';
import { isDataRequestKind } from '../domain/data-request.js';
import { WritError } from '../domain/errors.js';
import { checkOrder, type IncomingOrder } from '../domain/intake.js';
import { orderReceipt } from '../domain/order-receipt.js';
import {
  type ClarificationClockRule,
  clarificationClockRule,
  type MissingElement,
  missingElements,
  type OrderRequirements,
  requirementsFor,
} from '../domain/order-requirements.js';
import type { RequestStatus } from '../domain/vocabulary.js';
import type { Writ } from './context.js';
import { dataRequestFromBody } from './intake.js';

export type SubmitOrderInput = z.output<typeof submitOrderSchema>;

/** An item whose product the authority did not state is stored under this product (and `product` is listed missing where required). */
export const UNSPECIFIED_PRODUCT = 'unspecified';

type ChannelContext = Pick<Writ, 'channelOrders' | 'rules' | 'config' | 'now'>;

/** An order as its agency sees it: what is stored, and what its regime asks of it and of the clock. */
export type ChannelOrderView<T extends ChannelOrderRow = ChannelOrderRow> = {
  order: T;
  /** The zone the agency's instants are written in. */
  timeZone: string;
  requirementsBasis: OrderRequirements['basis'];
  clock: ClarificationClockRule;
  /** How often a preservation hold may be extended (the setting), to tell the agency whether it still can. */
  holdExtensions: number;
};

function viewOf<T extends ChannelOrderRow>(writ: Pick<Writ, 'rules' | 'config'>, order: T): ChannelOrderView<T> {
  const requirements = requirementsFor(writ.rules, order);
  return {
    order,
    timeZone: order.authorityTimeZone,
    requirementsBasis: requirements.basis,
    clock: clarificationClockRule(requirements, writ.config.clarificationClock),
    holdExtensions: writ.config.dataRequests.preservationExtensions,
  };
}

function receiptMail(view: ChannelOrderView, to: string): Pick<NewMail, 'kind' | 'to' | 'subject' | 'body'> {
  return { kind: 'receipt', to, ...orderReceipt(view.order, view.timeZone, view.clock) };
}

/** Receives an order from the agency behind `principal`; answers the receipt. */
export async function submitOrder(
  writ: ChannelContext,
  principal: AgencyPrincipal,
  body: SubmitOrderInput,
): Promise<ChannelOrderView> {
  const frame = await writ.channelOrders.agencyFrame(principal.agency.id);
  if (!frame.authorityId)
    throw new WritError('agency_not_verified', 'the agency is not linked to an authority yet: it can send orders once verified');
  if (body.regime && !writ.rules.find(body.regime))
    throw new WritError(
      'validation_failed',
      `no regime ${body.regime} (GET /api/v1/regimes lists them: ${writ.rules.packs.map((p) => p.id).join(', ')})`,
      'regime',
    );
  const receivedAt = writ.now();
  const regimeZone = body.regime ? writ.rules.find(body.regime)?.timeZone : undefined;
  const timeZone = frame.timeZone ?? regimeZone ?? 'UTC';
  const incoming: IncomingOrder = {
    kind: body.kind,
    authorityId: frame.authorityId,
    receivedAt,
    authorityTimeZone: timeZone,
    legalBasis: body.legalBasis ?? '',
    claimedCategories: body.claimedCategories,
    channel: principal.officer ? 'portal' : 'api',
    authorityReference: body.authorityReference ?? null,
    items: body.items.map((i) => ({ targetKind: i.targetKind, target: i.target, product: i.product ?? UNSPECIFIED_PRODUCT })),
    // A data order's part; whether the kind wants one (and no items) is checkOrder's to say.
    dataRequest: body.dataRequest ? dataRequestFromBody(body.dataRequest) : null,
    regimeId: body.regime ?? null,
    category: body.category ?? null,
    periodSetInOrderHours: body.periodSetInOrderHours ?? null,
  };
  // The same checks as every order: the regime must be the agency's country's (or a union's), the deadline from the pack.
  const stored = checkOrder(incoming, { now: writ.now, rules: writ.rules, policy: writ.config.policyTargets }, frame.country);
  const requirements = requirementsFor(writ.rules, { regimeId: stored.regimeId, kind: stored.kind, receivedAt });
  const missing: MissingElement[] = missingElements(
    {
      legalBasis: body.legalBasis ?? null,
      signer: body.signer ?? null,
      statementOfReasons: body.statementOfReasons ?? null,
      items: body.items.map((i) => ({ target: i.target, product: i.product ?? null })),
      accounts: isDataRequestKind(stored.kind) ? (stored.dataRequest?.accounts ?? []).map((a) => a.identifier) : null,
      claimedCategories: body.claimedCategories,
      requestedScope: body.requestedScope,
      redress: body.redress ?? null,
      language: body.language ?? null,
      // Files come in a call of their own, after the receipt.
      attachments: 0,
    },
    requirements,
  );
  const clock = clarificationClockRule(requirements, writ.config.clarificationClock);
  const holdExtensions = writ.config.dataRequests.preservationExtensions;
  const status: RequestStatus = missing.length > 0 ? 'needs_clarification' : 'received';
  const clockPausedAt = missing.length > 0 && clock.stops ? receivedAt : null;
  const particulars = {
    signer: body.signer ?? null,
    statementOfReasons: body.statementOfReasons ?? null,
    requestedScope: body.requestedScope,
    redress: body.redress ?? null,
    language: body.language ?? null,
    missingElements: missing,
    clockPausedAt,
    status: status as 'received' | 'needs_clarification',
  };
  const rowOf = (written: { id: string; reference: string }): ChannelOrderRow => ({
    id: written.id,
    reference: written.reference,
    authorityReference: stored.authorityReference,
    kind: stored.kind,
    status,
    channel: stored.channel,
    receivedAt,
    authorityTimeZone: timeZone,
    dueAt: stored.dueAt,
    dueBasis: stored.dueBasis,
    regimeId: stored.regimeId,
    category: stored.category,
    missingElements: missing,
    clockPausedAt,
    decidedAt: null,
    itemCount: stored.items.length + (stored.dataRequest?.accounts.length ?? 0),
    decidedItemCount: 0,
    // The receipt does not show the data part; reading the order does.
    dataRequest: null,
  });
  const mailTo = principal.officer?.email ?? frame.contactEmail;
  const written = await writ.channelOrders.submit({
    order: { ...stored, ...particulars },
    agencyId: principal.agency.id,
    officerId: principal.officer?.id ?? null,
    apiKeyId: principal.apiKeyId,
    notices: (w) => {
      const view: ChannelOrderView = { order: rowOf(w), timeZone, requirementsBasis: requirements.basis, clock, holdExtensions };
      return {
        mail: receiptMail(view, mailTo),
        event: {
          eventType: 'order.received',
          payload: {
            orderId: w.id,
            reference: w.reference,
            authorityReference: stored.authorityReference,
            status,
            receivedAt: receivedAt.toISOString(),
            dueAt: stored.dueAt.toISOString(),
            missingElements: missing.map((m) => m.element),
            clockStopped: clockPausedAt !== null,
          },
        },
      };
    },
  });
  return { order: rowOf(written), timeZone, requirementsBasis: requirements.basis, clock, holdExtensions };
}

export async function listAgencyOrders(
  writ: ChannelContext,
  principal: AgencyPrincipal,
  query: { status?: RequestStatus[]; limit: number; offset: number },
): Promise<{ orders: ChannelOrderView[]; total: number }> {
  const { orders, total } = await writ.channelOrders.list(principal.agency.id, query);
  return { orders: orders.map((o) => viewOf(writ, o)), total };
}

/** One of the agency's own orders; any other id, another agency's included, is not found. */
export async function readAgencyOrder(
  writ: ChannelContext,
  principal: AgencyPrincipal,
  id: string,
): Promise<ChannelOrderView<ChannelOrderDetail>> {
  return viewOf(writ, await writ.channelOrders.get(principal.agency.id, id));
}
