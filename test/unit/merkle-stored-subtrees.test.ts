/**
 * A MerkleTree computes every perfect subtree's hash once, when it is built (issue 13, decision 52),
 * so that a root or proof costs O(log n) hashes instead of O(n). What shows it from outside: asking
 * twice for the hash of a perfect subtree (a power-of-two prefix, or a sibling in a proof) gives back
 * the same stored hash, not a new computation of the same bytes. The hashes themselves are the
 * reference roots of transparency-dev/merkle's eight-leaf tree (testonly/constants.go).
 */
import { describe, expect, it } from 'vitest';
import { leafHash, MerkleTree, nodeHash } from '../../src/domain/merkle.js';

const LEAF_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOT_2 = 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125';
const ROOT_4 = 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7';
const ROOT_8 = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';

const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');
const referenceLeaves = () => LEAF_INPUTS.map((h) => leafHash(Uint8Array.from(Buffer.from(h, 'hex'))));

describe('a tree built once', () => {
  it('gives the stored hash of a power-of-two prefix each time it is asked, not a new one', () => {
    const tree = new MerkleTree(referenceLeaves());
    for (const [size, want] of [
      [2, ROOT_2],
      [4, ROOT_4],
      [8, ROOT_8],
    ] as const) {
      const first = tree.root(size);
      expect(hexOf(first), `size ${size}`).toBe(want);
      expect(tree.root(size), `size ${size}`).toBe(first);
    }
    expect(tree.root()).toBe(tree.root(8));
  });

  it('hands out the same stored sibling in the proofs of different leaves', () => {
    const leaves = referenceLeaves();
    const tree = new MerkleTree(leaves);
    // Leaves 0 and 1 share their last two siblings: leaves 2–3 and leaves 4–7.
    const [p0, p1] = [tree.inclusionProof(0, 8), tree.inclusionProof(1, 8)];
    expect(hexOf(p0[1]!)).toBe(hexOf(nodeHash(leaves[2]!, leaves[3]!)));
    expect(p1[1]).toBe(p0[1]);
    expect(p1[2]).toBe(p0[2]);
    // The consistency proof from 4 to 8 is that same right half.
    expect(tree.consistencyProof(4, 8)).toEqual([p0[2]]);
    expect(tree.consistencyProof(4, 8)[0]).toBe(p0[2]);
  });
});
