/**
 * The elements a complete order carries, and what a regime says of the deadline's clock while the
 * platform waits for the authority to clarify. Closed lists: the rule-pack schema, the API and the
 * portal derive from them. Browser-safe (no imports).
 */

/** What an order may be required to contain (DSA Art. 9(2)/10(2), TCO Art. 3(4), platform practice). */
export const orderElements = [
  'legal_basis',
  'signer',
  'statement_of_reasons',
  'items',
  'product',
  'category',
  'territorial_scope',
  'redress',
  'language',
  'attachment',
] as const;
export type OrderElement = (typeof orderElements)[number];

/**
 * While an order waits for clarification, its deadline's clock `stops` (EU TCO Art. 3(8)), `runs`,
 * or the law is silent (`unspecified`: a platform setting decides, WRIT_CLARIFICATION_CLOCK).
 */
export const clarificationClocks = ['stops', 'runs', 'unspecified'] as const;
export type ClarificationClock = (typeof clarificationClocks)[number];

/** One missing element, and why it is required (the source quoted). */
export type MissingElement = { element: OrderElement; reason: string };

export const orderElementLabels: Record<OrderElement, string> = {
  legal_basis: 'the legal basis (law and article)',
  signer: 'the signer (name and position of the official who issued the order)',
  statement_of_reasons: 'a statement of reasons',
  items: 'the exact items (URLs, account or content ids)',
  product: 'the product of each item',
  category: 'the category of content claimed',
  territorial_scope: 'the territorial scope requested',
  redress: 'information on redress',
  language: 'the language of the order',
  attachment: 'the signed order as a file',
};
