/** Issue 13 — the reviewers' publications: drafts, approved, published, withdrawn, each linking to its order. */
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { type PublicationStatus, publicationStatuses } from '../../../../src/domain/publishing-vocabulary.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { publicationsQuery } from './publication-queries.js';

const isStatus = (s: string | null): s is PublicationStatus => publicationStatuses.some((x) => x === s);

export function PublicationsPage() {
  const { t } = useTranslation('publications');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : null;
  const { data, error } = useQuery(publicationsQuery(status));
  return (
    <section className="page" aria-labelledby="publications-heading" data-testid="publications-page">
      <h1 id="publications-heading">{t('list.title')}</h1>
      <div className="field">
        <label htmlFor="publications-status">{t('list.status')}</label>
        <select
          id="publications-status"
          value={status ?? ''}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
          data-testid="publications-status"
        >
          <option value="">{t('list.all')}</option>
          {publicationStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {error && !data ? <ProblemMessage error={error} /> : null}
      {data ? (
        data.publications.length === 0 ? (
          <p className="empty">{t('list.empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('list.order')}</th>
                <th scope="col">{t('list.authority')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.when')}</th>
              </tr>
            </thead>
            <tbody>
              {data.publications.map((p) => {
                const when = p.withdrawnAt ?? p.publishedAt ?? p.publishAfter ?? p.updatedAt;
                return (
                  <tr key={p.requestId} data-testid="publication-row" data-status={p.status}>
                    <td>
                      <Link to={`/review/requests/${encodeURIComponent(p.requestId)}`}>{p.reference}</Link>
                    </td>
                    <td>
                      {p.authorityName} ({p.country})
                    </td>
                    <td>{t(`status.${p.status}`)}</td>
                    <td>
                      <time dateTime={when}>{format.utc(when)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
