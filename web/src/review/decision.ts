/**
 * The decision form's schema, derived from the API's: the countries an item is restricted in are
 * typed as text (`kz, de`) and go to the API as a list, and only for a legal restriction.
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

export const decisionFormSchema = adapted(
  decisionInputSchema.extend({ scopeCountries: z.string() }),
  ({ scopeCountries, ...decision }) => ({
    ...decision,
    scopeCountries: decision.outcome === 'removed_legal' ? parseCountries(scopeCountries) : null,
  }),
  decisionInputSchema,
);
