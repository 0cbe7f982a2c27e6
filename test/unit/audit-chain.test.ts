/** The audit chain's pure parts (decision 48): the canonical encoding and the chain walk. */
import { describe, expect, it } from 'vitest';
import {
  type AuditRow,
  ChainVerifier,
  canonicalEntry,
  canonicalJson,
  canonicalNumber,
  checkpointBody,
  checkpointText,
  entryHash,
  GENESIS_HASH,
  headsListing,
  parseCheckpoint,
  parseJson,
  rootHash,
  utcMicros,
} from '../../src/domain/audit-chain.js';

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

function walk(rows: AuditRow[], heads: Map<string, { seq: number; hash: string }>) {
  const v = new ChainVerifier(heads);
  for (const r of rows) {
    const p = v.add(r);
    if (p) return p;
  }
  return v.finish();
}

const headsOf = (rows: AuditRow[]) => new Map(rows.map((r) => [r.chain, { seq: r.seq, hash: r.hash }]));

describe('the canonical encoding', () => {
  it('lays JSON out as PostgreSQL prints jsonb', () => {
    expect(canonicalJson(parseJson('{"bb":1,"a":{"z":[1,"x\\n\\u0001é"]},"c":null}'))).toBe(
      '{"a": {"z": [1, "x\\n\\u0001é"]}, "c": null, "bb": 1}',
    );
    expect(canonicalJson(parseJson('[]'))).toBe('[]');
    expect(canonicalJson(parseJson('{}'))).toBe('{}');
  });
  it('writes numbers as numeric does', () => {
    expect(['1e21', '1.50', '1.50e1', '1e-3', '-0.0', '0e5', '1.5e3', '-7E-2', '100e-2'].map(canonicalNumber)).toEqual([
      '1000000000000000000000',
      '1.50',
      '15.0',
      '0.001',
      '0.0',
      '0',
      '1500',
      '-0.07',
      '1.00',
    ]);
  });
  it('writes instants in UTC with microseconds', () => {
    expect(utcMicros(1_796_000_000_123_456n)).toBe('2026-11-30T00:53:20.123456Z');
  });
});

describe('the chain walk', () => {
  it('passes a whole chain and names what is wrong with a changed one', () => {
    const rows = [...chain('order:a', 4), ...chain('order:b', 2)];
    expect(walk(rows, headsOf(rows))).toBeNull();
    const edited = rows.map((r) => (r.chain === 'order:a' && r.seq === 2 ? { ...r, entry: '{"n": 9}' } : r));
    expect(walk(edited, headsOf(rows))).toMatchObject({ chain: 'order:a', seq: 2, kind: 'edited' });
    const gap = rows.filter((r) => !(r.chain === 'order:a' && r.seq === 2));
    expect(walk(gap, headsOf(rows))).toMatchObject({ chain: 'order:a', seq: 3, kind: 'seq_gap' });
    const newest = rows.filter((r) => !(r.chain === 'order:a' && r.seq === 4));
    expect(walk(newest, headsOf(rows))).toMatchObject({ chain: 'order:a', seq: 4, kind: 'head_mismatch' });
    const heads = headsOf(rows);
    heads.set('order:c', { seq: 1, hash: 'a'.repeat(64) });
    expect(walk(rows, heads)).toMatchObject({ chain: 'order:c', kind: 'chain_missing' });
  });
});

describe('a checkpoint', () => {
  it('reads back what it wrote', () => {
    const listing = headsListing([
      { chain: 'staff:x', seq: 2, hash: 'b'.repeat(64) },
      { chain: 'order:a', seq: 4, hash: 'a'.repeat(64) },
    ]);
    expect(listing).toBe(`order:a 4 ${'a'.repeat(64)}\nstaff:x 2 ${'b'.repeat(64)}\n`);
    const root = rootHash(listing);
    const body = checkpointBody({
      origin: 'writ-audit',
      entries: 6,
      rootHex: root,
      chains: 2,
      at: '2026-11-30T00:00:00.000000Z',
    });
    const sig = `— writ-audit ${Buffer.alloc(68, 1).toString('base64')}`;
    const parsed = parseCheckpoint(checkpointText(body, sig, listing));
    expect(parsed.body).toBe(body);
    expect(parsed.fields).toMatchObject({ entries: 6, rootHex: root, chains: 2 });
    expect(parsed.signatures).toHaveLength(1);
    expect(parsed.heads.map((h) => h.chain)).toEqual(['order:a', 'staff:x']);
    expect(parseCheckpoint(checkpointText(body, null, listing)).signatures).toEqual([]);
  });
});
