/** The audit log on the wire (src/contracts/audit.ts). */
import type { Checkpoint, Verification } from '../../app/audit.js';
import type { AuditCheckpointCreatedView, AuditCheckpointView, AuditVerificationView } from '../../contracts/audit.js';
import type { CheckpointRow } from '../../db/audit-repository.js';
import { iso } from './instants.js';

export function presentVerification(v: Verification, checkedAt: Date): AuditVerificationView {
  return { ok: v.ok, chains: v.chains, entries: v.entries, rootHash: v.rootHash, problem: v.problem, checkedAt: iso(checkedAt) };
}

export function presentCheckpoint(c: CheckpointRow): AuditCheckpointView {
  return {
    id: c.id,
    at: iso(c.at),
    chains: c.chains,
    entries: c.entries,
    rootHash: c.rootHash,
    signed: c.signature !== null,
    keyId: c.keyId,
  };
}

export function presentCreatedCheckpoint(c: Checkpoint): AuditCheckpointCreatedView {
  return { ...presentCheckpoint(c.row), text: c.text, publicKeyFingerprint: c.publicKeyFingerprint };
}
