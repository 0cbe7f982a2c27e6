/**
 * Fictional demo orders for user data (issue 11): every legal process, an emergency disclosure, a
 * preservation whose hold has expired and one that expires in the coming days, a request refused as
 * overbroad, non-disclosure orders, and a request where data was produced for one account of three.
 * Kazakhstan and Türkiye each get a full set in the current and in the previous half-year, so that
 * every figure of the user-data report is non-zero for both. Every name and account here is invented.
 */
import type {
  AccountIdentifierKind,
  DataCategory,
  DataRequestKind,
  EmergencyThreat,
  LegalProcess,
  ProductionExtent,
  RefusalReason,
} from '../domain/data-request.js';
import type { Channel } from '../domain/vocabulary.js';

/** The decision on one account; `producedCategories` only for `some`. */
export type DemoAccountDecision = {
  extent: ProductionExtent;
  producedCategories?: DataCategory[];
  refusalReason?: RefusalReason;
  legalBasis: string;
  rationale: string;
};

export type DemoAccount = {
  identifierKind: AccountIdentifierKind;
  identifier: string;
  /** An IP address's window of use, in hours before the order arrived. */
  windowHoursBefore?: [from: number, to: number];
  decision?: DemoAccountDecision;
};

export type DemoDataOrder = {
  authority: string;
  kind: DataRequestKind;
  /** Hours before the seeding moment that the order arrived. */
  hoursAgo: number;
  /**
   * The half-year the order belongs to whatever the day of seeding: an order whose `hoursAgo` falls
   * outside it is moved into it. Absent: exactly `hoursAgo` (an order whose timing matters, as a hold's expiry).
   */
  half?: 'current' | 'previous';
  channel: Channel;
  reference: string;
  legalBasis: string;
  claimedCategories: string[];
  regime?: string;
  category?: string;
  legalProcess: LegalProcess;
  accounts: DemoAccount[];
  categories: DataCategory[];
  /** The period of data asked for, in days before the order arrived. */
  periodDaysBefore?: [from: number, to: number];
  /** A non-disclosure order ending this many days after the order arrived. */
  nonDisclosureDays?: number;
  emergency?: { threat: EmergencyThreat; justification: string };
  /** How long after receipt the demo reviewers decided the accounts (default 6 h). */
  decidedAfterHours?: number;
  /**
   * A preservation whose hold expires this many days after the seeding moment (negative: already
   * expired): the order then arrives preservationDays before that, whatever `hoursAgo` says.
   */
  holdExpiresInDays?: number;
  /** A status to move to after the decisions (an order that waits for the authority's clarification). */
  finalStatus?: 'needs_clarification';
};

/** What differs between the countries: who asks, under which law, and how accounts look there. */
type CountrySet = {
  code: string;
  court: string;
  police: string;
  reference: (n: string) => string;
  basis: Record<LegalProcess, string>;
  user: (n: string) => string;
  email: (n: string) => string;
  phone: (n: string) => string;
  emergency: { authority: string; category?: string; regime?: string };
};

const kz: CountrySet = {
  code: 'KZ',
  court: 'kz-court',
  police: 'kz-police',
  reference: (n) => `ADP-D-2026-${n}`,
  basis: {
    search_warrant: 'Code of Criminal Procedure, Art. 252 — search sanctioned by the investigating judge',
    subpoena: 'Code of Criminal Procedure, Art. 122 — demand for information',
    court_order: 'Code of Criminal Procedure, Art. 232 — covert investigative action sanctioned by the court',
    mlat_request: 'Treaty on Mutual Legal Assistance in Criminal Matters, through the Prosecutor General’s Office',
    emergency_request: 'Code of Criminal Procedure, Art. 232 (urgent request)',
    preservation_request: 'Code of Criminal Procedure, Art. 125 — securing electronic evidence',
    other: 'Law on Operational-Search Activity, Art. 11',
  },
  user: (n) => `@almaty_${n}`,
  email: (n) => `${n}@mail.kz.example`,
  phone: (n) => `+7 701 555 ${n}`,
  emergency: { authority: 'kz-police', regime: 'kz-2023-online-platforms', category: 'threat_to_life' },
};

