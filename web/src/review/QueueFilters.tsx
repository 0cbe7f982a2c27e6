/** The controls above the queue: which orders (open or all), status, country, regime, kind and a search. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { openStatuses, type RequestKind, requestKinds, requestStatuses } from '../../../src/domain/vocabulary.js';
import { useLocale, useTranslation } from '../i18n/index.js';
import { countryNameIn, label } from '../labels.js';
import { queries } from '../queries.js';
import {
  defaultFilters,
  paramsFromFilters,
  type QueueAssignee,
  type QueueFilters,
  showsOpenOrders,
  withFilters,
} from './queue-filters.js';

/** How long typing pauses before the search is asked. */
const searchDelayMs = 300;

/** A link to the queue (this page) showing these filters. */
export const hrefOf = (filters: QueueFilters) => ({ search: paramsFromFilters(filters).toString() });

/** "Open orders" and "All orders": the two views a reviewer switches between most. */
export function QueueTabs({ filters }: { filters: QueueFilters }) {
  const { t } = useTranslation('review');
  const open = showsOpenOrders(filters);
  const all = filters.statuses === null;
  return (
    <nav className="queue-tabs" aria-label={t('filters.which')}>
      <Link
        to={hrefOf(withFilters(filters, { statuses: openStatuses }))}
        className={open ? 'queue-tab active' : 'queue-tab'}
        aria-current={open ? 'page' : undefined}
        data-testid="queue-tab-open"
      >
        {t('filters.openOrders')}
      </Link>
      <Link
        to={hrefOf(withFilters(filters, { statuses: null }))}
        className={all ? 'queue-tab active' : 'queue-tab'}
        aria-current={all ? 'page' : undefined}
        data-testid="queue-tab-all"
      >
        {t('filters.allOrders')}
      </Link>
    </nav>
  );
}

/** The status select's value for the filters: `open`, `all`, one status, or a list from a shared URL. */
function statusValue(filters: QueueFilters): string {
  if (filters.statuses === null) return 'all';
  if (showsOpenOrders(filters)) return 'open';
  return filters.statuses.join(',');
}

function statusesOf(value: string): QueueFilters['statuses'] {
  if (value === 'all') return null;
  if (value === 'open') return openStatuses;
  return requestStatuses.filter((s) => value.split(',').includes(s));
}

/** Whose orders: anyone's, mine, or the unclaimed ones (issue 12). */
function AssigneeFilter({ value, onChange }: { value: QueueAssignee | null; onChange: (next: QueueAssignee | null) => void }) {
  const { t } = useTranslation('review');
  return (
    <label className="queue-filter">
      <span>{t('queue-work:filter.label')}</span>
      <select
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || null) as QueueAssignee | null)}
        data-testid="queue-assignee"
      >
        <option value="">{t('queue-work:filter.anyone')}</option>
        <option value="me">{t('queue-work:filter.me')}</option>
        <option value="none">{t('queue-work:filter.none')}</option>
      </select>
    </label>
  );
}

/** The search box: the URL follows the typing once it pauses, and the box follows the URL (back, clear). */
function SearchBox({ value, onSearch }: { value: string | null; onSearch: (search: string | null) => void }) {
  const { t } = useTranslation('review');
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    const wanted = text.trim() || null;
    if (wanted === value) return;
    const timer = setTimeout(() => onSearch(wanted), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <label className="queue-filter queue-search">
      <span>{t('queue.column.reference')}</span>
      <input
        type="search"
        value={text}
        placeholder={t('filters.searchPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        data-testid="queue-search"
      />
    </label>
  );
}

export function QueueFilterBar({ filters, onChange }: { filters: QueueFilters; onChange: (next: QueueFilters) => void }) {
  const { t, i18n } = useTranslation('review');
  const locale = useLocale();
  const { data: regimes } = useQuery(queries.regimes());
  const { data: authorities } = useQuery(queries.authorities());
  // Orders come only from registered authorities: their countries are the ones worth offering.
  const countries = useMemo(() => {
    const codes = new Set((authorities ?? []).map((a) => a.country));
    if (filters.country) codes.add(filters.country);
    return [...codes]
      .map((code) => ({ code, name: countryNameIn(code, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [authorities, filters.country, locale]);
  const language = i18n.resolvedLanguage;
  const regimeOptions = useMemo(() => {
    const list = (regimes ?? []).map((r) => ({
      id: r.id,
      name: r.name.local && r.name.localLanguage === language ? r.name.local : r.name.en,
    }));
    if (filters.regime && !list.some((r) => r.id === filters.regime)) list.push({ id: filters.regime, name: filters.regime });
    return list.sort((a, b) => a.id.localeCompare(b.id));
  }, [regimes, filters.regime, language]);
  const status = statusValue(filters);
  const isSingleOrNamed = status === 'open' || status === 'all' || !status.includes(',');
  const change = (change: Partial<QueueFilters>) => onChange(withFilters(filters, change));
  const onSearch = useMemo(() => (search: string | null) => onChange(withFilters(filters, { search })), [filters, onChange]);

  return (
    <form className="queue-filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="queue-filter">
        <span>{t('queue.column.status')}</span>
        <select value={status} onChange={(e) => change({ statuses: statusesOf(e.target.value) })} data-testid="queue-status">
          <option value="open" title={t('filters.openTitle')}>
            {t('filters.open')}
          </option>
          <option value="all">{t('filters.allStatuses')}</option>
          {requestStatuses.map((s) => (
            <option key={s} value={s}>
              {label(t, 'status', s)}
            </option>
          ))}
          {isSingleOrNamed ? null : (
            <option value={status}>{filters.statuses?.map((s) => label(t, 'status', s)).join(', ')}</option>
          )}
        </select>
      </label>
      <label className="queue-filter">
        <span>{t('filters.country')}</span>
        <select
          value={filters.country ?? ''}
          onChange={(e) => change({ country: e.target.value || null })}
          data-testid="queue-country"
        >
          <option value="">{t('filters.anyCountry')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </label>
      <label className="queue-filter">
        <span>{t('filters.regime')}</span>
        <select
          value={filters.regime ?? ''}
          onChange={(e) => change({ regime: e.target.value || null })}
          data-testid="queue-regime-filter"
        >
          <option value="">{t('filters.anyRegime')}</option>
          {regimeOptions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.id})
            </option>
          ))}
        </select>
      </label>
      <label className="queue-filter">
        <span>{t('filters.kind')}</span>
        <select
          value={filters.kind ?? ''}
          onChange={(e) => change({ kind: (e.target.value || null) as RequestKind | null })}
          data-testid="queue-kind"
        >
          <option value="">{t('filters.anyKind')}</option>
          {requestKinds.map((k) => (
            <option key={k} value={k}>
              {label(t, 'requestKind', k)}
            </option>
          ))}
        </select>
      </label>
      <AssigneeFilter value={filters.assignee ?? null} onChange={(assignee) => change({ assignee })} />
      <SearchBox value={filters.search} onSearch={onSearch} />
      <Link to={hrefOf({ ...defaultFilters, limit: filters.limit })} className="button queue-clear" data-testid="queue-clear">
        {t('filters.clear')}
      </Link>
    </form>
  );
}
