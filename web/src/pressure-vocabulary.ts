/**
 * The pressure record (issue 15) as the pages need it: the domain's vocabulary (kinds, statuses,
 * scopes, which kinds carry money, last or have a scope), where an event sits on a half-year axis
 * (`timelineMarks`), the EU's member states (an EU regime applies in each), and the words for each
 * kind, status and scope in the UI's language. The wire types are in api.ts.
 * src/domain/pressure.ts and src/domain/exports/eu-orders.ts run in a browser (biome.json names them
 * among the browser-safe modules; test/unit/web-imports.test.ts walks every contract).
 */

import { euMemberStates } from '../../src/domain/exports/eu-orders.js';
import * as domain from '../../src/domain/pressure.js';
import type { TFunction } from './i18n/index.js';

export type PressureKind = domain.PressureKind;
export type PressureStatus = domain.PressureStatus;
export type ShutdownScope = domain.ShutdownScope;
export type TimelineMark = domain.TimelineMark;
export const { lastingKinds, moneyKinds, pressureKinds, pressureStatuses, shutdownKinds, shutdownScopes, timelineMarks } = domain;

export const isMoneyKind = (kind: string): boolean => (moneyKinds as readonly string[]).includes(kind);
export const isLastingKind = (kind: string): boolean => (lastingKinds as readonly string[]).includes(kind);
export const isShutdownKind = (kind: string): boolean => (shutdownKinds as readonly string[]).includes(kind);

/** Whether a regime of `jurisdiction` (a country, or EU for a union regime) can be the law of an event in `country`. */
export function regimeAppliesIn(regime: { jurisdiction: string; jurisdictionKind: string }, country: string): boolean {
  if (regime.jurisdiction === country) return true;
  return regime.jurisdictionKind === 'union' && (euMemberStates as readonly string[]).includes(country);
}

/** A kind in the UI's language: `fine` → `Fine`, `Штраф`, `Айыппұл`. */
export function pressureKindLabel(t: TFunction, kind: PressureKind): string {
  const labels: Record<PressureKind, string> = {
    fine: t('pressure:kind.fine'),
    court_judgment: t('pressure:kind.court_judgment'),
    blocking: t('pressure:kind.blocking'),
    throttling: t('pressure:kind.throttling'),
    app_store_ban: t('pressure:kind.app_store_ban'),
    advertising_ban: t('pressure:kind.advertising_ban'),
    data_localisation_enforcement: t('pressure:kind.data_localisation_enforcement'),
    internet_shutdown: t('pressure:kind.internet_shutdown'),
    service_shutdown: t('pressure:kind.service_shutdown'),
    staff_pressure: t('pressure:kind.staff_pressure'),
    other: t('pressure:kind.other'),
  };
  return labels[kind];
}

/** A status in the UI's language: `appealed` → `Appealed`. */
export function pressureStatusLabel(t: TFunction, status: PressureStatus): string {
  const labels: Record<PressureStatus, string> = {
    announced: t('pressure:status.announced'),
    appealed: t('pressure:status.appealed'),
    paid: t('pressure:status.paid'),
    overturned: t('pressure:status.overturned'),
    lifted: t('pressure:status.lifted'),
  };
  return labels[status];
}

export function shutdownScopeLabel(t: TFunction, scope: ShutdownScope): string {
  const labels: Record<ShutdownScope, string> = {
    national: t('pressure:scope.national'),
    regional: t('pressure:scope.regional'),
  };
  return labels[scope];
}

/** `4000000` in `KZT` → `KZT 4,000,000.00` in the UI's locale; the bare figure and code when Intl does not know the currency. */
export function moneyIn(
  format: { number: (n: number, o?: Intl.NumberFormatOptions) => string },
  amount: string,
  currency: string,
) {
  try {
    return format.number(Number(amount), { style: 'currency', currency, currencyDisplay: 'code' });
  } catch {
    return `${format.number(Number(amount), { maximumFractionDigits: 8 })} ${currency}`;
  }
}

/** The day an event begins on a time axis: when it took effect, else when it was announced. */
export const startDay = (e: { announcedOn: string; inForceOn: string | null }) => e.inForceOn ?? e.announcedOn;
