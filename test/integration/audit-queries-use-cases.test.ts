/**
 * The audit log's verification and checkpoints as use cases (src/app/audit.ts), over a short log
 * (two orders, a few entries each), so that every behaviour but paging is pinned cheaply; the
 * verifier's paging past 2,000 entries stays in audit-use-cases.test.ts. A log that verifies answers
 * its chains, entries and root; one chain is verified alone; the first broken row is named, and a
 * log whose newest entries went with their head is caught at the end. A checkpoint is the log's
 * head, exactly: its body (origin, entries, root, chains, time), the signature line of the
 * configured Ed25519 key (PEM or base64 DER) and the heads listing; its row, the key's fingerprint
 * and PEM. Checking a log against a checkpoint: signed by the key given (PEM or DER, even with space
 * around it; any of its signatures; not another key's; not a changed body), its listing hashing to
 * its root, as many chains as it says, each head still in the log at that seq with that hash (the
 * log moved on: still extends it; rolled back, a chain gone or rewritten: does not). A key that is
 * not Ed25519 is refused; a broken log is not checkpointed.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckpoint, verifyAuditLog } from '../../src/app/audit.js';
import { createWrit, type Writ } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import type { User } from '../../src/db/users-repository.js';
import { canonicalEntry, entryHash, GENESIS_HASH, keyHint } from '../../src/domain/audit-chain.js';
import { createTestWrit, receiveMinimalOrder, refusal, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

const clock = new Date('2026-11-30T12:34:56.789Z');
const keyId = 'platform.example/audit';
let t: TestWrit;
let recorder: User;
let authorityId: string;
/** Signs with the key given as base64 DER (PKCS #8). */
let derSigner: Writ;
/** Signs with the same key given as PEM. */
let pemSigner: Writ;
let privateKey: KeyObject;
let publicPem: string;
let publicDer: string;
/** The public key's 32 raw bytes, read from its JWK (not as src/app/audit.ts reads them). */
let rawPublicKey: Buffer;
let firstChain: string;
let secondChain: string;

const writWith = (env: Record<string, string>) =>
  createWrit(t.database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...env }), { now: () => clock });

/** An order recorded, then `notes` notes on it: its chain has 1 + `notes` entries and more. */
async function orderChain(notes: number): Promise<{ chain: string; requestId: string }> {
  const request = await receiveMinimalOrder(t, authorityId, recorder);
  await addNotes(request.id, notes);
  return { chain: `order:${request.id}`, requestId: request.id };
}

/** The database's trigger appends each event to its order's chain. */
async function addNotes(requestId: string, notes: number) {
  await t.database.pool.query(
    `INSERT INTO events (request_id, type, note) SELECT $1, 'note_added', 'note ' || n FROM generate_series(1, $2::int) n`,
    [requestId, notes],
  );
}

beforeAll(async () => {
  t = await createTestWrit({ now: () => clock });
  recorder = await staffMember(t.writ, 'reviewer');
  authorityId = (await testAuthority(t)).id;
  const pair = generateKeyPairSync('ed25519');
  privateKey = pair.privateKey;
  publicPem = pair.publicKey.export({ format: 'pem', type: 'spki' }) as string;
  publicDer = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  rawPublicKey = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url');
  derSigner = writWith({
    WRIT_AUDIT_SIGNING_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    WRIT_AUDIT_KEY_ID: keyId,
  });
  pemSigner = writWith({
    WRIT_AUDIT_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
    WRIT_AUDIT_KEY_ID: keyId,
  });
  firstChain = (await orderChain(3)).chain;
  secondChain = (await orderChain(2)).chain;
});
afterAll(async () => t?.close());

const count = async (sql: string, values: unknown[] = []) =>
  Number((await t.database.pool.query<{ n: string }>(sql, values)).rows[0]!.n);

