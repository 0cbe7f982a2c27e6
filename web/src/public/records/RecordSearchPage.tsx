/**
 * Issue 13 — the public request database: full-text search (English, Russian, Kazakh) with facets
 * and their counts. Everything is in the URL's query (q, facet values, page), so a search can be
 * linked, bookmarked and gone back to.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { recordSearchQuerySchema } from '../../../../src/contracts/public-records.js';
import type { PublicRecord } from '../../../../src/domain/public-record.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { type TFunction, useFormat, useLocale, useTranslation } from '../../i18n/index.js';
import { countryNameIn, label } from '../../labels.js';
import type { ApiError } from '../../problem.js';
import { periodNameIn } from '../periods.js';
import { RedactedText } from './RedactedText.js';
import { type FacetKey, facetKeys, type RecordSearchResponse, searchQueryString, searchRecords } from './records-api.js';
import './records.css';

const searchFormSchema = z.object({ q: recordSearchQuerySchema.shape.q });
type SearchForm = z.input<typeof searchFormSchema>;

type SearchState = { q: string; page: number } & Record<FacetKey, string[]>;

function stateOf(params: URLSearchParams): SearchState {
  const page = Number(params.get('page') ?? '1');
  const state = { q: params.get('q') ?? '', page: Number.isInteger(page) && page > 0 ? page : 1 } as SearchState;
  for (const key of facetKeys) state[key] = params.getAll(key).flatMap((v) => v.split(',').filter(Boolean));
  return state;
}

function valueLabel(t: TFunction, locale: string, facet: FacetKey, value: string): string {
  switch (facet) {
    case 'country':
      return countryNameIn(value, locale);
    case 'authorityKind':
      return label(t, 'authorityKind', value);
    case 'outcome':
      return label(t, 'outcome', value);
    case 'period':
      return periodNameIn(t, value);
    default:
      return value;
  }
}

/** An estimate to two significant digits (173,412 → 170,000): the digits after those are noise. */
export function roughly(n: number): number {
  if (n < 100) return n;
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

function FacetPanel({
  facet,
  counts,
  chosen,
  onToggle,
  estimated,
}: {
  facet: FacetKey;
  counts: RecordSearchResponse['facets'][FacetKey];
  chosen: string[];
  onToggle: (value: string) => void;
  /** The counts are estimates from a sample: shown as ≈ N. */
  estimated: boolean;
}) {
  const { t } = useTranslation('records');
  const locale = useLocale();
  const { number } = useFormat();
  // Chosen values stay listed even when nothing matches them any more, so they can be unticked.
  const rows = [...counts, ...chosen.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 }))];
  if (rows.length === 0) return null;
  return (
    <fieldset className="records-facet" data-testid={`facet-${facet}`}>
      <legend>{t(`facet.${facet}`)}</legend>
      <ul>
        {rows.map((row) => (
          <li key={row.value}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(row.value)}
                onChange={() => onToggle(row.value)}
                value={row.value}
              />
              <span className="records-facet-label">{valueLabel(t, locale, facet, row.value)}</span>
              <span className="records-facet-count">
                {estimated ? '≈\u00a0' : ''}
                {number(row.count)}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function ResultCard({ record }: { record: PublicRecord }) {
  const { t } = useTranslation('records');
  const locale = useLocale();
  const { day } = useFormat();
  const outcomes = [...new Set(record.items.map((i) => i.outcome).filter((o): o is NonNullable<typeof o> => o !== null))];
  return (
    <li className="records-result card" data-testid="record-result">
      <h2 className="records-result-title">
        <Link to={`/records/${encodeURIComponent(record.id)}`}>
          {record.id} — {record.authority.name}
        </Link>
      </h2>
      <p className="muted">
        {t('result.meta', {
          country: countryNameIn(record.country, locale),
          kind: label(t, 'requestKind', record.kind),
          decided: day(record.decidedOn),
          items: record.items.length,
        })}
      </p>
      {outcomes.length > 0 ? <p>{outcomes.map((o) => label(t, 'outcome', o)).join(' · ')}</p> : null}
      {record.summary ? (
        <p className="records-result-summary">
          <RedactedText text={record.summary} />
        </p>
      ) : null}
    </li>
  );
}

export function RecordSearchPage() {
  const { t } = useTranslation('records');
  const { number } = useFormat();
  useDocumentTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const state = stateOf(params);
  const queryString = searchQueryString(state);
  const searchId = useId();
  const form = useSchemaForm<SearchForm, z.output<typeof searchFormSchema>>(searchFormSchema, { q: state.q });
  // Back and forward move the URL: the box follows it.
  const { reset } = form;
  useEffect(() => reset({ q: state.q }), [reset, state.q]);
  const { data, error, isFetching } = useQuery({
    queryKey: ['public-records', queryString],
    queryFn: ({ signal }) => searchRecords(queryString, signal),
    placeholderData: keepPreviousData,
  });

  const go = (next: SearchState) => setParams(new URLSearchParams(searchQueryString(next)));
  const toggle = (facet: FacetKey) => (value: string) => {
    const chosen = state[facet].includes(value) ? state[facet].filter((v) => v !== value) : [...state[facet], value];
    go({ ...state, [facet]: chosen, page: 1 });
  };
  // A search too broad to page through whole stops at its deepest page (decision 55).
  const pages = data
    ? Math.max(1, Math.min(Math.ceil(data.total / data.pageSize), data.deepestPage ?? Number.POSITIVE_INFINITY))
    : 1;
  const anyFilter = facetKeys.some((k) => state[k].length > 0);

  return (
    <section className="page records-search">
      <div className="page-heading">
        <h1>{t('search.heading')}</h1>
        <p className="lede">{t('search.lede')}</p>
      </div>
      <form
        className="records-search-form"
        onSubmit={form.handleSubmit((values) => go({ ...state, q: values.q ?? '', page: 1 }))}
      >
        <label htmlFor={searchId}>{t('search.label')}</label>
        <div className="records-search-row">
          <input id={searchId} type="search" {...form.register('q')} placeholder={t('search.placeholder')} />
          <button type="submit" className="button button-primary">
            {t('search.submit')}
          </button>
        </div>
        {form.formState.errors.q ? <p className="field-error">{form.formState.errors.q.message}</p> : null}
        <p className="muted records-search-hint">{t('search.hint')}</p>
      </form>
      {error ? <ProblemMessage error={error as ApiError} /> : null}
      {!data && !error ? <Loading what={t('search.loading')} /> : null}
      {data ? (
        <div className="records-layout">
          <aside className="records-facets" aria-label={t('facet.heading')}>
            <h2 className="visually-hidden">{t('facet.heading')}</h2>
            {facetKeys.map((facet) => (
              <FacetPanel
                key={facet}
                facet={facet}
                counts={data.facets[facet]}
                chosen={state[facet]}
                onToggle={toggle(facet)}
                estimated={data.estimated.facets}
              />
            ))}
            {data.estimated.facets ? (
              <p className="muted records-estimated" data-testid="records-estimated">
                {t('facet.estimated')}
              </p>
            ) : null}
            {anyFilter ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => go({ ...stateOf(new URLSearchParams()), q: state.q })}
              >
                {t('facet.clear')}
              </button>
            ) : null}
            <p className="records-feed-link">
              <a href="/feeds/records.atom" type="application/atom+xml">
                {t('feed.all')}
              </a>
            </p>
          </aside>
          <div className="records-results" aria-busy={isFetching}>
            <p role="status" data-testid="records-total" data-estimated={data.estimated.total}>
              {data.estimated.total
                ? t('search.totalAbout', { count: data.total, formatted: number(roughly(data.total)) })
                : t('search.total', { count: data.total, formatted: number(data.total) })}
            </p>
            {data.deepestPage !== null && data.order === 'newest' && state.q.trim() !== '' ? (
              <p className="muted" data-testid="records-newest-first">
                {t('search.newestFirst', { pages: data.deepestPage })}
              </p>
            ) : null}
            {data.records.length === 0 ? (
              <div className="empty" data-testid="records-empty">
                <p>{t('search.empty')}</p>
              </div>
            ) : (
              <ol className="records-result-list">
                {data.records.map((record) => (
                  <ResultCard key={record.id} record={record} />
                ))}
              </ol>
            )}
            {pages > 1 ? (
              <nav className="records-pages" aria-label={t('pages.label')}>
                <button
                  type="button"
                  className="button button-small"
                  disabled={state.page <= 1}
                  onClick={() => go({ ...state, page: state.page - 1 })}
                >
                  {t('pages.previous')}
                </button>
                <span>{t('pages.of', { page: state.page, pages })}</span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={state.page >= pages}
                  onClick={() => go({ ...state, page: state.page + 1 })}
                >
                  {t('pages.next')}
                </button>
              </nav>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
