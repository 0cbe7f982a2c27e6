/**
 * Preservation holds as reviewers and agencies act on them (issue 11): an extension within the
 * rules' number and length, a release, the legal process that keeps a hold past its expiry. The
 * reminders and the releases at expiry are the durable job's (src/jobs/preservation.ts).
 */
import type { AgencyPrincipal } from '../db/officer-sessions-repository.js';
import { notFound } from '../domain/errors.js';
import type { Writ } from './context.js';
import { type ReviewedRequest, readRequest } from './requests.js';

type Ports = Pick<Writ, 'preservation' | 'requests' | 'rules' | 'config'>;
type Reviewer = { id: string };

export async function extendHold(
  writ: Ports,
  requestId: string,
  accountId: string,
  note: string,
  reviewer: Reviewer,
): Promise<ReviewedRequest> {
  const { preservationExtensionDays: days, preservationExtensions: allowed } = writ.config.dataRequests;
  await writ.preservation.extend(requestId, accountId, { note, days, allowed, actor: { userId: reviewer.id } });
  return readRequest(writ, requestId);
}

export async function releaseHold(
  writ: Ports,
  requestId: string,
  accountId: string,
  note: string,
  reviewer: Reviewer,
): Promise<ReviewedRequest> {
  await writ.preservation.release(requestId, accountId, { note, userId: reviewer.id });
  return readRequest(writ, requestId);
}

export async function linkLegalProcess(
  writ: Ports,
  requestId: string,
  accountId: string,
  reference: string,
  reviewer: Reviewer,
): Promise<ReviewedRequest> {
  await writ.preservation.linkLegalProcess(requestId, accountId, { reference, userId: reviewer.id });
  return readRequest(writ, requestId);
}

/** The agency asks for the extension on its own order; the hold as it then stands. */
export async function extendHoldForAgency(
  writ: Ports,
  principal: AgencyPrincipal,
  requestId: string,
  accountId: string,
  note: string,
) {
  const { preservationExtensionDays: days, preservationExtensions: allowed } = writ.config.dataRequests;
  await writ.preservation.extend(requestId, accountId, {
    note,
    days,
    allowed,
    actor: { agencyId: principal.agency.id, officerId: principal.officer?.id ?? null },
  });
  const { request } = await readRequest(writ, requestId);
  const hold = request.dataRequest?.accounts.find((a) => a.id === accountId)?.hold;
  if (!hold) throw notFound('preservation hold on account', accountId);
  return hold;
}
