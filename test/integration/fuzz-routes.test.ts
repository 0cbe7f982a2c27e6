/**
 * Every operation of /openapi.json, as a reviewer, an admin and nobody, fed generated paths, query strings,
 * headers and bodies (schema-shaped with adversarial fields, or arbitrary bytes): first each known
 * poison (NUL, lone surrogates, year 0, 1e308, …) in every field that fits it, then random calls
 * that each attack one part. Whatever arrives: never a 5xx, every 4xx is a problem+json, and a
 * refused request writes nothing (row counts of every table compared).
 * New routes are covered as soon as they appear in the document. On failure fast-check prints the
 * seed and path to replay: pass them as `{ seed, path }` in `fc.assert`'s options.
 */

import { hash } from '@node-rs/argon2';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { usersRepository } from '../../src/db/users-repository.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody } from '../support/app.js';
import { rowCounts as countRows } from '../support/database.js';
import {
  carriesPoison,
  hintFor,
  mutatedOnce,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  type SchemaContext,
  schemaArbitrary,
  type Vocabulary,
} from '../support/fuzz.js';
import {
  abbreviate,
  adversarialText,
  contentTypes,
  hostileCredentials,
  hostileHeaders,
  jsonContentType,
  type Poison,
  percentEncode,
  poisons,
  politeHeaders,
  rawBody,
  rawUrlPiece,
} from '../support/fuzz-inputs.js';

const RUNS_PER_OPERATION = 25;

const t = await createTestApp();
afterAll(() => t.close());
const users = usersRepository(t.database.db);
const admin = await users.create({
  email: 'root@platform.example',
  name: 'Root Admin',
  passwordHash: await hash('x'.repeat(16)),
  role: 'admin',
});

/** Who calls: the session a run uses is restored whenever a call ends it (sign-out, an admin signing an account out). */
type Caller = 'reviewer' | 'admin' | 'nobody';
const sessionOf = {
  reviewer: { userId: t.reviewer.id, token: t.auth.authorization.slice('Bearer '.length) },
  admin: { userId: admin.id, token: '' },
};
async function keepSignedIn(who: Caller) {
  if (who === 'nobody') return;
  const session = sessionOf[who];
  const check = await t.app.inject({
    method: 'GET',
    url: '/api/v1/session',
    headers: { authorization: `Bearer ${session.token}` },
  });
  // Straight to the repository: sign-in throttling may by now refuse the route, and rightly.
  if (check.statusCode !== 200) session.token = (await users.startSession(session.userId, 1)).token;
}
await keepSignedIn('admin');
const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApiDocument;
const operations = operationsOf(doc);
const vocab = await seed();

