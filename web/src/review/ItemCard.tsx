/** One item of an order: what it names, and its decision or the form to make one. */
import { useState } from 'react';
import type { Item, RequestDetail } from '../api.js';
import { bucketLabels, countryName, targetKindLabels } from '../labels.js';
import { formatUtc } from '../time.js';
import { DecisionForm } from './DecisionForm.js';

type Props = {
  request: RequestDetail;
  item: Item;
  /** Whether the request's status lets items be decided. */
  decidable: boolean;
};

function scopeText(decision: NonNullable<Item['decision']>): string {
  if (decision.scopeCountries?.length) {
    return decision.scopeCountries.map((c) => `${countryName(c)} (${c})`).join(', ');
  }
  return decision.outcome === 'removed_policy' ? 'Everywhere' : 'Not applicable';
}

export function ItemCard({ request, item, decidable }: Props) {
  const [changing, setChanging] = useState(false);
  const decision = item.decision;

  return (
    <li className="item card" data-testid="item" data-item-id={item.id} data-decided={decision ? 'true' : 'false'}>
      <div className="item-head">
        <h3 className="item-title">
          Item {item.position + 1}
          <span className="item-kind">{targetKindLabels[item.targetKind]}</span>
        </h3>
        <span className="muted">Product: {item.product}</span>
      </div>
      <p className="item-target">
        <code>{item.target}</code>
      </p>

      {decision && !changing ? (
        <div className="decision">
          <dl className="facts facts-compact">
            <dt>Outcome</dt>
            <dd>
              <span
                className={`outcome outcome-${decision.outcome}`}
                data-testid="decision-outcome-label"
                data-outcome={decision.outcome}
              >
                {bucketLabels[decision.outcome]}
              </span>
            </dd>
            <dt>Reason</dt>
            <dd>{decision.reason}</dd>
            <dt>Scope</dt>
            <dd>{scopeText(decision)}</dd>
            <dt>Rationale</dt>
            <dd className="rationale">{decision.rationale}</dd>
            <dt>Decided</dt>
            <dd>
              by {decision.decidedBy.name}, <time dateTime={decision.decidedAt}>{formatUtc(decision.decidedAt)}</time>
            </dd>
          </dl>
          {decidable ? (
            <button type="button" className="button button-small" data-testid="decision-change" onClick={() => setChanging(true)}>
              Change
            </button>
          ) : null}
        </div>
      ) : null}

      {decidable && (!decision || changing) ? (
        <DecisionForm
          request={request}
          item={item}
          onSaved={() => setChanging(false)}
          onCancel={decision ? () => setChanging(false) : undefined}
        />
      ) : null}

      {!decidable && !decision ? <p className="muted">Not decided yet.</p> : null}
    </li>
  );
}
