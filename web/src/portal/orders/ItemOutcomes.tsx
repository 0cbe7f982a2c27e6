/**
 * Each item of the order and what became of it, as the authority is told (DSA Art. 9(1): if and
 * when effect was given): the outcome, where it applies, the reason of a refusal, and when.
 */
import { countryName } from '../../../../src/domain/countries.js';
import { label } from '../../labels.js';
import { Instant } from './common.js';
import { usePortalT } from './i18n.js';
import type { OrderItemOutcome } from './types.js';

function Scope({ scope }: { scope: NonNullable<OrderItemOutcome['scope']> }) {
  const { t, language } = usePortalT();
  if (scope.worldwide || !scope.countries) return <>{t('outcome.everywhere')}</>;
  return <>{scope.countries.map((c) => `${countryName(c, language)} (${c})`).join(', ')}</>;
}

export function ItemOutcomes({ items }: { items: readonly OrderItemOutcome[] }) {
  const { t } = usePortalT();
  return (
    <ol className="portal-items">
      {items.map((item) => (
        <li key={item.id} className="card item" data-testid="order-item-outcome" data-outcome={item.outcome}>
          <p className="item-title">
            {t('items.item', { n: item.position + 1 })} · {label(t, 'targetKind', item.targetKind)} · {item.product}
          </p>
          <p className="item-target">
            <code>{item.target}</code>
          </p>
          <dl className="facts facts-compact">
            <dt>{t('outcome.outcome')}</dt>
            <dd data-testid="item-outcome">{t(`outcome.${item.outcome}`)}</dd>
            {item.scope ? (
              <>
                <dt>{t('outcome.scope')}</dt>
                <dd data-testid="item-scope">
                  <Scope scope={item.scope} />
                </dd>
              </>
            ) : null}
            {item.reason ? (
              <>
                <dt>{t('outcome.reason')}</dt>
                <dd>{item.reason}</dd>
              </>
            ) : null}
            {item.decidedAt ? (
              <>
                <dt>{t('outcome.decidedAt')}</dt>
                <dd>
                  <Instant iso={item.decidedAt} testId="item-decided-at" />
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}
