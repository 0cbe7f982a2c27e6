/**
 * Issue 13 — one public record at its stable URL: every field of the record, redactions marked, the
 * citation line (copyable), its country's feed, and its inclusion proof checked here in the browser.
 * A withdrawn record shows its tombstone (when and why), never a silent 404.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { PublicRecord, PublicTombstone } from '../../../../src/domain/public-record.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { NotFoundPage } from '../../components/NotFound.js';
import { useFormat, useLocale, useTranslation } from '../../i18n/index.js';
import { countryNameIn, label } from '../../labels.js';
import type { ApiError } from '../../problem.js';
import { periodNameIn } from '../periods.js';
import { checkRecordProof, type ProofResult } from './proof-check.js';
import { RedactedText } from './RedactedText.js';
import { fetchLogPublicKey, fetchRecord, fetchRecordProof } from './records-api.js';
import './records.css';

function ProofCheck({ shown }: { shown: PublicRecord | PublicTombstone }) {
  const { t } = useTranslation('records');
  const { number } = useFormat();
  const { data, error, isPending } = useQuery<ProofResult, ApiError>({
    queryKey: ['public-record-proof', shown.id, shown.version],
    queryFn: async ({ signal }) => {
      const [proof, key] = await Promise.all([fetchRecordProof(shown.id, signal), fetchLogPublicKey(signal)]);
      return checkRecordProof(shown, proof, key);
    },
    retry: false,
  });
  return (
    <section className="records-proof card" aria-labelledby="records-proof-heading">
      <h2 id="records-proof-heading">{t('proof.heading')}</h2>
      <p className="muted">{t('proof.explain')}</p>
      <div role="status" data-testid="proof-result">
        {isPending ? <p>{t('proof.checking')}</p> : null}
        {error ? <p className="records-proof-failed">{t('proof.unavailable', { detail: error.problem.detail })}</p> : null}
        {data?.ok ? (
          <p className="records-proof-ok" data-state="verified">
            {t('proof.verified', {
              leaf: number(data.leafIndex),
              size: number(data.treeSize),
              origin: data.origin,
            })}
          </p>
        ) : null}
        {data && !data.ok ? (
          <p className="records-proof-failed" data-state="failed">
            {t(`proof.failed.${data.failure}`)}
            {data.detail ? ` (${data.detail})` : ''}
          </p>
        ) : null}
      </div>
    </section>
  );
}

function CopyCitation({ citation }: { citation: string }) {
  const { t } = useTranslation('records');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  return (
    <div className="records-citation">
      <h2>{t('record.cite')}</h2>
      <p>
        <code data-testid="record-citation">{citation}</code>
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          navigator.clipboard.writeText(citation).then(
            () => setCopied('yes'),
            () => setCopied('failed'),
          )
        }
      >
        {t('record.copy')}
      </button>
      <span role="status" className="muted">
        {copied === 'yes' ? t('record.copied') : copied === 'failed' ? t('record.copyFailed') : ''}
      </span>
    </div>
  );
}

function Field({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function RecordView({ record, citation }: { record: PublicRecord; citation: string }) {
  const { t } = useTranslation('records');
  const locale = useLocale();
  const { day, utc, number } = useFormat();
  const yes = (v: boolean) => (v ? t('record.yes') : t('record.no'));
  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link to="/records">{t('record.back')}</Link>
        </p>
        <h1>
          {t('record.heading', { id: record.id })}
          {record.version > 1 ? <span className="badge">{t('record.version', { version: record.version })}</span> : null}
        </h1>
        <p className="lede">
          {record.authority.name} · {countryNameIn(record.country, locale)} · {label(t, 'requestKind', record.kind)}
        </p>
      </div>
      {record.correctionNote ? (
        <div className="alert" data-testid="record-correction">
          <p>{t('record.corrected', { note: record.correctionNote })}</p>
        </div>
      ) : null}
      {record.concernsChild ? <p className="alert">{t('record.concernsChild')}</p> : null}
      <dl className="records-fields">
        <Field name={t('field.authority')}>
          {record.authority.name} ({label(t, 'authorityKind', record.authority.kind)})
        </Field>
        <Field name={t('field.country')}>{countryNameIn(record.country, locale)}</Field>
        <Field name={t('field.regime')}>{record.regime?.name ?? t('record.none')}</Field>
        <Field name={t('field.legalBasis')}>
          <RedactedText text={record.legalBasis} />
        </Field>
        <Field name={t('field.received')}>{day(record.receivedOn)}</Field>
        <Field name={t('field.decided')}>{day(record.decidedOn)}</Field>
        <Field name={t('field.period')}>{periodNameIn(t, record.period)}</Field>
        <Field name={t('field.published')}>{utc(record.publishedAt)}</Field>
        {record.language ? <Field name={t('field.language')}>{record.language}</Field> : null}
        <Field name={t('field.courtChallenge')}>{yes(record.courtChallenge)}</Field>
        <Field name={t('field.publicInterest')}>{yes(record.publicInterest)}</Field>
      </dl>
      {record.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table records-items">
            <caption>{t('items.caption', { count: record.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('items.target')}</th>
                <th scope="col">{t('items.product')}</th>
                <th scope="col">{t('items.outcome')}</th>
                <th scope="col">{t('items.reason')}</th>
                <th scope="col">{t('items.scope')}</th>
              </tr>
            </thead>
            <tbody>
              {record.items.map((item) => (
                <tr key={item.position}>
                  <td className="num">{item.position}</td>
                  <td className="records-target">
                    <span className="muted">{label(t, 'targetKind', item.targetKind)}: </span>
                    {item.target === null ? <em>{t('items.withheld')}</em> : <RedactedText text={item.target} />}
                  </td>
                  <td>{item.product}</td>
                  <td>{item.outcome ? label(t, 'outcome', item.outcome) : t('items.undecided')}</td>
                  <td>{item.reason ?? '—'}</td>
                  <td>
                    {item.scope === null ? t('items.worldwide') : item.scope.map((c) => countryNameIn(c, locale)).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {record.accounts ? (
        <dl className="records-fields">
          <Field name={t('accounts.requested')}>{number(record.accounts.requested)}</Field>
          <Field name={t('accounts.disclosed')}>{number(record.accounts.disclosed)}</Field>
          <Field name={t('accounts.partly')}>{number(record.accounts.partly)}</Field>
          <Field name={t('accounts.refused')}>{number(record.accounts.refused)}</Field>
        </dl>
      ) : null}
      {record.summary ? (
        <section>
          <h2>{t('record.summary')}</h2>
          <p>
            <RedactedText text={record.summary} />
          </p>
        </section>
      ) : null}
      {record.caseStudy ? (
        <section>
          <h2>{t('record.caseStudy')}</h2>
          <p>
            <RedactedText text={record.caseStudy} />
          </p>
        </section>
      ) : null}
      <CopyCitation citation={citation} />
      <p className="records-feed-link">
        <a href={`/feeds/${record.country}.atom`} type="application/atom+xml">
          {t('feed.country', { country: countryNameIn(record.country, locale) })}
        </a>{' '}
        ·{' '}
        <a href="/feeds/records.atom" type="application/atom+xml">
          {t('feed.all')}
        </a>
      </p>
      <ProofCheck shown={record} />
    </>
  );
}

function TombstoneView({ tombstone }: { tombstone: PublicTombstone }) {
  const { t } = useTranslation('records');
  const { utc } = useFormat();
  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link to="/records">{t('record.back')}</Link>
        </p>
        <h1>{t('tombstone.heading', { id: tombstone.id })}</h1>
      </div>
      <div className="card records-tombstone" data-testid="record-tombstone">
        <p>{t('tombstone.withdrawnOn', { when: utc(tombstone.withdrawnAt) })}</p>
        <p>{t('tombstone.reason', { reason: tombstone.reason })}</p>
        <p className="muted">{t('tombstone.explain')}</p>
      </div>
      <ProofCheck shown={tombstone} />
    </>
  );
}

export function RecordPage() {
  const { t } = useTranslation('records');
  const { id = '' } = useParams();
  useDocumentTitle(t('record.title', { id }));
  const { data, error } = useQuery<Awaited<ReturnType<typeof fetchRecord>>, ApiError>({
    queryKey: ['public-record', id],
    queryFn: ({ signal }) => fetchRecord(id, signal),
    retry: false,
  });
  if (error?.problem.status === 404) return <NotFoundPage />;
  return (
    <section className="page records-record">
      {error ? <ProblemMessage error={error} /> : null}
      {!data && !error ? <Loading what={t('record.loading')} /> : null}
      {data?.status === 'published' ? <RecordView record={data.record} citation={data.citation} /> : null}
      {data?.status === 'withdrawn' ? <TombstoneView tombstone={data.tombstone} /> : null}
    </section>
  );
}
