/**
 * RFC 6962 / RFC 9162 Merkle tree hashing: leaf hashes (prefix 0x00), interior nodes (prefix
 * 0x01), tree heads of any size, inclusion and consistency proofs (generate and verify). SHA-256
 * from @noble/hashes so the same module runs in the build, the auditor commands and the browser.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes as concat } from './bytes.ts';

export type Hash = Uint8Array;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** The root of the empty tree: SHA-256 of the empty string. */
export function getEmptyRoot(): Hash {
  return sha256(new Uint8Array(0));
}

/** MTH({d}) = SHA-256(0x00 || d): the hash of one log entry. */
export function hashLeaf(data: Uint8Array): Hash {
  return sha256(concat(LEAF_PREFIX, data));
}

/** SHA-256(0x01 || left || right): an interior node. */
export function hashChildren(left: Hash, right: Hash): Hash {
  return sha256(concat(NODE_PREFIX, left, right));
}

/** True when two hashes hold the same bytes. */
export function equalHashes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The largest power of two strictly smaller than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && Number.isInteger(Math.log2(n));
}

const half = (n: number): number => Math.floor(n / 2);
const isOdd = (n: number): boolean => n % 2 === 1;

/**
 * A Merkle tree over a list of leaf hashes, with the hashes of every full aligned subtree kept
 * level by level so that a tree head or proof for any size costs O(log² n) hashes.
 */
export interface MerkleTree {
  /** Number of leaves. */
  readonly size: number;
  /** MTH of the first `size` leaves (default: all). */
  getRoot(size?: number): Hash;
  /** RFC 6962 PATH(index, D[0:size]): sibling hashes from the leaf up to the root's child. */
  getInclusionProof(index: number, size?: number): Hash[];
  /** RFC 6962 PROOF(oldSize, D[0:newSize]). */
  getConsistencyProof(oldSize: number, newSize?: number): Hash[];
}

/** Builds the tree of the given leaf hashes (see `hashLeaf`). */
export function buildMerkleTree(leafHashes: readonly Hash[]): MerkleTree {
  const levels: Hash[][] = [leafHashes.slice()];
  for (let l = 0; (levels[l] as Hash[]).length > 1; l++) {
    const below = levels[l] as Hash[];
    const above: Hash[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(hashChildren(below[i] as Hash, below[i + 1] as Hash));
    levels.push(above);
  }
  const size = leafHashes.length;

  /** MTH(D[start:end]). */
  function subtree(start: number, end: number): Hash {
    const n = end - start;
    if (n === 0) return getEmptyRoot();
    if (isPowerOfTwo(n) && start % n === 0) {
      const level = Math.log2(n);
      return (levels[level] as Hash[])[start / n] as Hash;
    }
    const k = splitPoint(n);
    return hashChildren(subtree(start, start + k), subtree(start + k, end));
  }

  function checkSize(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0 || n > size) throw new RangeError(`tree size ${n} is not between 0 and ${size}`);
  }

  function path(index: number, start: number, end: number): Hash[] {
    const n = end - start;
    if (n <= 1) return [];
    const k = splitPoint(n);
    if (index < k) return [...path(index, start, start + k), subtree(start + k, end)];
    return [...path(index - k, start + k, end), subtree(start, start + k)];
  }

  function subproof(m: number, start: number, end: number, complete: boolean): Hash[] {
    const n = end - start;
    if (m === n) return complete ? [] : [subtree(start, end)];
    const k = splitPoint(n);
    if (m <= k) return [...subproof(m, start, start + k, complete), subtree(start + k, end)];
    return [...subproof(m - k, start + k, end, false), subtree(start, start + k)];
  }

  return {
    size,
    getRoot(n = size) {
      checkSize(n);
      return subtree(0, n);
    },
    getInclusionProof(index, n = size) {
      checkSize(n);
      if (!Number.isSafeInteger(index) || index < 0 || index >= n) throw new RangeError(`leaf ${index} is not in a tree of size ${n}`);
      return path(index, 0, n);
    },
    getConsistencyProof(m, n = size) {
      checkSize(n);
      if (!Number.isSafeInteger(m) || m < 0 || m > n) throw new RangeError(`size ${m} is not between 0 and ${n}`);
      if (m === 0 || m === n) return [];
      return subproof(m, 0, n, true);
    },
  };
}

/**
 * Recomputes the root from a leaf hash and its inclusion proof (RFC 9162, 2.1.3.2). Returns null
 * when the proof has the wrong shape for that index and size.
 */
export function getRootFromInclusionProof(index: number, size: number, leafHash: Hash, proof: readonly Hash[]): Hash | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  if (leafHash.length !== 32 || proof.some((p) => p.length !== 32)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

/** True when `proof` shows the leaf at `index` is in the tree of `size` leaves with this root. */
export function verifyInclusion(index: number, size: number, leafHash: Hash, proof: readonly Hash[], root: Hash): boolean {
  const got = getRootFromInclusionProof(index, size, leafHash, proof);
  return got !== null && equalHashes(got, root);
}

/**
 * True when `proof` shows that the tree of `oldSize` leaves with `oldRoot` is a prefix of the
 * tree of `newSize` leaves with `newRoot` (RFC 9162, 2.1.4.2): nothing logged was changed or
 * removed, only appended.
 */
export function verifyConsistency(oldSize: number, newSize: number, proof: readonly Hash[], oldRoot: Hash, newRoot: Hash): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) return false;
  if (proof.some((p) => p.length !== 32)) return false;
  if (oldSize === newSize) return proof.length === 0 && equalHashes(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Hash;
  let sr = path[0] as Hash;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalHashes(fr, oldRoot) && equalHashes(sr, newRoot);
}
