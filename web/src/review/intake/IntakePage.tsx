/**
 * Record an order that reached the platform by e-mail, post or another channel: who sent it, what
 * it orders, when it arrived (in the authority's time), the law it falls under with a live preview
 * of its deadline, and its items. The server checks everything; its problem names the field, which
 * is marked where it is.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { RequestKind } from '../../../../src/domain/vocabulary.js';
import { type Authority, api, type RegimePack, type RegimeSummary } from '../../api.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { useDocumentTitle } from '../../components/Layout.js';
import type { ApiError } from '../../problem.js';
import { queries } from '../../queries.js';
import { useFailureHandler } from '../session.js';
import { AuthorityPicker } from './AuthorityPicker.js';
import { DeadlinePreview } from './DeadlinePreview.js';
import { categoriesFor, type Draft, emptyDraft, periodNeed, regimesFor, requestBody, ruleFor } from './draft.js';
import { ItemsEditor } from './ItemsEditor.js';
import { OrderFields } from './OrderFields.js';
import { ReceivedAtField } from './ReceivedAtField.js';
import { RegimeFields } from './RegimeFields.js';
import { defaultZone, localToInstant } from './zones.js';
import './intake.css';

const noRegimes: RegimeSummary[] = [];

/** The category to start with: the only one a regime has for the kind, else none. */
function firstCategory(regime: RegimeSummary | undefined, kind: RequestKind): string {
  const { named, general } = categoriesFor(regime, kind);
  return named.length === 1 && !general && named[0] ? named[0].category : '';
}

/**
 * The full pack of the chosen regime: only it says whether an order may extend the legal hours.
 * Until it is in (or when it cannot be read), the summary's clock decides whether the period is asked for.
 */
function usePack(regimeId: string): RegimePack | null {
  return useQuery({ ...queries.regime(regimeId), enabled: regimeId !== '' }).data ?? null;
}

