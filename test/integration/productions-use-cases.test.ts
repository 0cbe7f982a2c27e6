/**
 * The production use cases themselves (src/app/productions.ts), called directly over a real database
 * and a production store in a temporary folder: only a data order with legal process produces (a
 * removal order and a preservation order are refused, each with its own message); a delivery stores
 * the package under the production's id and records it, or leaves no bytes when the record fails;
 * the agency that sent the order downloads it until the instant its availability ends (recorded
 * each time), not once revoked; a revocation deletes the bytes.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAccount } from '../../src/app/account-decisions.js';
import { orderFromBody } from '../../src/app/intake.js';
import { checkCanProduce, deliverProduction, downloadProduction, revokeProduction } from '../../src/app/productions.js';
import { receiveOrder } from '../../src/app/requests.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import { channelOrders, events } from '../../src/db/schema/index.js';
import type { Actor } from '../../src/domain/request.js';
import { createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { dataRequestBody, newRequestBody } from '../support/app.js';
import { createTestWrit, refusal, staffMember, type TestWrit } from '../support/writ.js';

const DAY = 86_400_000;
const start = new Date('2026-11-30T10:00:00Z');
let clock = start;
let dataDir: string;
let t: TestWrit;
let reviewer: Actor;
let agency: TestAgency;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'writ-productions-use-cases-'));
  t = await createTestWrit({ now: () => clock, env: { WRIT_DATA_DIR: dataDir, WRIT_PRODUCTION_AVAILABLE_DAYS: '10' } });
  reviewer = await staffMember(t.writ, 'reviewer');
  agency = await createVerifiedAgency(t, 'KZ');
});
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const officer = () => ({ agencyId: agency.id, officerId: agency.officer.id, apiKeyId: null });
const files = [
  { name: 'subscriber.csv', bytes: new TextEncoder().encode('username,email\nfirst_user,first@example.org\n') },
  { name: 'logins.csv', bytes: new TextEncoder().encode('at,ip\n2026-11-01T00:00:00Z,198.51.100.7\n') },
];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function stored(): Promise<string[]> {
  const root = path.join(dataDir, 'productions');
  const dirs = await readdir(root).catch(() => [] as string[]);
  return (await Promise.all(dirs.map((d) => readdir(path.join(root, d))))).flat();
}

/** A `kind` order of the agency's authority, sent through the channel by the agency. */
async function order(kind: 'user_data' | 'preservation' | 'content_removal' = 'user_data') {
  const body = kind === 'content_removal' ? newRequestBody(agency.authorityId) : dataRequestBody(agency.authorityId, { kind });
  const { request } = await receiveOrder(t.writ, orderFromBody(newRequestSchema.parse(body)), reviewer);
  await t.database.db.insert(channelOrders).values({ requestId: request.id, agencyId: agency.id });
  return request;
}

/** A user-data order whose first account is decided as all data produced, and its production. */
async function delivered() {
  const request = await order();
  await decideAccount(
    t.writ,
    { requestId: request.id, accountId: request.dataRequest!.accounts[0]!.id },
    {
      extent: 'all',
      producedCategories: [],
      refusalReason: null,
      legalBasis: 'Criminal Procedure Code, Art. 232',
      rationale: 'r',
    },
    reviewer,
  );
  return { request, production: await deliverProduction(t.writ, reviewer.id, request.id, files) };
}

const eventsOf = (requestId: string, type: string) =>
  t.database.db
    .select({ actorId: events.actorId, actorOfficerId: events.actorOfficerId, after: events.after, note: events.note })
    .from(events)
    .where(and(eq(events.requestId, requestId), eq(events.type, type)));

describe('checkCanProduce', () => {
  it('refuses a removal order and a preservation order, each with its own message', async () => {
    const removal = await order('content_removal');
    expect(await refusal(checkCanProduce(t.writ, removal.id))).toEqual({
      code: 'invalid_transition',
      field: undefined,
      message: 'only a data order (user data, emergency disclosure) has productions',
    });
    const preservation = await order('preservation');
    expect(await refusal(checkCanProduce(t.writ, preservation.id))).toEqual({
      code: 'invalid_transition',
      field: undefined,
      message: 'a preservation order freezes data; it produces none (a later order with legal process does)',
    });
  });

  it('answers a user-data order with its legal process and the accounts decided as produced', async () => {
    const request = await order();
    await decideAccount(
      t.writ,
      { requestId: request.id, accountId: request.dataRequest!.accounts[1]!.id },
      {
        extent: 'some',
        producedCategories: ['subscriber_information'],
        refusalReason: 'overbroad',
        legalBasis: 'Criminal Procedure Code, Art. 232',
        rationale: 'r',
      },
      reviewer,
    );
    expect(await checkCanProduce(t.writ, request.id)).toMatchObject({
      requestId: request.id,
      kind: 'user_data',
      legalProcess: 'court_order',
      produced: [
        {
          identifierKind: 'email',
          identifier: 'second@example.org',
          extent: 'some',
          producedCategories: ['subscriber_information'],
        },
      ],
    });
  });
});

