/**
 * The receipt (DSA Art. 10 confirmation of receipt) as the officer sees it on submitting: Writ's
 * reference, the instant it was received with the zone named, the deadline and its basis, the
 * status, the elements the order lacks and why, and whether the deadline's clock stands still.
 */
import { Link } from 'react-router-dom';
import { ClockText, Instant, StatusText, useElementName } from './common.js';
import { usePortalT } from './i18n.js';
import type { MissingElement, OrderReceipt } from './types.js';

export function MissingElements({
  missing,
  testId = 'missing-elements',
}: {
  missing: readonly MissingElement[];
  testId?: string;
}) {
  const { t } = usePortalT();
  const elementName = useElementName();
  if (missing.length === 0) return null;
  return (
    <div className="alert alert-warning" data-testid={testId}>
      <p className="alert-title">{t('missing.title', { count: missing.length })}</p>
      <ul>
        {missing.map(({ element, reason }) => (
          <li key={element} data-testid="missing-element" data-element={element}>
            <strong>{elementName(element)}</strong>: {reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Receipt({ receipt, attached }: { receipt: OrderReceipt; attached: readonly string[] }) {
  const { t } = usePortalT();
  return (
    <section className="card receipt" data-testid="order-receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t('receipt.title')}</h2>
      <p className="lede">{t('receipt.lede')}</p>
      <dl className="facts">
        <dt>{t('receipt.reference')}</dt>
        <dd>
          <strong className="reference" data-testid="receipt-reference">
            {receipt.reference}
          </strong>
        </dd>
        <dt>{t('receipt.receivedAt')}</dt>
        <dd>
          <Instant iso={receipt.receivedAt} testId="receipt-received-at" alsoIn={receipt.timeZone} />
        </dd>
        <dt>{t('receipt.status')}</dt>
        <dd>
          <StatusText status={receipt.status} testId="receipt-status" />
        </dd>
        <dt>{t('receipt.dueAt')}</dt>
        <dd>
          <Instant iso={receipt.dueAt} testId="receipt-due-at" alsoIn={receipt.timeZone} />
          <span className="sub" data-testid="receipt-due-basis">
            {receipt.dueBasis}
          </span>
        </dd>
        <dt>{t('receipt.clock')}</dt>
        <dd>
          <ClockText clock={receipt.clock} testId="receipt-clock" />
        </dd>
        {attached.length ? (
          <>
            <dt>{t('receipt.attachments')}</dt>
            <dd data-testid="receipt-attachments">{attached.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <MissingElements missing={receipt.missingElements} />
      <p className="actions">
        <Link className="button button-primary" to={`/portal/orders/${receipt.id}`} data-testid="receipt-open-order">
          {t('receipt.open')}
        </Link>
        <Link className="button" to="/portal/orders">
          {t('receipt.toList')}
        </Link>
      </p>
    </section>
  );
}
