/** Productions of data orders (issue 11): the package's record, its availability, its downloads. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AccountIdentifierKind, DataCategory, LegalProcess, Production, ProductionExtent } from '../domain/data-request.js';
import { notFound, WritError } from '../domain/errors.js';
import { type ProductionManifest, packageFileName } from '../domain/production-package.js';
import type { RequestKind } from '../domain/vocabulary.js';
import type { Db } from './connection.js';
import { lockRequest } from './request-rows.js';
import {
  accountDecisions,
  authorities,
  channelOrders,
  dataAccounts,
  dataRequests,
  events,
  productions,
  requests,
  users,
} from './schema/index.js';

/** What a production is built from: the order and its accounts with their decisions. */
export type ProductionBasis = {
  requestId: string;
  kind: RequestKind;
  reference: string;
  authorityReference: string | null;
  authority: string;
  legalProcess: LegalProcess | null;
  accounts: {
    identifierKind: AccountIdentifierKind;
    identifier: string;
    extent: ProductionExtent | null;
    producedCategories: DataCategory[];
  }[];
};

/** Who downloaded: the agency, by its officer (portal session) or by an API key. */
export type ProductionDownloader = { agencyId: string; officerId: string | null; apiKeyId: string | null };

export function productionsRepository(db: Db, now: () => Date = () => new Date()) {
  /** One production as the desk and the authority see it (never its contents), with its download count. */
  async function view(requestId: string, productionId: string): Promise<Production> {
    const [row] = await db
      .select({ production: productions, creator: { id: users.id, name: users.name } })
      .from(productions)
      .leftJoin(users, eq(users.id, productions.createdBy))
      .where(and(eq(productions.id, productionId), eq(productions.requestId, requestId)));
    if (!row) throw notFound('production', productionId);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(
        sql`${events.requestId} = ${requestId} AND ${events.type} = 'production_downloaded' AND ${events.after}->>'productionId' = ${productionId}`,
      );
    const p = row.production;
    const manifest = p.manifest as Partial<ProductionManifest>;
    return {
      id: p.id,
      fileName: p.fileName,
      size: p.size,
      sha256: p.sha256,
      files: (manifest.files ?? []).map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 })),
      availableUntil: p.availableUntil,
      revokedAt: p.revokedAt,
      createdAt: p.createdAt,
      createdBy: row.creator?.id ? { id: row.creator.id, name: row.creator.name } : null,
      downloads: count?.n ?? 0,
    };
  }

  /** Not found unless the order came through the channel from this agency. */
  async function checkOwner(agencyId: string, requestId: string, productionId: string) {
    const [own] = await db
      .select({ id: channelOrders.requestId })
      .from(channelOrders)
      .where(and(eq(channelOrders.requestId, requestId), eq(channelOrders.agencyId, agencyId)));
    if (!own) throw notFound('production', productionId);
  }

  return {
    view,

    /** The order and its accounts' decisions; not found when there is no such order. */
    async basis(requestId: string): Promise<ProductionBasis> {
      const [order] = await db
        .select({
          requestId: requests.id,
          kind: requests.kind,
          reference: requests.reference,
          authorityReference: requests.authorityReference,
          authority: authorities.name,
          legalProcess: dataRequests.legalProcess,
        })
        .from(requests)
        .innerJoin(authorities, eq(authorities.id, requests.authorityId))
        .leftJoin(dataRequests, eq(dataRequests.requestId, requests.id))
        .where(eq(requests.id, requestId));
      if (!order) throw notFound('request', requestId);
      const accounts = await db
        .select({
          identifierKind: dataAccounts.identifierKind,
          identifier: dataAccounts.identifier,
          extent: accountDecisions.extent,
          producedCategories: accountDecisions.producedCategories,
        })
        .from(dataAccounts)
        .leftJoin(accountDecisions, eq(accountDecisions.accountId, dataAccounts.id))
        .where(eq(dataAccounts.requestId, requestId))
        .orderBy(asc(dataAccounts.position));
      return {
        ...order,
        accounts: accounts.map((a) => ({ ...a, producedCategories: a.producedCategories ?? [] })),
      };
    },

    /**
     * Records a stored package: its row (named `<reference>-production-<n>.zip`, n counted under the
     * order's row lock) and `production_delivered` in the order's history.
     */
    async record(p: {
      id: string;
      requestId: string;
      reference: string;
      size: number;
      sha256: string;
      manifest: ProductionManifest;
      availableUntil: Date;
      createdBy: string;
    }): Promise<Production> {
      await db.transaction(async (tx) => {
        await lockRequest(tx, p.requestId);
        const [count] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(productions)
          .where(eq(productions.requestId, p.requestId));
        const at = now();
        const fileName = packageFileName(p.reference, (count?.n ?? 0) + 1);
        await tx.insert(productions).values({
          id: p.id,
          requestId: p.requestId,
          fileName,
          size: p.size,
          sha256: p.sha256,
          manifest: p.manifest,
          availableUntil: p.availableUntil,
          createdBy: p.createdBy,
          createdAt: at,
        });
        await tx.insert(events).values({
          requestId: p.requestId,
          type: 'production_delivered',
          actorId: p.createdBy,
          at,
          after: {
            productionId: p.id,
            fileName,
            files: p.manifest.files.map((f) => f.name),
            sha256: p.sha256,
            availableUntil: p.availableUntil.toISOString(),
          },
        });
        await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, p.requestId));
      });
      return view(p.requestId, p.id);
    },

    /** A production's row; with an agency, only of an order that agency sent (not found otherwise). */
    async get(requestId: string, productionId: string, agencyId: string | null) {
      if (agencyId !== null) await checkOwner(agencyId, requestId, productionId);
      const [row] = await db
        .select()
        .from(productions)
        .where(and(eq(productions.id, productionId), eq(productions.requestId, requestId)));
      if (!row) throw notFound('production', productionId);
      return row;
    },

    /** The agency's productions of one of its orders (not found when the order is not the agency's). */
    async listForAgency(agencyId: string, requestId: string): Promise<Production[]> {
      await checkOwner(agencyId, requestId, requestId);
      const rows = await db
        .select({ id: productions.id })
        .from(productions)
        .where(eq(productions.requestId, requestId))
        .orderBy(asc(productions.createdAt));
      return Promise.all(rows.map((r) => view(requestId, r.id)));
    },

    /** `production_downloaded` in the order's history, with the officer (or the API key) that downloaded. */
    async recordDownload(requestId: string, productionId: string, by: ProductionDownloader): Promise<void> {
      await db.insert(events).values({
        requestId,
        type: 'production_downloaded',
        actorOfficerId: by.officerId,
        at: now(),
        after: { productionId, agencyId: by.agencyId, apiKeyId: by.apiKeyId },
      });
    },

    /** Withdraws a production: revokedAt, `production_revoked` with the note. Twice is a conflict. */
    async revoke(requestId: string, productionId: string, userId: string, note: string): Promise<Production> {
      await db.transaction(async (tx) => {
        await lockRequest(tx, requestId);
        const [row] = await tx
          .select({ revokedAt: productions.revokedAt })
          .from(productions)
          .where(and(eq(productions.id, productionId), eq(productions.requestId, requestId)))
          .for('update');
        if (!row) throw notFound('production', productionId);
        if (row.revokedAt) throw new WritError('invalid_transition', 'the production was already revoked');
        const at = now();
        await tx.update(productions).set({ revokedAt: at }).where(eq(productions.id, productionId));
        await tx.insert(events).values({
          requestId,
          type: 'production_revoked',
          actorId: userId,
          at,
          after: { productionId },
          note,
        });
        await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
      });
      return view(requestId, productionId);
    },
  };
}
export type ProductionsRepository = ReturnType<typeof productionsRepository>;