const tr: CountrySet = {
  code: 'TR',
  court: 'tr-court',
  police: 'tr-btk',
  reference: (n) => `2026/${n} Sor.`,
  basis: {
    search_warrant: 'Code of Criminal Procedure (CMK), Art. 134 — search of computers and records',
    subpoena: 'Code of Criminal Procedure (CMK), Art. 332 — request for information by the prosecutor',
    court_order: 'Law No. 5651, Art. 8 — decision of the criminal judgeship of peace',
    mlat_request: 'European Convention on Mutual Assistance in Criminal Matters (1959)',
    emergency_request: 'Code of Criminal Procedure (CMK), Art. 161 — urgent request of the public prosecutor',
    preservation_request: 'Budapest Convention, Art. 29; CMK Art. 134',
    other: 'Law No. 5651, Art. 8/A',
  },
  user: (n) => `@ist_${n}`,
  email: (n) => `${n}@posta.tr.example`,
  phone: (n) => `+90 532 555 ${n}`,
  emergency: { authority: 'tr-btk' },
};

const produced = (c: CountrySet, legalProcess: LegalProcess): DemoAccountDecision => ({
  extent: 'all',
  legalBasis: c.basis[legalProcess],
  rationale: 'Valid legal process for the accounts named; the data asked for is produced.',
});
const refused = (c: CountrySet, refusalReason: RefusalReason, rationale: string): DemoAccountDecision => ({
  extent: 'none',
  refusalReason,
  legalBasis: c.basis.court_order,
  rationale,
});
const overbroad = (c: CountrySet) =>
  refused(c, 'overbroad', 'Asks for every message of the account over five years; not limited to the offence investigated.');

/**
 * One country's data orders in one half-year: each legal process, an emergency, a preservation, a
 * refusal as overbroad, non-disclosure orders, and data produced for one account of three.
 */