/** Every chain's head, by chain in code point order. */
async function heads(): Promise<{ chain: string; seq: number; hash: string }[]> {
  const { rows } = await t.database.pool.query<{ chain: string; seq: number; hash: string }>(
    'SELECT chain, seq::int AS seq, hash FROM audit_heads ORDER BY chain COLLATE "C"',
  );
  return rows;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const listingOf = (hs: { chain: string; seq: number; hash: string }[]) =>
  hs.map((h) => `${h.chain} ${h.seq} ${h.hash}\n`).join('');

/** The checkpoint's body as the format says, from the heads read here. */
function bodyOf(origin: string, hs: { chain: string; seq: number; hash: string }[]): string {
  const entries = hs.reduce((n, h) => n + h.seq, 0);
  const root = Buffer.from(sha256(listingOf(hs)), 'hex').toString('base64');
  return `${origin}\n${entries}\n${root}\nchains ${hs.length}\ntime 2026-11-30T12:34:56.789000Z\n`;
}

/** A signature line of `key` named `name` over `body`: `— name base64(hint || signature)`. */
function signatureLine(name: string, raw: Buffer, key: KeyObject, body: string): string {
  const signature = sign(null, Buffer.from(body, 'utf8'), key);
  return `— ${name} ${Buffer.concat([keyHint(name, raw), signature]).toString('base64')}`;
}

/** Runs each statement as the tables' owner with the triggers off, in one transaction. */
async function asOwner(statements: [string, unknown[]][]) {
  const client = await t.database.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const [sql, values] of statements) await client.query(sql, values);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** Tampers with the log (as an insider with the database's keys could), checks, then puts it all back. */
async function tampered(statements: [string, unknown[]][], check: () => Promise<void>) {
  await asOwner([
    ['CREATE TABLE audit_log_saved AS SELECT * FROM audit_log', []],
    ['CREATE TABLE audit_heads_saved AS SELECT * FROM audit_heads', []],
    ...statements,
  ]);
  try {
    await check();
  } finally {
    await asOwner([
      ['DELETE FROM audit_log', []],
      ['DELETE FROM audit_heads', []],
      ['INSERT INTO audit_log SELECT * FROM audit_log_saved', []],
      ['INSERT INTO audit_heads SELECT * FROM audit_heads_saved', []],
      ['DROP TABLE audit_log_saved, audit_heads_saved', []],
    ]);
  }
}

const entryOf = async (chain: string, seq: number) =>
  (
    await t.database.pool.query<{ hash: string; prev_hash: string }>(
      'SELECT hash, prev_hash FROM audit_log WHERE chain = $1 AND seq = $2',
      [chain, seq],
    )
  ).rows[0]!;

/** The chain's newest entry removed with its head moved back to the entry before: a log that verifies. */
async function rolledBack(chain: string): Promise<[string, unknown[]][]> {
  const seq = (await heads()).find((h) => h.chain === chain)!.seq;
  const before = await entryOf(chain, seq - 1);
  return [
    ['DELETE FROM audit_log WHERE chain = $1 AND seq = $2', [chain, seq]],
    ['UPDATE audit_heads SET seq = $2, hash = $3 WHERE chain = $1', [chain, seq - 1, before.hash]],
  ];
}

/** The whole chain rewritten from its first entry, head included (the owner's attack): a log that verifies. */
async function rewritten(chain: string): Promise<[string, unknown[]][]> {
  const { rows } = await t.database.pool.query<{ seq: string; at_micros: string; entry: string }>(
    `SELECT seq::text, (extract(epoch FROM at) * 1000000)::bigint::text AS at_micros, entry::text
     FROM audit_log WHERE chain = $1 ORDER BY seq`,
    [chain],
  );
  const statements: [string, unknown[]][] = [];
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const entry = r.seq === '1' ? r.entry.replace('"type": "', '"type": "x') : r.entry;
    const hash = entryHash(prev, canonicalEntry(chain, Number(r.seq), BigInt(r.at_micros), entry));
    statements.push([
      'UPDATE audit_log SET entry = $3::jsonb, prev_hash = $4, hash = $5 WHERE chain = $1 AND seq = $2',
      [chain, r.seq, entry, prev, hash],
    ]);
    prev = hash;
  }
  statements.push(['UPDATE audit_heads SET hash = $2 WHERE chain = $1', [chain, prev]]);
  return statements;
}

describe('verifyAuditLog', () => {
  it("answers a log that verifies with its chains, its entries and the root of its heads' listing", async () => {
    const hs = await heads();
    expect(await verifyAuditLog(t.writ)).toEqual({
      ok: true,
      chains: hs.length,
      entries: await count('SELECT count(*) AS n FROM audit_log'),
      rootHash: sha256(listingOf(hs)),
      problem: null,
      checkpoint: null,
    });
  });

  it('verifies one chain alone: its entries, the root of its head alone', async () => {
    const head = (await heads()).find((h) => h.chain === firstChain)!;
    expect(await verifyAuditLog(t.writ, { chain: firstChain })).toEqual({
      ok: true,
      chains: 1,
      entries: head.seq,
      rootHash: sha256(listingOf([head])),
      problem: null,
      checkpoint: null,
    });
  });

  it('names the first edited entry, counting what it read up to it, with no root', async () => {
    const { hash } = await entryOf(firstChain, 2);
    await tampered(
      [
        [
          `UPDATE audit_log SET entry = jsonb_set(entry, '{note}', '"nothing to see"') WHERE chain = $1 AND seq = 2`,
          [firstChain],
        ],
      ],
      async () => {
        expect(await verifyAuditLog(t.writ, { chain: firstChain })).toEqual({
          ok: false,
          chains: 1,
          entries: 2,
          rootHash: null,
          problem: {
            chain: firstChain,
            seq: 2,
            kind: 'edited',
            detail: expect.stringMatching(
              new RegExp(`^the entry's content hashes to [0-9a-f]{64}, not to its recorded hash ${hash}: it was edited$`),
            ),
          },
          checkpoint: null,
        });
      },
    );
  });

  it("catches, at the end of the walk, a chain whose newest entry was deleted behind its head's back", async () => {
    const seq = (await heads()).find((h) => h.chain === secondChain)!.seq;
    await tampered([['DELETE FROM audit_log WHERE chain = $1 AND seq = $2', [secondChain, seq]]], async () => {
      expect(await verifyAuditLog(t.writ, { chain: secondChain })).toEqual({
        ok: false,
        chains: 1,
        entries: seq - 1,
        rootHash: null,
        problem: {
          chain: secondChain,
          seq,
          kind: 'head_mismatch',
          detail: `the head says seq ${seq}, but the log ends at seq ${seq - 1}: its newest entries were deleted`,
        },
        checkpoint: null,
      });
    });
  });
});

describe('createCheckpoint', () => {
  it("without a signing key: the heads' body and listing, unsigned, recorded under the default origin", async () => {
    const hs = await heads();
    const entries = hs.reduce((n, h) => n + h.seq, 0);
    const checkpoint = await createCheckpoint(t.writ);
    expect(checkpoint).toEqual({
      row: {
        id: expect.any(Number),
        at: clock,
        chains: hs.length,
        entries,
        rootHash: sha256(listingOf(hs)),
        signature: null,
        keyId: null,
      },
      text: `${bodyOf('writ-audit', hs)}\n${listingOf(hs)}`,
      publicKeyFingerprint: null,
      publicKeyPem: null,
    });
  });

  it('with a signing key in base64 DER: signed under the key id, the signature line, its fingerprint and PEM', async () => {
    const hs = await heads();
    const body = bodyOf(keyId, hs);
    const signature = sign(null, Buffer.from(body, 'utf8'), privateKey).toString('base64');
    const checkpoint = await createCheckpoint(derSigner);
    expect(checkpoint).toEqual({
      row: {
        id: expect.any(Number),
        at: clock,
        chains: hs.length,
        entries: hs.reduce((n, h) => n + h.seq, 0),
        rootHash: sha256(listingOf(hs)),
        signature,
        keyId,
      },
      text: `${body}\n${signatureLine(keyId, rawPublicKey, privateKey, body)}\n\n${listingOf(hs)}`,
      publicKeyFingerprint: `SHA256:${createHash('sha256').update(rawPublicKey).digest('hex')}`,
      publicKeyPem: publicPem,
    });
  });

  it('with the signing key in PEM: the same signature', async () => {
    const hs = await heads();
    const body = bodyOf(keyId, hs);
    expect((await createCheckpoint(pemSigner)).text).toBe(
      `${body}\n${signatureLine(keyId, rawPublicKey, privateKey, body)}\n\n${listingOf(hs)}`,
    );
  });

  it('refuses a signing key that is not Ed25519, recording nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM audit_checkpoints');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    expect(await refusal(createCheckpoint(writWith({ WRIT_AUDIT_SIGNING_KEY: ec })))).toEqual({
      code: 'validation_failed',
      field: 'key',
      message: 'the private key is not an Ed25519 key',
    });
    expect(await count('SELECT count(*) AS n FROM audit_checkpoints')).toBe(before);
  });

  it('refuses a log that does not verify, naming its first broken entry, and records no checkpoint', async () => {
    const before = await count('SELECT count(*) AS n FROM audit_checkpoints');
    await tampered(
      [
        [
          `UPDATE audit_log SET entry = jsonb_set(entry, '{note}', '"nothing to see"') WHERE chain = $1 AND seq = 2`,
          [firstChain],
        ],
      ],
      async () => {
        const { problem } = await verifyAuditLog(t.writ);
        expect(problem).toMatchObject({ chain: firstChain, seq: 2, kind: 'edited' });
        expect(await refusal(createCheckpoint(derSigner))).toEqual({
          code: 'conflict',
          field: undefined,
          message: `the audit log does not verify (${firstChain} seq 2: ${problem!.detail}); no checkpoint was made`,
        });
        expect(await count('SELECT count(*) AS n FROM audit_checkpoints')).toBe(before);
      },
    );
  });
});

