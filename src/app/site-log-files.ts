/**
 * The transparency log's part of the static publication (issue 13): the verifier key, every
 * checkpoint and the consistency proofs between consecutive ones, and every record's JSON with its
 * leaf and inclusion proof, plus records/index.json — at the paths of src/domain/static-site-layout.ts,
 * which `writ verify --site` reads. One snapshot: a checkpoint is signed first if the log has grown,
 * and every file is against the latest checkpoint's tree.
 */
import { MerkleTree, toBase64 } from '../domain/merkle.js';
import { type RecordsIndex, siteLayout } from '../domain/static-site-layout.js';
import type { Writ } from './context.js';
import { proofOfLeaf, signCheckpointIfGrown, verifierKey } from './transparency-log.js';

type LogWrit = Pick<Writ, 'transparencyLog' | 'config'>;

const PAGE = 500;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** How many files logFiles will yield (for a progress bar). */
export async function countLogFiles(writ: LogWrit): Promise<number> {
  await signCheckpointIfGrown(writ);
  const latest = await writ.transparencyLog.latestCheckpoint();
  if (!latest) return 3;
  const sizes = (await writ.transparencyLog.checkpointSizes()).filter((s) => s <= latest.treeSize);
  const records = await writ.transparencyLog.recordCount(latest.treeSize);
  // public key, checkpoint, checkpoints/index.json, each checkpoint, each consistency proof, records, index
  return 3 + sizes.length + (sizes.length - 1) + records + 1;
}

/** Every file of the log's part of the static site, path relative to the site's root. */
export async function* logFiles(writ: LogWrit): AsyncIterable<{ path: string; content: string }> {
  await signCheckpointIfGrown(writ);
  yield { path: siteLayout.publicKey, content: `${await verifierKey(writ)}\n` };
  const latest = await writ.transparencyLog.latestCheckpoint();
  if (!latest) {
    // Nothing published yet: an empty log has no checkpoint and no records.
    yield { path: siteLayout.checkpoints, content: json([]) };
    yield { path: siteLayout.recordsIndex, content: json([] satisfies RecordsIndex) };
    return;
  }
  yield { path: siteLayout.checkpoint, content: latest.note };
  const checkpoints = (await writ.transparencyLog.checkpoints()).filter((c) => c.treeSize <= latest.treeSize);
  yield { path: siteLayout.checkpoints, content: json(checkpoints.map((c) => c.treeSize)) };
  for (const c of checkpoints) yield { path: siteLayout.checkpointAt(c.treeSize), content: c.note };

  const tree = new MerkleTree(await writ.transparencyLog.leafHashes(latest.treeSize));
  for (let i = 1; i < checkpoints.length; i++) {
    const from = checkpoints[i - 1]!.treeSize;
    const to = checkpoints[i]!.treeSize;
    yield {
      path: siteLayout.consistency(from, to),
      content: json({ from, to, hashes: tree.consistencyProof(from, to).map(toBase64) }),
    };
  }

  const index: RecordsIndex = [];
  for (let after: string | null = null; ; ) {
    const entries = await writ.transparencyLog.latestEntries(latest.treeSize, after, PAGE);
    for (const entry of entries) {
      const proof = proofOfLeaf(entry, latest, tree);
      index.push({ id: proof.id, version: proof.version, status: proof.status, leafIndex: proof.leafIndex });
      yield { path: siteLayout.recordProof(entry.publicId), content: json(proof) };
    }
    if (entries.length < PAGE) break;
    after = entries.at(-1)!.publicId;
  }
  yield { path: siteLayout.recordsIndex, content: json(index) };
}