export function IntakePage() {
  useDocumentTitle('Record an order');
  const fail = useFailureHandler();
  const navigate = useNavigate();
  const prefix = `${useId()}-`;
  const form = useRef<HTMLFormElement>(null);
  const client = useQueryClient();
  const authorityList = useQuery(queries.authorities());
  const authorities = authorityList.data;
  const loadError = authorityList.error;
  // Without the regimes the form still works: every order then gets the policy deadline.
  const regimes = useQuery(queries.regimes()).data ?? noRegimes;
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const pack = usePack(draft.regime);
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));

  // After a refused submit, the first field the server named gets the focus.
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const authority = authorities?.find((a) => a.id === draft.authorityId);
  const country = authority?.country;
  const received = draft.receivedLocal ? localToInstant(draft.receivedLocal, draft.zone) : null;
  const regime = regimes.find((r) => r.id === draft.regime);
  const rule = ruleFor(regime, pack, draft.kind, draft.category, received?.instant ?? new Date());
  const need = periodNeed(rule);
  const period = need && draft.period.trim() ? Number(draft.period) : undefined;
  const { general, coversKind } = categoriesFor(regime, draft.kind);
  const waitingFor =
    regime && coversKind && !draft.category && !general
      ? 'Choose the category to see the deadline.'
      : need === 'required' && !period
        ? 'Enter the period the order sets to see the deadline.'
        : null;

  function chooseAuthority(chosen: Authority | undefined) {
    setDraft((d) => {
      const next: Draft = { ...d, authorityId: chosen?.id ?? '' };
      const before = authorities?.find((a) => a.id === d.authorityId);
      if (chosen && (chosen.country !== before?.country || chosen.timeZone !== before?.timeZone)) {
        // The authority's own zone where it is registered with one; otherwise a guess from its country.
        next.zone = chosen.timeZone ?? defaultZone(chosen.country, regimes);
        next.zoneChosen = chosen.timeZone !== null;
        const fits = regimesFor(chosen.country, regimes);
        if (d.regime && ![...fits.own, ...fits.union].some((r) => r.id === d.regime)) {
          Object.assign(next, { regime: '', category: '', period: '' });
        }
      }
      return next;
    });
  }

  function chooseRegime(chosen: RegimeSummary | undefined) {
    setDraft((d) => ({
      ...d,
      regime: chosen?.id ?? '',
      category: firstCategory(chosen, d.kind),
      period: '',
      // A national law's zone is its country's; a union law's zone says nothing of the authority.
      ...(chosen?.jurisdictionKind === 'country' && !d.zoneChosen ? { zone: chosen.timeZone } : {}),
    }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.recordRequest(requestBody(draft, received, need));
      navigate(`/review/requests/${created.id}`);
    } catch (e) {
      setError(fail(e));
      setBusy(false);
    }
  }

  if (loadError) return <ProblemMessage error={loadError} />;
  if (!authorities) return <Loading what="the authorities" />;

  return (
    <section className="page intake-page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/review">← Review queue</Link>
        </p>
        <h1>Record an order</h1>
        <p className="lede">
          For an order that reached the platform by e-mail, post or another channel. Its deadline runs from the moment it was
          received, so record that time as the authority’s clock showed it.
        </p>
      </div>
      <form ref={form} className="form intake-form" data-testid="intake-form" onSubmit={submit} noValidate>
        {error ? <ProblemMessage error={error} /> : null}
        <section className="card intake-section" aria-labelledby={`${prefix}who`}>
          <h2 id={`${prefix}who`}>Who sent it</h2>
          <AuthorityPicker
            authorities={authorities}
            value={draft.authorityId}
            onChange={chooseAuthority}
            onRegistered={(added) => {
              client.setQueryData(queries.authorities().queryKey, (list) => [...(list ?? []), added]);
              chooseAuthority(added);
            }}
            error={error}
            idPrefix={prefix}
          />
        </section>
        <section className="card intake-section" aria-labelledby={`${prefix}what`}>
          <h2 id={`${prefix}what`}>The order</h2>
          <OrderFields
            draft={draft}
            onKindChange={(kind) => setDraft((d) => ({ ...d, kind, category: firstCategory(regime, kind), period: '' }))}
            onChange={patch}
            error={error}
            idPrefix={prefix}
          />
          <ReceivedAtField
            local={draft.receivedLocal}
            zone={draft.zone}
            country={country}
            received={received}
            regimes={regimes}
            onLocalChange={(receivedLocal) => patch({ receivedLocal })}
            onZoneChange={(zone) => patch({ zone, zoneChosen: true })}
            error={error}
            idPrefix={prefix}
          />
        </section>
        <section className="card intake-section" aria-labelledby={`${prefix}law`}>
          <h2 id={`${prefix}law`}>Law and deadline</h2>
          <RegimeFields
            regimes={regimes}
            country={country}
            kind={draft.kind}
            regime={draft.regime}
            category={draft.category}
            period={draft.period}
            rule={rule}
            need={need}
            onRegimeChange={chooseRegime}
            onCategoryChange={(category) => patch({ category, period: '' })}
            onPeriodChange={(value) => patch({ period: value })}
            error={error}
            idPrefix={prefix}
          />
        </section>
        {/* Beside the form on wide screens (sticky), after the law it depends on on narrow ones. */}
        <DeadlinePreview
          regime={regime}
          kind={draft.kind}
          category={draft.category}
          received={received}
          zone={draft.zone}
          period={period}
          waitingFor={waitingFor}
        />
        <section className="card intake-section" aria-labelledby={`${prefix}items`}>
          <h2 id={`${prefix}items`}>
            Items <span className="count">({draft.items.length})</span>
          </h2>
          <ItemsEditor items={draft.items} onChange={(items) => patch({ items })} error={error} idPrefix={prefix} />
        </section>
        <div className="actions intake-submit">
          <button type="submit" className="button button-primary" data-testid="intake-submit" disabled={busy}>
            {busy ? 'Recording…' : 'Record the order'}
          </button>
          <Link to="/review" className="button">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
