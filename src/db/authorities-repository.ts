import { asc, eq } from 'drizzle-orm';
import { WritError } from '../domain/errors.js';
import type { Authority, NewAuthority } from '../domain/request.js';
import type { Db } from './connection.js';
import { authorities } from './schema/index.js';

const columns = {
  id: authorities.id,
  country: authorities.country,
  name: authorities.name,
  kind: authorities.kind,
  timeZone: authorities.timeZone,
  isDemo: authorities.isDemo,
};

export function authoritiesRepository(db: Db) {
  return {
    async list(country?: string): Promise<Authority[]> {
      return db
        .select(columns)
        .from(authorities)
        .where(country ? eq(authorities.country, country) : undefined)
        .orderBy(asc(authorities.country), asc(authorities.name));
    },

    async find(id: string): Promise<Authority | undefined> {
      const [row] = await db.select(columns).from(authorities).where(eq(authorities.id, id));
      return row;
    },

    async create(input: NewAuthority & { isDemo?: boolean }): Promise<Authority> {
      const [row] = await db
        .insert(authorities)
        .values({ ...input, isDemo: input.isDemo ?? false })
        .onConflictDoNothing()
        .returning(columns);
      if (!row) {
        throw new WritError('conflict', `${input.country} already has an authority named ${JSON.stringify(input.name)}`, 'name');
      }
      return row;
    },
  };
}
export type AuthoritiesRepository = ReturnType<typeof authoritiesRepository>;
