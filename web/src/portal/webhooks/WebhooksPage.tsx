/**
 * The agency's webhooks (issue 10): its endpoints (an admin officer registers one, sees its signing
 * secret once, and disables one), and the delivery log every officer of the agency may read.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { pages } from '../../../../src/contracts/pages.js';
import { Frame } from '../../components/Layout.js';
import { Instant, Loading, Problem } from '../orders/common.js';
import { portalAuthQueries as portalQueries } from '../queries.js';
import { DeliveryLog } from './DeliveryLog.js';
import { useWebhooksT } from './i18n.js';
import {
  type CreatedWebhookEndpoint,
  endpointsQuery,
  type WebhookEndpoint,
  webhooksApi,
  webhooksQueryKey,
} from './webhooks-api.js';

export function WebhooksPage() {
  const { t } = useWebhooksT();
  const session = useQuery(portalQueries.session());
  const nav = (
    <>
      <NavLink to={pages.portalOrders} end>
        {t('nav.orders')}
      </NavLink>
      <NavLink to={pages.portalWebhooks}>{t('nav.webhooks')}</NavLink>
    </>
  );
  return (
    <Frame nav={nav}>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {session.error ? (
        <Problem error={session.error} />
      ) : !session.data ? (
        <Loading />
      ) : (
        <>
          <Endpoints admin={session.data.officer.isAgencyAdmin} />
          <DeliveryLog />
        </>
      )}
    </Frame>
  );
}

function Endpoints({ admin }: { admin: boolean }) {
  const { t } = useWebhooksT();
  const endpoints = useQuery(endpointsQuery());
  return (
    <section aria-labelledby="webhook-endpoints">
      <h2 id="webhook-endpoints">{t('endpoints.title')}</h2>
      {admin ? <NewEndpointForm /> : <p className="muted">{t('endpoints.adminsOnly')}</p>}
      {endpoints.error ? <Problem error={endpoints.error} /> : null}
      {!endpoints.data ? (
        endpoints.error ? null : (
          <Loading />
        )
      ) : endpoints.data.endpoints.length === 0 ? (
        <p data-testid="webhooks-none">{t('endpoints.none')}</p>
      ) : (
        <table className="table" data-testid="webhooks-table">
          <thead>
            <tr>
              <th scope="col">{t('endpoints.url')}</th>
              <th scope="col">{t('endpoints.created')}</th>
              <th scope="col">{t('endpoints.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('endpoints.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {endpoints.data.endpoints.map((endpoint) => (
              <EndpointRow key={endpoint.id} endpoint={endpoint} admin={admin} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function EndpointRow({ endpoint, admin }: { endpoint: WebhookEndpoint; admin: boolean }) {
  const { t } = useWebhooksT();
  const client = useQueryClient();
  const disable = useMutation({
    mutationFn: () => webhooksApi.disable(endpoint.id),
    onSuccess: () => client.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
  return (
    <tr data-testid="webhook-row" data-endpoint-id={endpoint.id}>
      <td>
        <code>{endpoint.url}</code>
      </td>
      <td>
        <Instant iso={endpoint.createdAt} />
      </td>
      <td>
        {endpoint.disabledAt ? (
          <>
            {t('endpoints.disabled')} <Instant iso={endpoint.disabledAt} />
          </>
        ) : (
          t('endpoints.active')
        )}
      </td>
      <td>
        {disable.error ? <Problem error={disable.error} /> : null}
        {admin && !endpoint.disabledAt ? (
          <button
            type="button"
            className="button button-danger"
            data-testid="webhook-disable"
            disabled={disable.isPending}
            onClick={() => disable.mutate()}
          >
            {t('endpoints.disable')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function NewEndpointForm() {
  const { t } = useWebhooksT();
  const client = useQueryClient();
  const id = useId();
  const [url, setUrl] = useState('');
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const create = useMutation({
    mutationFn: () => webhooksApi.create(url),
    onSuccess: async (endpoint) => {
      setCreated(endpoint);
      setUrl('');
      await client.invalidateQueries({ queryKey: webhooksQueryKey });
    },
  });
  return (
    <div className="card">
      {created ? (
        <div className="alert alert-warning" data-testid="webhook-secret">
          <p>{t('secret.warning')}</p>
          <p>
            <code>{created.secret}</code>
          </p>
          <button type="button" className="button" onClick={() => setCreated(null)}>
            {t('secret.done')}
          </button>
        </div>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        {create.error ? <Problem error={create.error} /> : null}
        <label htmlFor={`${id}-url`}>{t('create.url')}</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          data-testid="webhook-url"
          autoComplete="off"
        />
        <p className="hint">{t('create.hint')}</p>
        <button type="submit" className="button button-primary" disabled={create.isPending} data-testid="webhook-create">
          {t('create.submit')}
        </button>
      </form>
    </div>
  );
}
