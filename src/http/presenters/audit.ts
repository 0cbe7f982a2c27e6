/** The audit log on the wire (src/contracts/audit.ts). */
import type { Checkpoint, Verification } from '../../app/audit.js';
import type {
  AuditCheckpointCreatedView,
  AuditCheckpointView,
  AuditVerificationView,
  auditProblemKinds,
} from '../../contracts/audit.js';
import type { CheckpointRow } from '../../db/audit-repository.js';
import type { AuditProblemKind } from '../../domain/audit-chain.js';
import { iso } from './instants.js';

// The wire's kinds are the domain's, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: Same<(typeof auditProblemKinds)[number], AuditProblemKind> = true;
void kindsAgree;

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
