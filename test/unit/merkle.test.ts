/**
 * The log's Merkle tree (issue 13) against published vectors: transparency-dev/merkle's testdata
 * (inclusion and consistency cases, happy and corrupted, see test/fixtures/merkle/SOURCE.txt) and
 * RFC 9162 §2.1.5's seven-leaf example, whose proofs are named node by node in the RFC.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_ROOT,
  fromBase64,
  inclusionProof,
  leafHash,
  MerkleTree,
  nodeHash,
  rootHash,
  toBase64,
  verifyConsistency,
  verifyInclusion,
} from '../../src/domain/merkle.js';

const fixtures = join(import.meta.dirname, '../fixtures/merkle');

function casesUnder(dir: string): { name: string; value: Record<string, unknown> }[] {
  const out: { name: string; value: Record<string, unknown> }[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...casesUnder(path));
    else if (entry.endsWith('.json')) {
      out.push({ name: path.slice(fixtures.length + 1), value: JSON.parse(readFileSync(path, 'utf8')) });
    }
  }
  return out;
}

const b64 = (s: unknown) => fromBase64(String(s ?? ''));
const proofOf = (p: unknown) => ((p as string[] | null) ?? []).map(b64);

describe('transparency-dev/merkle inclusion vectors', () => {
  const cases = casesUnder(join(fixtures, 'inclusion'));
  it('has the vectors', () => expect(cases.length).toBeGreaterThan(90));
  it.each(cases)('$name', ({ value: c }) => {
    const ok = verifyInclusion(b64(c.leafHash), Number(c.leafIdx), Number(c.treeSize), proofOf(c.proof), b64(c.root));
    expect(ok).toBe(!c.wantErr);
  });
});

describe('transparency-dev/merkle consistency vectors', () => {
  const cases = casesUnder(join(fixtures, 'consistency'));
  it('has the vectors', () => expect(cases.length).toBeGreaterThan(90));
  it.each(cases)('$name', ({ value: c }) => {
    const ok = verifyConsistency(Number(c.size1), Number(c.size2), b64(c.root1), b64(c.root2), proofOf(c.proof));
    expect(ok).toBe(!c.wantErr);
  });
});

describe('generation reproduces the vectors', () => {
  // transparency-dev's reference tree: leaves are these eight byte strings (merkle's testonly/constants.go).
  const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
    Uint8Array.from(Buffer.from(h, 'hex')),
  );
  const hashes = leaves.map(leafHash);
  it('builds the reference root of eight and every happy-path inclusion proof', () => {
    expect(toBase64(rootHash(hashes))).toBe('XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=');
    for (const c of casesUnder(join(fixtures, 'inclusion')).filter((x) => /^inclusion\/\d\/happy-path/.test(x.name))) {
      const size = Number(c.value.treeSize);
      const proof = inclusionProof(Number(c.value.leafIdx), hashes.slice(0, size));
      expect(proof.map(toBase64), c.name).toEqual(c.value.proof ?? []);
      expect(toBase64(rootHash(hashes.slice(0, size))), c.name).toBe(c.value.root);
    }
  });
  it('builds every happy-path consistency proof', () => {
    for (const c of casesUnder(join(fixtures, 'consistency')).filter((x) => /^consistency\/\d\/happy-path/.test(x.name))) {
      const size2 = Number(c.value.size2);
      const proof = consistencyProof(Number(c.value.size1), hashes.slice(0, size2));
      expect(proof.map(toBase64), c.name).toEqual(c.value.proof ?? []);
    }
  });
});

describe('RFC 9162 §2.1.5: the seven-leaf example', () => {
  const d = Array.from({ length: 7 }, (_, i) => new TextEncoder().encode(`d${i}`));
  const [a, b, c, dd, e, f, j] = d.map(leafHash) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  const g = nodeHash(a, b);
  const h = nodeHash(c, dd);
  const i = nodeHash(e, f);
  const k = nodeHash(g, h);
  const l = nodeHash(i, j);
  const root7 = nodeHash(k, l);
  const all = [a, b, c, dd, e, f, j];
  const hex = (xs: Uint8Array[]) => xs.map((x) => Buffer.from(x).toString('hex'));

  it('has the root hash(k || l)', () => expect(hex([rootHash(all)])).toEqual(hex([root7])));
  it('gives the inclusion proofs of b, d and d6 as the RFC names them', () => {
    expect(hex(inclusionProof(1, all))).toEqual(hex([a, h, l]));
    expect(hex(inclusionProof(3, all))).toEqual(hex([c, g, l]));
    expect(hex(inclusionProof(6, all))).toEqual(hex([i, k]));
    for (let m = 0; m < 7; m++) expect(verifyInclusion(all[m]!, m, 7, inclusionProof(m, all), root7)).toBe(true);
    expect(verifyInclusion(b, 1, 7, [a, h, l], root7)).toBe(true);
    expect(verifyInclusion(b, 2, 7, [a, h, l], root7)).toBe(false);
  });
  it('gives the consistency proofs 3→7, 4→7 and 6→7 as the RFC names them', () => {
    const root3 = nodeHash(g, c);
    const root4 = k;
    const root6 = nodeHash(k, i);
    expect(hex(consistencyProof(3, all))).toEqual(hex([c, dd, g, l]));
    expect(hex(consistencyProof(4, all))).toEqual(hex([l]));
    expect(hex(consistencyProof(6, all))).toEqual(hex([i, j, k]));
    expect(verifyConsistency(3, 7, root3, root7, [c, dd, g, l])).toBe(true);
    expect(verifyConsistency(4, 7, root4, root7, [l])).toBe(true);
    expect(verifyConsistency(6, 7, root6, root7, [i, j, k])).toBe(true);
    expect(verifyConsistency(6, 7, root6, root7, [i, k, j])).toBe(false);
    expect(verifyConsistency(3, 7, root6, root7, [c, dd, g, l])).toBe(false);
  });
  it('verifies every proof it makes between every pair of sizes up to 33', () => {
    const many = Array.from({ length: 33 }, (_, n) => leafHash(new TextEncoder().encode(`leaf ${n}`)));
    for (let n = 1; n <= many.length; n++) {
      const tree = many.slice(0, n);
      const root = rootHash(tree);
      for (let m = 0; m < n; m++) expect(verifyInclusion(tree[m]!, m, n, inclusionProof(m, tree), root)).toBe(true);
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, tree);
        expect(verifyConsistency(m, n, rootHash(tree.slice(0, m)), root, proof), `${m}→${n}`).toBe(true);
        if (m < n) expect(verifyConsistency(m, n, rootHash(many.slice(1, m + 1)), root, proof), `${m}→${n} wrong`).toBe(false);
      }
    }
  });
  it('gives the same proofs for any prefix from one tree built once (MerkleTree)', () => {
    const many = Array.from({ length: 21 }, (_, n) => leafHash(new TextEncoder().encode(`leaf ${n}`)));
    const tree = new MerkleTree(many);
    const hex1 = (x: Uint8Array) => Buffer.from(x).toString('hex');
    for (let n = 1; n <= many.length; n++) {
      expect(hex1(tree.root(n))).toBe(hex1(rootHash(many.slice(0, n))));
      for (let m = 0; m < n; m++) expect(hex(tree.inclusionProof(m, n))).toEqual(hex(inclusionProof(m, many.slice(0, n))));
      for (let m = 1; m <= n; m++) expect(hex(tree.consistencyProof(m, n))).toEqual(hex(consistencyProof(m, many.slice(0, n))));
    }
    expect(() => tree.inclusionProof(3, 22)).toThrow(RangeError);
  });
  it('hashes the empty tree as SHA-256 of nothing and round-trips base64', () => {
    expect(toBase64(EMPTY_ROOT)).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(toBase64(rootHash([]))).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(() => fromBase64('not base64!')).toThrow(TypeError);
    // Non-zero padding bits would let two texts stand for the same bytes.
    expect(toBase64(fromBase64('AQ=='))).toBe('AQ==');
    expect(() => fromBase64('AR==')).toThrow(TypeError);
  });
});
