/**
 * Downloads (issue 13): Writ's figures in the formats others already read — Google's and Meta's
 * transparency CSVs, the EU's report Part 3, DSA statements of reasons, Lumen notices — for one
 * half-year or all of them, and the site's own tables and charts.
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import {
  type ExportFileList,
  type ExportFormat,
  exportFormats,
  exportPath,
  exportPeriodChoice,
  isMultiFile,
} from '../../../../src/contracts/exports.js';
import { downloadPath } from '../../../../src/contracts/public-site.js';
import { request } from '../../api.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { useTranslation } from '../../i18n/index.js';
import type { ApiError } from '../../problem.js';
import { queries } from '../../queries.js';
import { periodNameIn } from '../periods.js';
import './downloads.css';

type Choice = z.input<typeof exportPeriodChoice>;

function FileList({ format, period }: { format: ExportFormat; period: string | null }) {
  const { t } = useTranslation('downloads');
  const { data, error } = useQuery({
    queryKey: ['reports', 'exports', format, period] as const,
    queryFn: ({ signal }) => request<ExportFileList>('GET', exportPath(format, period), { signal }),
  });
  if (error) return <ProblemMessage error={error as ApiError} />;
  if (!data) return <Loading what={t('files.loading')} />;
  if (data.files.length === 0) return <p className="muted">{t('files.none')}</p>;
  return (
    <ul className="export-files">
      {data.files.map((file) => (
        <li key={file.name}>
          <a href={file.url} download={file.name}>
            {file.name}
          </a>{' '}
          <span className="muted">{t('files.size', { bytes: file.bytes })}</span>
        </li>
      ))}
    </ul>
  );
}

function ExportCard({ format, period }: { format: ExportFormat; period: string | null }) {
  const { t } = useTranslation('downloads');
  const headingId = useId();
  return (
    <article className="export-card" aria-labelledby={headingId} data-testid={`export-${format}`}>
      <h3 id={headingId}>{t(`format.${format}.name`)}</h3>
      <p>{t(`format.${format}.readers`)}</p>
      {isMultiFile(format) ? (
        <FileList format={format} period={period} />
      ) : (
        <p>
          <a className="button button-small" href={exportPath(format, period)} download>
            {t('download', { what: t(`format.${format}.name`) })}
          </a>
          {format === 'eu-orders' && !period ? <span className="muted"> {t('format.eu-orders.defaultPeriod')}</span> : null}
        </p>
      )}
    </article>
  );
}

export function DownloadsPage() {
  const { t } = useTranslation('downloads');
  useDocumentTitle(t('title'));
  const periodId = useId();
  const form = useSchemaForm<Choice, z.output<typeof exportPeriodChoice>>(exportPeriodChoice, { period: '' });
  const chosen = form.watch('period');
  const period = chosen ? chosen : null;
  const { data: index } = useQuery(queries.reportIndex());
  const periods = [...new Set((index?.periods ?? []).map((p) => p.period))].sort().reverse();
  return (
    <section className="page downloads">
      <div className="page-heading">
        <h1>{t('heading')}</h1>
        <p className="lede">{t('lede')}</p>
      </div>
      <form className="downloads-period" onSubmit={form.handleSubmit(() => undefined)}>
        <label htmlFor={periodId}>{t('period.label')}</label>
        <select id={periodId} {...form.register('period')}>
          <option value="">{t('period.all')}</option>
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodNameIn(t, p)}
            </option>
          ))}
        </select>
        {form.formState.errors.period ? <p className="field-error">{form.formState.errors.period.message}</p> : null}
      </form>
      <h2>{t('formatsHeading')}</h2>
      <div className="export-cards">
        {exportFormats.map((format) => (
          <ExportCard key={format} format={format} period={period} />
        ))}
      </div>
      <h2>{t('tables.heading')}</h2>
      <p>{t('tables.lede')}</p>
      <ul>
        <li>
          <a href={downloadPath('overview', 'csv')} download>
            {t('tables.overview')}
          </a>
        </li>
        <li>
          <a href="/api/v1/public/downloads">{t('tables.list')}</a>
        </li>
        <li>
          <Link to="/">{t('tables.site')}</Link>
        </li>
      </ul>
    </section>
  );
}
