/** One request: what the authority ordered, when it is due, its items and decisions, its history. */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { acceptsDecisions } from '../../../src/domain/request-lifecycle.js';
import { openStatuses } from '../../../src/domain/vocabulary.js';
import type { RequestDetail } from '../api.js';
import { DemoBadge, DemoBanner, Loading, ProblemMessage } from '../components/Feedback.js';
import { useDocumentTitle } from '../components/Layout.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { TimeLeftText } from '../components/TimeLeftText.js';
import { useFormat, useLocale, useTranslation } from '../i18n/index.js';
import { countryNameIn, label } from '../labels.js';
import { queries } from '../queries.js';
import { useNow } from '../time.js';
import { DeadlinePanel } from './DeadlinePanel.js';
import { DataRequestSection } from './data/DataRequestSection.js';
import { EnforcementPanel } from './enforcement/EnforcementPanel.js';
import { History } from './History.js';
import { ItemCard } from './ItemCard.js';
import { NoticesPanel } from './notices/NoticesPanel.js';
import { PublicationPanel } from './publication/PublicationPanel.js';
import { PushbackPanel } from './pushback/PushbackPanel.js';
import { BulkDecision } from './queue-work/BulkDecision.js';
import { ClaimPanel } from './queue-work/ClaimPanel.js';
import { StatusActions } from './StatusActions.js';
import { StagesSummary } from './stages/StagesSummary.js';
import { ThreadPanel } from './thread/ThreadPanel.js';
import { readerTimeZone } from './zoned-time.js';

/** An instant in UTC and, beneath it, in the authority's own time zone and the reader's (when another). */
function Instant({ iso, timeZone }: { iso: string; timeZone: string }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const local = format.instant(iso, timeZone);
  const readerZone = readerTimeZone();
  const yours = readerZone === timeZone || readerZone === 'UTC' ? null : format.instant(iso, readerZone);
  return (
    <>
      <time dateTime={iso}>{format.utc(iso)}</time>
      {local ? <span className="sub">{t('request.authorityTime', { time: local })}</span> : null}
      {yours ? <span className="sub">{t('request.yourTime', { time: yours })}</span> : null}
    </>
  );
}

function Header({ request, now }: { request: RequestDetail; now: Date }) {
  const { t } = useTranslation('review');
  const locale = useLocale();
  const format = useFormat();
  const open = openStatuses.includes(request.status);
  return (
    <>
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/review">{t('request.backToQueue')}</Link>
        </p>
        <h1>
          <span className="reference">{request.reference}</span> {request.isDemo ? <DemoBadge /> : null}
        </h1>
        <p className="lede">
          {t('request.kindOrder', { kind: label(t, 'requestKind', request.kind) })} ·{' '}
          <StatusBadge status={request.status} testId="request-status" />
        </p>
      </div>
      <dl className="facts card">
        <dt>{t('request.authority')}</dt>
        <dd>
          {request.authority.name}
          <span className="sub">
            {countryNameIn(request.authority.country, locale)} ({request.authority.country}) ·{' '}
            {label(t, 'authorityKind', request.authority.kind)}
          </span>
        </dd>
        {request.authorityReference ? (
          <>
            <dt>{t('request.authorityReference')}</dt>
            <dd>{request.authorityReference}</dd>
          </>
        ) : null}
        <dt>{t('request.legalBasis')}</dt>
        <dd className="legal-basis" lang={request.language ?? undefined}>
          {request.legalBasis}
        </dd>
        {request.statementOfReasons ? (
          <>
            <dt>{t('request.statementOfReasons')}</dt>
            <dd data-testid="request-statement">
              {request.language ? (
                <span className="sub" data-testid="request-language">
                  {t('request.inLanguage', { language: format.languageName(request.language) })}
                </span>
              ) : null}
              <blockquote className="quote original-text" lang={request.language ?? undefined}>
                {request.statementOfReasons}
              </blockquote>
            </dd>
          </>
        ) : null}
        <dt>{t('request.claimedCategories')}</dt>
        <dd>
          {request.claimedCategories.length ? (
            <ul className="chips">
              {request.claimedCategories.map((c) => (
                <li key={c} className="chip">
                  {c}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('request.noneStated')}</span>
          )}
        </dd>
        <dt>{t('request.channel')}</dt>
        <dd>{label(t, 'channel', request.channel)}</dd>
        <dt>{t('request.received')}</dt>
        <dd>
          <Instant iso={request.receivedAt} timeZone={request.authorityTimeZone} />
        </dd>
        <dt>{t('request.due')}</dt>
        <dd>
          <Instant iso={request.dueAt} timeZone={request.authorityTimeZone} />
          {open ? (
            <span className="sub">
              <TimeLeftText receivedAt={request.receivedAt} dueAt={request.dueAt} now={now} dueSoonAt={request.sla.dueSoonAt} />
            </span>
          ) : null}
          <span className="sub">
            <a href="#deadline-heading">{t('request.howDeadlineSet')}</a>
          </span>
        </dd>
        {request.decidedAt ? (
          <>
            <dt>{t('request.decided')}</dt>
            <dd>
              <time dateTime={request.decidedAt}>{format.utc(request.decidedAt)}</time>
            </dd>
          </>
        ) : null}
        <dt>{t('request.itemsDecided')}</dt>
        <dd data-testid="request-progress">
          {t('request.progress', { decided: request.decidedItemCount, count: request.itemCount })}
        </dd>
      </dl>
    </>
  );
}

export function RequestPage() {
  const { t } = useTranslation('review');
  const { id = '' } = useParams();
  const now = useNow();
  const { data: request, error } = useQuery(queries.request(id));
  useDocumentTitle(request ? request.reference : t('request.title'));

  // A request once shown stays shown when a later refresh fails.
  if (!request && error) {
    return (
      <section className="page">
        <p className="breadcrumb">
          <Link to="/review">{t('request.backToQueue')}</Link>
        </p>
        <ProblemMessage error={error} />
      </section>
    );
  }
  if (!request) return <Loading what={t('request.title')} />;

  const decidable = acceptsDecisions(request.status);
  return (
    <article className="page request-page" data-request-id={request.id}>
      {request.isDemo ? <DemoBanner>{t('request.demo')}</DemoBanner> : null}
      <Header request={request} now={now} />
      <DeadlinePanel request={request} now={now} />
      <ClaimPanel request={request} />

      <section className="section" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('request.status')}</h2>
        <StatusActions request={request} />
      </section>

      {request.dataRequest ? (
        <DataRequestSection request={{ ...request, dataRequest: request.dataRequest }} decidable={decidable} />
      ) : (
        <section className="section" aria-labelledby="items-heading">
          <h2 id="items-heading">
            {t('request.items')} <span className="count">({request.itemCount})</span>
          </h2>
          {!decidable && openStatuses.includes(request.status) ? (
            <p className="alert alert-info">{t('request.decideAgain')}</p>
          ) : null}
          <ol className="items">
            {request.items.map((item) => (
              <ItemCard key={item.id} request={request} item={item} decidable={decidable} />
            ))}
          </ol>
          {decidable ? <BulkDecision request={request} /> : null}
        </section>
      )}

      {request.dataRequest ? null : <StagesSummary request={request} />}
      {request.dataRequest ? null : <EnforcementPanel request={request} />}
      <NoticesPanel request={request} />
      <PushbackPanel request={request} />
      <PublicationPanel request={request} />
      <ThreadPanel request={request} />

      <History events={request.events} items={request.items} accounts={request.dataRequest?.accounts ?? []} />
    </article>
  );
}
