/**
 * Where a request stands against its deadline, as the server judged it: colour, a mark and the
 * words, so that colour is never the only signal.
 */
import type { SlaState } from '../api.js';
import { useTranslation } from '../i18n/index.js';
import { label } from '../labels.js';

const marks: Record<SlaState, string> = {
  on_track: '●',
  due_soon: '◐',
  overdue: '⚠',
  met: '✓',
  missed: '✕',
  not_applicable: '–',
};

export function SlaBadge({ state, testId = 'sla-badge' }: { state: SlaState; testId?: string }) {
  const { t } = useTranslation('common');
  return (
    <span className={`badge sla sla-${state}`} data-testid={testId} data-sla={state}>
      <span aria-hidden="true">{marks[state]} </span>
      <span className="visually-hidden">{t('deadlineLabel')}</span>
      {label(t, 'sla', state)}
    </span>
  );
}
