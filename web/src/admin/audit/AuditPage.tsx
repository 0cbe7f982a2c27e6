/**
 * The audit log (issue 12, decision 48), for admins and auditors: a "Verify now" button and its
 * result (the first broken row: chain, seq and what; or the chains, entries and root hash), a
 * button to record a checkpoint of the head, and the latest checkpoints.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NavLink } from 'react-router-dom';
import type { AuditVerificationView } from '../../../../src/contracts/audit.js';
import { pages } from '../../../../src/contracts/pages.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { Frame } from '../../components/Layout.js';
import { formatInstant, type TFunction, useLocale, useTranslation } from '../../i18n/index.js';
import type { ApiError } from '../../problem.js';
import { queries } from '../../queries.js';
import { auditApi, auditCheckpointsKey, auditCheckpointsQuery } from './audit-api.js';

function problemKind(t: TFunction, kind: NonNullable<AuditVerificationView['problem']>['kind']): string {
  switch (kind) {
    case 'edited':
      return t('kind.edited');
    case 'link_broken':
      return t('kind.link_broken');
    case 'seq_gap':
      return t('kind.seq_gap');
    case 'head_mismatch':
      return t('kind.head_mismatch');
    case 'head_missing':
      return t('kind.head_missing');
    case 'chain_missing':
      return t('kind.chain_missing');
    case 'checkpoint':
      return t('kind.checkpoint');
  }
}

export function AuditPage() {
  const { t } = useTranslation('audit');
  const session = useQuery(queries.session());
  const nav = (
    <>
      <NavLink to={pages.review}>{t('nav.review')}</NavLink>
      <NavLink to={pages.adminAudit}>{t('nav.audit')}</NavLink>
    </>
  );
  const role = session.data?.user.role;
  return (
    <Frame nav={nav}>
      <h1>{t('title')}</h1>
      {session.error ? (
        <ProblemMessage error={session.error as ApiError} />
      ) : !session.data ? (
        <Loading what={t('title')} />
      ) : role === 'admin' || role === 'auditor' ? (
        <Audit />
      ) : (
        <p className="alert alert-info" data-testid="audit-forbidden">
          {t('forbidden')}
        </p>
      )}
    </Frame>
  );
}

function Audit() {
  const { t } = useTranslation('audit');
  const locale = useLocale();
  const client = useQueryClient();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const instant = (iso: string) => <time dateTime={iso}>{formatInstant(iso, zone, locale) ?? iso}</time>;
  const verify = useMutation({ mutationFn: () => auditApi.verify() });
  const checkpoint = useMutation({
    mutationFn: () => auditApi.checkpoint(),
    onSuccess: () => client.invalidateQueries({ queryKey: auditCheckpointsKey }),
  });
  const checkpoints = useQuery(auditCheckpointsQuery());
  const result = verify.data;
  return (
    <>
      <p>{t('intro')}</p>
      <p>
        <button
          type="button"
          className="button"
          data-testid="audit-verify"
          disabled={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {t('verify')}
        </button>{' '}
        <button
          type="button"
          className="button"
          data-testid="audit-checkpoint"
          disabled={checkpoint.isPending}
          onClick={() => checkpoint.mutate()}
        >
          {t('checkpoint')}
        </button>
      </p>
      {verify.error ? <ProblemMessage error={verify.error as ApiError} /> : null}
      {verify.isPending ? <Loading what={t('verifying')} /> : null}
      {result ? (
        result.ok ? (
          <div className="alert alert-success" data-testid="audit-result" data-ok="true">
            <p>{t('ok', { chains: result.chains, entries: result.entries })}</p>
            <p>
              {t('root')} <code data-testid="audit-root">{result.rootHash}</code>
            </p>
            <p>
              {t('checkedAt')} {instant(result.checkedAt)}
            </p>
          </div>
        ) : (
          <div className="alert alert-danger" data-testid="audit-result" data-ok="false" role="alert">
            <p>{t('broken', { chain: result.problem?.chain ?? '', seq: result.problem?.seq ?? 0 })}</p>
            {result.problem ? (
              <p>
                <strong>{problemKind(t, result.problem.kind)}</strong> <span>{result.problem.detail}</span>
              </p>
            ) : null}
          </div>
        )
      ) : null}
      {checkpoint.error ? <ProblemMessage error={checkpoint.error as ApiError} /> : null}
      {checkpoint.data ? (
        <div data-testid="audit-checkpoint-text">
          <p>
            {checkpoint.data.publicKeyFingerprint ? t('signedBy', { key: checkpoint.data.publicKeyFingerprint }) : t('unsigned')}
          </p>
          <pre>{checkpoint.data.text.split('\n\n').slice(0, 2).join('\n\n')}</pre>
        </div>
      ) : null}
      <h2>{t('checkpoints')}</h2>
      {checkpoints.error ? <ProblemMessage error={checkpoints.error as ApiError} /> : null}
      {!checkpoints.data ? (
        checkpoints.error ? null : (
          <Loading what={t('checkpoints')} />
        )
      ) : checkpoints.data.checkpoints.length === 0 ? (
        <p data-testid="audit-no-checkpoints">{t('noCheckpoints')}</p>
      ) : (
        <table className="table" data-testid="audit-checkpoints">
          <thead>
            <tr>
              <th scope="col">{t('column.at')}</th>
              <th scope="col">{t('column.chains')}</th>
              <th scope="col">{t('column.entries')}</th>
              <th scope="col">{t('column.root')}</th>
              <th scope="col">{t('column.signed')}</th>
            </tr>
          </thead>
          <tbody>
            {checkpoints.data.checkpoints.map((c) => (
              <tr key={c.id}>
                <td>{instant(c.at)}</td>
                <td>{c.chains}</td>
                <td>{c.entries}</td>
                <td>
                  <code>{c.rootHash}</code>
                </td>
                <td>{c.signed ? (c.keyId ?? t('yes')) : t('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
