/** CSV and JSON links to one table's or chart's data, beside it (GET /api/v1/public/downloads/{name}). */
import { downloadPath } from '../../../../src/contracts/public-site.js';
import { useTranslation } from '../../i18n/index.js';
import './site.css';

export function DownloadLinks({ name, what }: { name: string; what: string }) {
  const { t } = useTranslation('site');
  return (
    <p className="download-links" data-testid={`download-${name}`}>
      <span className="muted">{t('download.label')}</span>{' '}
      <a href={downloadPath(name, 'csv')} download aria-label={t('download.csvOf', { what })}>
        CSV
      </a>{' '}
      ·{' '}
      <a href={downloadPath(name, 'json')} download aria-label={t('download.jsonOf', { what })}>
        JSON
      </a>
    </p>
  );
}
