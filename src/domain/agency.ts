/**
 * Agencies (issue 10): a government body that applies to send orders through the authority channel.
 * A platform admin verifies or rejects the application and may later suspend and reinstate it; only a
 * verified agency can act. The rules are the same for every agency of every country.
 */

import { WritError } from './errors.js';
import { isTimeZone } from './regimes/time.js';
import type { AuthorityKind } from './vocabulary.js';

export type AgencyStatus = 'pending' | 'verified' | 'rejected' | 'suspended';

export type Agency = {
  id: string;
  country: string;
  name: string;
  kind: AuthorityKind;
  domain: string;
  legalMandate: string;
  contactName: string;
  contactEmail: string;
  timeZone: string | null;
  status: AgencyStatus;
  statusReason: string | null;
  authorityId: string | null;
  decidedAt: Date | null;
  createdAt: Date;
};

export type NewAgency = Pick<
  Agency,
  'country' | 'name' | 'kind' | 'domain' | 'legalMandate' | 'contactName' | 'contactEmail' | 'timeZone'
>;

export type AgencyEventRecord = {
  id: number;
  type: string;
  at: Date;
  actorUserId: string | null;
  actorOfficerId: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
};

/** What a platform admin may do to an agency, and the status each leads to from which. */
export type AgencyDecision = 'verify' | 'reject' | 'suspend' | 'reinstate';

const transitions: Record<AgencyDecision, { from: AgencyStatus; to: AgencyStatus; event: string }> = {
  verify: { from: 'pending', to: 'verified', event: 'verified' },
  reject: { from: 'pending', to: 'rejected', event: 'rejected' },
  suspend: { from: 'verified', to: 'suspended', event: 'suspended' },
  reinstate: { from: 'suspended', to: 'verified', event: 'reinstated' },
};

/** Decisions that must say why (the agency is shown the reason). */
export const decisionsWithReason: ReadonlySet<AgencyDecision> = new Set(['reject', 'suspend']);

/** The status after `decision`, and the history event's type; `invalid_transition` when not possible. */
export function agencyTransition(status: AgencyStatus, decision: AgencyDecision): { to: AgencyStatus; event: string } {
  const t = transitions[decision];
  if (t.from !== status)
    throw new WritError('invalid_transition', `a ${status} agency cannot be ${t.event}; only a ${t.from} one can`);
  return { to: t.to, event: t.event };
}

/** A DNS name: labels of letters, digits and hyphens (not at either end), at least two labels. */
const dnsName = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The agency's official domain, lower case, without a trailing dot; refused with a clear problem if it is not a DNS name. */
export function agencyDomain(input: string): string {
  const domain = input.trim().toLowerCase().replace(/\.$/, '');
  if (!dnsName.test(domain))
    throw new WritError(
      'validation_failed',
      `${JSON.stringify(input)} is not a web domain: give the DNS name alone, such as mic.gov.kz (no https://, no path)`,
      'domain',
    );
  return domain;
}

/** True when the address's host is `domain` or a subdomain of it (`a@x.gov.kz` is on `gov.kz`; `a@evilgov.kz` is not). */
export function isOnDomain(email: string, domain: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  const host = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return host === domain || host.endsWith(`.${domain}`);
}

/** Refuses an address that is not on the agency's domain, naming `field`. */
export function checkOnDomain(email: string, domain: string, field: string): void {
  if (!isOnDomain(email, domain))
    throw new WritError('validation_failed', `${email} is not on the agency's domain ${domain} (or a subdomain of it)`, field);
}

/** An application as it is stored: the domain normalised, the contact on it, the zone a real one. */
export function checkApplication(input: NewAgency): NewAgency {
  const domain = agencyDomain(input.domain);
  checkOnDomain(input.contactEmail, domain, 'contactEmail');
  if (input.timeZone !== null && !isTimeZone(input.timeZone))
    throw new WritError(
      'validation_failed',
      `${JSON.stringify(input.timeZone)} is not an IANA time zone (for example Asia/Almaty)`,
      'timeZone',
    );
  return { ...input, domain, contactEmail: input.contactEmail.trim() };
}
