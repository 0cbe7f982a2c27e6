/**
 * Agencies (issue 10): any government body applies the same way; a platform admin verifies it
 * (which invites its contact as the first admin officer), rejects it with a reason, and may later
 * suspend it with a reason and reinstate it. Nothing here depends on the agency's country.
 */
import {
  type Agency,
  type AgencyDecision,
  type AgencyEventRecord,
  checkApplication,
  decisionsWithReason,
  type NewAgency,
} from '../domain/agency.js';
import { WritError } from '../domain/errors.js';
import type { Writ } from './context.js';
import { invitationLink } from './officers.js';

/** Stores an application as `pending`; the same country cannot have two agencies of one name. */
export async function applyForAgency(writ: Pick<Writ, 'agencies'>, input: NewAgency): Promise<Agency> {
  const application = checkApplication(input);
  const agency = await writ.agencies.apply(application);
  if (!agency)
    throw new WritError(
      'conflict',
      `${application.country} already has an agency named ${JSON.stringify(application.name)}`,
      'name',
    );
  return agency;
}

export async function agencyWithHistory(
  writ: Pick<Writ, 'agencies'>,
  id: string,
): Promise<{ agency: Agency; events: AgencyEventRecord[] }> {
  const agency = await writ.agencies.find(id);
  if (!agency) throw new WritError('not_found', `agency ${id} does not exist`);
  return { agency, events: await writ.agencies.history(id) };
}

/** An admin's decision on an agency; `verify` also invites the contact as the agency's first admin officer. */
export async function decideAgency(
  writ: Pick<Writ, 'agencies' | 'config' | 'now'>,
  input: { agencyId: string; decision: AgencyDecision; actorUserId: string; reason?: string | null },
): Promise<{ agency: Agency; events: AgencyEventRecord[] }> {
  const reason = input.reason?.trim() || null;
  if (decisionsWithReason.has(input.decision) && !reason)
    throw new WritError('validation_failed', 'say why: the agency is shown the reason', 'reason');
  const current = await writ.agencies.find(input.agencyId);
  if (!current) throw new WritError('not_found', `agency ${input.agencyId} does not exist`);
  const agency = await writ.agencies.decide(input.agencyId, {
    decision: input.decision,
    actorUserId: input.actorUserId,
    reason: decisionsWithReason.has(input.decision) ? reason : null,
    invitation: input.decision === 'verify' ? invitationLink(writ, current) : undefined,
  });
  if (!agency) throw new WritError('not_found', `agency ${input.agencyId} does not exist`);
  return { agency, events: await writ.agencies.history(agency.id) };
}
