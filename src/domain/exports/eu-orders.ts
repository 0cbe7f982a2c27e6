/**
 * Part 3 of the EU's harmonised transparency report (Commission Implementing Regulation (EU)
 * 2024/2835, Annex I, part_3_member_states_orders.csv): orders from Member States' authorities, with
 * the row layout and the counting rules of Annex II §1.2 (shared/reference/dsa-templates/annex2.txt):
 * counts are whole numbers and 0 where none was received (a Member State could have sent one); the
 * medians are in hours from the order's delivery, and blank where no order exists to take a median of;
 * an automated confirmation of receipt within one hour counts as 0.
 */
import type { HalfYear } from '../period.js';
import { dsaCategoryTree, notSpecifiedOrder } from './dsa-categories.js';
import { periodEnding, periodStarting } from './formats.js';

/** Header of part_3_member_states_orders.csv (20 columns). */
export const euOrdersHeader = [
  'Applicability',
  'Service',
  'Reporting period',
  'Category of illegal content',
  'Description of the sub-category "Other"',
  'Scope',
  'Number of orders to act against illegal content received',
  'Number of specific items of information included in the total number of orders to act against illegal content',
  'Median time to inform the authority of the receipt of the order to act against illegal content',
  'Median time to give effect to the order to act against illegal content',
  'Number of orders to provide information',
  'Median time to inform the authority of the receipt of the order to provide information',
  'Median time to give effect to the order to provide information',
  'Contextual information on number of orders to act against illegal content received',
  'Contextual information on number of specific items of information included in the total number of orders to act against illegal content',
  'Contextual information on Median time to inform the authority of the receipt of the order to act against illegal content',
  'Contextual information on Median time to give effect to the order to act against illegal content',
  'Contextual information on Number of orders to provide information',
  'Contextual information on Median time to inform the authority of the receipt of the order to provide information',
  'Contextual information on Median time to give effect to the order to provide information',
] as const;

/** The EU's 27 Member States (ISO codes); the template writes Greece as Eurostat does, EL. */
export const euMemberStates = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

/** A Member State's code as the template wants it (Eurostat's glossary: Greece is EL). */
export const eurostatCode = (iso: string) => (iso === 'GR' ? 'EL' : iso);

export const euOrdersFileName = (period: HalfYear) => `eu-part-3-member-states-orders-${period.year}-H${period.half}.csv`;

/** A row of the layout: which orders it counts. `keyword` null: the whole category (or TOTAL). */
export type EuLayoutRow = { scope: string; category: string | null; keyword: string | null; label: string };

/**
 * The rows of one scope in the template's order. The TOTAL block lists every keyword; the
 * template's Member State block ("AT, […], SE") leaves out KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE,
 * and so does this layout, so that each block is the template's.
 */
export function euScopeRows(scope: string): EuLayoutRow[] {
  const rows: EuLayoutRow[] = [{ scope, category: null, keyword: null, label: 'TOTAL' }];
  for (const [category, keywords] of dsaCategoryTree) {
    rows.push({ scope, category, keyword: null, label: category });
    for (const keyword of keywords) {
      if (scope !== 'TOTAL' && keyword === 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE') continue;
      rows.push({ scope, category, keyword, label: keyword });
    }
  }
  return rows;
}

/** TOTAL, then one block per Member State that sent an order in the period (the template's instruction). */
export function euLayout(states: readonly string[]): EuLayoutRow[] {
  return [...euScopeRows('TOTAL'), ...[...states].sort().flatMap((s) => euScopeRows(eurostatCode(s)))];
}

/** One decided order, reduced to what Part 3 counts. */
export type EuOrder = {
  /** ISO code of the issuing Member State. */
  country: string;
  type: 'act' | 'info';
  category: string;
  keyword: string | null;
  /** Writ's reason, which names the sub-category "Other" when the keyword is KEYWORD_OTHER. */
  reason: string | null;
  items: number;
  hoursToReceipt: number | null;
  hoursToEffect: number | null;
};

export function euRowCounts(row: EuLayoutRow, order: EuOrder): boolean {
  if (row.scope !== 'TOTAL' && eurostatCode(order.country) !== row.scope) return false;
  if (row.category === null) return true;
  if (order.category !== row.category) return false;
  return row.keyword === null || order.keyword === row.keyword;
}

/** Automated confirmations of receipt within one hour may be counted as zero (Annex II, column I and L). */
export function receiptHours(hours: number | null): number | null {
  return hours === null ? null : hours < 1 ? 0 : hours;
}

/** Hours as the template wants them: a number, two decimals at most; blank for no median. */
export function euHours(hours: number | null): string {
  if (hours === null) return '';
  return String(Math.round(hours * 100) / 100);
}

export type EuRowFigures = {
  actOrders: number;
  actItems: number;
  actReceipt: number | null;
  actEffect: number | null;
  infoOrders: number;
  infoReceipt: number | null;
  infoEffect: number | null;
  /** Writ's reasons counted in a KEYWORD_OTHER row: the sub-category's description. */
  otherReasons: string[];
};

export function euRow(period: HalfYear, service: string, row: EuLayoutRow, f: EuRowFigures): string[] {
  // Orders to provide information carry no category in Writ: they are counted under NOT_SPECIFIED_ORDER.
  const info = row.category === null || row.category === notSpecifiedOrder;
  return [
    'All',
    service,
    `${periodStarting(period)}/${periodEnding(period)}`,
    row.label,
    row.keyword === 'KEYWORD_OTHER' ? f.otherReasons.join('; ') : '',
    row.scope,
    String(f.actOrders),
    String(f.actItems),
    euHours(f.actReceipt),
    euHours(f.actEffect),
    info ? String(f.infoOrders) : '0',
    info ? euHours(f.infoReceipt) : '',
    info ? euHours(f.infoEffect) : '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ];
}
