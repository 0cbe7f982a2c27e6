/**
 * Agencies: their applications, the platform admins' decisions on them and their history
 * (`agency_events`, append-only). Each change is one transaction with its event; verifying also
 * links the agency to its authority and invites its contact as the first admin officer.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import {
  type Agency,
  type AgencyDecision,
  type AgencyEventRecord,
  type AgencyStatus,
  agencyTransition,
  type NewAgency,
} from '../domain/agency.js';
import { WritError } from '../domain/errors.js';
import type { Db } from './connection.js';
import { insertInvitedOfficer, type OfficerLink } from './officers-repository.js';
import { agencies, agencyEvents, authorities } from './schema/index.js';

const agencyColumns = {
  id: agencies.id,
  country: agencies.country,
  name: agencies.name,
  kind: agencies.kind,
  domain: agencies.domain,
  legalMandate: agencies.legalMandate,
  contactName: agencies.contactName,
  contactEmail: agencies.contactEmail,
  timeZone: agencies.timeZone,
  status: agencies.status,
  statusReason: agencies.statusReason,
  authorityId: agencies.authorityId,
  decidedAt: agencies.decidedAt,
  createdAt: agencies.createdAt,
};

const eventColumns = {
  id: agencyEvents.id,
  type: agencyEvents.type,
  at: agencyEvents.at,
  actorUserId: agencyEvents.actorUserId,
  actorOfficerId: agencyEvents.actorOfficerId,
  before: agencyEvents.before,
  after: agencyEvents.after,
  note: agencyEvents.note,
};

export type AgencyDecisionInput = {
  decision: AgencyDecision;
  actorUserId: string;
  reason: string | null;
  /** For `verify`: the contact's invitation (link and mail). */
  invitation?: OfficerLink;
};

export function agenciesRepository(db: Db, now: () => Date) {
  return {
    /** Stores a pending application with its `applied` event; undefined when the country already has an agency of that name. */
    async apply(input: NewAgency): Promise<Agency | undefined> {
      return db.transaction(async (tx) => {
        const [agency] = await tx
          .insert(agencies)
          .values({ ...input, status: 'pending', createdAt: now() })
          .onConflictDoNothing()
          .returning(agencyColumns);
        if (!agency) return undefined;
        await tx
          .insert(agencyEvents)
          .values({ agencyId: agency.id, type: 'applied', at: agency.createdAt, after: { status: 'pending' } });
        return agency;
      });
    },

    async list(status?: AgencyStatus): Promise<Agency[]> {
      return db
        .select(agencyColumns)
        .from(agencies)
        .where(status ? eq(agencies.status, status) : undefined)
        .orderBy(desc(agencies.createdAt), asc(agencies.name));
    },

    async find(id: string): Promise<Agency | undefined> {
      const [row] = await db.select(agencyColumns).from(agencies).where(eq(agencies.id, id));
      return row;
    },

    async history(id: string): Promise<AgencyEventRecord[]> {
      return db.select(eventColumns).from(agencyEvents).where(eq(agencyEvents.agencyId, id)).orderBy(asc(agencyEvents.id));
    },

    /**
     * Applies an admin's decision under the row lock (the domain says whether it may be taken).
     * `verify` also links or creates the authority of the same country and name, and invites the
     * contact as the first admin officer with its mail; all or nothing. Undefined: no such agency.
     */
    async decide(id: string, input: AgencyDecisionInput): Promise<Agency | undefined> {
      const at = now();
      return db.transaction(async (tx) => {
        const [current] = await tx.select(agencyColumns).from(agencies).where(eq(agencies.id, id)).for('update');
        if (!current) return undefined;
        const { to, event } = agencyTransition(current.status, input.decision);
        let authorityId = current.authorityId;
        if (input.decision === 'verify') {
          await tx
            .insert(authorities)
            .values({ country: current.country, name: current.name, kind: current.kind, timeZone: current.timeZone })
            .onConflictDoNothing();
          const [authority] = await tx
            .select({ id: authorities.id })
            .from(authorities)
            .where(and(eq(authorities.country, current.country), eq(authorities.name, current.name)));
          authorityId = authority!.id;
        }
        const [agency] = await tx
          .update(agencies)
          .set({ status: to, statusReason: input.reason, authorityId, decidedBy: input.actorUserId, decidedAt: at })
          .where(eq(agencies.id, id))
          .returning(agencyColumns);
        await tx.insert(agencyEvents).values({
          agencyId: id,
          type: event,
          actorUserId: input.actorUserId,
          at,
          before: { status: current.status, statusReason: current.statusReason, authorityId: current.authorityId },
          after: { status: to, statusReason: input.reason, authorityId },
          note: input.reason,
        });
        // The use case gives an invitation with `verify` alone (src/app/agencies.ts).
        if (input.invitation) {
          const officer = await insertInvitedOfficer(
            tx,
            { agencyId: id, email: current.contactEmail, name: current.contactName, isAgencyAdmin: true, invitedBy: null },
            input.invitation,
          );
          if (!officer)
            throw new WritError(
              'conflict',
              `${current.contactEmail} is already an officer's address: the contact must be new`,
              'contactEmail',
            );
          await tx.insert(agencyEvents).values({
            agencyId: id,
            type: 'officer_invited',
            actorUserId: input.actorUserId,
            at,
            after: { officerId: officer.id, email: officer.email, isAgencyAdmin: true },
          });
        }
        return agency;
      });
    },
  };
}
export type AgenciesRepository = ReturnType<typeof agenciesRepository>;
