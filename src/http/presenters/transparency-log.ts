/** The transparency log's answers as the public API shows them (the domain shapes already are the wire shapes). */
import type { ConsistencyProofResponse, RecordProofResponse } from '../../contracts/transparency-log.js';
import type { ConsistencyProof, RecordProof } from '../../domain/static-site-layout.js';

export const presentRecordProof = (proof: RecordProof): RecordProofResponse => proof;
export const presentConsistencyProof = (proof: ConsistencyProof): ConsistencyProofResponse => proof;
export const presentCheckpointSizes = (sizes: number[]) => ({ sizes });
