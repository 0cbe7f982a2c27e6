/**
 * Edges of the log's Merkle tree (issue 14): the reference roots of transparency-dev/merkle's eight-leaf
 * tree (testonly/constants.go, the tree behind test/fixtures/merkle), proofs at the boundary sizes (1,
 * 2, powers of two and one past), and the proofs a verifier must refuse even when they hash to the
 * root they claim: a path that runs past the root, indices or sizes that are not whole numbers,
 * hashes that are not 32 bytes. Also the canonical JSON of the log's leaves.
 *
 * Every tree is built inside its test, so that a broken hash fails the test rather than the file.
 */
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
import { canonicalJson, decodeLogEntry, encodeLogEntry, type LogEntry } from '../../src/domain/transparency-log.js';

// transparency-dev/merkle testonly/constants.go: the leaf inputs and the root of each prefix (size 1 to 8).
const LEAF_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** Tree sizes at the edges: one leaf, two, powers of two and one past them. */
const SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 32, 33];

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');
const referenceLeaves = () => LEAF_INPUTS.map((h) => leafHash(bytes(h)));
const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`)));
const longer = (b: Uint8Array) => Uint8Array.from([...b, 0]);

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('the Merkle tree hash', () => {
  it('hashes a leaf as SHA-256(0x00 || d) and a node as SHA-256(0x01 || left || right)', () => {
    const [l0, l1] = referenceLeaves() as [Uint8Array, Uint8Array];
    expect(hexOf(l0)).toBe(ROOTS[0]);
    expect(hexOf(leafHash(bytes('00')))).toBe('96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7');
    expect(hexOf(nodeHash(l0, l1))).toBe(ROOTS[1]);
    expect(hexOf(nodeHash(l1, l0))).not.toBe(ROOTS[1]);
  });

  it('has the reference root for every size from 1 to 8, built whole or as a prefix', () => {
    const leaves = referenceLeaves();
    const tree = new MerkleTree(leaves);
    for (let n = 1; n <= 8; n++) {
      expect(hexOf(rootHash(leaves.slice(0, n))), `size ${n}`).toBe(ROOTS[n - 1]);
      expect(hexOf(tree.root(n)), `prefix ${n}`).toBe(ROOTS[n - 1]);
    }
    expect(hexOf(new MerkleTree([]).root())).toBe(hexOf(EMPTY_ROOT));
    expect(tree.size).toBe(8);
  });
});

describe('proofs at the boundary sizes', () => {
  it('proves and verifies the first, middle and last leaves, and refuses them moved or cut', () => {
    const all = leavesOf(33);
    const tree = new MerkleTree(all);
    for (const n of SIZES) {
      const root = tree.root(n);
      for (const m of new Set([0, 1, Math.floor(n / 2), n - 2, n - 1].filter((x) => x >= 0 && x < n))) {
        const proof = tree.inclusionProof(m, n);
        const at = `leaf ${m} of ${n}`;
        expect(hexOf(rootHash(all.slice(0, n))), at).toBe(hexOf(root));
        expect(verifyInclusion(all[m]!, m, n, proof, root), at).toBe(true);
        if (m + 1 < n) expect(verifyInclusion(all[m]!, m + 1, n, proof, root), `${at}, index + 1`).toBe(false);
        if (n > 1) expect(verifyInclusion(all[(m + 1) % n]!, m, n, proof, root), `${at}, other leaf`).toBe(false);
        expect(verifyInclusion(all[m]!, m, n, [...proof, all[0]!], root), `${at}, trailing hash`).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(all[m]!, m, n, proof.slice(0, -1), root), `${at}, cut`).toBe(false);
      }
      for (const m of new Set([1, 2, n - 1, n].filter((x) => x >= 1 && x <= n))) {
        const proof = tree.consistencyProof(m, n);
        const at = `${m} → ${n}`;
        expect(proof.length === 0, at).toBe(m === n);
        expect(verifyConsistency(m, n, tree.root(m), root, proof), at).toBe(true);
        if (m < n) {
          expect(verifyConsistency(m, n, tree.root(m), root, proof.slice(0, -1)), `${at}, cut`).toBe(false);
          expect(verifyConsistency(m, n, tree.root(m), root, [...proof, all[0]!]), `${at}, trailing`).toBe(false);
        }
      }
    }
  });

  it('refuses to make a proof outside the tree, naming the size or leaf', () => {
    const tree = new MerkleTree(leavesOf(4));
    const cases: [() => unknown, string][] = [
      [() => tree.inclusionProof(0, -1), 'no tree of -1 here'],
      [() => tree.inclusionProof(0, 1.5), 'no tree of 1.5 here'],
      [() => tree.inclusionProof(0, 5), 'no tree of 5 here'],
      [() => tree.inclusionProof(0, 0), 'leaf 0 is not in a tree of 0'],
      [() => tree.inclusionProof(-1, 4), 'leaf -1 is not in a tree of 4'],
      [() => tree.inclusionProof(0.5, 4), 'leaf 0.5 is not in a tree of 4'],
      [() => tree.inclusionProof(4, 4), 'leaf 4 is not in a tree of 4'],
      [() => tree.inclusionProof(2, 2), 'leaf 2 is not in a tree of 2'],
      [() => tree.consistencyProof(1, 0), 'no tree of 0 here'],
      [() => tree.consistencyProof(1, 2.5), 'no tree of 2.5 here'],
      [() => tree.consistencyProof(1, 5), 'no tree of 5 here'],
      [() => tree.consistencyProof(0, 4), 'no consistency proof from 0 to a tree of 4'],
      [() => tree.consistencyProof(1.5, 4), 'no consistency proof from 1.5 to a tree of 4'],
      [() => tree.consistencyProof(5, 4), 'no consistency proof from 5 to a tree of 4'],
      [() => tree.consistencyProof(3, 2), 'no consistency proof from 3 to a tree of 2'],
      [() => inclusionProof(1, leavesOf(1)), 'leaf 1 is not in a tree of 1'],
      [() => consistencyProof(2, leavesOf(1)), 'no consistency proof from 2 to a tree of 1'],
    ];
    for (const [f, message] of cases) {
      const e = errorOf(f);
      expect(e, message).toBeInstanceOf(RangeError);
      expect(e.message).toBe(message);
    }
    expect(tree.inclusionProof(3, 4)).toHaveLength(2);
    expect(tree.inclusionProof(0, 1)).toEqual([]);
    expect(tree.consistencyProof(4, 4)).toEqual([]);
    expect(tree.consistencyProof(1, 1)).toEqual([]);
  });
});

describe('verification refuses proofs that hash to the root they claim', () => {
  it('an inclusion path that runs on past the root, or an index or size that is not a whole number', () => {
    const [l0, l1] = leavesOf(2) as [Uint8Array, Uint8Array];
    const root2 = nodeHash(l0, l1);
    const x = leafHash(bytes('ff'));
    expect(verifyInclusion(l0, 0, 2, [l1], root2)).toBe(true);
    expect(verifyInclusion(l0, 0, 2, [l1, x], nodeHash(x, root2))).toBe(false);
    expect(verifyInclusion(l0, 0.5, 2, [l1], root2)).toBe(false);
    expect(verifyInclusion(l0, 0, 2.5, [l1], root2)).toBe(false);
    expect(verifyInclusion(l0, 0, 1, [], l0)).toBe(true);
    expect(verifyInclusion(l0, -1, 1, [], l0)).toBe(false);
    expect(verifyInclusion(l0, 0.5, 1, [], l0)).toBe(false);
    expect(verifyInclusion(l0, 1, 1, [], l0)).toBe(false);
    expect(verifyInclusion(l0, 0, 2 ** 53, [l1], root2)).toBe(false);
  });

  it('an inclusion proof whose leaf, root or path hash is not 32 bytes', () => {
    const [l0, l1] = leavesOf(2) as [Uint8Array, Uint8Array];
    const long = longer(l0);
    expect(verifyInclusion(long, 0, 2, [l1], nodeHash(long, l1))).toBe(false);
    expect(verifyInclusion(long, 0, 1, [], long)).toBe(false);
    expect(verifyInclusion(l0, 0, 2, [longer(l1)], nodeHash(l0, longer(l1)))).toBe(false);
    expect(verifyInclusion(l0, 0, 2, [l1], longer(nodeHash(l0, l1)))).toBe(false);
  });

  it('a consistency proof past the root, between sizes that are not whole or in order, or of short roots', () => {
    const tree = new MerkleTree(leavesOf(4));
    const [root3, root4] = [tree.root(3), tree.root(4)];
    const proof = tree.consistencyProof(3, 4);
    const x = leafHash(bytes('ff'));
    expect(verifyConsistency(3, 4, root3, root4, proof)).toBe(true);
    expect(verifyConsistency(3, 4, nodeHash(x, root3), nodeHash(x, root4), [...proof, x])).toBe(false);
    expect(verifyConsistency(3, 4.5, root3, root4, proof)).toBe(false);
    expect(verifyConsistency(2.5, 2.5, root3, root3, [])).toBe(false);
    expect(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(false);
    const [p0, p1] = [x, leafHash(bytes('fe'))];
    expect(verifyConsistency(3, 2, p0, nodeHash(p0, p1), [p0, p1])).toBe(false);
    // From a power of two the old root starts the path; it must be a hash all the same.
    const r33 = longer(root3);
    expect(verifyConsistency(2, 3, r33, nodeHash(r33, p1), [p1])).toBe(false);
    // Otherwise the proof's first hash starts it.
    const [c0, c1, c2] = proof.map(longer) as [Uint8Array, Uint8Array, Uint8Array];
    expect(
      verifyConsistency(3, 4, nodeHash(proof[2]!, c0), nodeHash(proof[2]!, nodeHash(c0, proof[1]!)), [c0, ...proof.slice(1)]),
    ).toBe(false);
    expect(verifyConsistency(3, 4, root3, root4, [c0, c1, c2])).toBe(false);
    expect(verifyConsistency(3, 4, root3, longer(root4), proof)).toBe(false);
    expect(verifyConsistency(3, 4, root3, root4, [])).toBe(false);
  });

  it('an equal-size proof only of the same root and with no hashes', () => {
    const root = rootHash(leavesOf(3));
    expect(verifyConsistency(3, 3, root, root, [])).toBe(true);
    expect(verifyConsistency(3, 3, root, longer(root), [])).toBe(false);
    expect(verifyConsistency(3, 3, longer(root), root, [])).toBe(false);
    expect(verifyConsistency(3, 3, root, root, [root])).toBe(false);
  });
});

describe('base64', () => {
  it('reads only canonical standard base64, throwing a TypeError otherwise', () => {
    expect(hexOf(fromBase64(''))).toBe('');
    expect(hexOf(fromBase64('AQID'))).toBe('010203');
    expect(hexOf(fromBase64('AQI='))).toBe('0102');
    for (const bad of ['A', 'AQ', 'AQI', 'AQIDB', 'AQ=', 'AR==', 'AQ==\n', '-_8=']) {
      expect(() => fromBase64(bad), bad).toThrow(TypeError);
    }
    const big = Uint8Array.from({ length: 0x8001 }, (_, i) => i % 251);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('canonical JSON of log entries', () => {
  it('sorts keys at every level, drops undefined members and writes undefined array items as null', () => {
    const cases: [unknown, string][] = [
      [null, 'null'],
      ['x', '"x"'],
      [1.5, '1.5'],
      [true, 'true'],
      [[], '[]'],
      [{}, '{}'],
      [[undefined], '[null]'],
      [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
      [{ b: undefined, a: null }, '{"a":null}'],
      [{ z: [1, undefined, { d: 'é', c: [] }], a: { y: undefined } }, '{"a":{},"z":[1,null,{"c":[],"d":"é"}]}'],
    ];
    for (const [value, text] of cases) expect(canonicalJson(value), text).toBe(text);
  });

  it('refuses NaN and the infinities at any depth', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, { a: [Number.NaN] }]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError);
    }
  });

  it('encodes an entry as the UTF-8 of its canonical JSON and decodes it back', () => {
    const entry = {
      version: 2,
      kind: 'publish',
      id: 'R-1',
      at: '2026-01-02T03:04:05.000Z',
      body: { b: 'ü', a: 1 },
    } as unknown as LogEntry;
    const leaf = encodeLogEntry(entry);
    const text = '{"at":"2026-01-02T03:04:05.000Z","body":{"a":1,"b":"ü"},"id":"R-1","kind":"publish","version":2}';
    expect(Buffer.from(leaf).toString('utf8')).toBe(text);
    expect(leaf.length).toBe(Buffer.byteLength(text));
    expect(decodeLogEntry(leaf)).toEqual(entry);
  });
});
