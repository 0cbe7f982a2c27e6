/** The staff's calls of staged review (issue 12): a stage's finding, a sign-off, the review policies. */
import type { z } from 'zod';
import type {
  findingInputSchema,
  itemReviewSchema,
  reviewPoliciesSchema,
  reviewPolicyInputSchema,
  signOffInputSchema,
} from '../../../../src/contracts/staged-review.js';
import type { ReviewStage } from '../../../../src/domain/review-vocabulary.js';
import { type RequestDetail, request } from '../../api.js';

export type ItemReview = z.output<typeof itemReviewSchema>;
export type FindingInput = Omit<z.output<typeof findingInputSchema>, 'stage'>;
export type SignOffInput = z.output<typeof signOffInputSchema>;
export type ReviewPolicies = z.output<typeof reviewPoliciesSchema>;
export type ReviewPolicyInput = z.output<typeof reviewPolicyInputSchema>;

const itemPath = (id: string, itemId: string, tail: string) =>
  `/api/v1/requests/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}${tail}`;

export const stagesApi = {
  finding: (id: string, itemId: string, stage: ReviewStage, body: FindingInput) =>
    request<RequestDetail>('POST', itemPath(id, itemId, `/review/${stage}`), { body }),
  signOff: (id: string, itemId: string, body: SignOffInput) =>
    request<RequestDetail>('POST', itemPath(id, itemId, '/sign-off'), { body }),
  policies: (o: { signal?: AbortSignal } = {}) => request<ReviewPolicies>('GET', '/api/v1/admin/review-policies', o),
  savePolicy: (reason: string, body: ReviewPolicyInput) =>
    request<ReviewPolicies>('PUT', `/api/v1/admin/review-policies/${encodeURIComponent(reason)}`, { body }),
};

export const reviewPoliciesKey = ['admin', 'review-policies'] as const;