function halfYearSet(c: CountrySet, half: 'current' | 'previous'): DemoDataOrder[] {
  const h = half === 'current' ? 0 : 1;
  // Previous half-year: about 200 days earlier, moved into that half-year when the day of seeding needs it.
  const ago = (hours: number) => hours + h * 24 * 200;
  const n = (k: number) => `${h + 1}${k}${c.code === 'KZ' ? 4 : 7}${h}`;
  const common = { half, channel: 'email' as Channel, claimedCategories: ['criminal investigation'] };
  return [
    {
      ...common,
      authority: c.court,
      kind: 'user_data',
      hoursAgo: ago(24 * 9),
      reference: c.reference(n(1)),
      legalBasis: c.basis.search_warrant,
      legalProcess: 'search_warrant',
      claimedCategories: ['fraud'],
      accounts: [
        { identifierKind: 'username', identifier: c.user(`deals_${n(1)}`), decision: produced(c, 'search_warrant') },
        {
          identifierKind: 'email',
          identifier: c.email(`seller${n(1)}`),
          decision: refused(c, 'account_not_found', 'No account is registered with this address.'),
        },
        { identifierKind: 'phone', identifier: c.phone(n(1)), decision: overbroad(c) },
      ],
      categories: ['subscriber_information', 'ip_and_sign_in_logs', 'stored_content'],
      periodDaysBefore: [180, 0],
      nonDisclosureDays: 180,
      decidedAfterHours: 30,
    },
    {
      ...common,
      authority: c.police,
      kind: 'user_data',
      hoursAgo: ago(24 * 12),
      reference: c.reference(n(2)),
      legalBasis: c.basis.subpoena,
      legalProcess: 'subpoena',
      accounts: [
        {
          identifierKind: 'username',
          identifier: c.user(`night_${n(2)}`),
          decision: {
            extent: 'some',
            producedCategories: ['subscriber_information'],
            refusalReason: 'no_valid_legal_process',
            legalBasis: c.basis.subpoena,
            rationale: 'A demand for information reaches subscriber information; sign-in logs need a court’s sanction.',
          },
        },
      ],
      categories: ['subscriber_information', 'ip_and_sign_in_logs'],
      periodDaysBefore: [90, 0],
    },
    {
      ...common,
      authority: c.court,
      kind: 'user_data',
      hoursAgo: ago(24 * 15),
      channel: 'post',
      reference: c.reference(n(3)),
      legalBasis: c.basis.court_order,
      legalProcess: 'court_order',
      claimedCategories: ['drug trafficking'],
      accounts: [
        { identifierKind: 'account_id', identifier: `10000${n(3)}`, decision: produced(c, 'court_order') },
        {
          identifierKind: 'ip_address',
          identifier: `203.0.113.${n(3).slice(0, 2)}`,
          windowHoursBefore: [72, 48],
          decision: produced(c, 'court_order'),
        },
      ],
      categories: ['subscriber_information', 'ip_and_sign_in_logs', 'metadata'],
      periodDaysBefore: [60, 10],
      nonDisclosureDays: 365,
    },
    {
      ...common,
      authority: c.court,
      kind: 'user_data',
      hoursAgo: ago(24 * 20),
      channel: 'post',
      reference: c.reference(n(4)),
      legalBasis: c.basis.mlat_request,
      legalProcess: 'mlat_request',
      claimedCategories: ['money laundering'],
      accounts: [{ identifierKind: 'email', identifier: c.email(`trade${n(4)}`), decision: produced(c, 'mlat_request') }],
      categories: ['subscriber_information', 'payment_information'],
      periodDaysBefore: [365, 30],
      decidedAfterHours: 72,
    },
    {
      ...common,
      authority: c.police,
      kind: 'user_data',
      hoursAgo: ago(24 * 5),
      reference: c.reference(n(5)),
      legalBasis: c.basis.other,
      legalProcess: 'other',
      accounts: [
        { identifierKind: 'username', identifier: c.user(`market_${n(5)}`), decision: produced(c, 'other') },
        {
          identifierKind: 'username',
          identifier: c.user(`market_${n(5)}_2`),
          decision: refused(c, 'no_valid_legal_process', 'The law cited does not reach data held by the platform abroad.'),
        },
      ],
      categories: ['subscriber_information'],
    },
    {
      ...common,
      authority: c.police,
      kind: 'user_data',
      hoursAgo: ago(24 * 3),
      reference: c.reference(n(6)),
      legalBasis: c.basis.court_order,
      legalProcess: 'court_order',
      claimedCategories: ['extremism'],
      accounts: [{ identifierKind: 'username', identifier: c.user(`voice_${n(6)}`), decision: overbroad(c) }],
      categories: ['stored_content', 'location', 'ip_and_sign_in_logs'],
      periodDaysBefore: [1825, 0],
    },
    {
      ...common,
      authority: c.emergency.authority,
      regime: c.emergency.regime,
      category: c.emergency.category,
      kind: 'emergency_disclosure',
      hoursAgo: ago(30),
      reference: c.reference(`EM-${n(7)}`),
      legalBasis: c.basis.emergency_request,
      legalProcess: 'emergency_request',
      claimedCategories: ['threat to life'],
      accounts: [{ identifierKind: 'username', identifier: c.user(`lost_${n(7)}`), decision: produced(c, 'emergency_request') }],
      categories: ['subscriber_information', 'location'],
      emergency: {
        threat: 'risk_of_death_or_serious_injury',
        justification: 'A missing teenager posted farewell messages last night; the last sign-in locates them.',
      },
      decidedAfterHours: 1,
    },
    {
      ...common,
      authority: c.police,
      kind: 'preservation',
      hoursAgo: ago(24 * 8),
      reference: c.reference(`P-${n(8)}`),
      legalBasis: c.basis.preservation_request,
      legalProcess: 'preservation_request',
      accounts: [
        { identifierKind: 'username', identifier: c.user(`cargo_${n(8)}`), decision: produced(c, 'preservation_request') },
        { identifierKind: 'phone', identifier: c.phone(n(8)), decision: produced(c, 'preservation_request') },
      ],
      categories: ['subscriber_information', 'stored_content'],
      nonDisclosureDays: 90,
    },
    {
      // Not decided yet: a fresh order waits in the queue; an older one waits for the authority's clarification.
      ...common,
      authority: c.police,
      kind: 'user_data',
      hoursAgo: ago(10),
      reference: c.reference(n(9)),
      legalBasis: c.basis.subpoena,
      legalProcess: 'subpoena',
      accounts: [
        { identifierKind: 'phone', identifier: c.phone(n(9)) },
        { identifierKind: 'email', identifier: c.email(`courier${n(9)}`) },
      ],
      categories: ['subscriber_information', 'device_information'],
      finalStatus: half === 'previous' ? 'needs_clarification' : undefined,
    },
  ];
}

