/**
 * The audit log's verification and checkpoint as use cases (src/app/audit.ts), over a log longer
 * than the verifier's page: every page is verified, to the last entry; one chain is verified alone
 * when asked; a checkpoint counts every chain's entries and carries the Writ clock's time to the
 * microsecond; a log that does not verify is not checkpointed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckpoint, verifyAuditLog } from '../../src/app/audit.js';
import { orderFromBody } from '../../src/app/intake.js';
import { receiveOrder } from '../../src/app/requests.js';
import type { User } from '../../src/db/users-repository.js';
import { headsListing, rootHash } from '../../src/domain/audit-chain.js';
import { WritError } from '../../src/domain/errors.js';
import { createTestWrit, minimalOrderBody, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

/** More than the verifier's page of 2000 entries (PAGE in src/app/audit.ts), in one chain. */
const LONG_CHAIN = 2100;
const clock = new Date('2026-11-30T12:34:56.789Z');
let t: TestWrit;
let orderChain: string;
let recorder: User;
let authorityId: string;

const orderBody = () => minimalOrderBody(authorityId);

beforeAll(async () => {
  t = await createTestWrit({ now: () => clock });
  recorder = await staffMember(t.writ, 'reviewer');
  authorityId = (await testAuthority(t)).id;
  const { request } = await receiveOrder(t.writ, orderFromBody(orderBody()), recorder);
  orderChain = `order:${request.id}`;
  // The database's trigger appends each event to the order's chain.
  await addEvents(request.id, LONG_CHAIN);
}, 60_000);
afterAll(async () => t?.close());

const count = async (sql: string, values: unknown[] = []) =>
  Number((await t.database.pool.query<{ n: string }>(sql, values)).rows[0]!.n);

/** Runs `sql` with the triggers off (as the tables' owner could), checks, then runs `undo` likewise. */
async function tampered(sql: string, undo: string, values: unknown[], check: () => Promise<void>) {
  const asOwner = async (text: string) => {
    const client = await t.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(text, values);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  await asOwner(sql);
  try {
    await check();
  } finally {
    await asOwner(undo);
  }
}

/** An order's chain, grown by `events` events (each one entry). */
async function addEvents(requestId: string, events: number) {
  await t.database.pool.query(
    `INSERT INTO events (request_id, type, note) SELECT $1, 'note_added', 'note ' || n FROM generate_series(1, $2::int) n`,
    [requestId, events],
  );
}

describe('a chain of ten entries and more', () => {
  it('verifies, reads in seq order, and still extends a checkpoint taken at its ninth entry', async () => {
    const { request } = await receiveOrder(t.writ, orderFromBody(orderBody()), recorder);
    const chain = `order:${request.id}`;
    await addEvents(request.id, 9 - (await count('SELECT count(*) AS n FROM audit_log WHERE chain = $1', [chain])));
    const checkpoint = await createCheckpoint(t.writ);
    await addEvents(request.id, 3);
    expect((await t.writ.audit.chainEntries(chain)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await verifyAuditLog(t.writ, { chain })).toMatchObject({ ok: true, entries: 12, problem: null });
    expect(await verifyAuditLog(t.writ, { checkpoint: checkpoint.text })).toMatchObject({
      ok: true,
      problem: null,
      checkpoint: { signed: false, extended: true },
    });
  });
});

describe('verifyAuditLog', () => {
  it('verifies a log longer than one page to its last entry, every chain', async () => {
    const entries = await count('SELECT count(*) AS n FROM audit_log');
    expect(await count('SELECT count(*) AS n FROM audit_log WHERE chain = $1', [orderChain])).toBeGreaterThan(2000);
    const result = await verifyAuditLog(t.writ);
    expect(result).toMatchObject({
      ok: true,
      problem: null,
      entries,
      chains: await count('SELECT count(*) AS n FROM audit_heads'),
    });
    expect(result.rootHash).toBe(rootHash(headsListing(await t.writ.audit.heads())));
  });

  it('verifies one chain alone when asked: its entries, its head', async () => {
    expect(await count('SELECT count(*) AS n FROM audit_heads')).toBeGreaterThan(1);
    const result = await verifyAuditLog(t.writ, { chain: orderChain });
    expect(result).toMatchObject({
      ok: true,
      chains: 1,
      entries: await count('SELECT count(*) AS n FROM audit_log WHERE chain = $1', [orderChain]),
      rootHash: rootHash(headsListing(await t.writ.audit.heads(orderChain))),
    });
  });
});

describe('createCheckpoint', () => {
  it("records every chain's entries (the sum of the heads' seqs) and the Writ clock's time to the microsecond", async () => {
    const entries = await count('SELECT count(*) AS n FROM audit_log');
    expect(await count('SELECT coalesce(sum(seq), 0) AS n FROM audit_heads')).toBe(entries);
    const checkpoint = await createCheckpoint(t.writ);
    expect(checkpoint.row).toMatchObject({ entries, chains: await count('SELECT count(*) AS n FROM audit_heads') });
    expect(checkpoint.row.at.toISOString()).toBe(clock.toISOString());
    const [origin, size, , chains, time] = checkpoint.text.split('\n');
    expect([origin, size, chains, time]).toEqual([
      'writ-audit',
      String(entries),
      `chains ${checkpoint.row.chains}`,
      'time 2026-11-30T12:34:56.789000Z',
    ]);
  });

  it('refuses a log that does not verify, naming the entry, and records no checkpoint', async () => {
    const before = await count('SELECT count(*) AS n FROM audit_checkpoints');
    await tampered(
      `UPDATE audit_log SET entry = jsonb_set(entry, '{note}', '"nothing to see"') WHERE chain = $1 AND seq = 2`,
      `UPDATE audit_log SET entry = jsonb_set(entry, '{note}', '"note 1"') WHERE chain = $1 AND seq = 2`,
      [orderChain],
      async () => {
        const error = await createCheckpoint(t.writ).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(WritError);
        expect((error as WritError).code).toBe('conflict');
        expect((error as WritError).message).toContain(`${orderChain} seq 2`);
        expect(await count('SELECT count(*) AS n FROM audit_checkpoints')).toBe(before);
      },
    );
    // Put back as it was, the log verifies again.
    expect((await verifyAuditLog(t.writ)).ok).toBe(true);
  });
});