/** Rows for the generated ids to hit, and the words (regimes, duties, countries) that get past validation. */
async function seed(): Promise<Vocabulary> {
  const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: t.auth, payload });
  const authority = await createAuthority(t);
  // Several orders, since the fuzzing decides, closes and withdraws them as it goes.
  for (const body of [
    newRequestBody(authority.id),
    newRequestBody(authority.id),
    newRequestBody(authority.id, { authorityReference: 'MCI-7', receivedAt: '2026-01-05T09:00:00Z' }),
    dataRequestBody(authority.id),
  ])
    await inject('POST', '/api/v1/requests', body);
  const regimes: { id: string; categories: { category: string | null }[] }[] = (
    await inject('GET', '/api/v1/regimes?jurisdiction=KZ')
  ).json().regimes;
  const duties: string[] = [];
  for (const regime of regimes) {
    const pack = (await inject('GET', `/api/v1/regimes/${regime.id}`)).json();
    for (const duty of pack.versions.flatMap((v: { duties: { id: string }[] }) => v.duties)) {
      duties.push(duty.id);
      await inject('POST', `/api/v1/obligations/KZ/${regime.id}/${duty.id}/evidence`, {
        note: 'Registration letter',
        fileName: 'letter.txt',
        contentType: 'text/plain',
        contentBase64: Buffer.from('registered').toString('base64'),
      });
    }
  }
  const tables = await t.database.pool.query(
    `SELECT table_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
  );
  const ids: Record<string, string[]> = {};
  for (const { name } of tables.rows)
    ids[name] = (await t.database.pool.query(`SELECT id::text FROM "${name}" LIMIT 8`)).rows.map((r) => r.id);
  const regimeIds = regimes.map((r) => r.id);
  const categories = regimes.flatMap((r) => r.categories.flatMap((c) => (c.category ? [c.category] : [])));
  const country = ['KZ'];
  const zones = ['Asia/Almaty', 'Europe/Berlin'];
  const period = ['2026-H1', '2021-H1'];
  return {
    ids,
    words: {
      ...{ regimes: regimeIds, regime: regimeIds, regimeId: regimeIds, dutyId: [...new Set(duties)], category: categories },
      ...{ country, jurisdiction: country, authorityTimeZone: zones, timeZone: zones, period, product: ['Video'] },
    },
  };
}

/** Every table of schema public, but the ones a refused sign-in may legitimately write. */
const rowCounts = () => countRows(t.database.pool, (table) => table === 'sessions' || /(sign_?in|login).*attempt/.test(table));
const countedTables = Object.keys(await rowCounts());

type Call = { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer };

const describeCall = (c: Call) =>
  `${c.method} ${abbreviate(c.url)} headers=${abbreviate(JSON.stringify(c.headers))} body=${
    c.payload === undefined ? '-' : abbreviate(c.payload.toString())
  }`;

/** Which part of a call is hostile; the others stay well-formed so the hostile part gets deep. */
type Focus = 'path' | 'query' | 'headers' | 'body' | 'none';

/** Generation context; with a poison, every field it fits carries it (the examples each operation gets). */
const contextFor = (poison?: Poison): SchemaContext => ({ doc, vocab, poison, poisonEveryField: poison !== undefined });
const fitting = (schema: object, hint?: string, poison?: Poison) => schemaArbitrary(schema, contextFor(poison), hint);
const encoded = (v: unknown) => percentEncode(Array.isArray(v) ? v.join(',') : String(v));
const hostileUrlValue = fc.oneof({ weight: 3, arbitrary: adversarialText.map(percentEncode) }, rawUrlPiece);

function pathFor(op: Operation, hostile: boolean, poison?: Poison): fc.Arbitrary<string> {
  const value = (schema: object, hint: string) =>
    hostile ? fc.oneof(fitting(schema, hint).map(encoded), hostileUrlValue) : fitting(schema, hint, poison).map(encoded);
  return fc
    .tuple(...op.pathParams.map((p) => value(p.schema ?? {}, hintFor(op.path, p.name))))
    .map((values) => op.pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]!), op.path));
}

function queryFor(op: Operation, hostile: boolean, poison?: Poison): fc.Arbitrary<string> {
  const join = (pairs: (readonly [string, string])[]) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '');
  const fittingPair = (p: Operation['queryParams'][number]) =>
    fc.tuple(fc.constant(p.name), fitting(p.schema ?? {}, p.name, poison).map(encoded));
  const always = (p: Operation['queryParams'][number]) =>
    p.required || (poison !== undefined && carriesPoison(p.schema ?? {}, contextFor(poison), p.name));
  if (!hostile)
    return fc
      .tuple(...op.queryParams.map((p) => (always(p) ? fittingPair(p) : fc.option(fittingPair(p), { nil: undefined }))))
      .map((pairs) => join(pairs.filter((pair) => pair !== undefined)));
  const declared = op.queryParams.map((p) => fc.oneof(fittingPair(p), fc.tuple(fc.constant(p.name), hostileUrlValue)));
  const unknown = fc.tuple(fc.constantFrom('x', '__proto__', 'limit[]', 'a%00b', '', '%'), hostileUrlValue);
  // An array, so that names can repeat (status=a&status=b).
  return fc.array(fc.oneof(...declared, unknown), { minLength: 1, maxLength: 5 }).map(join);
}

/** A signed-in caller's session goes in as a placeholder, filled in when the call is made (the token may change). */
const SESSION = '{session}';
const credentials = (who: Caller, hostile: boolean): fc.Arbitrary<Record<string, string>> =>
  who !== 'nobody'
    ? fc.constantFrom<Record<string, string>>({ authorization: `Bearer ${SESSION}` }, { cookie: `writ_session=${SESSION}` })
    : hostile
      ? hostileCredentials
      : fc.constant({});

type Body = [payload: string | Buffer | undefined, contentType: string | null];

function bodyFor(op: Operation, hostile: boolean, poison?: Poison): fc.Arbitrary<Body> {
  const json = (v: unknown, type = 'application/json'): Body => [JSON.stringify(v) ?? '', type];
  const raw = fc.tuple(rawBody, fc.option(contentTypes)).map((b): Body => b);
  const schema = op.body;
  if (!schema) return hostile ? raw : fc.constant([undefined, null]);
  if (!hostile) return fitting(schema, undefined, poison).map((v) => json(v));
  const poisoned = fc.constantFrom(...poisons).chain((p) => schemaArbitrary(schema, { doc, vocab, poison: p }));
  return fc.oneof(
    { weight: 3, arbitrary: poisoned.map((v) => json(v)) },
    { weight: 2, arbitrary: fc.tuple(mutatedOnce(fitting(schema)), jsonContentType).map(([v, type]) => json(v, type)) },
    { weight: 1, arbitrary: raw },
  );
}

/** Calls to `op`; with a poison, well-formed calls with the poison in every field that fits it. */
function callFor(op: Operation, who: Caller, poison?: Poison): fc.Arbitrary<Call> {
  const focus = poison
    ? fc.constant<Focus>('none')
    : fc.oneof(
        { weight: op.body ? 4 : 1, arbitrary: fc.constant<Focus>('body') },
        { weight: 4, arbitrary: fc.constantFrom<Focus>('path', 'query', 'headers', 'none') },
      );
  return focus
    .chain((focus) =>
      fc.tuple(
        pathFor(op, focus === 'path', poison),
        queryFor(op, focus === 'query', poison),
        credentials(who, focus === 'headers'),
        focus === 'headers' ? hostileHeaders : politeHeaders,
        bodyFor(op, focus === 'body', poison),
      ),
    )
    .map(([url, query, auth, extra, [payload, contentType]]) => {
      const headers: Record<string, string> = { ...extra, ...auth };
      if (payload !== undefined && contentType !== null) headers['content-type'] = contentType;
      const call: Call = { method: op.method, url: url + query, headers, ...(payload === undefined ? {} : { payload }) };
      return Object.assign(call, { [fc.toStringMethod]: () => describeCall(call) });
    });
}

function carries(op: Operation, poison: Poison): boolean {
  const context = contextFor(poison);
  return (
    (op.body !== null && carriesPoison(op.body, context)) ||
    op.pathParams.some((p) => carriesPoison(p.schema ?? {}, context, hintFor(op.path, p.name))) ||
    op.queryParams.some((p) => carriesPoison(p.schema ?? {}, context, p.name))
  );
}

function checkProblem(call: Call, res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  const where = `${describeCall(call)}\n→ ${res.statusCode} ${abbreviate(res.body, 600)}`;
  if (res.statusCode >= 500) throw new Error(`server error: ${where}`);
  if (res.statusCode < 400) return;
  if (!String(res.headers['content-type']).startsWith('application/problem+json'))
    throw new Error(`not problem+json (${res.headers['content-type']}): ${where}`);
  const body = JSON.parse(res.body);
  for (const key of ['type', 'title', 'code', 'detail'])
    if (typeof body[key] !== 'string') throw new Error(`problem without ${key}: ${where}`);
  if (body.status !== res.statusCode) throw new Error(`problem status ${body.status}: ${where}`);
}

describe('the fuzzer', () => {
  test('enumerates the routes from the OpenAPI document and counts the tables', () => {
    const listed = operations.map((o) => `${o.method} ${o.path}`);
    expect(listed.length).toBeGreaterThan(20);
    expect(listed).toEqual(
      expect.arrayContaining([
        'POST /api/v1/session',
        'POST /api/v1/requests',
        'PUT /api/v1/requests/{id}/items/{itemId}/decision',
        'GET /api/v1/public/reports/{country}/{period}',
        'POST /api/v1/obligations/{country}/{regimeId}/{dutyId}/evidence',
      ]),
    );
    expect(countedTables).toEqual(expect.arrayContaining(['requests', 'items', 'events', 'authorities', 'duty_evidence']));
    expect(countedTables).not.toContain('sessions');
    for (const table of ['authorities', 'requests', 'items', 'duty_evidence'])
      expect(vocab.ids[table]?.length, table).toBeGreaterThan(0);
  });
});

describe.each<{ who: Caller }>([{ who: 'reviewer' }, { who: 'admin' }, { who: 'nobody' }])(
  'every route, called by $who: never a 5xx, 4xx as problem+json, nothing written when refused',
  ({ who }) => {
    test.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))('%s', { timeout: 120_000 }, async (_, op) => {
      await keepSignedIn(who);
      // Every poison, in every field of the operation that fits it, once, whatever the random runs draw.
      const examples = poisons
        .filter((poison) => carries(op, poison))
        .map((poison, seed) => fc.sample(callFor(op, who, poison), { seed, numRuns: 1 }) as [Call]);
      await fc.assert(
        fc.asyncProperty(callFor(op, who), async (call) => {
          const token = who === 'nobody' ? '' : sessionOf[who].token;
          const headers = Object.fromEntries(Object.entries(call.headers).map(([k, v]) => [k, v.replace(SESSION, token)]));
          const before = await rowCounts();
          const res = await t.app.inject({ ...call, headers });
          checkProblem(call, res);
          if (res.statusCode >= 400) expect(await rowCounts(), `rows written by ${describeCall(call)}`).toEqual(before);
          else await keepSignedIn(who);
        }),
        // The examples count towards numRuns.
        { numRuns: examples.length + RUNS_PER_OPERATION, examples, interruptAfterTimeLimit: 60_000 },
      );
    });
  },
);
