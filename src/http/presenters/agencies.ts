/** Agencies, their history and their officers on the wire (src/contracts/agencies.ts). */
import type { z } from 'zod';
import type { agencyEventSchema, agencySchema, officerSchema } from '../../contracts/agencies.js';
import type { Agency, AgencyEventRecord } from '../../domain/agency.js';
import type { Officer } from '../../domain/officer.js';
import { iso } from './instants.js';

export function presentAgency(agency: Agency): z.infer<typeof agencySchema> {
  return { ...agency, decidedAt: agency.decidedAt ? iso(agency.decidedAt) : null, createdAt: iso(agency.createdAt) };
}

export function presentAgencyEvent(event: AgencyEventRecord): z.infer<typeof agencyEventSchema> {
  return { ...event, at: iso(event.at), before: event.before ?? null, after: event.after ?? null };
}

export function presentAgencyDetail(detail: { agency: Agency; events: AgencyEventRecord[] }) {
  return { agency: presentAgency(detail.agency), events: detail.events.map(presentAgencyEvent) };
}

export function presentOfficer(officer: Officer): z.infer<typeof officerSchema> {
  return {
    id: officer.id,
    email: officer.email,
    name: officer.name,
    isAgencyAdmin: officer.isAgencyAdmin,
    status: officer.status,
    emailConfirmedAt: officer.emailConfirmedAt ? iso(officer.emailConfirmedAt) : null,
    createdAt: iso(officer.createdAt),
  };
}
