/** The ranking of a period as a table: requests, the two picked-out reasons' shares as small bars, surge flags. */
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
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
        <label htmlFor={filterId}>Find a country</label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Name or code, e.g. Kazakhstan or KZ"
        />
        {reasons ? (
          <>
            <label htmlFor={sortId}>Sort by</label>
            <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
              <option value="rank">Requests (rank)</option>
              <option value="governmentCriticismShare">Share of government criticism</option>
              <option value="nationalSecurityShare">Share of national security</option>
            </select>
          </>
        ) : null}
      </div>
      {reasons ? (
        <p className="cmp-narrow reason-key" aria-hidden="true">
          <span className="swatch" style={{ background: reasonColors.governmentCriticism }} />
          Government criticism <span className="swatch" style={{ background: reasonColors.nationalSecurity }} />
          National security
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table table-compact">
          <caption>
            Countries by {sort === 'rank' || !reasons ? 'requests' : 'share of requests citing the reason'} in {period}
            {needle ? ` — ${matching.length} matching “${filter.trim()}”` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              <th scope="col">Country</th>
              <th scope="col" className="num">
                Requests
              </th>
              <th scope="col" className="num cmp-hide-narrow">
                {meta ? 'Accounts' : 'Items'}
              </th>
              {reasons ? (
                <>
                  <th scope="col" className="wrap cmp-wide">
                    <span className="swatch" style={{ background: reasonColors.governmentCriticism }} aria-hidden="true" />
                    Government criticism
                  </th>
                  <th scope="col" className="wrap cmp-wide">
                    <span className="swatch" style={{ background: reasonColors.nationalSecurity }} aria-hidden="true" />
                    National security
                  </th>
                  <th scope="col" className="cmp-narrow">
                    Reasons
                  </th>
                </>
              ) : null}
              <th scope="col" className="cmp-wide">
                Surge
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.country} data-testid="ranking-row" data-country={r.country} className={r.surge ? 'is-surge' : undefined}>
                <td className="num">{r.rank || <span title="number of requests not published">–</span>}</td>
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
                      <ShareBar
                        value={r.governmentCriticismShare}
                        color={reasonColors.governmentCriticism}
                        label="Government criticism"
                      />
                    </td>
                    <td className="cmp-wide" data-testid="ranking-ns" data-value={r.nationalSecurityShare ?? ''}>
                      <ShareBar value={r.nationalSecurityShare} color={reasonColors.nationalSecurity} label="National security" />
                    </td>
                    <td className="cmp-narrow share-stack">
                      <ShareBar
                        value={r.governmentCriticismShare}
                        color={reasonColors.governmentCriticism}
                        label="Government criticism"
                      />
                      <ShareBar value={r.nationalSecurityShare} color={reasonColors.nationalSecurity} label="National security" />
                    </td>
                  </>
                ) : null}
                <td className="cmp-wide">{r.surge ? <SurgeFlag period={period} score={r.score} source={source} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? <p className="empty">No country matches “{filter.trim()}”.</p> : null}
      {!needle && matching.length > shownAtFirst ? (
        <p>
          <button type="button" className="button button-small" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? `Show the first ${shownAtFirst} only` : `Show all ${matching.length} countries`}
          </button>
        </p>
      ) : null}
    </div>
  );
}
