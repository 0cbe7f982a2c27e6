/** Pressure events for tests (src/app/pressure.ts): a plain Kazakh fine, linked to nothing. */
import type { PressureInput } from '../../src/app/pressure.js';

/** A fine announced in Kazakhstan on 2026-04-02, with one source; `overrides` replace top-level fields. */
export const sampleFine = (overrides: Partial<PressureInput> = {}): PressureInput => ({
  kind: 'fine',
  country: 'KZ',
  authority: 'Ministry of Culture and Information',
  title: 'Fined for declining two orders',
  description: null,
  scope: null,
  region: null,
  announcedOn: '2026-04-02',
  inForceOn: null,
  endedOn: null,
  amount: '2500000',
  currency: 'KZT',
  reference: null,
  regimeId: null,
  dutyId: null,
  deadlineRuleId: null,
  status: 'announced',
  demo: false,
  sources: [{ url: 'https://gov.example/kz/decision-1', title: null, quote: null, accessedOn: null }],
  orders: [],
  ...overrides,
});
