/**
 * Record an order that reached the platform by e-mail, post or another channel: who sent it, what
 * it orders, when it arrived (in the authority's time), the law it falls under with a live preview
 * of its deadline, and its items. The API's schema checks the order in the browser as on the
 * server; what either finds is marked at its field.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router-dom';
import { isDataRequestKind } from '../../../../src/contracts/data-vocabulary.js';
import type { RequestKind } from '../../../../src/domain/vocabulary.js';
import { type Authority, api, type RegimePack, type RegimeSummary } from '../../api.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { useTranslation } from '../../i18n/index.js';
import { requestChanged } from '../../mutations.js';
import { queries } from '../../queries.js';
import { AuthorityPicker } from './AuthorityPicker.js';
import { DataRequestFields } from './DataRequestFields.js';
import { DeadlinePreview } from './DeadlinePreview.js';
import { firstProcess } from './data-draft.js';
import { categoriesFor, emptyDraft, intakeSchema, periodNeed, receivedOf, regimesFor, ruleFor } from './draft.js';
import { ItemsEditor } from './ItemsEditor.js';
import { OrderFields } from './OrderFields.js';
import { ReceivedAtField } from './ReceivedAtField.js';
import { RegimeFields } from './RegimeFields.js';
import { defaultZone } from './zones.js';
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
  const { t } = useTranslation('review');
  useDocumentTitle(t('common:nav.newOrder'));
  const authorities = useQuery(queries.authorities());
  // Without the regimes the form still works: every order then gets the policy deadline.
  const regimes = useQuery(queries.regimes()).data ?? noRegimes;
  if (authorities.error) return <ProblemMessage error={authorities.error} />;
  if (!authorities.data) return <Loading what={t('intake.loadingAuthorities')} />;
  return <IntakeForm authorities={authorities.data} regimes={regimes} />;
}

function IntakeForm({ authorities, regimes }: { authorities: readonly Authority[]; regimes: readonly RegimeSummary[] }) {
  const { t } = useTranslation('review');
  const navigate = useNavigate();
  const client = useQueryClient();
  const prefix = `${useId()}-`;
  const form = useSchemaForm(intakeSchema, emptyDraft());
  const { control, getValues, setValue } = form;
  // The reviewer chose the zone: a regime chosen later does not replace it.
  const zoneChosen = useRef(false);
  const record = useMutation({
    mutationFn: api.recordRequest,
    onSuccess: (created) => {
      requestChanged(client, created);
      navigate(`/review/requests/${created.id}`);
    },
  });
  const submit = form.handleSubmit((order) => record.mutateAsync(order).catch((e: unknown) => placeProblem(e, form.setError)));

  const [kind, authorityId, receivedAt, zone, regimeId, category, period, items] = useWatch({
    control,
    name: ['kind', 'authorityId', 'receivedAt', 'authorityTimeZone', 'regime', 'category', 'periodSetInOrderHours', 'items'],
  });
  const pack = usePack(regimeId);
  const country = authorities.find((a) => a.id === authorityId)?.country;
  const received = receivedOf({ receivedAt, authorityTimeZone: zone });
  const regime = regimes.find((r) => r.id === regimeId);
  const rule = ruleFor(regime, pack, kind, category, received?.instant ?? new Date());
  const need = periodNeed(rule);
  const periodHours = need && period.trim() ? Number(period) : undefined;
  const { general, coversKind } = categoriesFor(regime, kind);
  const waitingFor =
    regime && coversKind && !category && !general
      ? t('intake.waitCategory')
      : need === 'required' && !periodHours
        ? t('intake.waitPeriod')
        : null;

  // A period the rule does not ask for is not sent.
  useEffect(() => {
    if (!need && getValues('periodSetInOrderHours')) setValue('periodSetInOrderHours', '');
  }, [need, getValues, setValue]);

  function authorityChosen(chosen: Authority | undefined, before: Authority | undefined) {
    if (!chosen || (chosen.country === before?.country && chosen.timeZone === before?.timeZone)) return;
    // The authority's own zone where it is registered with one; otherwise a guess from its country.
    setValue('authorityTimeZone', chosen.timeZone ?? defaultZone(chosen.country, regimes));
    zoneChosen.current = chosen.timeZone !== null;
    const fits = regimesFor(chosen.country, regimes);
    const current = getValues('regime');
    if (current && ![...fits.own, ...fits.union].some((r) => r.id === current)) {
      setValue('regime', '');
      setValue('category', '');
      setValue('periodSetInOrderHours', '');
    }
  }

  function regimeChosen(chosen: RegimeSummary | undefined) {
    setValue('category', firstCategory(chosen, getValues('kind')));
    setValue('periodSetInOrderHours', '');
    // A national law's zone is its country's; a union law's zone says nothing of the authority.
    if (chosen?.jurisdictionKind === 'country' && !zoneChosen.current) setValue('authorityTimeZone', chosen.timeZone);
  }

  return (
    <section className="page intake-page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/review">{t('request.backToQueue')}</Link>
        </p>
        <h1>{t('common:nav.newOrder')}</h1>
        <p className="lede">{t('intake.lede')}</p>
      </div>
      <FormProvider {...form}>
        <form className="form intake-form" data-testid="intake-form" onSubmit={submit} noValidate>
          {record.error ? <ProblemMessage error={record.error} /> : null}
          <section className="card intake-section" aria-labelledby={`${prefix}who`}>
            <h2 id={`${prefix}who`}>{t('intake.who')}</h2>
            <AuthorityPicker
              authorities={authorities}
              value={authorityId}
              onChosen={authorityChosen}
              onRegistered={(added) => {
                const before = authorities.find((a) => a.id === getValues('authorityId'));
                setValue('authorityId', added.id, { shouldDirty: true, shouldValidate: true });
                authorityChosen(added, before);
              }}
              idPrefix={prefix}
            />
          </section>
          <section className="card intake-section" aria-labelledby={`${prefix}what`}>
            <h2 id={`${prefix}what`}>{t('intake.order')}</h2>
            <OrderFields
              onKindChange={(next) => {
                setValue('category', firstCategory(regime, next));
                setValue('periodSetInOrderHours', '');
                // A data kind allows its own legal processes only: the only one, or a fresh choice.
                setValue('dataRequest.legalProcess', firstProcess(next));
              }}
              idPrefix={prefix}
            />
            <ReceivedAtField
              zone={zone}
              country={country}
              received={received}
              regimes={regimes}
              onZoneChosen={() => {
                zoneChosen.current = true;
              }}
              idPrefix={prefix}
            />
          </section>
          <section className="card intake-section" aria-labelledby={`${prefix}law`}>
            <h2 id={`${prefix}law`}>{t('intake.law')}</h2>
            <RegimeFields
              regimes={regimes}
              country={country}
              kind={kind}
              regime={regimeId}
              category={category}
              rule={rule}
              need={need}
              onRegimeChange={regimeChosen}
              onCategoryChange={() => setValue('periodSetInOrderHours', '')}
              idPrefix={prefix}
            />
          </section>
          {/* Beside the form on wide screens (sticky), after the law it depends on on narrow ones. */}
          <DeadlinePreview
            regime={regime}
            kind={kind}
            category={category}
            received={received}
            zone={zone}
            period={periodHours}
            waitingFor={waitingFor}
          />
          {isDataRequestKind(kind) ? (
            <section className="card intake-section" aria-labelledby={`${prefix}data`}>
              <h2 id={`${prefix}data`}>{t('data-intake:heading')}</h2>
              <DataRequestFields idPrefix={prefix} />
            </section>
          ) : (
            <section className="card intake-section" aria-labelledby={`${prefix}items`}>
              <h2 id={`${prefix}items`}>
                {t('request.items')} <span className="count">({items.length})</span>
              </h2>
              <ItemsEditor idPrefix={prefix} />
            </section>
          )}
          <div className="actions intake-submit">
            <button type="submit" className="button button-primary" data-testid="intake-submit" disabled={record.isPending}>
              {record.isPending ? t('intake.recording') : t('intake.record')}
            </button>
            <Link to="/review" className="button">
              {t('common:cancel')}
            </Link>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}
