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

/** MTH of leafHashes[lo, hi). */
function subtreeRoot(hashes: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return hashes[lo]!;
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(hashes, lo, lo + k), subtreeRoot(hashes, lo + k, hi));
}

/** The Merkle tree hash of a list of leaf hashes (RFC 9162 §2.1.1). */
export function rootHash(leafHashes: readonly Uint8Array[]): Uint8Array {
  return subtreeRoot(leafHashes, 0, leafHashes.length);
}

/** PATH(m, D[lo:hi]) of RFC 9162 §2.1.3.1, deepest sibling first. */
function path(m: number, hashes: readonly Uint8Array[], lo: number, hi: number, out: Uint8Array[]): void {
  const n = hi - lo;
  if (n <= 1) return;
  const k = splitPoint(n);
  if (m < k) {
    path(m, hashes, lo, lo + k, out);
    out.push(subtreeRoot(hashes, lo + k, hi));
  } else {
    path(m - k, hashes, lo + k, hi, out);
    out.push(subtreeRoot(hashes, lo, lo + k));
  }
}

/** The inclusion proof (audit path) of leaf `index` in the tree of all `leafHashes` (RFC 9162 §2.1.3.1). */
export function inclusionProof(index: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leafHashes.length) {
    throw new RangeError(`leaf ${index} is not in a tree of ${leafHashes.length}`);
  }
  const out: Uint8Array[] = [];
  path(index, leafHashes, 0, leafHashes.length, out);
  return out;
}

/** SUBPROOF(m, D[lo:hi], b) of RFC 9162 §2.1.4.1. */
function subproof(m: number, hashes: readonly Uint8Array[], lo: number, hi: number, whole: boolean, out: Uint8Array[]): void {
  const n = hi - lo;
  if (m === n) {
    if (!whole) out.push(subtreeRoot(hashes, lo, hi));
    return;
  }
  const k = splitPoint(n);
  if (m <= k) {
    subproof(m, hashes, lo, lo + k, whole, out);
    out.push(subtreeRoot(hashes, lo + k, hi));
  } else {
    subproof(m - k, hashes, lo + k, hi, false, out);
    out.push(subtreeRoot(hashes, lo, lo + k));
  }
}

/**
 * The consistency proof from the tree of the first `from` leaves to the tree of all `leafHashes`
 * (RFC 9162 §2.1.4.1). Empty when `from` equals the size (nothing to prove).
 */
export function consistencyProof(from: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  const n = leafHashes.length;
  if (!Number.isSafeInteger(from) || from < 1 || from > n) {
    throw new RangeError(`no consistency proof from ${from} to a tree of ${n}`);
  }
  const out: Uint8Array[] = [];
  if (from < n) subproof(from, leafHashes, 0, n, true, out);
  return out;
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

/** Bytes of standard base64; throws a TypeError on anything else. */
export function fromBase64(text: string): Uint8Array {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw new TypeError('not standard base64');
  }
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
