/**
 * The mail outbox (issue 10), for platform admins: how many mails wait, are being sent, were sent
 * or failed; a table of them (kind, recipient, subject, status, attempts, last error, created, sent)
 * with a filter for the failures and the other statuses, paging, and a retry button on a failed mail.
 * Without an SMTP server configured it says so: mails wait, queued, and none is lost.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { NavLink } from 'react-router-dom';
import { pages } from '../../../../src/contracts/pages.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { Frame } from '../../components/Layout.js';
import { formatInstant, type TFunction, useLocale, useTranslation } from '../../i18n/index.js';
import type { ApiError } from '../../problem.js';
import { queries } from '../../queries.js';
import {
  type MailStatus,
  type OutboxFilter,
  type OutboxMail,
  outboxApi,
  outboxQuery,
  outboxQueryKey,
  pageSize,
} from './outbox-api.js';

const statuses: MailStatus[] = ['queued', 'sending', 'sent', 'failed'];

function statusText(t: TFunction, status: MailStatus): string {
  switch (status) {
    case 'queued':
      return t('status.queued');
    case 'sending':
      return t('status.sending');
    case 'sent':
      return t('status.sent');
    case 'failed':
      return t('status.failed');
  }
}

export function OutboxPage() {
  const { t } = useTranslation('admin-outbox');
  const session = useQuery(queries.session());
  const nav = (
    <>
      <NavLink to={pages.review}>{t('nav.review')}</NavLink>
      <NavLink to={pages.adminOutbox}>{t('nav.outbox')}</NavLink>
    </>
  );
  return (
    <Frame nav={nav}>
      <h1>{t('title')}</h1>
      {session.error ? (
        <ProblemMessage error={session.error as ApiError} />
      ) : !session.data ? (
        <Loading what={t('title')} />
      ) : session.data.user.role === 'admin' ? (
        <Outbox />
      ) : (
        <p className="alert alert-info" data-testid="outbox-admins-only">
          {t('adminsOnly')}
        </p>
      )}
    </Frame>
  );
}

function Outbox() {
  const { t } = useTranslation('admin-outbox');
  const [filter, setFilter] = useState<OutboxFilter>({ status: null, offset: 0 });
  const outbox = useQuery(outboxQuery(filter));
  const data = outbox.data;
  return (
    <>
      <p>{t('intro')}</p>
      {data && !data.smtpConfigured ? (
        <p className="alert alert-warning" data-testid="outbox-no-smtp">
          {t('noSmtp')}
        </p>
      ) : null}
      {data ? (
        <ul className="counts" data-testid="outbox-counts">
          {statuses.map((status) => (
            <li key={status} data-status={status}>
              {statusText(t, status)}: <strong>{data.counts[status]}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <label>
        {t('filter.label')}{' '}
        <select
          data-testid="outbox-filter"
          value={filter.status ?? ''}
          onChange={(e) => setFilter({ status: (e.target.value || null) as MailStatus | null, offset: 0 })}
        >
          <option value="">{t('filter.all')}</option>
          <option value="failed">{t('filter.failed')}</option>
          <option value="queued">{t('status.queued')}</option>
          <option value="sending">{t('status.sending')}</option>
          <option value="sent">{t('status.sent')}</option>
        </select>
      </label>
      {outbox.error ? <ProblemMessage error={outbox.error as ApiError} /> : null}
      {!data ? (
        outbox.error ? null : (
          <Loading what={t('title')} />
        )
      ) : data.mails.length === 0 ? (
        <p data-testid="outbox-none">{t('none')}</p>
      ) : (
        <>
          <MailTable mails={data.mails} />
          <nav className="paging" aria-label={t('paging.label')}>
            <span>
              {t('paging.range', {
                from: filter.offset + 1,
                to: filter.offset + data.mails.length,
                total: data.total,
              })}
            </span>{' '}
            <button
              type="button"
              className="button"
              disabled={filter.offset === 0}
              onClick={() => setFilter({ ...filter, offset: Math.max(0, filter.offset - pageSize) })}
            >
              {t('paging.previous')}
            </button>{' '}
            <button
              type="button"
              className="button"
              disabled={filter.offset + pageSize >= data.total}
              onClick={() => setFilter({ ...filter, offset: filter.offset + pageSize })}
            >
              {t('paging.next')}
            </button>
          </nav>
        </>
      )}
    </>
  );
}

function MailTable({ mails }: { mails: OutboxMail[] }) {
  const { t } = useTranslation('admin-outbox');
  return (
    <table className="table" data-testid="outbox-table">
      <thead>
        <tr>
          <th scope="col">{t('column.kind')}</th>
          <th scope="col">{t('column.to')}</th>
          <th scope="col">{t('column.subject')}</th>
          <th scope="col">{t('column.status')}</th>
          <th scope="col">{t('column.attempts')}</th>
          <th scope="col">{t('column.lastError')}</th>
          <th scope="col">{t('column.created')}</th>
          <th scope="col">{t('column.sent')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('column.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {mails.map((mail) => (
          <MailRow key={mail.id} mail={mail} />
        ))}
      </tbody>
    </table>
  );
}

function MailRow({ mail }: { mail: OutboxMail }) {
  const { t } = useTranslation('admin-outbox');
  const locale = useLocale();
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => outboxApi.retry(mail.id),
    onSuccess: () => client.invalidateQueries({ queryKey: outboxQueryKey }),
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const instant = (iso: string) => <time dateTime={iso}>{formatInstant(iso, zone, locale) ?? iso}</time>;
  return (
    <tr data-testid="outbox-row" data-mail-id={mail.id} data-status={mail.status}>
      <td>
        <code>{mail.kind}</code>
      </td>
      <td>{mail.to}</td>
      <td>{mail.subject}</td>
      <td>
        <span className={`badge mail-${mail.status}`}>{statusText(t, mail.status)}</span>
      </td>
      <td>{mail.attempts}</td>
      <td>{mail.lastError ?? ''}</td>
      <td>{instant(mail.createdAt)}</td>
      <td>{mail.sentAt ? instant(mail.sentAt) : ''}</td>
      <td>
        {retry.error ? <ProblemMessage error={retry.error as ApiError} /> : null}
        {mail.status === 'failed' ? (
          <button
            type="button"
            className="button"
            data-testid="outbox-retry"
            disabled={retry.isPending}
            onClick={() => retry.mutate()}
          >
            {t('retry')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
