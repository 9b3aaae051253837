/**
 * The Merkle tree of the publication log against published RFC 6962 test vectors, and properties
 * over random trees. Vectors: github.com/transparency-dev/merkle, testonly/constants.go (leaf
 * inputs, node and root hashes) and proof/verify_test.go (inclusion and consistency proofs; their
 * inclusion vectors number leaves from 1), which come from the Certificate Transparency C++ tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/lib/tlog/bytes.ts';
import { buildMerkleTree, getEmptyRoot, getRootFromInclusionProof, hashLeaf, verifyConsistency, verifyInclusion } from '../../src/lib/tlog/merkle.ts';
import { buildTiles, decodeEntryBundle, decodeHashTile, encodeTileIndex, getTilePath, listTiles, proveInclusionFromTiles } from '../../src/lib/tlog/tiles.ts';

const h = (hex: string): Uint8Array => fromHex(hex)!;
const leafInputs = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(h);
const roots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const leafHashes = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
];
// [leaf (1-based), tree size, proof]
const inclusionVectors: [number, number, string[]][] = [
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [3, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    2,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
// [old size, new size, proof]
const consistencyVectors: [number, number, string[]][] = [
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];

const tree = buildMerkleTree(leafInputs.map(hashLeaf));

describe('RFC 6962 hashes match the Certificate Transparency test vectors', () => {
  it('each leaf hashes as SHA-256(0x00 || data)', () => {
    expect(leafInputs.map((d) => toHex(hashLeaf(d)))).toEqual(leafHashes);
  });
  it('the tree head of every size from 0 to 8 is the published root', () => {
    expect(toHex(getEmptyRoot())).toBe(roots[0]);
    for (let n = 0; n <= 8; n++) expect(toHex(tree.getRoot(n)), `size ${n}`).toBe(roots[n]);
  });
});

describe('inclusion proofs match the published vectors and a changed proof fails', () => {
  it.each(inclusionVectors)('leaf %i of a tree of %i gives the published proof, which verifies', (leaf, size, proof) => {
    expect(tree.getInclusionProof(leaf - 1, size).map(toHex)).toEqual(proof);
    expect(verifyInclusion(leaf - 1, size, h(leafHashes[leaf - 1]!), proof.map(h), h(roots[size]!))).toBe(true);
  });
  it.each(inclusionVectors)('the proof of leaf %i in %i fails for another index, size, leaf, root or a flipped bit', (leaf, size, proof) => {
    const p = proof.map(h);
    const leafHash = h(leafHashes[leaf - 1]!);
    const root = h(roots[size]!);
    expect(verifyInclusion(leaf - 2, size, leafHash, p, root)).toBe(false);
    expect(verifyInclusion(leaf, size, leafHash, p, root)).toBe(false);
    expect(verifyInclusion(leaf - 1, size * 2, leafHash, p, root)).toBe(false);
    expect(verifyInclusion(leaf - 1, size, hashLeaf(Uint8Array.of(1)), p, root)).toBe(false);
    expect(verifyInclusion(leaf - 1, size, leafHash, p, getEmptyRoot())).toBe(false);
    expect(verifyInclusion(leaf - 1, size, leafHash, [...p, root], root)).toBe(false);
    expect(verifyInclusion(leaf - 1, size, leafHash, p.slice(0, -1), root)).toBe(false);
    for (let i = 0; i < p.length; i++) {
      const flipped = p.map((x) => x.slice());
      flipped[i]![0]! ^= 8;
      expect(verifyInclusion(leaf - 1, size, leafHash, flipped, root), `bit flip in proof[${i}]`).toBe(false);
    }
  });
  it('a one-leaf tree needs no proof and index past the end is refused', () => {
    expect(verifyInclusion(0, 1, tree.getRoot(1), [], tree.getRoot(1))).toBe(true);
    expect(getRootFromInclusionProof(1, 1, tree.getRoot(1), [])).toBeNull();
  });
});

describe('consistency proofs match the published vectors and a changed proof fails', () => {
  it.each(consistencyVectors)('the tree of %i is a prefix of the tree of %i, with the published proof', (m, n, proof) => {
    expect(tree.getConsistencyProof(m, n).map(toHex)).toEqual(proof);
    expect(verifyConsistency(m, n, proof.map(h), h(roots[m]!), h(roots[n]!))).toBe(true);
  });
  it.each(consistencyVectors)('the proof from %i to %i fails with other sizes, swapped roots or a flipped bit', (m, n, proof) => {
    const p = proof.map(h);
    const [r1, r2] = [h(roots[m]!), h(roots[n]!)];
    expect(verifyConsistency(m - 1, n, p, r1, r2)).toBe(false);
    expect(verifyConsistency(m + 1, n, p, r1, r2)).toBe(false);
    expect(verifyConsistency(m, n * 2, p, r1, r2)).toBe(false);
    expect(verifyConsistency(m, n, p, r2, r1)).toBe(false);
    expect(verifyConsistency(m, n, [], r1, r2)).toBe(false);
    expect(verifyConsistency(m, n, p.slice(0, -1), r1, r2)).toBe(false);
    for (let i = 0; i < p.length; i++) {
      const flipped = p.map((x) => x.slice());
      flipped[i]![0]! ^= 16;
      expect(verifyConsistency(m, n, flipped, r1, r2), `bit flip in proof[${i}]`).toBe(false);
    }
  });
  it('a tree is consistent with itself only under the same root, and a shorter tree never follows a longer one', () => {
    expect(verifyConsistency(4, 4, [], tree.getRoot(4), tree.getRoot(4))).toBe(true);
    expect(verifyConsistency(4, 4, [], tree.getRoot(4), tree.getRoot(5))).toBe(false);
    expect(verifyConsistency(5, 4, [], tree.getRoot(5), tree.getRoot(4))).toBe(false);
  });
});

describe('proofs over random trees', () => {
  const leaves = (n: number, seed: number): Uint8Array[] => Array.from({ length: n }, (_, i) => hashLeaf(Uint8Array.of(seed & 0xff, i & 0xff, i >> 8)));
  it('every leaf of a random tree has an inclusion proof that verifies, and only for its own index', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.nat(), fc.nat(), (n, seed, pick) => {
        const t = buildMerkleTree(leaves(n, seed));
        const i = pick % n;
        const size = i + 1 + ((pick >> 3) % (n - i));
        const proof = t.getInclusionProof(i, size);
        const leaf = leaves(n, seed)[i]!;
        expect(verifyInclusion(i, size, leaf, proof, t.getRoot(size))).toBe(true);
        if (size > 1) expect(verifyInclusion((i + 1) % size, size, leaf, proof, t.getRoot(size))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
  it('any older size is consistent with any newer size, and editing an old leaf breaks it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.nat(), fc.nat(), (n, seed, pick) => {
        const hashes = leaves(n, seed);
        const t = buildMerkleTree(hashes);
        const m = 1 + (pick % n);
        expect(verifyConsistency(m, n, t.getConsistencyProof(m, n), t.getRoot(m), t.getRoot(n))).toBe(true);
        const edited = hashes.slice();
        edited[pick % m] = hashLeaf(Uint8Array.of(0xff, 0xff, 0xff, 0xff));
        const rewritten = buildMerkleTree(edited);
        expect(verifyConsistency(m, n, rewritten.getConsistencyProof(m, n), t.getRoot(m), rewritten.getRoot(n))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('tiles follow C2SP tlog-tiles', () => {
  it('tile indexes are written in x-prefixed 3-digit groups', () => {
    expect(encodeTileIndex(1234067)).toBe('x001/x234/067');
    expect(encodeTileIndex(0)).toBe('000');
    expect(getTilePath(0, 1, 44)).toBe('tile/0/001.p/44');
    expect(getTilePath('entries', 1000)).toBe('tile/entries/x001/000');
  });
  it('a tree of 70,000 has the tiles the spec lists', () => {
    const tiles = listTiles(70000);
    const at = (level: number) => tiles.filter((t) => t.level === level);
    expect(at(0).filter((t) => t.width === 256)).toHaveLength(273);
    expect(at(0).at(-1)).toEqual({ level: 0, index: 273, width: 112 });
    expect(at(1)).toEqual([
      { level: 1, index: 0, width: 256 },
      { level: 1, index: 1, width: 17 },
    ]);
    expect(at(2)).toEqual([{ level: 2, index: 0, width: 1 }]);
    expect(listTiles(256).map((t) => getTilePath(t.level, t.index, t.width))).toEqual(['tile/0/000', 'tile/1/000.p/1']);
  });
  it('a level-1 tile holds the root of each full level-0 tile, and entry bundles give back the entries', () => {
    const entries = Array.from({ length: 300 }, (_, i) => new TextEncoder().encode(`entry ${i}`));
    const files = buildTiles(entries);
    const root256 = buildMerkleTree(entries.slice(0, 256).map(hashLeaf)).getRoot();
    expect(toHex(files.get('tile/1/000.p/1')!)).toBe(toHex(root256));
    expect(files.get('tile/0/001.p/44')!.length).toBe(44 * 32);
    expect(decodeEntryBundle(files.get('tile/entries/001.p/44')!)!.map((e) => new TextDecoder().decode(e))).toEqual(
      entries.slice(256).map((e) => new TextDecoder().decode(e)),
    );
  });
  it('a reader of the published tiles gets the same inclusion proof as the whole tree, fetching at most three tiles a level', async () => {
    const entries = Array.from({ length: 66_000 }, (_, i) => new TextEncoder().encode(`e${i}`));
    const files = buildTiles(entries);
    const tree = buildMerkleTree(entries.map(hashLeaf));
    for (const size of [1, 2, 255, 256, 257, 513, 65_536, 65_537, 66_000])
      for (const index of [0, 1, size >> 1, size - 2, size - 1].filter((i) => i >= 0 && i < size)) {
        const read: string[] = [];
        const proof = await proveInclusionFromTiles(index, size, async (level, tile, width) => {
          read.push(getTilePath(level, tile, width));
          // The tiles of a smaller tree are cut from the bigger one's: a full tile is the same file.
          const full = files.get(getTilePath(level, tile)) ?? files.get([...files.keys()].find((k) => k.startsWith(`${getTilePath(level, tile)}.p/`))!)!;
          return decodeHashTile(full.slice(0, width * 32), width)!;
        });
        expect(proof.map(toHex), `index ${index} of ${size}`).toEqual(tree.getInclusionProof(index, size).map(toHex));
        expect(verifyInclusion(index, size, hashLeaf(entries[index]!), proof, tree.getRoot(size))).toBe(true);
        expect(new Set(read).size).toBe(read.length);
        expect(read.length).toBeLessThanOrEqual(3 * Math.ceil(Math.log2(size + 1) / 8));
      }
  });
  it('a tile that is shorter than the tree says is refused, not read past', async () => {
    await expect(proveInclusionFromTiles(0, 300, async () => [])).rejects.toThrow(/too short/);
    await expect(proveInclusionFromTiles(300, 300, async () => [])).rejects.toThrow(RangeError);
  });
});
