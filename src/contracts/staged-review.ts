/** Wire shapes of staged review (issue 12): findings, proposals, sign-offs, who acts next, review policies. */
import { z } from 'zod';
import { staffRoles } from '../domain/permissions.js';
import { reviewFindings, reviewStages, sensitiveTopics } from '../domain/review-vocabulary.js';
import { outcomes, reasons } from '../domain/vocabulary.js';
import { person, text } from './common.js';

export const findingInputSchema = z.object({
  stage: z.enum(reviewStages),
  finding: z.enum(reviewFindings).meta({ description: "One of the stage's findings (policy: violates_policy, no_violation; …)" }),
  note: text(5000).meta({ description: 'Why: the finding is recorded with it' }),
  reason: z.enum(reasons).optional().meta({ description: 'At the policy stage: the reason category the item is reviewed under' }),
  topics: z
    .array(z.enum(sensitiveTopics))
    .max(sensitiveTopics.length)
    .optional()
    .meta({ description: 'At the policy stage: sensitive topics the item touches (any makes it sensitive)' }),
});

export const signOffInputSchema = z.object({
  approve: z.boolean().meta({ description: 'true: the proposal becomes the decision; false: it is dropped' }),
  note: text(2000),
});

export const stageStepSchema = z.object({
  stage: z.enum(reviewStages),
  finding: z.enum(reviewFindings),
  note: z.string(),
  actor: person,
  at: z.string(),
});

export const proposalSchema = z.object({
  outcome: z.enum(outcomes),
  reason: z.enum(reasons),
  scopeCountries: z.array(z.string()).nullable(),
  rationale: z.string(),
  publicSummary: z.string().nullable(),
  publicInterest: z.boolean(),
  caseStudy: z.string().nullable(),
  proposedBy: person,
  proposedAt: z.string(),
});

export const nextSteps = [...reviewStages, 'decide', 'sign_off', 'done'] as const;

export const itemReviewSchema = z
  .object({
    reason: z.enum(reasons).nullable(),
    topics: z.array(z.enum(sensitiveTopics)),
    sensitive: z.boolean(),
    stages: z.array(stageStepSchema).meta({ description: 'Every finding in order; a later one for a stage supersedes' }),
    proposal: proposalSchema.nullable().meta({ description: 'A sensitive decision waiting for a second person' }),
    next: z.object({
      step: z.enum(nextSteps),
      roles: z.array(z.enum(staffRoles)).meta({ description: 'The roles that may act' }),
      notUserId: z.uuid().optional().meta({ description: 'Who may not act (the proposer, for a sign-off)' }),
    }),
  })
  .meta({ id: 'ItemReview' });

export const reviewPolicySchema = z
  .object({
    reason: z.enum(reasons),
    stages: z.array(z.enum(reviewStages)),
    sensitive: z.boolean(),
    custom: z.boolean().meta({ description: "false: the default for the category (no admin's setting)" }),
  })
  .meta({ id: 'ReviewPolicy' });

export const reviewPolicyInputSchema = z.object({
  stages: z.array(z.enum(reviewStages)).max(reviewStages.length),
  sensitive: z.boolean(),
});

export const reviewPolicyParams = z.object({ reason: z.enum(reasons) });
export const reviewPoliciesSchema = z.object({ policies: z.array(reviewPolicySchema) });
