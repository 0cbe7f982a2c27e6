/**
 * Writ's context (src/app/context.ts) over a fresh test database, without the HTTP app: for tests
 * of a use case itself, called as the routes and the CLI call it. Cheaper than createTestApp (no
 * Fastify, no sign-in), which matters most where each test runs again for every mutant of the
 * application layer (issue 14, decision 61).
 */
import { hash } from '@node-rs/argon2';
import { expect } from 'vitest';
import { createWrit, type Writ } from '../../src/app/context.js';
import { orderFromBody } from '../../src/app/intake.js';
import { receiveOrder } from '../../src/app/requests.js';
import { loadConfig } from '../../src/config.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import { authoritiesRepository } from '../../src/db/authorities-repository.js';
import { WritError } from '../../src/domain/errors.js';
import type { StaffRole } from '../../src/domain/permissions.js';
import type { RuleBook } from '../../src/domain/regimes/rule-book.js';
import type { Actor } from '../../src/domain/request.js';
import type { AuthorityKind } from '../../src/domain/vocabulary.js';
import { loadRuleBook } from '../../src/rules/packs.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export type TestWrit = { writ: Writ; database: TestDatabase; close(): Promise<void> };

export async function createTestWrit(options: { now?: () => Date; env?: Record<string, string> } = {}): Promise<TestWrit> {
  const database = await createTestDatabase();
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...options.env });
  const rules = options.env?.WRIT_RULES_DIR === undefined ? shippedRules(config.rulesDir) : undefined;
  const writ = createWrit(database.db, config, { now: options.now, rules });
  return { writ, database, close: () => database.close() };
}

/**
 * The shipped rule packs, read and validated once per process, as the server reads them once at
 * start: reading them took about 50 ms a test file, paid again for every mutant of the application
 * layer whose tests the file holds (decision 63). The rule book is read only; the packs' own loading
 * and checks are tested in the unit tier. A test that names another rules directory reads its own.
 */
let shipped: RuleBook | undefined;
function shippedRules(dir: string): RuleBook {
  shipped ??= loadRuleBook(dir);
  return shipped;
}

/** A staff account of `role` (no password: these tests never sign in). */
export function staffMember(writ: Pick<Writ, 'users'>, role: StaffRole, email = `${role}-${uniqueSuffix()}@platform.example`) {
  return writ.users.create({ email, name: `${role} ${email.split('@')[0]}`, role, passwordHash: null });
}

/** A password's hash, computed once per password and process (argon2 takes tens of milliseconds). */
const hashes = new Map<string, Promise<string>>();
export function passwordHash(password: string): Promise<string> {
  let found = hashes.get(password);
  if (!found) {
    found = hash(password);
    hashes.set(password, found);
  }
  return found;
}

export function testAuthority(
  t: TestWrit,
  country = 'KZ',
  name = 'Ministry of Information',
  kind: AuthorityKind = 'communications_regulator',
) {
  return authoritiesRepository(t.database.db).create({ country, name, kind, timeZone: null });
}

/** The smallest removal order: one URL, from `authorityId`, through the portal. */
export const minimalOrderBody = (authorityId: string) =>
  newRequestSchema.parse({
    kind: 'content_removal',
    authorityId,
    authorityTimeZone: 'Asia/Almaty',
    legalBasis: 'Law on Online Platforms, Art. 19',
    channel: 'portal',
    items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
  });

/** Records `minimalOrderBody` as `actor` would: the order as stored. */
export async function receiveMinimalOrder(t: TestWrit, authorityId: string, actor: Actor) {
  return (await receiveOrder(t.writ, orderFromBody(minimalOrderBody(authorityId)), actor)).request;
}

let counter = 0;
function uniqueSuffix(): string {
  counter += 1;
  return `${process.pid}-${counter}`;
}

/** The WritError `work` rejects with; the test fails when it resolves or rejects with anything else. */
export async function writErrorOf(work: Promise<unknown>): Promise<WritError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WritError);
  return error as WritError;
}

/** A refusal's code, field and message, to compare whole. */
export async function refusal(work: Promise<unknown>): Promise<{ code: string; field: string | undefined; message: string }> {
  const { code, field, message } = await writErrorOf(work);
  return { code, field, message };
}