/** Preservations whose holds' timing matters: one past its expiry (the job releases it), one expiring within days. */
const holdsThatExpire: DemoDataOrder[] = [
  {
    authority: 'kz-police',
    kind: 'preservation',
    hoursAgo: 24 * 101,
    holdExpiresInDays: -10,
    decidedAfterHours: 24,
    channel: 'email',
    reference: 'ADP-P-2026-0311',
    legalBasis: kz.basis.preservation_request,
    claimedCategories: ['fraud'],
    legalProcess: 'preservation_request',
    accounts: [{ identifierKind: 'username', identifier: '@steppe_invest_demo', decision: produced(kz, 'preservation_request') }],
    categories: ['subscriber_information', 'ip_and_sign_in_logs'],
  },
  {
    authority: 'tr-btk',
    kind: 'preservation',
    hoursAgo: 24 * 87,
    holdExpiresInDays: 4,
    decidedAfterHours: 24,
    channel: 'email',
    reference: '2026/1188 Kor.',
    legalBasis: tr.basis.preservation_request,
    claimedCategories: ['threats'],
    legalProcess: 'preservation_request',
    accounts: [
      { identifierKind: 'email', identifier: 'anonymous.voice@posta.tr.example', decision: produced(tr, 'preservation_request') },
    ],
    categories: ['subscriber_information', 'stored_content'],
  },
];

/** Orders from other countries: one waiting for a decision, one refused for want of legal process. */
const elsewhere: DemoDataOrder[] = [
  {
    authority: 'de-bka',
    kind: 'user_data',
    hoursAgo: 50,
    channel: 'post',
    reference: 'BKA-SO41-2026-0193',
    legalBasis: 'StPO § 100j; TDDDG § 24',
    claimedCategories: ['fraud investigation'],
    legalProcess: 'other',
    accounts: [{ identifierKind: 'username', identifier: '@crypto_gains_daily' }],
    categories: ['subscriber_information', 'ip_and_sign_in_logs'],
    periodDaysBefore: [120, 0],
  },
  {
    authority: 'kz-police',
    kind: 'emergency_disclosure',
    hoursAgo: 0.5,
    channel: 'email',
    reference: 'ADP-EM-2026-77',
    regime: 'kz-2023-online-platforms',
    category: 'threat_to_life',
    legalBasis: 'Code of Criminal Procedure, Art. 232 (urgent request)',
    claimedCategories: ['threat to life'],
    legalProcess: 'emergency_request',
    accounts: [{ identifierKind: 'username', identifier: '@lost_in_almaty_2011' }],
    categories: ['subscriber_information', 'location', 'ip_and_sign_in_logs'],
    emergency: {
      threat: 'child_safety',
      justification: 'A 14-year-old left home two hours ago after messages from this account; the family fears for her life.',
    },
  },
  {
    authority: 'ie-dpc',
    kind: 'user_data',
    hoursAgo: 24 * 90,
    channel: 'email',
    reference: 'DPC-IN-26-4-118',
    legalBasis: 'GDPR Art. 58(1)(a)',
    claimedCategories: ['privacy'],
    legalProcess: 'other',
    accounts: [
      {
        identifierKind: 'username',
        identifier: '@data_broker_demo',
        decision: {
          extent: 'none',
          refusalReason: 'other',
          legalBasis: 'GDPR Art. 58(1)(a); Data Protection Act 2018, s. 132',
          rationale: 'The order does not identify the account holder sufficiently; clarification requested.',
        },
      },
    ],
    categories: ['subscriber_information'],
  },
];

export const demoDataOrders: DemoDataOrder[] = [
  ...elsewhere,
  ...holdsThatExpire,
  ...halfYearSet(kz, 'current'),
  ...halfYearSet(tr, 'current'),
  ...halfYearSet(kz, 'previous'),
  ...halfYearSet(tr, 'previous'),
];
