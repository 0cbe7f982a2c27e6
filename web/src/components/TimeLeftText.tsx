import { useTranslation } from '../i18n/index.js';
import { timeLeft } from '../time.js';

type Props = { receivedAt: string; dueAt: string; now: Date; dueSoonAt?: string };

/**
 * "in 3 h 12 min" / "overdue by 2 h": red when overdue, amber once it is due soon (from the SLA's
 * `dueSoonAt` when given, else when less than a quarter of the window remains). Colour is never the
 * only signal: "overdue" is in the words, and "due soon" gets a mark and a hidden label.
 */
export function TimeLeftText({ receivedAt, dueAt, now, dueSoonAt }: Props) {
  const { t } = useTranslation('common');
  const left = timeLeft(t, receivedAt, dueAt, now, dueSoonAt);
  return (
    <span className={`time-left time-left-${left.urgency}`} data-urgency={left.urgency}>
      {left.urgency === 'soon' ? (
        <>
          <span aria-hidden="true">⚠ </span>
          <span className="visually-hidden">{t('dueSoonLabel')}</span>
        </>
      ) : null}
      {left.text}
    </span>
  );
}
