/**
 * Issue 12, deliverable 9: the audit log's chains, written by the database's triggers and verified
 * in TypeScript. Tampering as the tables' owner with the triggers off (as an insider with the
 * database's keys would) makes verification fail and name the row; the CLI exits 1 naming it.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckpoint, verifyAuditLog } from '../../src/app/audit.js';
import { createWrit } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { canonicalEntry, canonicalJson, entryHash, GENESIS_HASH, parseJson } from '../../src/domain/audit-chain.js';
import { createAuthority, createStaff, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let owner: pg.Client;
const orderIds: string[] = [];

const writ = (env: Record<string, string> = {}) =>
  createWrit(t.database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...env }));

async function newOrder(): Promise<string> {
  const authority = await createAuthority(t, 'KZ', `Ministry ${orderIds.length}`);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authority.id),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id;
  orderIds.push(id);
  // A few more events, so that each chain has a middle.
  for (const note of ['first', 'second', 'third'])
    await t.database.pool.query(`INSERT INTO events (request_id, type, note) VALUES ($1, 'note_added', $2)`, [id, note]);
  return id;
}

/** Runs `work` as the owner with every trigger off, then puts things back as they were. */
async function tampered<T>(work: (c: pg.Client) => Promise<T>, check: () => Promise<void>): Promise<void> {
  await owner.query('BEGIN');
  await owner.query('SET LOCAL session_replication_role = replica');
  await work(owner);
  await owner.query('COMMIT');
  try {
    await check();
  } finally {
    await owner.query('BEGIN');
    await owner.query('SET LOCAL session_replication_role = replica');
    await owner.query('DELETE FROM audit_log');
    await owner.query('DELETE FROM audit_heads');
    await owner.query('INSERT INTO audit_log SELECT * FROM audit_log_saved');
    await owner.query('INSERT INTO audit_heads SELECT * FROM audit_heads_saved');
    await owner.query('COMMIT');
  }
}

beforeAll(async () => {
  t = await createTestApp();
  owner = new pg.Client({ connectionString: t.database.url });
  await owner.connect();
  await newOrder();
  await newOrder();
  // Saved copies, to undo each tampering.
  await owner.query('CREATE TABLE audit_log_saved AS SELECT * FROM audit_log');
  await owner.query('CREATE TABLE audit_heads_saved AS SELECT * FROM audit_heads');
}, 120_000);

afterAll(async () => {
  await owner?.end();
  await t?.close();
});

async function orderChain(i: number) {
  const chain = `order:${orderIds[i]}`;
  const { rows } = await owner.query<{ seq: string; hash: string }>(
    'SELECT seq::text, hash FROM audit_log WHERE chain = $1 ORDER BY seq',
    [chain],
  );
  return { chain, rows };
}