describe('deliverProduction', () => {
  it('stores the package under the production id, available for the configured days, and records the delivery', async () => {
    const { request, production } = await delivered();
    expect(production).toEqual({
      id: expect.any(String),
      fileName: `${request.reference}-production-1.zip`,
      size: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      files: files.map((f) => ({ name: f.name, size: f.bytes.length, sha256: sha256(f.bytes) })),
      availableUntil: new Date(start.getTime() + 10 * DAY),
      revokedAt: null,
      createdAt: start,
      createdBy: { id: reviewer.id, name: reviewer.name },
      downloads: 0,
    });
    expect(await stored()).toContain(production.id);
    const bytes = await t.writ.productionStore.get(production.id);
    expect(sha256(bytes!)).toBe(production.sha256);
    expect(JSON.parse(strFromU8(unzipSync(new Uint8Array(bytes!))['manifest.json']!))).toMatchObject({
      reference: request.reference,
      requestId: request.id,
      legalProcess: 'court_order',
      producedAt: start.toISOString(),
      availableUntil: production.availableUntil.toISOString(),
    });
    expect(await eventsOf(request.id, 'production_delivered')).toEqual([
      expect.objectContaining({ actorId: reviewer.id, after: expect.objectContaining({ productionId: production.id }) }),
    ]);
  });

  it('leaves no bytes in the store when the production cannot be recorded', async () => {
    const { request } = await delivered();
    const before = await stored();
    const error = await deliverProduction(t.writ, '00000000-0000-4000-8000-000000000000', request.id, files).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await stored()).toEqual(before);
    expect(await eventsOf(request.id, 'production_delivered')).toHaveLength(1);
  });
});

describe('downloadProduction', () => {
  it('gives the package until the instant its availability ends, each download recorded, then refuses it as expired', async () => {
    const { request, production } = await delivered();
    try {
      clock = new Date(production.availableUntil.getTime() - 1);
      const download = await downloadProduction(t.writ, officer(), request.id, production.id);
      expect({ ...download, bytes: sha256(download.bytes) }).toEqual({
        fileName: production.fileName,
        sha256: production.sha256,
        bytes: production.sha256,
      });
      clock = production.availableUntil;
      expect(await refusal(downloadProduction(t.writ, officer(), request.id, production.id))).toEqual({
        code: 'production_expired',
        field: undefined,
        message: `the production was available until ${production.availableUntil.toISOString()}; ask the platform to deliver it again`,
      });
      clock = new Date(production.availableUntil.getTime() + 1);
      expect((await refusal(downloadProduction(t.writ, officer(), request.id, production.id))).code).toBe('production_expired');
    } finally {
      clock = start;
    }
    expect(await eventsOf(request.id, 'production_downloaded')).toEqual([
      {
        actorId: null,
        actorOfficerId: agency.officer.id,
        after: { productionId: production.id, agencyId: agency.id, apiKeyId: null },
        note: null,
      },
    ]);
  });

  it('fails, recording nothing, when the package is missing from the store', async () => {
    const { request, production } = await delivered();
    await unlink(path.join(dataDir, 'productions', production.id.slice(0, 2), production.id));
    await expect(downloadProduction(t.writ, officer(), request.id, production.id)).rejects.toThrow(
      `production ${production.id} is recorded but its package is missing from the store`,
    );
    expect(await eventsOf(request.id, 'production_downloaded')).toEqual([]);
  });
});

describe('revokeProduction', () => {
  it('withdraws the production with the note and deletes its bytes; the agency can no longer download it', async () => {
    const { request, production } = await delivered();
    const revoked = await revokeProduction(t.writ, reviewer.id, request.id, production.id, 'sent to the wrong address');
    expect(revoked).toEqual({ ...production, revokedAt: start });
    expect(await stored()).not.toContain(production.id);
    expect(await eventsOf(request.id, 'production_revoked')).toEqual([
      { actorId: reviewer.id, actorOfficerId: null, after: { productionId: production.id }, note: 'sent to the wrong address' },
    ]);
    expect(await refusal(downloadProduction(t.writ, officer(), request.id, production.id))).toEqual({
      code: 'production_revoked',
      field: undefined,
      message: 'the platform withdrew this production',
    });
    expect(await eventsOf(request.id, 'production_downloaded')).toEqual([]);
  });
});
