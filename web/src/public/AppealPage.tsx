/** A user's appeal against a decision, with the token from their notice. (issue 12) */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { NoticeContentWire } from '../../../src/contracts/notices.js';
import { request } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import type { ApiError } from '../problem.js';

type PublicAppeal = {
  id: string;
  status: 'open' | 'upheld' | 'reversed';
  receivedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
};
type AppealState = { notice: { content: NoticeContentWire }; appeals: PublicAppeal[] };

export function AppealPage() {
  const { t } = useTranslation('appeal');
  const format = useFormat();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const client = useQueryClient();
  const key = ['public-appeal', token] as const;
  const state = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => request<AppealState>('GET', `/api/v1/public/appeals?token=${encodeURIComponent(token)}`, { signal }),
    enabled: token !== '',
    retry: false,
  });
  const [statement, setStatement] = useState('');
  const send = useMutation({
    mutationFn: () => request<PublicAppeal>('POST', '/api/v1/public/appeals', { body: { token, statement } }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const content = state.data?.notice.content;
  const open = state.data?.appeals.some((a) => a.status === 'open') ?? false;
  return (
    <main className="container" data-testid="appeal-page">
      <h1>{t('title')}</h1>
      {token === '' ? <p>{t('noToken')}</p> : null}
      {state.error ? <ProblemMessage error={state.error as ApiError} /> : null}
      {content ? (
        <section className="section">
          <p data-testid="appeal-what">{whatText(t, content)}</p>
          <p>{t('authority', { name: content.authority.name, country: content.authority.country })}</p>
          <p>{t('legalBasis', { basis: content.legalBasis.order })}</p>
        </section>
      ) : null}
      {state.data?.appeals.map((a) => (
        <p key={a.id} data-testid="appeal-status" data-status={a.status}>
          {statusText(t, a.status, format.utc(a.receivedAt))}
          {a.decisionNote ? ` ${a.decisionNote}` : ''}
        </p>
      ))}
      {content && !open ? (
        <form
          data-testid="appeal-form"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <label>
            {t('statement')}
            <textarea name="statement" rows={6} value={statement} onChange={(e) => setStatement(e.target.value)} />
          </label>
          {send.error ? <ProblemMessage error={send.error as ApiError} /> : null}
          <button type="submit" className="btn" disabled={send.isPending}>
            {t('submit')}
          </button>
        </form>
      ) : null}
    </main>
  );
}

function whatText(t: TFunction, c: NoticeContentWire): string {
  if (c.restricted)
    return c.restricted.outcome === 'removed_policy'
      ? t('appeal:removedEverywhere', { target: c.restricted.target })
      : t('appeal:restrictedIn', { target: c.restricted.target, countries: (c.restricted.scopeCountries ?? []).join(', ') });
  return t('appeal:disclosed', { account: c.disclosed?.identifier ?? '' });
}

function statusText(t: TFunction, status: PublicAppeal['status'], time: string): string {
  switch (status) {
    case 'open':
      return t('appeal:status.open', { time });
    case 'upheld':
      return t('appeal:status.upheld', { time });
    default:
      return t('appeal:status.reversed', { time });
  }
}
