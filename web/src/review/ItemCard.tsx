/** One item of an order: what it names, and its decision or the form to make one. */
import { useState } from 'react';
import type { Item, RequestDetail } from '../api.js';
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import { countryNameIn, label } from '../labels.js';
import { DecisionForm } from './DecisionForm.js';
import { ItemStages } from './stages/ItemStages.js';

type Props = {
  request: RequestDetail;
  item: Item;
  /** Whether the request's status lets items be decided. */
  decidable: boolean;
};

function scopeText(t: TFunction, locale: string, decision: NonNullable<Item['decision']>): string {
  if (decision.scopeCountries?.length) {
    return decision.scopeCountries.map((c) => `${countryNameIn(c, locale)} (${c})`).join(', ');
  }
  return decision.outcome === 'removed_policy' ? t('review:item.everywhere') : t('review:item.notApplicable');
}

export function ItemCard({ request, item, decidable }: Props) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const [changing, setChanging] = useState(false);
  const decision = item.decision;
  // A stage's finding or a second person's sign-off comes first: the decision form waits for them.
  const step = item.review.next.step;
  const mayDecide = step === 'decide' || step === 'done';

  return (
    <li className="item card" data-testid="item" data-item-id={item.id} data-decided={decision ? 'true' : 'false'}>
      <div className="item-head">
        <h3 className="item-title">
          {t('item.title', { position: item.position + 1 })}
          <span className="item-kind">{label(t, 'targetKind', item.targetKind)}</span>
        </h3>
        <span className="muted">{t('item.product', { product: item.product })}</span>
      </div>
      <p className="item-target">
        <code>{item.target}</code>
      </p>

      {decision && !changing ? (
        <div className="decision">
          <dl className="facts facts-compact">
            <dt>{t('item.outcome')}</dt>
            <dd>
              <span
                className={`outcome outcome-${decision.outcome}`}
                data-testid="decision-outcome-label"
                data-outcome={decision.outcome}
              >
                {label(t, 'outcome', decision.outcome)}
              </span>
            </dd>
            <dt>{t('item.reason')}</dt>
            <dd>{decision.reason}</dd>
            <dt>{t('item.scope')}</dt>
            <dd>{scopeText(t, format.locale, decision)}</dd>
            <dt>{t('item.rationale')}</dt>
            <dd className="rationale">{decision.rationale}</dd>
            <dt>{t('item.decided')}</dt>
            <dd>
              {t('item.decidedBy', { name: decision.decidedBy.name })},{' '}
              <time dateTime={decision.decidedAt}>{format.utc(decision.decidedAt)}</time>
            </dd>
            {decision.signedOffBy && decision.signedOffAt ? (
              <>
                <dt>{t('stages:card.signedOff')}</dt>
                <dd data-testid="decision-signed-off">
                  {decision.signedOffBy.name}, <time dateTime={decision.signedOffAt}>{format.utc(decision.signedOffAt)}</time>
                </dd>
              </>
            ) : null}
            {decision.publicSummary ? (
              <>
                <dt>{t('stages:decision.publicSummary')}</dt>
                <dd className="rationale">{decision.publicSummary}</dd>
              </>
            ) : null}
          </dl>
          {decidable && mayDecide ? (
            <button type="button" className="button button-small" data-testid="decision-change" onClick={() => setChanging(true)}>
              {t('item.change')}
            </button>
          ) : null}
        </div>
      ) : null}

      <ItemStages request={request} item={item} decidable={decidable} />

      {decidable && mayDecide && (!decision || changing) ? (
        <DecisionForm
          request={request}
          item={item}
          onSaved={() => setChanging(false)}
          onCancel={decision ? () => setChanging(false) : undefined}
        />
      ) : null}

      {!decidable && !decision ? <p className="muted">{t('item.notDecided')}</p> : null}
    </li>
  );
}
