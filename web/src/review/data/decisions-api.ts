/** The reviewer's calls for data orders' decisions (issue 11): an account's decision and an emergency's post-hoc review. */
import type { z } from 'zod';
import type {
  accountDecisionInputSchema,
  emergencyReviewInputSchema,
  followUpProcessInputSchema,
} from '../../../../src/contracts/data-requests.js';
import { type RequestDetail, request } from '../../api.js';

export type AccountDecisionInput = z.output<typeof accountDecisionInputSchema>;
export type EmergencyReviewInput = z.output<typeof emergencyReviewInputSchema>;
export type FollowUpProcessInput = z.output<typeof followUpProcessInputSchema>;

const enc = encodeURIComponent;

export const decisionsApi = {
  decideAccount: (id: string, accountId: string, decision: AccountDecisionInput) =>
    request<RequestDetail>('PUT', `/api/v1/requests/${enc(id)}/accounts/${enc(accountId)}/decision`, { body: decision }),
  recordEmergencyReview: (id: string, review: EmergencyReviewInput) =>
    request<RequestDetail>('POST', `/api/v1/requests/${enc(id)}/emergency-review`, { body: review }),
  linkFollowUp: (id: string, followUp: FollowUpProcessInput) =>
    request<RequestDetail>('POST', `/api/v1/requests/${enc(id)}/emergency-review/follow-up`, { body: followUp }),
};
