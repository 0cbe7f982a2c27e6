/**
 * The transparency log's Merkle tree (issue 13, decision 52): RFC 9162 §2.1 hashing (the same as
 * RFC 6962), inclusion proofs (§2.1.3) and consistency proofs (§2.1.4), generated and verified.
 * SHA-256 from @noble/hashes so that the same code runs in Node and in a browser. Browser-safe.
 *
 * Sizes and indices are plain numbers (safe to 2^53); bit operations are written with arithmetic so
 * that trees beyond 2^31 leaves are not silently truncated by JavaScript's 32-bit shifts.
 */
import { sha256 } from '@noble/hashes/sha2.js';

export const HASH_SIZE = 32;

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(leaf: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(leaf.length + 1);
  bytes[0] = 0x00;
  bytes.set(leaf, 1);
  return sha256(bytes);
}

/** An inner node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(1 + left.length + right.length);
  bytes[0] = 0x01;
  bytes.set(left, 1);
  bytes.set(right, 1 + left.length);
  return sha256(bytes);
}

/** The largest power of two smaller than n (n > 1). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * A tree over a fixed list of leaf hashes, with every perfect subtree's hash computed once (2n hashes
 * in memory), so that any number of proofs cost O(log n) hashes each after an O(n) build.
 */
export class MerkleTree {
  /** levels[h][i] is the hash of the perfect subtree of 2^h leaves starting at leaf i·2^h. */
  private readonly levels: Uint8Array[][];

  constructor(leafHashes: readonly Uint8Array[]) {
    const levels: Uint8Array[][] = [[...leafHashes]];
    for (let below = levels[0]!; below.length > 1; ) {
      const level: Uint8Array[] = [];
      for (let i = 0; i + 1 < below.length; i += 2) level.push(nodeHash(below[i]!, below[i + 1]!));
      levels.push(level);
      below = level;
    }
    this.levels = levels;
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** MTH of leaves [lo, hi). */
  private subtree(lo: number, hi: number): Uint8Array {
    const n = hi - lo;
    if (n === 0) return EMPTY_ROOT;
    let h = 0;
    while (2 ** h < n) h++;
    if (2 ** h === n && lo % n === 0) return this.levels[h]![lo / n]!;
    const k = splitPoint(n);
    return nodeHash(this.subtree(lo, lo + k), this.subtree(lo + k, hi));
  }

  /** The root hash of the first `size` leaves (all by default). */
  root(size: number = this.size): Uint8Array {
    return this.subtree(0, size);
  }

  /** PATH(m, D[lo:hi]) of RFC 9162 §2.1.3.1, deepest sibling first. */
  private path(m: number, lo: number, hi: number, out: Uint8Array[]): void {
    const n = hi - lo;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      this.path(m, lo, lo + k, out);
      out.push(this.subtree(lo + k, hi));
    } else {
      this.path(m - k, lo + k, hi, out);
      out.push(this.subtree(lo, lo + k));
    }
  }

  /** The inclusion proof of leaf `index` in the tree of the first `size` leaves (RFC 9162 §2.1.3.1). */
  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) throw new RangeError(`no tree of ${size} here`);
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
    }
    const out: Uint8Array[] = [];
    this.path(index, 0, size, out);
    return out;
  }

  /** SUBPROOF(m, D[lo:hi], b) of RFC 9162 §2.1.4.1. */
  private subproof(m: number, lo: number, hi: number, whole: boolean, out: Uint8Array[]): void {
    const n = hi - lo;
    if (m === n) {
      if (!whole) out.push(this.subtree(lo, hi));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      this.subproof(m, lo, lo + k, whole, out);
      out.push(this.subtree(lo + k, hi));
    } else {
      this.subproof(m - k, lo + k, hi, false, out);
      out.push(this.subtree(lo, lo + k));
    }
  }

  /** The consistency proof from `from` leaves to `size` leaves (RFC 9162 §2.1.4.1); empty when equal. */
  consistencyProof(from: number, size: number = this.size): Uint8Array[] {
    if (!Number.isSafeInteger(size) || size < 1 || size > this.size) throw new RangeError(`no tree of ${size} here`);
    if (!Number.isSafeInteger(from) || from < 1 || from > size) {
      throw new RangeError(`no consistency proof from ${from} to a tree of ${size}`);
    }
    const out: Uint8Array[] = [];
    if (from < size) this.subproof(from, 0, size, true, out);
    return out;
  }
}

/** The Merkle tree hash of a list of leaf hashes (RFC 9162 §2.1.1). */
export function rootHash(leafHashes: readonly Uint8Array[]): Uint8Array {
  return new MerkleTree(leafHashes).root();
}

/** The inclusion proof (audit path) of leaf `index` in the tree of all `leafHashes` (RFC 9162 §2.1.3.1). */
export function inclusionProof(index: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  return new MerkleTree(leafHashes).inclusionProof(index);
}

/**
 * The consistency proof from the tree of the first `from` leaves to the tree of all `leafHashes`
 * (RFC 9162 §2.1.4.1). Empty when `from` equals the size (nothing to prove).
 */
export function consistencyProof(from: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  return new MerkleTree(leafHashes).consistencyProof(from);
}

const isOdd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const wellFormed = (hashes: readonly Uint8Array[]) => hashes.every((h) => h.length === HASH_SIZE);

/** Verifies an inclusion proof (RFC 9162 §2.1.3.2). Never throws: a malformed proof is false. */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  if (leaf.length !== HASH_SIZE || root.length !== HASH_SIZE || !wellFormed(proof)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equal(r, root);
}

/** Verifies a consistency proof between tree sizes `from` ≤ `to` (RFC 9162 §2.1.4.2). Never throws. */
export function verifyConsistency(
  from: number,
  to: number,
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || to < from) return false;
  if (from === to) return proof.length === 0 && equal(fromRoot, toRoot);
  if (proof.length === 0 || !wellFormed(proof) || fromRoot.length !== HASH_SIZE || toRoot.length !== HASH_SIZE) {
    return false;
  }
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equal(fr, fromRoot) && equal(sr, toRoot);
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}

/** Standard base64 (with padding) of bytes; browser-safe. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Bytes of canonical standard base64; throws a TypeError on anything else. */
export function fromBase64(text: string): Uint8Array {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw new TypeError('not standard base64');
  }
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  // Canonical only: unused padding bits must be zero, so that no two texts decode to the same bytes.
  if (toBase64(out) !== text) throw new TypeError('not canonical base64');
  return out;
}