describe('the audit chain', () => {
  it('the TypeScript encoding and hash agree with the database on a wide fuzz set', async () => {
    const strings = [
      '',
      'plain',
      'ünïcødé',
      'Қазақ тілі',
      '日本語',
      '😀 emoji',
      'q"uo\\te',
      'tab\there',
      'nl\n\r',
      '\u0001\u001f\u007f',
      '\u2028\u2029',
      '/slash/',
      'é',
    ];
    const values: unknown[] = [
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e21,
      -0,
      2.5e-7,
      -123.456,
      Number.MAX_SAFE_INTEGER,
      123456789012345,
      0.1,
      ...strings,
      [],
      {},
      [1, 'a', null, [true, {}]],
      Object.fromEntries(strings.map((s, i) => [s, i])),
      { b: 1, a: 2, aa: { z: [{ y: null, x: 'é' }], ab: -0.25 }, é: 'e', e: 'é', '😀': 1, 日本: 2 },
    ];
    for (let i = 0; i < 40; i++) {
      const o: Record<string, unknown> = {};
      for (let k = 0; k < 6; k++)
        o[strings[(i * 7 + k * 3) % strings.length]! + String.fromCharCode(97 + ((i + k) % 26))] =
          values[(i + k) % values.length];
      values.push(o, [o, i]);
    }
    // Number literals JavaScript would never write: the scale and exponents PostgreSQL normalises.
    const raw = ['[1.50, 1.50e1, 1e-3, -0.0, 0e5, 12.3400E+2, 1.5e3, -7E-2, 0.000, 100e-2]', '{"n": 9007199254740993123}'];
    for (const [i, json] of [...values.map((v) => JSON.stringify(v)), ...raw].entries()) {
      const { rows } = await owner.query<{ text: string; hash: string; micros: string }>(
        `SELECT $1::jsonb::text AS text,
                writ_audit_hash($2, writ_audit_canonical('order:x', $3, $4::timestamptz, $1::jsonb)) AS hash,
                (extract(epoch FROM $4::timestamptz) * 1000000)::bigint::text AS micros`,
        [
          json,
          GENESIS_HASH,
          i + 1,
          `2026-11-30T12:34:56.${String(i * 7919)
            .padStart(6, '0')
            .slice(0, 6)}Z`,
        ],
      );
      // Encoded from JavaScript's own text, not from PostgreSQL's: key order, spacing and escapes.
      expect(canonicalJson(parseJson(json)), json).toBe(rows[0]!.text);
      expect(entryHash(GENESIS_HASH, canonicalEntry('order:x', i + 1, BigInt(rows[0]!.micros), json)), json).toBe(rows[0]!.hash);
    }
  });

  it('chains every event of an order, and verifies an untouched log', async () => {
    const result = await verifyAuditLog(writ());
    expect(result).toMatchObject({ ok: true, problem: null });
    expect(result.chains).toBeGreaterThanOrEqual(3); // two orders and the reviewer
    expect(result.rootHash).toMatch(/^[0-9a-f]{64}$/);
    const { rows: events } = await owner.query('SELECT count(*)::int AS n FROM events WHERE request_id = $1', [orderIds[0]]);
    const { rows } = await orderChain(0);
    expect(rows.length).toBe(events[0].n);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('an edited entry fails verification naming its chain and seq (hash)', async () => {
    const { chain } = await orderChain(0);
    await tampered(
      (c) =>
        c.query(`UPDATE audit_log SET entry = jsonb_set(entry, '{note}', '"nothing to see"') WHERE chain = $1 AND seq = 1`, [
          chain,
        ]),
      async () => {
        expect((await verifyAuditLog(writ())).problem).toMatchObject({ chain, seq: 1, kind: 'edited' });
      },
    );
  });

  it('a deleted middle entry fails naming the next seq; a deleted newest entry fails at the head', async () => {
    const { chain, rows } = await orderChain(0);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    if (rows.length >= 3)
      await tampered(
        (c) => c.query('DELETE FROM audit_log WHERE chain = $1 AND seq = 2', [chain]),
        async () => {
          expect((await verifyAuditLog(writ())).problem).toMatchObject({ chain, seq: 3, kind: 'seq_gap' });
        },
      );
    const last = rows.length;
    await tampered(
      (c) => c.query('DELETE FROM audit_log WHERE chain = $1 AND seq = $2', [chain, last]),
      async () => {
        expect((await verifyAuditLog(writ())).problem).toMatchObject({ chain, seq: last, kind: 'head_mismatch' });
      },
    );
  });

  it('a forged entry at the end fails, with or without the head moved; swapped seqs fail', async () => {
    const { chain, rows } = await orderChain(1);
    const last = rows[rows.length - 1]!;
    const seq = rows.length + 1;
    const at = 1_796_000_000_000_000n;
    const entry = '{"note": "forged", "type": "decided"}';
    const hash = entryHash(last.hash, canonicalEntry(chain, seq, at, entry));
    const forge = (prev: string, h: string) => (c: pg.Client) =>
      c.query(`INSERT INTO audit_log VALUES ($1, $2, to_timestamp($3::numeric / 1000000), $4::jsonb, $5, $6)`, [
        chain,
        seq,
        at.toString(),
        entry,
        prev,
        h,
      ]);
    // A correct-looking hash, but the head not moved.
    await tampered(forge(last.hash, hash), async () => {
      expect((await verifyAuditLog(writ())).problem).toMatchObject({ chain, seq, kind: 'head_mismatch' });
    });
    // The head moved too, but linked to something else than the entry before it.
    const wrongPrev = 'f'.repeat(64);
    const wrongHash = entryHash(wrongPrev, canonicalEntry(chain, seq, at, entry));
    await tampered(
      async (c) => {
        await forge(wrongPrev, wrongHash)(c);
        await c.query('UPDATE audit_heads SET seq = $2, hash = $3 WHERE chain = $1', [chain, seq, wrongHash]);
      },
      async () => {
        expect((await verifyAuditLog(writ())).problem).toMatchObject({ chain, seq, kind: 'link_broken' });
      },
    );
    // Two entries swap places.
    await tampered(
      async (c) => {
        await c.query('UPDATE audit_log SET seq = -1 WHERE chain = $1 AND seq = 1', [chain]);
        await c.query('UPDATE audit_log SET seq = 1 WHERE chain = $1 AND seq = 2', [chain]);
        await c.query('UPDATE audit_log SET seq = 2 WHERE chain = $1 AND seq = -1', [chain]);
      },
      async () => {
        expect((await verifyAuditLog(writ())).problem).toMatchObject({ chain, seq: 1 });
      },
    );
  });

  it('a head without its chain, and a chain without its head, fail', async () => {
    await tampered(
      (c) => c.query(`INSERT INTO audit_heads VALUES ('order:ghost', 3, $1, now())`, ['a'.repeat(64)]),
      async () => {
        expect((await verifyAuditLog(writ())).problem).toMatchObject({ chain: 'order:ghost', kind: 'chain_missing' });
      },
    );
    const { chain } = await orderChain(1);
    await tampered(
      (c) => c.query('DELETE FROM audit_heads WHERE chain = $1', [chain]),
      async () => {
        expect((await verifyAuditLog(writ())).problem).toMatchObject({ chain, kind: 'head_missing' });
      },
    );
  });

  it('`writ audit verify` exits 0 on an untouched log and 1 naming the edited row', { timeout: 120_000 }, async () => {
    const cli = (...args: string[]) =>
      promisify(execFile)('node', ['bin/writ.js', 'audit', 'verify', ...args], {
        env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: t.database.url },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const clean = await cli();
    expect(clean, clean.stderr).toMatchObject({ code: 0 });
    expect(clean.stdout).toMatch(/^the audit log verifies: \d+ chains, \d+ entries, root [0-9a-f]{64}\n$/);
    const { chain } = await orderChain(0);
    await tampered(
      (c) => c.query(`UPDATE audit_log SET entry = entry || '{"type": "withdrawn"}' WHERE chain = $1 AND seq = 1`, [chain]),
      async () => {
        const broken = await cli();
        expect(broken.code).toBe(1);
        expect(broken.stderr).toContain(`${chain} seq 1`);
        expect(broken.stderr).toContain('edited');
      },
    );
  });

  it('records each sign-in, account change and private attachment view in the right chain', async () => {
    const before = (await writ().audit.chainEntries(`staff:${t.reviewer.id}`)).length;
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'ana@platform.example', password: 'correct horse battery' },
    });
    expect(signIn.statusCode).toBe(200);
    const staffChain = await writ().audit.chainEntries(`staff:${t.reviewer.id}`);
    expect(staffChain.length).toBe(before + 1);
    expect(staffChain.at(-1)!.entry).toMatchObject({ source: 'sessions', type: 'signed_in', user_id: t.reviewer.id });
    expect(JSON.stringify(staffChain)).not.toContain('token');

    const admin = await createStaff(t, 'admin');
    const created = await writ().audit.chainEntries(`staff:${admin.id}`);
    expect(created.map((e) => [e.entry.source, e.entry.type])).toEqual([
      ['users', 'account_created'],
      ['sessions', 'signed_in'],
    ]);
    expect(JSON.stringify(created)).not.toContain('argon');
    await owner.query(`UPDATE users SET role = 'auditor' WHERE id = $1`, [admin.id]);
    await owner.query(`UPDATE users SET name = 'renamed' WHERE id = $1`, [admin.id]); // not audited: no role or access change
    const changed = await writ().audit.chainEntries(`staff:${admin.id}`);
    expect(changed.length).toBe(3);
    expect(changed[2]!.entry).toMatchObject({ type: 'account_changed', before: { role: 'admin' }, after: { role: 'auditor' } });

    // A view of a private attachment: an event of the order, and so an entry of its chain.
    await writ().audit.recordAttachmentView(t.reviewer.id, orderIds[0]!, '00000000-0000-4000-8000-000000000001');
    const chain = await writ().audit.chainEntries(`order:${orderIds[0]}`);
    expect(chain.at(-1)!.entry).toMatchObject({ type: 'attachment_viewed', actor_id: t.reviewer.id });
    expect((await verifyAuditLog(writ())).ok).toBe(true);
    // Keep the saved copy in step with the new entries for later tests.
    await owner.query('DELETE FROM audit_log_saved; INSERT INTO audit_log_saved SELECT * FROM audit_log');
    await owner.query('DELETE FROM audit_heads_saved; INSERT INTO audit_heads_saved SELECT * FROM audit_heads');
  });

  it('appends to two orders at once without waiting; two appends to one order take turns', async () => {
    const a = new pg.Client({ connectionString: t.database.url });
    const b = new pg.Client({ connectionString: t.database.url });
    await a.connect();
    await b.connect();
    const event = (c: pg.Client, order: string) =>
      c.query(`INSERT INTO events (request_id, type, note) VALUES ($1, 'note_added', 'concurrency')`, [order]);
    try {
      await b.query("SET lock_timeout = '2s'");
      await a.query('BEGIN');
      await event(a, orderIds[0]!);
      // Another order: commits while the first transaction is still open.
      await b.query('BEGIN');
      await event(b, orderIds[1]!);
      await b.query('COMMIT');
      // The same order: waits for the first transaction's head lock.
      await b.query('BEGIN');
      await expect(event(b, orderIds[0]!)).rejects.toThrow(/lock timeout/);
      await b.query('ROLLBACK');
      await b.query("SET lock_timeout = '0'");
      await b.query('BEGIN');
      const waiting = event(b, orderIds[0]!).then(() => b.query('COMMIT'));
      await a.query('COMMIT');
      await waiting;
      expect((await verifyAuditLog(writ())).ok).toBe(true);
    } finally {
      await a.end();
      await b.end();
    }
    await owner.query('DELETE FROM audit_log_saved; INSERT INTO audit_log_saved SELECT * FROM audit_log');
    await owner.query('DELETE FROM audit_heads_saved; INSERT INTO audit_heads_saved SELECT * FROM audit_heads');
  });

  it('a signed checkpoint verifies with its public key, not with another key nor with a changed root', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519').publicKey;
    const w = writ({
      WRIT_AUDIT_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
      WRIT_AUDIT_KEY_ID: 'platform.example/audit',
    });
    const checkpoint = await createCheckpoint(w);
    expect(checkpoint.text).toMatch(
      /^platform\.example\/audit\n\d+\n\S+=\nchains \d+\ntime \S+Z\n\n— platform\.example\/audit \S+\n\norder:/,
    );
    expect(checkpoint.row.signature).not.toBeNull();
    const pem = publicKey.export({ format: 'pem', type: 'spki' }) as string;
    expect(checkpoint.publicKeyPem).toBe(pem);
    const good = await verifyAuditLog(w, { checkpoint: checkpoint.text, publicKey: pem });
    expect(good).toMatchObject({ ok: true, checkpoint: { signed: true, extended: true } });
    // The log moves on: it still extends the checkpoint.
    await newOrder();
    expect(await verifyAuditLog(w, { checkpoint: checkpoint.text, publicKey: pem })).toMatchObject({ ok: true });

    const otherKey = await verifyAuditLog(w, {
      checkpoint: checkpoint.text,
      publicKey: other.export({ format: 'pem', type: 'spki' }) as string,
    });
    expect(otherKey).toMatchObject({ ok: false, problem: { kind: 'checkpoint' } });
    const lines = checkpoint.text.split('\n');
    lines[2] = Buffer.alloc(32, 7).toString('base64');
    const changedRoot = await verifyAuditLog(w, { checkpoint: lines.join('\n'), publicKey: pem });
    expect(changedRoot).toMatchObject({ ok: false, problem: { kind: 'checkpoint' } });
    // Unsigned checks still catch a root that does not match its listing.
    expect(await verifyAuditLog(w, { checkpoint: lines.join('\n') })).toMatchObject({ ok: false });
    await owner.query('DELETE FROM audit_log_saved; INSERT INTO audit_log_saved SELECT * FROM audit_log');
    await owner.query('DELETE FROM audit_heads_saved; INSERT INTO audit_heads_saved SELECT * FROM audit_heads');

    // A whole chain rewritten with its head (the owner's attack): caught against the checkpoint only.
    const { chain } = await orderChain(0);
    await tampered(
      async (c) => {
        const { rows } = await c.query<{ seq: string; at_micros: string; entry: string; prev_hash: string }>(
          `SELECT seq::text, (extract(epoch FROM at) * 1000000)::bigint::text AS at_micros, entry::text, prev_hash
           FROM audit_log WHERE chain = $1 ORDER BY seq`,
          [chain],
        );
        let prev = GENESIS_HASH;
        for (const r of rows) {
          const entry = r.seq === '1' ? r.entry.replace('"type": "', '"type": "x') : r.entry;
          const hash = entryHash(prev, canonicalEntry(chain, Number(r.seq), BigInt(r.at_micros), entry));
          await c.query('UPDATE audit_log SET entry = $3::jsonb, prev_hash = $4, hash = $5 WHERE chain = $1 AND seq = $2', [
            chain,
            r.seq,
            entry,
            prev,
            hash,
          ]);
          prev = hash;
        }
        await c.query('UPDATE audit_heads SET hash = $2 WHERE chain = $1', [chain, prev]);
      },
      async () => {
        expect(await verifyAuditLog(w)).toMatchObject({ ok: true });
        expect(await verifyAuditLog(w, { checkpoint: checkpoint.text, publicKey: pem })).toMatchObject({
          ok: false,
          problem: { chain },
        });
      },
    );
  });

  it('the log cannot be changed with its triggers on, even by the owner', async () => {
    await expect(owner.query('UPDATE audit_log SET note = 1')).rejects.toThrow();
    await expect(owner.query("UPDATE audit_log SET entry = '{}' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(owner.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(owner.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(owner.query('UPDATE audit_heads SET seq = seq + 1')).rejects.toThrow(/audit heads/);
    await expect(owner.query('DELETE FROM audit_heads')).rejects.toThrow(/audit heads/);
  });
});
