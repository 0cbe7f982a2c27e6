/** The ranking of a period as a table: requests, the two picked-out reasons' shares as small bars, surge flags. */
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from '../i18n/index.js';
import type { DatasetSource, RankingRow } from './api.js';
import { hasReasons } from './api.js';
import { count, reasonColors } from './format.js';
import { ShareBar, SurgeFlag } from './Marks.js';

const shownAtFirst = 25;

type SortKey = 'rank' | 'governmentCriticismShare' | 'nationalSecurityShare';

/** Rank order, or a picked-out reason's share, largest first (rows without a share last, in rank order). */
function sorted(rows: readonly RankingRow[], key: SortKey): readonly RankingRow[] {
  if (key === 'rank') return rows;
  return [...rows].sort((a, b) => (b[key] ?? -1) - (a[key] ?? -1));
}

type Props = { rows: readonly RankingRow[]; source: DatasetSource; period: string };

export function RankingTable({ rows, source, period }: Props) {
  const { t } = useTranslation('compare');
  const gcLabel = t('reasons.governmentCriticism');
  const nsLabel = t('reasons.nationalSecurity');
  const [all, setAll] = useState(false);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('rank');
  const filterId = useId();
  const sortId = useId();
  const reasons = hasReasons(source);
  const meta = source === 'meta-data-requests';
  const needle = filter.trim().toLowerCase();
  const ordered = sorted(rows, reasons ? sort : 'rank');
  const matching = needle
    ? ordered.filter((r) => r.countryName.toLowerCase().includes(needle) || r.country.toLowerCase() === needle)
    : ordered;
  const shown = all || needle ? matching : matching.slice(0, shownAtFirst);

  return (
    <div className="ranking-table">
      <div className="ranking-tools">
        <label htmlFor={filterId}>{t('ranking.find')}</label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('ranking.findPlaceholder')}
        />
        {reasons ? (
          <>
            <label htmlFor={sortId}>{t('ranking.sortBy')}</label>
            <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
              <option value="rank">{t('ranking.byRank')}</option>
              <option value="governmentCriticismShare">{t('ranking.byGc')}</option>
              <option value="nationalSecurityShare">{t('ranking.byNs')}</option>
            </select>
          </>
        ) : null}
      </div>
      {reasons ? (
        <p className="cmp-narrow reason-key" aria-hidden="true">
          <span className="swatch" style={{ background: reasonColors.governmentCriticism }} />
          {gcLabel} <span className="swatch" style={{ background: reasonColors.nationalSecurity }} />
          {nsLabel}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table table-compact">
          <caption>
            {sort === 'rank' || !reasons ? t('ranking.captionRequests', { period }) : t('ranking.captionShare', { period })}
            {needle ? ` — ${t('ranking.matching', { count: matching.length, filter: filter.trim() })}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('ranking.rank')}
              </th>
              <th scope="col">{t('ranking.country')}</th>
              <th scope="col" className="num">
                {t('reasons.requestsColumn')}
              </th>
              <th scope="col" className="num cmp-hide-narrow">
                {meta
                  ? t('ranking.accounts')
                  : source === 'meta-content-restrictions'
                    ? t('stats.itemsRestricted')
                    : t('ranking.items')}
              </th>
              {reasons ? (
                <>
                  <th scope="col" className="wrap cmp-wide">
                    <span className="swatch" style={{ background: reasonColors.governmentCriticism }} aria-hidden="true" />
                    {gcLabel}
                  </th>
                  <th scope="col" className="wrap cmp-wide">
                    <span className="swatch" style={{ background: reasonColors.nationalSecurity }} aria-hidden="true" />
                    {nsLabel}
                  </th>
                  <th scope="col" className="cmp-narrow">
                    {t('ranking.reasons')}
                  </th>
                </>
              ) : null}
              <th scope="col" className="cmp-wide">
                {t('marks.surge')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.country} data-testid="ranking-row" data-country={r.country} className={r.surge ? 'is-surge' : undefined}>
                <td className="num">{r.rank || <span title={t('ranking.notPublished')}>–</span>}</td>
                <th scope="row">
                  <Link to={`/compare/${r.country}?period=${period}&source=${source}`}>{r.countryName}</Link>{' '}
                  <span className="muted">({r.country})</span>
                  {r.surge ? (
                    <span className="cmp-narrow">
                      <SurgeFlag period={period} score={r.score} tagged={false} />
                    </span>
                  ) : null}
                </th>
                <td className="num" data-testid="ranking-requests" data-value={r.requests ?? ''}>
                  {count(r.requests)}
                </td>
                <td className="num cmp-hide-narrow">{count(meta ? r.accounts : r.items)}</td>
                {reasons ? (
                  <>
                    <td className="cmp-wide" data-testid="ranking-gc" data-value={r.governmentCriticismShare ?? ''}>
                      <ShareBar value={r.governmentCriticismShare} color={reasonColors.governmentCriticism} label={gcLabel} />
                    </td>
                    <td className="cmp-wide" data-testid="ranking-ns" data-value={r.nationalSecurityShare ?? ''}>
                      <ShareBar value={r.nationalSecurityShare} color={reasonColors.nationalSecurity} label={nsLabel} />
                    </td>
                    <td className="cmp-narrow share-stack">
                      <ShareBar value={r.governmentCriticismShare} color={reasonColors.governmentCriticism} label={gcLabel} />
                      <ShareBar value={r.nationalSecurityShare} color={reasonColors.nationalSecurity} label={nsLabel} />
                    </td>
                  </>
                ) : null}
                <td className="cmp-wide">{r.surge ? <SurgeFlag period={period} score={r.score} source={source} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? <p className="empty">{t('ranking.noMatch', { filter: filter.trim() })}</p> : null}
      {!needle && matching.length > shownAtFirst ? (
        <p>
          <button type="button" className="button button-small" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? t('ranking.showFirst', { count: shownAtFirst }) : t('ranking.showAll', { count: matching.length })}
          </button>
        </p>
      ) : null}
    </div>
  );
}
