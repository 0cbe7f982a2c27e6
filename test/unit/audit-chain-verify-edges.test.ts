/**
 * The audit chain walk and checkpoints at their edges (decision 48): the first broken entry and
 * what it says, heads, the order missing chains are named in, and the checkpoint file's refusals.
 * The key hints are checked against the published signed-note keys of Go's checksum database.
 */
import { describe, expect, it } from 'vitest';
import {
  type AuditProblem,
  type AuditRow,
  ChainVerifier,
  canonicalEntry,
  checkpointBody,
  checkpointText,
  entryHash,
  GENESIS_HASH,
  headsListing,
  keyHint,
  parseCheckpoint,
  rootHash,
} from '../../src/domain/audit-chain.js';

type Heads = Map<string, { seq: number; hash: string }>;

/** A chain of `n` entries, each hashed over the one before (as test/unit/audit-chain.test.ts builds them). */
function chain(name: string, n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry = `{"n": ${seq}, "type": "note_added"}`;
    const atMicros = 1_796_000_000_000_000n + BigInt(seq);
    const hash = entryHash(prev, canonicalEntry(name, seq, atMicros, entry));
    rows.push({ chain: name, seq, atMicros, entry, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

/** The same row with `change` applied and its hash made consistent again (a forger's rewrite). */
function rehashed(r: AuditRow, change: Partial<AuditRow>): AuditRow {
  const next = { ...r, ...change };
  return { ...next, hash: entryHash(next.prevHash, canonicalEntry(next.chain, next.seq, next.atMicros, next.entry)) };
}

const headsOf = (rows: AuditRow[]): Heads => new Map(rows.map((r) => [r.chain, { seq: r.seq, hash: r.hash }]));

function walk(rows: AuditRow[], heads: Heads): { problem: AuditProblem | null; v: ChainVerifier } {
  const v = new ChainVerifier(heads);
  for (const r of rows) {
    const problem = v.add(r);
    if (problem) return { problem, v };
  }
  return { problem: v.finish(), v };
}

const a = chain('order:a', 3);
const b = chain('order:b', 4);
const log = [...a, ...b];
const last = b[3]!;
const x64 = 'f'.repeat(64);

describe('the chain walk', () => {
  it('counts the chains and entries of a whole log, and finds nothing wrong', () => {
    const { problem, v } = walk(log, headsOf(log));
    expect(problem).toBeNull();
    expect([v.chains, v.entries]).toEqual([2, 7]);
  });

  it('names the first broken entry, and what is wrong with it', () => {
    const forged = rehashed(b[1]!, { prevHash: x64 });
    const edited = { ...b[1]!, entry: '{"n": 9, "type": "note_added"}' };
    const editedHash = entryHash(edited.prevHash, canonicalEntry('order:b', 2, edited.atMicros, edited.entry));
    const cases: [string, AuditRow[], Heads, AuditProblem][] = [
      [
        'a row deleted',
        log.filter((r) => r !== b[2]),
        headsOf(log),
        {
          chain: 'order:b',
          seq: 4,
          kind: 'seq_gap',
          detail: 'seq 4 follows seq 2: an entry is missing (deleted) or was inserted',
        },
      ],
      [
        'the first rows deleted',
        log.filter((r) => r !== b[0]),
        headsOf(log),
        { chain: 'order:b', seq: 2, kind: 'seq_gap', detail: 'the chain starts at seq 2, not 1: its first entries are missing' },
      ],
      [
        'a row replaced, its own hash right',
        log.map((r) => (r === b[1] ? forged : r)),
        headsOf(log),
        {
          chain: 'order:b',
          seq: 2,
          kind: 'link_broken',
          detail: `prev_hash ${x64} is not the hash of the entry before it (${b[0]!.hash}): an entry was removed, inserted or replaced`,
        },
      ],
      [
        'a first row that does not start from the genesis hash',
        log.map((r) => (r === b[0] ? rehashed(r, { prevHash: x64 }) : r)),
        headsOf(log),
        {
          chain: 'order:b',
          seq: 1,
          kind: 'link_broken',
          detail: `prev_hash ${x64} is not the hash of the entry before it (${GENESIS_HASH}): an entry was removed, inserted or replaced`,
        },
      ],
      [
        'an entry edited (and a later one too)',
        log.map((r) => (r === b[1] ? edited : r === b[2] ? { ...r, entry: '{}' } : r)),
        headsOf(log),
        {
          chain: 'order:b',
          seq: 2,
          kind: 'edited',
          detail: `the entry's content hashes to ${editedHash}, not to its recorded hash ${b[1]!.hash}: it was edited`,
        },
      ],
      [
        'an instant moved by a microsecond',
        log.map((r) => (r === b[0] ? { ...r, atMicros: r.atMicros + 1n } : r)),
        headsOf(log),
        { chain: 'order:b', seq: 1, kind: 'edited', detail: expect.stringContaining(`recorded hash ${b[0]!.hash}`) },
      ],
      [
        'the last row re-hashed',
        log.map((r) => (r === last ? { ...r, hash: x64 } : r)),
        headsOf(log),
        { chain: 'order:b', seq: 4, kind: 'edited', detail: expect.stringContaining(`recorded hash ${x64}`) },
      ],
    ];
    for (const [what, rows, heads, want] of cases) expect(walk(rows, heads).problem, what).toEqual(want);
  });

  it("checks each chain's last entry against its head, when the next chain begins and at the end", () => {
    const withHead = (chainName: string, head: { seq: number; hash: string } | null): Heads => {
      const heads = headsOf(log);
      if (head) heads.set(chainName, head);
      else heads.delete(chainName);
      return heads;
    };
    const cases: [string, Heads, AuditProblem][] = [
      [
        'the head is ahead of the log',
        withHead('order:b', { seq: 5, hash: last.hash }),
        {
          chain: 'order:b',
          seq: 5,
          kind: 'head_mismatch',
          detail: 'the head says seq 5, but the log ends at seq 4: its newest entries were deleted',
        },
      ],
      [
        'the log is ahead of the head',
        withHead('order:b', { seq: 3, hash: b[2]!.hash }),
        {
          chain: 'order:b',
          seq: 4,
          kind: 'head_mismatch',
          detail: 'the log goes on to seq 4 past its head (seq 3): an entry was appended without the trigger',
        },
      ],
      [
        'the head has another hash',
        withHead('order:b', { seq: 4, hash: x64 }),
        {
          chain: 'order:b',
          seq: 4,
          kind: 'head_mismatch',
          detail: `the head's hash ${x64} is not the hash of the last entry (${last.hash})`,
        },
      ],
      [
        'the head is gone',
        withHead('order:b', null),
        {
          chain: 'order:b',
          seq: 4,
          kind: 'head_missing',
          detail: 'the chain has no head: its head was deleted, or the chain was written without the trigger',
        },
      ],
      [
        'the first chain has another head hash',
        withHead('order:a', { seq: 3, hash: x64 }),
        {
          chain: 'order:a',
          seq: 3,
          kind: 'head_mismatch',
          detail: `the head's hash ${x64} is not the hash of the last entry (${a[2]!.hash})`,
        },
      ],
      [
        'a head without entries',
        withHead('order:c', { seq: 3, hash: x64 }),
        {
          chain: 'order:c',
          seq: 3,
          kind: 'chain_missing',
          detail: 'the head says seq 3, but the log has no entry of this chain: its entries were deleted',
        },
      ],
    ];
    for (const [what, heads, want] of cases) expect(walk(log, heads).problem, what).toEqual(want);
  });

  it('names the first missing chain in code point order, whatever order the heads come in', () => {
    for (const order of [
      ['order:z', 'order:c', 'order:m', 'order:B'],
      ['order:m', 'order:z', 'order:B', 'order:c'],
      ['order:B', 'order:c', 'order:m', 'order:z'],
    ]) {
      const heads = new Map<string, { seq: number; hash: string }>(order.map((c) => [c, { seq: 1, hash: x64 }]));
      for (const [c, h] of headsOf(log)) heads.set(c, h);
      expect(walk(log, heads).problem, order.join()).toMatchObject({ chain: 'order:B', kind: 'chain_missing' });
    }
  });
});

const hex = (c: string) => c.repeat(64);
const root = rootHash(`order:a 3 ${hex('a')}\n`);
const body = checkpointBody({ origin: 'writ-audit', entries: 7, rootHex: root, chains: 12, at: '2026-11-30T00:00:00.000000Z' });
const sigLine = (bytes: number, extra = '') => `— writ-audit ${Buffer.alloc(bytes, 7).toString('base64')}${extra}`;

describe('a checkpoint', () => {
  it("key hints match the published signed-note keys of Go's checksum database", () => {
    // name+hint+base64(0x01 || Ed25519 public key), from golang.org/x/mod/sumdb (sum.golang.org and note_test.go).
    for (const vkey of [
      'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
    ]) {
      const [name, hint, ...key] = vkey.split('+');
      const raw = Buffer.from(key.join('+'), 'base64');
      expect(keyHint(name!, raw.subarray(1)).toString('hex'), name).toBe(hint);
    }
  });

  it('lists heads by chain in code point order, whatever order they come in', () => {
    const chains = ['staff:x', 'order:b', 'order:a', 'order:Z', 'authority:k'];
    const want = ['authority:k', 'order:Z', 'order:a', 'order:b', 'staff:x'];
    for (const order of [chains, [...chains].reverse(), [chains[2]!, chains[0]!, chains[4]!, chains[1]!, chains[3]!]]) {
      const listing = headsListing(order.map((c) => ({ chain: c, seq: 1, hash: hex('a') })));
      expect(listing.split('\n').map((l) => l.split(' ')[0])).toEqual([...want, '']);
    }
  });

  it('reads its fields, a signature at the very end, and the heads of an unsigned one', () => {
    const listing = `order:a 12 ${hex('a')}\norder:b 3 ${hex('b')}\n`;
    const unsigned = parseCheckpoint(checkpointText(body, null, listing));
    expect(unsigned.fields).toEqual({
      origin: 'writ-audit',
      entries: 7,
      rootHex: root,
      chains: 12,
      at: '2026-11-30T00:00:00.000000Z',
    });
    expect(unsigned.heads).toEqual([
      { chain: 'order:a', seq: 12, hash: hex('a') },
      { chain: 'order:b', seq: 3, hash: hex('b') },
    ]);
    const signedOnly = parseCheckpoint(`${body}\n${sigLine(68)}`);
    expect(signedOnly.signatures).toHaveLength(1);
    expect(signedOnly.heads).toEqual([]);
  });

  it('refuses a body that lacks a line or has one malformed', () => {
    const lines = body.split('\n').slice(0, 5); // origin, size, root, chains, time
    const withLine = (k: number, text: string) => `${lines.map((l, j) => (j === k ? text : l)).join('\n')}\n\n`;
    expect(() => parseCheckpoint(`${lines.slice(0, 4).join('\n')}\n\n`)).toThrow(
      'not a checkpoint: its body must have origin, size, root, chains and time lines',
    );
    const malformed = 'not a checkpoint: its size, root, chains or time line is malformed';
    for (const [k, text] of [
      [1, 'seven'],
      [2, Buffer.alloc(31, 1).toString('base64')],
      [3, 'chains x'],
      [3, 'chains 2 3'],
      [3, 'the chains 2'],
      [4, 'time '],
      [4, 'at time 2026-11-30T00:00:00.000000Z'],
      [4, 'time 2026-11-30T00:00:00.000000Z\r'],
    ] as const)
      expect(() => parseCheckpoint(withLine(k, text)), text).toThrow(malformed);
  });

  it('refuses a malformed signature line or heads line, naming its line', () => {
    const heads = `order:a 3 ${hex('a')}\n`;
    for (const sig of [sigLine(64), sigLine(68, ' more'), '— writ-audit'])
      expect(() => parseCheckpoint(checkpointText(body, sig, heads)), sig).toThrow(
        'not a checkpoint: malformed signature line 7',
      );
    for (const line of [
      `order:a x3 ${hex('a')}`,
      `order:a 3x ${hex('a')}`,
      `order:a 3 ${hex('a')}a`,
      `order:a 3 g${hex('a').slice(1)}`,
      `order:a 3 ${hex('A')}`,
      `order:a 3`,
      ` 3 ${hex('a')}`,
    ])
      expect(() => parseCheckpoint(checkpointText(body, sigLine(68), `${heads}${line}\n`)), line).toThrow(
        'not a checkpoint: heads line 10 is not "chain seq hash"',
      );
  });
});
