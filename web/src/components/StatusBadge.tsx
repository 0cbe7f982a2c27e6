import type { RequestStatus } from '../../../src/domain/vocabulary.js';
import { statusLabels } from '../labels.js';

export function StatusBadge({ status, testId }: { status: RequestStatus; testId?: string }) {
  return (
    <span className={`badge status status-${status}`} data-testid={testId} data-status={status}>
      {statusLabels[status]}
    </span>
  );
}
