/** The signed-in officer's own passkeys: when each was added and last used, add another, remove one (never the last factor). */
import { startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProblemMessage } from '../../components/Feedback.js';
import { useFormat } from '../../i18n/index.js';
import { portalApi, portalAuthQueries } from '../queries.js';
import { usePortalAuthT } from './i18n.js';

export function PasskeysSection() {
  const { t } = usePortalAuthT();
  const format = useFormat();
  const client = useQueryClient();
  const passkeys = useQuery(portalAuthQueries.passkeys());
  const changed = () => client.invalidateQueries({ queryKey: ['portal-auth'] });
  const add = useMutation({
    mutationFn: async () => {
      const options = await portalApi.passkeyRegistrationOptions();
      return portalApi.registerPasskey(await startRegistration({ optionsJSON: options as never }));
    },
    onSuccess: changed,
  });
  const remove = useMutation({ mutationFn: portalApi.removePasskey, onSuccess: changed });
  const when = (iso: string) => format.utc(iso);
  return (
    <section className="card" data-testid="passkeys">
      <h2>{t('passkeys.title')}</h2>
      {passkeys.error ? <ProblemMessage error={passkeys.error} /> : null}
      {remove.error ? <ProblemMessage error={remove.error} /> : null}
      {add.error ? (
        <p className="alert alert-error" role="alert">
          {t('enrol.passkeyFailed')}
        </p>
      ) : null}
      <ul>
        {passkeys.data?.passkeys.map((p, i) => (
          <li key={p.id} data-testid="passkey">
            {t('passkeys.item', { n: i + 1, added: when(p.createdAt), used: p.lastUsedAt ? when(p.lastUsedAt) : '—' })}{' '}
            <button
              type="button"
              className="button button-small"
              data-testid="passkey-remove"
              disabled={remove.isPending}
              onClick={() => remove.mutate(p.id)}
            >
              {t('passkeys.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" data-testid="passkey-add" disabled={add.isPending} onClick={() => add.mutate()}>
        {t('passkeys.add')}
      </button>
    </section>
  );
}
