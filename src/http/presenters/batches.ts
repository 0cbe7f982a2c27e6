/** A batch's answer to its wire shape (contracts/batches.ts). */
import type { BatchAnswer } from '../../app/intake.js';
import { iso } from './instants.js';

export function presentBatch(answer: BatchAnswer) {
  return {
    batchKey: answer.batchKey,
    replayed: answer.replayed,
    requests: answer.requests.map((r) => ({ id: r.id, reference: r.reference, dueAt: iso(r.dueAt) })),
  };
}
