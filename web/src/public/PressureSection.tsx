/**
 * The country page's pressure on the platform (issue 15): the fines, judgments, blocks, bans and
 * shutdowns that began in the half-year or were in force during it, with their sources, and the
 * table to download (`country-{CC}-{YYYY-Hn}-pressure`).
 */
import { useQuery } from '@tanstack/react-query';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useTranslation } from '../i18n/index.js';
import { queries } from '../queries.js';
import { PressureList } from './PressureList.js';
import { periodNameIn } from './periods.js';
import { DownloadLinks } from './site/DownloadLinks.js';
import { countryTable } from './site/site-api.js';

export function PressureSection({ country, period }: { country: string; period: string }) {
  const { t } = useTranslation('pressure');
  const { data, error } = useQuery(queries.publicPressure({ country, period }));
  return (
    <section className="pressure-section" aria-labelledby="pressure-h" data-testid="pressure-section">
      <h2 id="pressure-h">{t('public.title')}</h2>
      <p className="muted">{t('public.note', { period: periodNameIn(t, period) })}</p>
      {error ? <ProblemMessage error={error} /> : null}
      {!data && !error ? <Loading what={t('public.loading')} /> : null}
      {data && data.length === 0 ? (
        <p className="empty" data-testid="pressure-none">
          {t('public.none', { period: periodNameIn(t, period) })}
        </p>
      ) : null}
      {data && data.length > 0 ? <PressureList events={data} /> : null}
      <DownloadLinks name={countryTable(country, period, 'pressure')} what={t('public.title')} />
    </section>
  );
}