describe('verifyAuditLog against a checkpoint', () => {
  /** The answer for a log that verifies, with `checkpoint` as given. */
  async function verified(checkpoint: { signed: boolean; extended: boolean }) {
    const hs = await heads();
    return {
      ok: true,
      chains: hs.length,
      entries: await count('SELECT count(*) AS n FROM audit_log'),
      rootHash: sha256(listingOf(hs)),
      problem: null,
      checkpoint,
    };
  }
  /** The answer for a log that verifies but does not extend the checkpoint (or not as signed). */
  async function refused(problem: { chain: string; seq: number | null; kind: string; detail: string }, signed = false) {
    return { ...(await verified({ signed, extended: false })), ok: false, problem };
  }
  const notACheckpoint = (detail: string) => ({ chain: '(checkpoint)', seq: null, kind: 'checkpoint', detail });

  it('a checkpoint of this log is extended; its signature is checked only with a public key', async () => {
    const { text } = await createCheckpoint(derSigner);
    expect(await verifyAuditLog(t.writ, { checkpoint: text })).toEqual(await verified({ signed: false, extended: true }));
    expect(await verifyAuditLog(t.writ, { checkpoint: text, publicKey: publicPem })).toEqual(
      await verified({ signed: true, extended: true }),
    );
  });

  it('takes the public key as base64 DER too, and either with space and line breaks around it', async () => {
    const { text } = await createCheckpoint(derSigner);
    for (const publicKey of [publicDer, `\n  ${publicPem}\n`, ` ${publicDer}\n`])
      expect(await verifyAuditLog(t.writ, { checkpoint: text, publicKey })).toEqual(
        await verified({ signed: true, extended: true }),
      );
  });

  it('a log that moved on since still extends the checkpoint', async () => {
    const { text } = await createCheckpoint(derSigner);
    const { requestId } = await orderChain(1);
    await addNotes(requestId, 2);
    await addNotes(firstChain.slice('order:'.length), 2);
    expect(await verifyAuditLog(t.writ, { checkpoint: text, publicKey: publicPem })).toEqual(
      await verified({ signed: true, extended: true }),
    );
  });

  it("is signed when any one of its signatures is the key's: a witness's cosignature beside it is no matter", async () => {
    const { text } = await createCheckpoint(derSigner);
    const witness = generateKeyPairSync('ed25519');
    const witnessRaw = Buffer.from(witness.publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const [body, signed, listing] = text.split('\n\n');
    const cosigned = `${body}\n\n${signatureLine('witness.example', witnessRaw, witness.privateKey, `${body}\n`)}\n${signed}\n\n${listing}`;
    expect(await verifyAuditLog(t.writ, { checkpoint: cosigned, publicKey: publicPem })).toEqual(
      await verified({ signed: true, extended: true }),
    );
  });

  it('is not signed by another key, nor once its body was changed after signing', async () => {
    const { text } = await createCheckpoint(derSigner);
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }) as string;
    const notSigned = notACheckpoint('the checkpoint is not signed by this public key (or its body was changed after signing)');
    expect(await verifyAuditLog(t.writ, { checkpoint: text, publicKey: other })).toEqual(await refused(notSigned));
    const later = text.replace('time 2026-11-30T12:34:56.789000Z', 'time 2026-12-01T00:00:00.000000Z');
    expect(later).not.toBe(text);
    expect(await verifyAuditLog(t.writ, { checkpoint: later, publicKey: publicPem })).toEqual(await refused(notSigned));
  });

  it('refuses a public key that is not Ed25519', async () => {
    const { text } = await createCheckpoint(derSigner);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'pem', type: 'spki' }) as string;
    expect(await refusal(verifyAuditLog(t.writ, { checkpoint: text, publicKey: ec }))).toEqual({
      code: 'validation_failed',
      field: 'key',
      message: 'the public key is not an Ed25519 key',
    });
  });

  it('answers a text that is not a checkpoint with why', async () => {
    expect(await verifyAuditLog(t.writ, { checkpoint: 'writ-audit\n12\n' })).toEqual(
      await refused(notACheckpoint('not a checkpoint: its body must have origin, size, root, chains and time lines')),
    );
  });

  it('refuses a listing that does not hash to the root, and a chain count other than the listing has', async () => {
    const { text } = await createCheckpoint(t.writ);
    const hs = await heads();
    const changedHash = text.replace(
      `${hs[0]!.chain} ${hs[0]!.seq} ${hs[0]!.hash}`,
      `${hs[0]!.chain} ${hs[0]!.seq} ${'0'.repeat(64)}`,
    );
    expect(await verifyAuditLog(t.writ, { checkpoint: changedHash })).toEqual(
      await refused(
        notACheckpoint("the checkpoint's heads listing does not hash to its root: the listing or the root was changed"),
      ),
    );
    const moreChains = text.replace(`chains ${hs.length}\n`, `chains ${hs.length + 1}\n`);
    expect(await verifyAuditLog(t.writ, { checkpoint: moreChains })).toEqual(
      await refused(notACheckpoint(`the checkpoint says ${hs.length + 1} chains but lists ${hs.length}`)),
    );
  });

  it('is not extended by a log rolled back past it, naming the chain and its head, the signature still good', async () => {
    const { text } = await createCheckpoint(derSigner);
    const seq = (await heads()).find((h) => h.chain === secondChain)!.seq;
    await tampered(await rolledBack(secondChain), async () => {
      expect((await verifyAuditLog(t.writ)).ok).toBe(true);
      expect(await verifyAuditLog(t.writ, { checkpoint: text, publicKey: publicPem })).toEqual(
        await refused(
          {
            chain: secondChain,
            seq,
            kind: 'checkpoint',
            detail: `the checkpoint's head is seq ${seq}, but the log ends at seq ${seq - 1}: entries it had were removed`,
          },
          true,
        ),
      );
    });
  });

  it('is not extended by a log that lost a whole chain with its head', async () => {
    const { text } = await createCheckpoint(t.writ);
    const seq = (await heads()).find((h) => h.chain === secondChain)!.seq;
    await tampered(
      [
        ['DELETE FROM audit_log WHERE chain = $1', [secondChain]],
        ['DELETE FROM audit_heads WHERE chain = $1', [secondChain]],
      ],
      async () => {
        expect(await verifyAuditLog(t.writ, { checkpoint: text })).toEqual(
          await refused({
            chain: secondChain,
            seq,
            kind: 'checkpoint',
            detail: `the checkpoint's head is seq ${seq}, but the log no longer has this chain: entries it had were removed`,
          }),
        );
      },
    );
  });

  it('is not extended by a log whose chain was rewritten with its head, though the log itself verifies', async () => {
    const { text } = await createCheckpoint(derSigner);
    const head = (await heads()).find((h) => h.chain === firstChain)!;
    await tampered(await rewritten(firstChain), async () => {
      expect((await verifyAuditLog(t.writ)).ok).toBe(true);
      expect(await verifyAuditLog(t.writ, { checkpoint: text, publicKey: publicPem })).toEqual(
        await refused(
          {
            chain: firstChain,
            seq: head.seq,
            kind: 'link_broken',
            detail: `the checkpoint's entry (hash ${head.hash}) is not in the log any more: the chain was rewritten`,
          },
          true,
        ),
      );
    });
  });

  it('checks one chain alone against a checkpoint of many: its head only, the other chains not missed', async () => {
    const { text } = await createCheckpoint(derSigner);
    const only = (await heads()).filter((h) => h.chain === firstChain);
    const oneChain = {
      ok: true,
      chains: 1,
      entries: only[0]!.seq,
      rootHash: sha256(listingOf(only)),
      problem: null,
      checkpoint: { signed: true, extended: true },
    };
    expect(await verifyAuditLog(t.writ, { chain: firstChain, checkpoint: text, publicKey: publicPem })).toEqual(oneChain);
    // Another chain rolled back past the checkpoint is not this chain's problem…
    await tampered(await rolledBack(secondChain), async () => {
      expect(await verifyAuditLog(t.writ, { chain: firstChain, checkpoint: text, publicKey: publicPem })).toEqual(oneChain);
    });
    // …and another chain rewritten with its head neither.
    await tampered(await rewritten(secondChain), async () => {
      expect(await verifyAuditLog(t.writ, { chain: firstChain, checkpoint: text, publicKey: publicPem })).toEqual(oneChain);
    });
    // The chain asked for is still checked: rolled back past the checkpoint, it does not extend it.
    const seq = only[0]!.seq;
    await tampered(await rolledBack(firstChain), async () => {
      expect(await verifyAuditLog(t.writ, { chain: firstChain, checkpoint: text })).toMatchObject({
        ok: false,
        problem: {
          chain: firstChain,
          seq,
          kind: 'checkpoint',
          detail: `the checkpoint's head is seq ${seq}, but the log ends at seq ${seq - 1}: entries it had were removed`,
        },
        checkpoint: { signed: false, extended: false },
      });
    });
    // Rewritten with its head, neither.
    await tampered(await rewritten(firstChain), async () => {
      expect(await verifyAuditLog(t.writ, { chain: firstChain, checkpoint: text })).toMatchObject({
        ok: false,
        problem: { chain: firstChain, seq, kind: 'link_broken' },
        checkpoint: { signed: false, extended: false },
      });
    });
  });

  it('answers a broken log with its problem, not the checkpoint', async () => {
    const { text } = await createCheckpoint(derSigner);
    await tampered(
      [
        [
          `UPDATE audit_log SET entry = jsonb_set(entry, '{note}', '"nothing to see"') WHERE chain = $1 AND seq = 2`,
          [firstChain],
        ],
      ],
      async () => {
        expect(await verifyAuditLog(t.writ, { chain: firstChain, checkpoint: text, publicKey: publicPem })).toEqual({
          ok: false,
          chains: 1,
          entries: 2,
          rootHash: null,
          problem: expect.objectContaining({ chain: firstChain, seq: 2, kind: 'edited' }),
          checkpoint: null,
        });
      },
    );
  });
});
