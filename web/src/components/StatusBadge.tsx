import type { RequestStatus } from '../../../src/domain/vocabulary.js';
import { useTranslation } from '../i18n/index.js';
import { label } from '../labels.js';

export function StatusBadge({ status, testId }: { status: RequestStatus; testId?: string }) {
  const { t } = useTranslation('common');
  return (
    <span className={`badge status status-${status}`} data-testid={testId} data-status={status}>
      {label(t, 'status', status)}
    </span>
  );
}
