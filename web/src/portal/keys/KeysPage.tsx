/**
 * The agency's API keys (issue 10), for its admin officers: the keys with their state, creation,
 * expiry and last use (never the key), a form that creates one and shows it once, and revocation
 * after a confirmation. The officer's session is checked here, as on the order pages.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { pages } from '../../../../src/contracts/pages.js';
import { Frame } from '../../components/Layout.js';
import { Instant, Loading, Problem } from '../orders/common.js';
import { portalAuthQueries as portalQueries } from '../queries.js';
import { useKeysT } from './i18n.js';
import { type ApiKey, apiKeysQueryKey, keysApi, keysQuery } from './keys-api.js';
import { NewKeyForm } from './NewKeyForm.js';

export function KeysPage() {
  const { t } = useKeysT();
  const session = useQuery(portalQueries.session());
  const nav = (
    <>
      <NavLink to={pages.portalOrders} end>
        {t('nav.orders')}
      </NavLink>
      <NavLink to={pages.portalKeys}>{t('nav.keys')}</NavLink>
    </>
  );
  return (
    <Frame nav={nav}>
      {session.error ? (
        <Problem error={session.error} />
      ) : !session.data ? (
        <Loading />
      ) : session.data.officer.isAgencyAdmin ? (
        <Keys agency={session.data.agency.name} />
      ) : (
        <p className="alert alert-info" data-testid="keys-admins-only">
          {t('adminsOnly')}
        </p>
      )}
    </Frame>
  );
}

function Keys({ agency }: { agency: string }) {
  const { t } = useKeysT();
  const keys = useQuery(keysQuery());
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro', { agency })}</p>
      <NewKeyForm />
      <section aria-labelledby="keys-list">
        <h2 id="keys-list">{t('list.title')}</h2>
        {keys.error ? <Problem error={keys.error} /> : null}
        {!keys.data ? (
          keys.error ? null : (
            <Loading />
          )
        ) : keys.data.keys.length === 0 ? (
          <p data-testid="keys-none">{t('list.none')}</p>
        ) : (
          <table className="table" data-testid="keys-table">
            <thead>
              <tr>
                <th scope="col">{t('list.name')}</th>
                <th scope="col">{t('list.prefix')}</th>
                <th scope="col">{t('list.state')}</th>
                <th scope="col">{t('list.created')}</th>
                <th scope="col">{t('list.expires')}</th>
                <th scope="col">{t('list.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('list.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.keys.map((key) => (
                <KeyRow key={key.id} apiKey={key} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const { t } = useKeysT();
  const client = useQueryClient();
  const confirmId = useId();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => keysApi.revoke(apiKey.id),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysQueryKey }),
    onSettled: () => setConfirming(false),
  });
  const never = <span className="muted">{t('list.never')}</span>;
  return (
    <tr data-testid="key-row" data-key-id={apiKey.id} data-state={apiKey.state}>
      <td>{apiKey.name}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>
        <span className={`badge key-${apiKey.state}`}>
          {apiKey.state === 'active' ? t('state.active') : apiKey.state === 'expired' ? t('state.expired') : t('state.revoked')}
        </span>
        {apiKey.revokedAt ? (
          <span className="sub">
            {' '}
            <Instant iso={apiKey.revokedAt} />
          </span>
        ) : null}
      </td>
      <td>
        <Instant iso={apiKey.createdAt} />
        {apiKey.createdBy ? <span className="sub"> {t('list.by', { name: apiKey.createdBy.name })}</span> : null}
      </td>
      <td>{apiKey.expiresAt ? <Instant iso={apiKey.expiresAt} /> : never}</td>
      <td>{apiKey.lastUsedAt ? <Instant iso={apiKey.lastUsedAt} /> : never}</td>
      <td>
        {revoke.error ? <Problem error={revoke.error} /> : null}
        {apiKey.state !== 'active' ? null : confirming ? (
          <div className="alert alert-warning" role="alertdialog" aria-labelledby={confirmId}>
            <p id={confirmId}>{t('revoke.confirmText', { name: apiKey.name, prefix: apiKey.prefix })}</p>
            <div className="actions">
              <button
                type="button"
                className="button button-danger"
                data-testid="key-revoke-confirm"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate()}
              >
                {t('revoke.confirm')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('revoke.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button-danger" data-testid="key-revoke" onClick={() => setConfirming(true)}>
            {t('revoke.open')}
          </button>
        )}
      </td>
    </tr>
  );
}
