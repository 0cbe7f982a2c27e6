/**
 * The demo's pressure record (issue 15): the seed's story — Russian fines in 2020 and 2021,
 * Kazakhstan's shutdown of January 2022, and a fine for declined orders — told for the demo's
 * made-up platform. Every event is `demo: true`: the platform is not real, so neither is any
 * action against it. Each says in its description which real event it is modelled on and, where
 * the rule packs cite one, links the law's source; the amounts and dates of the real events follow
 * published accounts and are not verified here.
 */
import type { PressureInput } from '../app/pressure.js';

/** An event as seeded: orders named by the demo orders' authority references; the recent one dated from today. */
export type DemoPressure = Omit<PressureInput, 'orders' | 'announcedOn'> & {
  orders: string[];
  announcedOn: string | { daysAgo: number };
};

const none = { scope: null, region: null, reference: null, deadlineRuleId: null } as const;

export const demoPressure: DemoPressure[] = [
  {
    ...none,
    kind: 'fine',
    country: 'RU',
    authority: 'Tagansky District Court of Moscow (demo)',
    title: 'Fined RUB 4 million for not storing Russians’ personal data in Russia',
    description:
      'Demo, modelled on the fines Russian courts imposed on foreign platforms under the data-localisation law (the seed article: Facebook, RUB 4 million, 2020). The amount in US dollars uses a made-up rate.',
    announcedOn: '2020-11-26',
    inForceOn: null,
    endedOn: null,
    amount: '4000000',
    currency: 'RUB',
    reference: { currency: 'USD', rate: '0.0131', rateOn: '2020-11-26' },
    regimeId: 'ru-242',
    dutyId: 'data-localisation',
    status: 'paid',
    demo: true,
    sources: [
      {
        url: 'https://www.mondaq.com/russianfederation/data-protection/427224/multinationals-beware-new-russian-data-localisation-law-already-being-enforced',
        title: 'The law enforced (cited by the ru-242 rule pack)',
        quote: null,
        accessedOn: null,
      },
    ],
    orders: [],
  },
  {
    ...none,
    kind: 'court_judgment',
    country: 'RU',
    authority: 'Magistrate court, Moscow (demo)',
    title: 'Fined for not removing content Roskomnadzor ordered removed',
    description:
      'Demo, modelled on the December 2021 judgments of Moscow courts against Twitter, Meta and TikTok for not removing banned content (the seed article).',
    announcedOn: '2021-12-24',
    inForceOn: null,
    endedOn: null,
    amount: '3000000',
    currency: 'RUB',
    regimeId: 'ru-149',
    dutyId: null,
    deadlineRuleId: 'unified-register-removal',
    status: 'appealed',
    demo: true,
    sources: [],
    orders: [],
  },
  {
    ...none,
    kind: 'internet_shutdown',
    country: 'KZ',
    authority: 'Government of Kazakhstan (demo)',
    title: 'Nationwide internet shutdown during the January protests',
    description: 'Demo, modelled on the nationwide shutdown in Kazakhstan in January 2022 (the seed article). Dates approximate.',
    scope: 'national',
    announcedOn: '2022-01-05',
    inForceOn: '2022-01-05',
    endedOn: '2022-01-11',
    amount: null,
    currency: null,
    regimeId: null,
    dutyId: null,
    status: 'lifted',
    demo: true,
    sources: [],
    orders: [],
  },
  {
    ...none,
    kind: 'fine',
    country: 'KZ',
    authority: 'Ministry of Culture and Information (demo)',
    title: 'Fined for declining two removal orders about criticism of officials',
    description:
      'Demo: the platform declined two orders to remove commentary on public officials (no violation of local law found); the ministry fined it under the online-platforms law. The platform appealed.',
    announcedOn: { daysAgo: 12 },
    inForceOn: null,
    endedOn: null,
    amount: '2500000',
    currency: 'KZT',
    regimeId: 'kz-2023-online-platforms',
    dutyId: null,
    deadlineRuleId: 'authorised-body-request',
    status: 'appealed',
    demo: true,
    sources: [],
    orders: ['MCI-2026/3980', 'MCI-2026/1021'],
  },
];
