/**
 * The account decision form's schema, derived from the API's: the refusal reason's select is blank
 * for none (null to the API), and the categories produced go only with `some`.
 */
import { z } from 'zod';
import {
  accountDecisionInputSchema,
  accountDecisionSchema,
  dataRequestSchema,
  emergencyReviewInputSchema,
} from '../../../../src/contracts/data-requests.js';
import { adapted } from '../../components/form.js';

/** The closed lists the forms offer, as the API's schemas name them. */
export const productionExtents = accountDecisionSchema.shape.extent.options;
export const refusalReasons = accountDecisionSchema.shape.refusalReason.unwrap().options;
export const dataCategories = dataRequestSchema.shape.categories.element.options;
export const emergencyConclusions = emergencyReviewInputSchema.shape.conclusion.options;
export type DataCategory = (typeof dataCategories)[number];

export const accountDecisionFormSchema = adapted(
  accountDecisionInputSchema.extend({ refusalReason: z.union([z.enum(refusalReasons), z.literal('')]) }),
  ({ refusalReason, producedCategories, ...decision }) => ({
    ...decision,
    producedCategories: decision.extent === 'some' ? producedCategories : [],
    refusalReason: decision.extent === 'all' || refusalReason === '' ? null : refusalReason,
  }),
  accountDecisionInputSchema,
);
