/**
 * The sanctions recorded under a duty (issue 15): the pressure events that name it — a fine, a block,
 * a ban — each with its kind, title, authority, date, amount, status and how many orders it concerns,
 * linking to the event's page.
 */
import { Link } from 'react-router-dom';
import type { Sanction } from '../api.js';
import { DemoBadge } from '../components/Feedback.js';
import { useFormat, useTranslation } from '../i18n/index.js';
import { moneyIn, pressureKindLabel, pressureStatusLabel } from '../pressure-vocabulary.js';
import { pressureEventPath } from './pressure/paths.js';

export function Sanctions({ sanctions }: { sanctions: readonly Sanction[] }) {
  const { t } = useTranslation('pressure');
  const format = useFormat();
  if (sanctions.length === 0) return null;
  return (
    <div className="sanctions" data-testid="duty-sanctions">
      <h5 className="sanctions-title">{t('sanctions.title', { count: sanctions.length })}</h5>
      <ul>
        {sanctions.map((s) => (
          <li key={s.id} data-testid="duty-sanction" data-id={s.id} data-kind={s.kind} data-status={s.status}>
            <strong>{pressureKindLabel(t, s.kind)}</strong>{' '}
            <Link to={pressureEventPath(s.id)} data-testid="duty-sanction-link">
              {s.title}
            </Link>
            {s.demo ? (
              <>
                {' '}
                <DemoBadge title={t('demoTitle')} />
              </>
            ) : null}
            <span className="sub">
              {s.authority} · <time dateTime={s.announcedOn}>{format.day(s.announcedOn)}</time>
              {s.amount && s.currency ? (
                <>
                  {' · '}
                  <span data-testid="duty-sanction-amount">{moneyIn(format, s.amount, s.currency)}</span>
                </>
              ) : null}
              {' · '}
              <span className={`badge pressure-status pressure-status-${s.status}`}>{pressureStatusLabel(t, s.status)}</span>
              {' · '}
              <span data-testid="duty-sanction-orders" data-count={s.orders}>
                {t('list.ordersConcerned', { count: s.orders })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
