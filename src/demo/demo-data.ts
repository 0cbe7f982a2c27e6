/**
 * Fictional but realistic demo data: authorities of several countries (Kazakhstan among them)
 * and the removal orders they send (orders for user data: demo-data-requests.ts). Every name here
 * is invented; nothing is a real order.
 */
import type { CoverageMetric } from '../domain/regimes/vocabulary.js';
import type { AuthorityKind, Channel, Outcome, Reason, RequestKind, TargetKind } from '../domain/vocabulary.js';

export const demoReviewer = { email: 'reviewer@writ.example', name: 'Demo Reviewer', password: 'writ-demo' };

export type DemoAuthority = { key: string; country: string; name: string; kind: AuthorityKind; timeZone: string };

export const demoAuthorities: DemoAuthority[] = [
  {
    key: 'kz-mic',
    country: 'KZ',
    name: 'Ministry of Culture and Information (demo)',
    kind: 'communications_regulator',
    timeZone: 'Asia/Almaty',
  },
  { key: 'kz-police', country: 'KZ', name: 'Almaty City Police Department (demo)', kind: 'police', timeZone: 'Asia/Almaty' },
  {
    key: 'kz-court',
    country: 'KZ',
    name: 'Specialised Inter-District Court of Astana (demo)',
    kind: 'court',
    timeZone: 'Asia/Almaty',
  },
  {
    key: 'ru-rkn',
    country: 'RU',
    name: 'Federal Service for Supervision of Communications (demo)',
    kind: 'communications_regulator',
    timeZone: 'Europe/Moscow',
  },
  {
    key: 'ru-prosecutor',
    country: 'RU',
    name: "Prosecutor General's Office (demo)",
    kind: 'prosecutor',
    timeZone: 'Europe/Moscow',
  },
  {
    key: 'tr-btk',
    country: 'TR',
    name: 'Information and Communication Technologies Authority (demo)',
    kind: 'communications_regulator',
    timeZone: 'Europe/Istanbul',
  },
  {
    key: 'tr-court',
    country: 'TR',
    name: 'Istanbul Criminal Judgeship of Peace (demo)',
    kind: 'court',
    timeZone: 'Europe/Istanbul',
  },
  {
    key: 'in-meity',
    country: 'IN',
    name: 'Ministry of Electronics and IT, Blocking Committee (demo)',
    kind: 'other_executive',
    timeZone: 'Asia/Kolkata',
  },
  { key: 'de-bka', country: 'DE', name: 'Federal Criminal Police Office (demo)', kind: 'police', timeZone: 'Europe/Berlin' },
  { key: 'br-tse', country: 'BR', name: 'Superior Electoral Court (demo)', kind: 'court', timeZone: 'America/Sao_Paulo' },
  {
    key: 'ie-dpc',
    country: 'IE',
    name: 'Data Protection Commission (demo)',
    kind: 'data_protection_authority',
    timeZone: 'Europe/Dublin',
  },
];

export type DemoDecision = { outcome: Outcome; reason: Reason; rationale: string };

export type DemoRequest = {
  authority: string;
  kind: RequestKind;
  /** Hours before the seeding moment that the order arrived. */
  hoursAgo: number;
  legalBasis: string;
  categories: string[];
  /** The rule pack regime and its category (rules/*.yaml), which set the deadline; none: a policy deadline. */
  regime?: string;
  category?: string;
  periodSetInOrderHours?: number;
  channel: Channel;
  reference: string;
  items: { targetKind: TargetKind; target: string; product: string; decision?: DemoDecision }[];
  /** How long after receipt the demo reviewers decided the items (default 6 h). */
  decidedAfterHours?: number;
  /** A status to move to after the decisions, when the request should not stay where decisions leave it. */
  finalStatus?: 'needs_clarification' | 'closed' | 'withdrawn';
};

const video = (id: string) => `https://video.example/watch/${id}`;
const post = (id: string) => `https://social.example/p/${id}`;

const nationalSecurityNoAction: DemoDecision = {
  outcome: 'no_action',
  reason: 'Government Criticism',
  rationale: 'Commentary on public officials; no violation of local law identified and protected as political speech.',
};
const cyberbullyingRemoved: DemoDecision = {
  outcome: 'removed_legal',
  reason: 'Bullying/Harassment',
  rationale: 'Targets a named minor; unlawful under the cited provision. Restricted in the requesting country.',
};

