/**
 * The review stages each reason category needs, and which are sensitive (issue 12): one row per
 * category (all of them, the defaults shown as such), its stages as checkboxes and its sensitive
 * flag, saved row by row by admins; other staff read it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { NavLink } from 'react-router-dom';
import { pages } from '../../../../src/contracts/pages.js';
import { type ReviewStage, reviewStages } from '../../../../src/domain/review-vocabulary.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { Frame } from '../../components/Layout.js';
import { useTranslation } from '../../i18n/index.js';
import type { ApiError } from '../../problem.js';
import { queries } from '../../queries.js';
import { type ReviewPolicies, reviewPoliciesKey, stagesApi } from '../../review/stages/stages-api.js';

type Policy = ReviewPolicies['policies'][number];

function PolicyRow({ policy, editable }: { policy: Policy; editable: boolean }) {
  const { t } = useTranslation('stages');
  const client = useQueryClient();
  const [stages, setStages] = useState<ReviewStage[]>(policy.stages);
  const [sensitive, setSensitive] = useState(policy.sensitive);
  const save = useMutation({
    mutationFn: () => stagesApi.savePolicy(policy.reason, { stages, sensitive }),
    onSuccess: (saved) => client.setQueryData(reviewPoliciesKey, saved),
  });
  const toggle = (stage: ReviewStage, on: boolean) =>
    setStages((current) => reviewStages.filter((s) => (s === stage ? on : current.includes(s))));
  const changed =
    sensitive !== policy.sensitive || stages.length !== policy.stages.length || stages.some((s) => !policy.stages.includes(s));
  return (
    <tr data-testid="review-policy-row" data-reason={policy.reason} data-custom={policy.custom ? 'true' : 'false'}>
      <th scope="row">{policy.reason}</th>
      {reviewStages.map((stage) => (
        <td key={stage}>
          <input
            type="checkbox"
            aria-label={t('policies.stageOf', { stage: t(`common:reviewStage.${stage}`), reason: policy.reason })}
            data-testid={`review-policy-stage-${stage}`}
            checked={stages.includes(stage)}
            disabled={!editable}
            onChange={(e) => toggle(stage, e.target.checked)}
          />
        </td>
      ))}
      <td>
        <input
          type="checkbox"
          aria-label={t('policies.sensitiveOf', { reason: policy.reason })}
          data-testid="review-policy-sensitive"
          checked={sensitive}
          disabled={!editable}
          onChange={(e) => setSensitive(e.target.checked)}
        />
      </td>
      <td data-testid="review-policy-source">{policy.custom ? t('policies.custom') : t('policies.default')}</td>
      <td>
        {editable ? (
          <button
            type="button"
            className="button button-small"
            data-testid="review-policy-save"
            disabled={!changed || save.isPending}
            onClick={() => save.mutate()}
          >
            {t('policies.save')}
          </button>
        ) : null}
        {save.error ? <ProblemMessage error={save.error as ApiError} /> : null}
      </td>
    </tr>
  );
}

export function ReviewPoliciesPage() {
  const { t } = useTranslation('stages');
  const session = useQuery(queries.session());
  const policies = useQuery({ queryKey: reviewPoliciesKey, queryFn: ({ signal }) => stagesApi.policies({ signal }) });
  const nav = (
    <>
      <NavLink to={pages.review}>{t('policies.navReview')}</NavLink>
      <NavLink to={pages.adminReviewPolicies}>{t('policies.title')}</NavLink>
    </>
  );
  const editable = session.data?.user.role === 'admin';
  return (
    <Frame nav={nav}>
      <h1>{t('policies.title')}</h1>
      <p>{t('policies.intro')}</p>
      {policies.error ? (
        <ProblemMessage error={policies.error as ApiError} />
      ) : !policies.data || !session.data ? (
        <Loading what={t('policies.title')} />
      ) : (
        <table className="table" data-testid="review-policies">
          <thead>
            <tr>
              <th scope="col">{t('policies.reason')}</th>
              {reviewStages.map((stage) => (
                <th key={stage} scope="col">
                  {t(`common:reviewStage.${stage}`)}
                </th>
              ))}
              <th scope="col">{t('policies.sensitive')}</th>
              <th scope="col">{t('policies.source')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('policies.save')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.data.policies.map((policy) => (
              <PolicyRow
                key={`${policy.reason}-${policy.stages.join()}-${policy.sensitive}-${policy.custom}`}
                policy={policy}
                editable={editable}
              />
            ))}
          </tbody>
        </table>
      )}
    </Frame>
  );
}
