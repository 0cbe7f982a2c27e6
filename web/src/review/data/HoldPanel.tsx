/** An account's preservation hold: what is preserved, until when, extension and release. */
import { useId, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { holdLegalProcessSchema, holdNoteSchema } from '../../../../src/contracts/data-requests.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { useRequestChange } from '../../mutations.js';
import { useNow } from '../../time.js';
import type { DataRequestDetail } from './DataRequestSection.js';
import { type HoldLegalProcess, type HoldNote, preservationApi } from './preservation-api.js';

type Account = DataRequestDetail['dataRequest']['accounts'][number];
type Hold = NonNullable<Account['hold']>;
type Action = 'extend' | 'release' | 'legal-process';
type Props = { request: DataRequestDetail; account: Account };

const DAY = 86_400_000;

/** The note an extension or a release is recorded with. */
function NoteForm({ request, account, action, onDone }: Props & { action: 'extend' | 'release'; onDone: () => void }) {
  const { t } = useTranslation('preservation');
  const prefix = `${useId()}-`;
  const form = useSchemaForm(holdNoteSchema, { note: '' });
  const change = useRequestChange((body: HoldNote) =>
    action === 'extend'
      ? preservationApi.extend(request.id, account.id, body)
      : preservationApi.release(request.id, account.id, body),
  );
  const submit = form.handleSubmit((body) =>
    change.mutateAsync(body).then(onDone, (e: unknown) => placeProblem(e, form.setError)),
  );
  return (
    <FormProvider {...form}>
      <form className="decision-form" onSubmit={submit} noValidate data-testid={`hold-${action}-form`}>
        {change.error ? <ProblemMessage error={change.error} /> : null}
        <Field name="note" label={action === 'extend' ? t('extendNote') : t('releaseNote')} idPrefix={prefix}>
          {(control) => (
            <textarea {...control} {...form.register('note')} data-testid="hold-note" required rows={2} maxLength={2000} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="hold-confirm" disabled={change.isPending}>
            {action === 'extend' ? t('confirmExtend') : t('confirmRelease')}
          </button>
          <button type="button" className="button" onClick={onDone} disabled={change.isPending}>
            {t('common:cancel')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

/** The Writ reference of the order that brought legal process for the account. */
function LegalProcessForm({ request, account, onDone }: Props & { onDone: () => void }) {
  const { t } = useTranslation('preservation');
  const prefix = `${useId()}-`;
  const form = useSchemaForm(holdLegalProcessSchema, { reference: '' });
  const link = useRequestChange((body: HoldLegalProcess) => preservationApi.linkLegalProcess(request.id, account.id, body));
  const submit = form.handleSubmit((body) => link.mutateAsync(body).then(onDone, (e: unknown) => placeProblem(e, form.setError)));
  return (
    <FormProvider {...form}>
      <form className="decision-form" onSubmit={submit} noValidate data-testid="hold-legal-process-form">
        {link.error ? <ProblemMessage error={link.error} /> : null}
        <Field name="reference" label={t('legalProcessReference')} idPrefix={prefix} hint={t('legalProcessHint')}>
          {(control) => (
            <input
              {...control}
              {...form.register('reference')}
              data-testid="hold-reference"
              type="text"
              required
              maxLength={100}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="hold-confirm" disabled={link.isPending}>
            {t('confirmLegalProcess')}
          </button>
          <button type="button" className="button" onClick={onDone} disabled={link.isPending}>
            {t('common:cancel')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function HoldFacts({ hold }: { hold: Hold }) {
  const { t } = useTranslation('preservation');
  const format = useFormat();
  const now = useNow();
  const daysLeft = Math.ceil((Date.parse(hold.expiresAt) - now.getTime()) / DAY);
  return (
    <dl className="facts">
      <dt>{t('preserved')}</dt>
      <dd>
        {hold.categories.length ? (
          <ul className="chips">
            {hold.categories.map((c) => (
              <li key={c} className="chip">
                {label(t, 'dataCategory', c)}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('everything')}</span>
        )}
      </dd>
      <dt>{t('since')}</dt>
      <dd>{format.utc(hold.preservedAt)}</dd>
      <dt>{t('until')}</dt>
      <dd data-testid="hold-expires">
        {format.utc(hold.expiresAt)}
        {hold.releasedAt === null ? (
          <>
            {' '}
            <span className="muted">{daysLeft > 0 ? t('daysLeft', { count: daysLeft }) : t('due')}</span>
          </>
        ) : null}
      </dd>
      <dt>{t('extensions')}</dt>
      <dd data-testid="hold-extensions">
        {t('extensionsUsed', { used: hold.extensions })}
        {hold.canExtend ? null : hold.releasedAt === null ? <span className="muted"> {t('noMoreExtensions')}</span> : null}
      </dd>
      <dt>{t('reminder')}</dt>
      <dd>{hold.remindedAt ? t('remindedAt', { at: format.utc(hold.remindedAt) }) : t('notReminded')}</dd>
      <dt>{t('legalProcess')}</dt>
      <dd data-testid="hold-legal-process-link">
        {hold.legalProcess ? (
          <>
            <a href={`/requests/${encodeURIComponent(hold.legalProcess.requestId)}`}>{hold.legalProcess.reference}</a>{' '}
            <span className="muted">{t('keptSince', { at: format.utc(hold.legalProcess.at) })}</span>
          </>
        ) : (
          <span className="muted">{t('noLegalProcess')}</span>
        )}
      </dd>
      <dt>{t('state')}</dt>
      <dd data-testid="hold-state">
        {hold.releasedAt && hold.releaseReason
          ? t('released', { reason: hold.releaseReason, at: format.utc(hold.releasedAt) })
          : hold.legalProcess
            ? t('kept')
            : t('active')}
      </dd>
    </dl>
  );
}

export function HoldPanel({ request, account }: Props) {
  const { t } = useTranslation('preservation');
  const [acting, setActing] = useState<Action | null>(null);
  const hold = account.hold;
  if (!hold) return null;
  const active = hold.releasedAt === null;
  const done = () => setActing(null);
  return (
    <section className="card hold" data-testid="hold-panel" aria-label={t('title', { position: account.position + 1 })}>
      <h3>{t('heading')}</h3>
      <HoldFacts hold={hold} />
      {acting === 'extend' || acting === 'release' ? (
        <NoteForm request={request} account={account} action={acting} onDone={done} />
      ) : acting === 'legal-process' ? (
        <LegalProcessForm request={request} account={account} onDone={done} />
      ) : active ? (
        <div className="actions">
          {hold.canExtend ? (
            <button type="button" className="button" onClick={() => setActing('extend')} data-testid="hold-extend">
              {t('extend')}
            </button>
          ) : null}
          {hold.legalProcess ? null : (
            <button type="button" className="button" onClick={() => setActing('legal-process')} data-testid="hold-legal-process">
              {t('linkLegalProcess')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setActing('release')} data-testid="hold-release">
            {t('release')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
