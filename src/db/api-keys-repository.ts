/**
 * An agency's API keys: created (the key is returned once and stored as its SHA-256 with a visible
 * prefix), listed, revoked. Each change is one transaction with its `agency_events` row naming the
 * officer. Every query is scoped to the agency: another agency's key is simply not found.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { API_KEY_VISIBLE_PREFIX_LENGTH, type ApiKey } from '../domain/api-key.js';
import type { Db } from './connection.js';
import { API_KEY_PREFIX, hashToken } from './officer-sessions-repository.js';
import { agencyEvents, apiKeys, officers } from './schema/index.js';

const keyColumns = {
  id: apiKeys.id,
  agencyId: apiKeys.agencyId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  creatorId: officers.id,
  creatorName: officers.name,
};

type KeyRow = Omit<ApiKey, 'createdBy'> & { creatorId: string | null; creatorName: string | null };
const toApiKey = ({ creatorId, creatorName, ...row }: KeyRow): ApiKey => ({
  ...row,
  createdBy: creatorId && creatorName !== null ? { id: creatorId, name: creatorName } : null,
});

export function apiKeysRepository(db: Db, now: () => Date) {
  const find = async (agencyId: string, id: string): Promise<ApiKey | undefined> => {
    const [row] = await db
      .select(keyColumns)
      .from(apiKeys)
      .leftJoin(officers, eq(officers.id, apiKeys.createdBy))
      .where(and(eq(apiKeys.agencyId, agencyId), eq(apiKeys.id, id)));
    return row ? toApiKey(row) : undefined;
  };

  return {
    find,

    /** Creates a key for the agency; returns it with the key in clear, which is never stored. */
    async create(
      agencyId: string,
      officerId: string,
      input: { name: string; expiresAt: Date | null },
    ): Promise<{ apiKey: ApiKey; key: string }> {
      const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
      const at = now();
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiKeys)
          .values({
            agencyId,
            name: input.name,
            prefix: key.slice(0, API_KEY_VISIBLE_PREFIX_LENGTH),
            keyHash: hashToken(key),
            createdBy: officerId,
            createdAt: at,
            expiresAt: input.expiresAt,
          })
          .returning({ id: apiKeys.id, prefix: apiKeys.prefix });
        await tx.insert(agencyEvents).values({
          agencyId,
          type: 'api_key_created',
          actorOfficerId: officerId,
          at,
          after: { apiKeyId: row!.id, name: input.name, prefix: row!.prefix, expiresAt: input.expiresAt?.toISOString() ?? null },
        });
        return row!.id;
      });
      return { apiKey: (await find(agencyId, id))!, key };
    },

    /** The agency's keys, newest first. */
    async list(agencyId: string): Promise<ApiKey[]> {
      const rows = await db
        .select(keyColumns)
        .from(apiKeys)
        .leftJoin(officers, eq(officers.id, apiKeys.createdBy))
        .where(eq(apiKeys.agencyId, agencyId))
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
      return rows.map(toApiKey);
    },

    /**
     * Revokes the agency's key (it is refused from the next request on); revoking a revoked key
     * changes nothing. Undefined when the agency has no such key.
     */
    async revoke(agencyId: string, id: string, officerId: string): Promise<ApiKey | undefined> {
      const at = now();
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(apiKeys)
          .set({ revokedAt: at })
          .where(and(eq(apiKeys.agencyId, agencyId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
          .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
        if (!row) return;
        await tx.insert(agencyEvents).values({
          agencyId,
          type: 'api_key_revoked',
          actorOfficerId: officerId,
          at,
          before: { apiKeyId: row.id, name: row.name, prefix: row.prefix, revokedAt: null },
          after: { apiKeyId: row.id, revokedAt: at.toISOString() },
        });
      });
      return find(agencyId, id);
    },
  };
}
export type ApiKeysRepository = ReturnType<typeof apiKeysRepository>;