export const demoRequests: DemoRequest[] = [
  // Open orders, waiting in the reviewer queue.
  {
    authority: 'kz-mic',
    kind: 'content_removal',
    hoursAgo: 3,
    channel: 'portal',
    reference: 'MCI-2026/4471',
    regime: 'kz-2022-child-cyberbullying',
    category: 'child_cyberbullying',
    legalBasis: 'Law on Online Platforms and Online Advertising (2023), Art. 19 — cyberbullying of a child',
    categories: ['cyberbullying of a child'],
    items: [
      { targetKind: 'url', target: video('kz7Qh2mXa'), product: 'Video' },
      { targetKind: 'url', target: post('88120445'), product: 'Posts' },
      { targetKind: 'account', target: '@school_rumours_kz', product: 'Profiles' },
    ],
  },
  {
    authority: 'kz-mic',
    kind: 'content_removal',
    hoursAgo: 20,
    channel: 'api',
    reference: 'MCI-2026/4402',
    regime: 'kz-2023-online-platforms',
    category: 'false_information',
    legalBasis: 'Law on Mass Media, Art. 7 — dissemination of false information',
    categories: ['false information', 'national security'],
    items: [
      { targetKind: 'url', target: video('Rk2v9Lm0d'), product: 'Video' },
      { targetKind: 'url', target: video('Wq8z1Tn4e'), product: 'Video' },
    ],
  },
  {
    authority: 'ru-rkn',
    kind: 'content_removal',
    hoursAgo: 30,
    channel: 'portal',
    reference: '7-1-2026/91833',
    regime: 'ru-149',
    category: 'riots_extremism_unauthorised_rallies_fakes',
    legalBasis: 'Federal Law 149-FZ, Art. 15.3',
    categories: ['unauthorised public events', 'false information'],
    items: [
      { targetKind: 'url', target: post('71554002'), product: 'Posts' },
      { targetKind: 'url', target: post('71554019'), product: 'Posts' },
      { targetKind: 'url', target: video('Ru5pX0a1c'), product: 'Video' },
      { targetKind: 'account', target: '@navalny_archive_demo', product: 'Profiles' },
    ],
  },
  {
    authority: 'tr-btk',
    kind: 'content_removal',
    hoursAgo: 6,
    channel: 'email',
    reference: 'BTK-2026-118204',
    regime: 'tr-5651',
    category: 'administrative_order_art_8a',
    legalBasis: 'Law No. 5651, Art. 8/A',
    categories: ['national security', 'public order'],
    items: [{ targetKind: 'url', target: post('60011872'), product: 'Posts' }],
  },
  {
    authority: 'in-meity',
    kind: 'content_removal',
    hoursAgo: 1,
    channel: 'portal',
    reference: 'MeitY/69A/2026/5521',
    regime: 'in-it-rules',
    category: 'government_or_court_order',
    legalBasis: 'IT Act 2000, s. 69A; Blocking Rules 2009',
    categories: ['public order', 'sovereignty and integrity of India'],
    items: [
      { targetKind: 'account', target: '@kisan_voice_demo', product: 'Profiles' },
      { targetKind: 'url', target: video('In3aB7x9q'), product: 'Video' },
    ],
  },
  {
    authority: 'br-tse',
    kind: 'content_removal',
    hoursAgo: 10,
    channel: 'portal',
    reference: 'TSE-REP-0600412-2026',
    regime: 'br-stf-2025',
    category: 'court_order',
    periodSetInOrderHours: 24,
    legalBasis: 'Resolução TSE nº 23.610/2019, art. 9-C',
    categories: ['electoral disinformation'],
    items: [
      { targetKind: 'url', target: video('Br0u2Nq5w'), product: 'Short video' },
      { targetKind: 'url', target: video('Br0u2Nq5x'), product: 'Short video' },
    ],
  },
  {
    authority: 'tr-court',
    kind: 'content_removal',
    hoursAgo: 70,
    channel: 'post',
    reference: '2026/4471 D.İş',
    regime: 'tr-5651',
    category: 'court_decision_unlawful_content',
    legalBasis: 'Law No. 5651, Art. 9 — violation of personal rights',
    categories: ['defamation'],
    items: [{ targetKind: 'url', target: post('59900311'), product: 'Posts' }],
    finalStatus: 'needs_clarification',
  },

  // Decided orders, which the public reports count.
  {
    authority: 'kz-mic',
    kind: 'content_removal',
    hoursAgo: 24 * 40,
    channel: 'portal',
    reference: 'MCI-2026/3980',
    regime: 'kz-2023-online-platforms',
    category: 'national_security',
    legalBasis: 'Law on Online Platforms and Online Advertising (2023), Art. 19',
    categories: ['national security'],
    items: [
      { targetKind: 'url', target: video('Ax1'), product: 'Video', decision: nationalSecurityNoAction },
      { targetKind: 'url', target: video('Ax2'), product: 'Video', decision: nationalSecurityNoAction },
      {
        targetKind: 'url',
        target: video('Ax3'),
        product: 'Video',
        decision: { outcome: 'content_not_found', reason: 'National Security', rationale: 'URL resolves to no content.' },
      },
    ],
    finalStatus: 'closed',
  },
  {
    authority: 'kz-mic',
    kind: 'content_removal',
    hoursAgo: 24 * 35,
    channel: 'portal',
    reference: 'MCI-2026/4012',
    regime: 'kz-2022-child-cyberbullying',
    category: 'child_cyberbullying',
    legalBasis: 'Law on Online Platforms and Online Advertising (2023), Art. 19 — cyberbullying of a child',
    categories: ['cyberbullying of a child'],
    items: [
      { targetKind: 'url', target: post('77001'), product: 'Posts', decision: cyberbullyingRemoved },
      { targetKind: 'url', target: post('77002'), product: 'Posts', decision: cyberbullyingRemoved },
    ],
  },
  {
    authority: 'kz-court',
    kind: 'content_removal',
    hoursAgo: 24 * 60,
    channel: 'post',
    reference: '7199-26-00-2/1123',
    legalBasis: 'Civil Code, Art. 143 — protection of honour and dignity',
    categories: ['defamation'],
    items: [
      {
        targetKind: 'url',
        target: video('Ct9'),
        product: 'Video',
        decision: {
          outcome: 'removed_legal',
          reason: 'Defamation',
          rationale: 'Final court judgment finding the statements false; restricted in KZ only.',
        },
      },
    ],
    finalStatus: 'closed',
  },
  {
    authority: 'ru-rkn',
    kind: 'content_removal',
    hoursAgo: 24 * 45,
    channel: 'portal',
    reference: '7-1-2026/80011',
    decidedAfterHours: 40,
    regime: 'ru-149',
    category: 'riots_extremism_unauthorised_rallies_fakes',
    legalBasis: 'Federal Law 149-FZ, Art. 15.3',
    categories: ['false information about the armed forces'],
    items: [
      { targetKind: 'url', target: post('66001'), product: 'Posts', decision: nationalSecurityNoAction },
      {
        targetKind: 'url',
        target: post('66002'),
        product: 'Posts',
        decision: {
          outcome: 'removed_policy',
          reason: 'Violence',
          rationale: 'Graphic violence without context; violates platform terms worldwide.',
        },
      },
    ],
    finalStatus: 'closed',
  },
  {
    authority: 'kz-mic',
    kind: 'content_removal',
    hoursAgo: 24 * 200,
    channel: 'api',
    reference: 'MCI-2026/1021',
    legalBasis: 'Law on Mass Media, Art. 7',
    categories: ['government criticism'],
    items: [
      { targetKind: 'url', target: video('Hx1'), product: 'Video', decision: nationalSecurityNoAction },
      {
        targetKind: 'url',
        target: video('Hx2'),
        product: 'Video',
        decision: {
          outcome: 'content_already_removed',
          reason: 'Government Criticism',
          rationale: 'Removed by the uploader before review.',
        },
      },
    ],
    finalStatus: 'closed',
  },
];

/**
 * The platform's user figures in the metric each law uses (fictional): Kazakhstan above the
 * 100,000 threshold since mid-January 2026, Türkiye approaching its 1,000,000, India well above
 * 5,000,000 registered users, Pakistan below its threshold.
 */
export type DemoFigure = { country: string; metric: CoverageMetric; value: number; daysAgo: number; note: string };

export const demoFigures: DemoFigure[] = [
  { country: 'KZ', metric: 'avg_daily_users_over_month', value: 92_000, daysAgo: 120, note: 'demo: analytics, December average' },
  { country: 'KZ', metric: 'avg_daily_users_over_month', value: 120_000, daysAgo: 90, note: 'demo: analytics, monthly average' },
  { country: 'TR', metric: 'daily_accesses', value: 870_000, daysAgo: 30, note: 'demo: CDN logs, daily accesses from TR' },
  { country: 'IN', metric: 'registered_users', value: 7_400_000, daysAgo: 60, note: 'demo: accounts registered in IN' },
  { country: 'PK', metric: 'users', value: 210_000, daysAgo: 45, note: 'demo: monthly users in PK' },
  { country: 'RU', metric: 'daily_users', value: 310_000, daysAgo: 30, note: 'demo: RKN counter' },
];
