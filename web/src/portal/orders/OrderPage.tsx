/**
 * One of the agency's orders as the authority follows it: status, when it was received and is due
 * (the reader's zone, named), whether the clock stands still, what is missing and why, its
 * particulars, each item's outcome (a data order: each account's, its holds and productions), the files sent with it, the thread, and withdrawal while open.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { countryName } from '../../../../src/domain/countries.js';
import { openStatuses } from '../../../../src/domain/vocabulary.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { formatNumber, languageName } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { portalQueries } from '../orders-queries.js';
import { ClockText, Instant, Loading, Problem, StatusText } from './common.js';
import { DataOrderView } from './DataOrderView.js';
import { ItemOutcomes } from './ItemOutcomes.js';
import { usePortalT } from './i18n.js';
import { PortalPushbacks } from './Pushbacks.js';
import { MissingElements } from './Receipt.js';
import { Thread } from './Thread.js';
import type { AuthorityOrder } from './types.js';
import { WithdrawForm } from './WithdrawForm.js';
import './orders.css';

export function OrderPage() {
  const { id = '' } = useParams();
  const { t } = usePortalT();
  const order = useQuery(portalQueries.order(id));
  useDocumentTitle(order.data ? order.data.reference : t('order.title'));
  if (order.error) return <Problem error={order.error} />;
  if (!order.data) return <Loading />;
  return <OrderView order={order.data} />;
}

function Particulars({ order }: { order: AuthorityOrder }) {
  const { t, language, locale } = usePortalT();
  // The authority's own text is marked with the order's language; what Writ writes is in the UI's.
  const own = order.language ?? undefined;
  const rows: [string, string | null, string | undefined][] = [
    [t('form.legalBasis'), order.legalBasis, own],
    [t('form.signer'), order.signer, own],
    [t('form.statementOfReasons'), order.statementOfReasons, own],
    [t('form.requestedScope'), order.requestedScope.map((c) => countryName(c, language)).join(', ') || null, undefined],
    [t('form.redress'), order.redress, own],
    [t('form.claimedCategories'), order.claimedCategories.join(', ') || null, own],
    [t('form.language'), order.language ? languageName(order.language, locale) : null, undefined],
  ];
  return (
    <dl className="facts card">
      {rows.map(([label, value, lang]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          {value ? <dd lang={lang}>{value}</dd> : <dd className="muted">{t('order.notGiven')}</dd>}
        </div>
      ))}
    </dl>
  );
}

function OrderView({ order }: { order: AuthorityOrder }) {
  const { t, locale } = usePortalT();
  const open = openStatuses.includes(order.status);
  return (
    <section className="page portal-order-page" data-testid="portal-order" data-status={order.status}>
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/portal/orders">← {t('list.title')}</Link>
        </p>
        <h1>
          <span className="reference" data-testid="order-reference-heading">
            {order.reference}
          </span>
        </h1>
        <p className="lede">
          {label(t, 'requestKind', order.kind)} · <StatusText status={order.status} testId="order-status" />
        </p>
      </div>
      <dl className="facts card">
        <dt>{t('receipt.receivedAt')}</dt>
        <dd>
          <Instant iso={order.receivedAt} testId="order-received-at" alsoIn={order.timeZone} />
        </dd>
        <dt>{t('receipt.dueAt')}</dt>
        <dd>
          <Instant iso={order.dueAt} testId="order-due-at" alsoIn={order.timeZone} />
          <span className="sub">{order.dueBasis}</span>
        </dd>
        <dt>{t('receipt.clock')}</dt>
        <dd>
          <ClockText clock={order.clock} testId="order-clock" />
        </dd>
        {order.decidedAt ? (
          <>
            <dt>{t('order.decidedAt')}</dt>
            <dd>
              <Instant iso={order.decidedAt} />
            </dd>
          </>
        ) : null}
        {order.authorityReference ? (
          <>
            <dt>{t('form.reference')}</dt>
            <dd>{order.authorityReference}</dd>
          </>
        ) : null}
      </dl>
      <MissingElements missing={order.missingElements} testId="order-missing" />
      {order.dataRequest ? (
        <DataOrderView orderId={order.id} data={order.dataRequest} />
      ) : (
        <>
          <h2>{t('order.items', { count: order.items.length })}</h2>
          <ItemOutcomes items={order.items} />
        </>
      )}
      <h2>{t('order.particulars')}</h2>
      <Particulars order={order} />
      <h2>{t('order.attachments')}</h2>
      {order.attachments.length ? (
        <ul className="attachments" data-testid="order-attachments">
          {order.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.downloadUrl} download={a.fileName} data-testid="order-attachment-link">
                {a.fileName}
              </a>{' '}
              <span className="muted">
                {t('order.attachmentSize', {
                  type: a.mediaType,
                  size: formatNumber(a.size / 1024, locale, { maximumFractionDigits: 1 }),
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('order.noAttachments')}</p>
      )}
      <PortalPushbacks orderId={order.id} />
      <Thread orderId={order.id} status={order.status} />
      {open ? <WithdrawForm orderId={order.id} reference={order.reference} /> : null}
    </section>
  );
}
