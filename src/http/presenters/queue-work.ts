/** Bulk decisions to their wire shapes (contracts/queue-work.ts). */
import type { BulkMatch, BulkResult } from '../../app/queue-work.js';
import { bulkDecisionCap } from '../../domain/bulk-decision.js';
import type { ErrorCode } from '../../domain/errors.js';

export const presentBulkPreview = (items: BulkMatch[]) => ({ matched: items.length, cap: bulkDecisionCap, items });

export function presentBulkResult(results: BulkResult[]) {
  const decided = results.filter((r) => r.result === 'decided').length;
  return {
    matched: results.length,
    decided,
    refused: results.length - decided,
    results: results.map((r) =>
      r.result === 'decided'
        ? {
            itemId: r.itemId,
            position: r.position,
            target: r.target,
            decided: r.decided,
            result: r.result,
            code: null,
            message: null,
            field: null,
          }
        : {
            itemId: r.itemId,
            position: r.position,
            target: r.target,
            decided: r.decided,
            result: r.result,
            code: r.code as ErrorCode,
            message: r.message,
            field: r.field,
          },
    ),
  };
}
