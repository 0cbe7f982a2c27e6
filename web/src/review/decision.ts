/**
 * The decision form's schema, derived from the API's: the countries an item is restricted in are
 * typed as text (`kz, de`) and go to the API as a list, and only for a legal restriction; the
 * public summary and case study are text controls, blank for none (null), the case study sent only
 * with public interest.
 */
import { z } from 'zod';
import { decisionInputSchema } from '../../../src/contracts/requests.js';
import { adapted } from '../components/form.js';

/** `kz, ru;by` → `['KZ', 'RU', 'BY']` */
export function parseCountries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

const blankIsNull = (text: string | undefined): string | null => (text?.trim() ? text : null);

export const decisionFormSchema = adapted(
  decisionInputSchema.extend({
    scopeCountries: z.string(),
    publicSummary: z.string().optional(),
    publicInterest: z.boolean().optional(),
    caseStudy: z.string().optional(),
  }),
  ({ scopeCountries, publicSummary, publicInterest, caseStudy, ...decision }) => ({
    ...decision,
    scopeCountries: decision.outcome === 'removed_legal' ? parseCountries(scopeCountries) : null,
    publicSummary: blankIsNull(publicSummary),
    publicInterest: publicInterest === true,
    caseStudy: publicInterest ? blankIsNull(caseStudy) : null,
  }),
  decisionInputSchema,
);
