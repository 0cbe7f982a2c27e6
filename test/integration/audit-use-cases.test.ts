/**
 * The audit log's verification and checkpoint as use cases (src/app/audit.ts): a chain of ten
 * entries and more is read in seq order, so it verifies and extends a checkpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckpoint, verifyAuditLog } from '../../src/app/audit.js';
import { orderFromBody } from '../../src/app/intake.js';
import { receiveOrder } from '../../src/app/requests.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import type { User } from '../../src/db/users-repository.js';
import { createTestWrit, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

const clock = new Date('2026-11-30T12:34:56.789Z');
let t: TestWrit;
let recorder: User;
let authorityId: string;

const orderBody = () =>
  newRequestSchema.parse({
    kind: 'content_removal',
    authorityId,
    authorityTimeZone: 'Asia/Almaty',
    legalBasis: 'Law on Online Platforms, Art. 19',
    channel: 'portal',
    items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
  });

beforeAll(async () => {
  t = await createTestWrit({ now: () => clock });
  recorder = await staffMember(t.writ, 'reviewer');
  authorityId = (await testAuthority(t)).id;
}, 60_000);
afterAll(async () => t?.close());

const count = async (sql: string, values: unknown[] = []) =>
  Number((await t.database.pool.query<{ n: string }>(sql, values)).rows[0]!.n);

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
