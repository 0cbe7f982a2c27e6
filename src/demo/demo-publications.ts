/**
 * The demo's public records (issue 13): orders of Kazakhstan and Russia, in Russian, recorded,
 * decided and then published through the real publication workflow (src/app/publications.ts:
 * prepare → choices → approve → the sweep after the delay), so that `npm start` on a fresh clone
 * shows a public request database, a transparency log with a signed checkpoint and its proofs.
 *
 * Among them: one whose text is full of personal data that the proposals redact (and a name the
 * reviewer marks), one public-interest case study, one corrected after an appeal (version 2), one withdrawn (its
 * tombstone), one about a child (published with nothing about the child). Every name, number and
 * address here is invented; the IIN has a valid check digit only so that the proposals find it.
 */
import { createWrit } from '../app/context.js';
import {
  approvePublication,
  correctPublication,
  preparePublication,
  publishDue,
  savePublicationChoices,
  withdrawPublication,
} from '../app/publications.js';
import { signCheckpointIfGrown } from '../app/transparency-log.js';
import { type Config, loadConfig } from '../config.js';
import type { Db } from '../db/connection.js';
import { receiveRequest } from '../domain/intake.js';
import type { StaffRole } from '../domain/permissions.js';
import type { PolicyTargets } from '../domain/regimes/deadline-engine.js';
import type { RuleBook } from '../domain/regimes/rule-book.js';
import type { Outcome, Reason, RequestKind, TargetKind } from '../domain/vocabulary.js';
import { type DemoAuthority, demoReviewer } from './demo-data.js';
import { demoStaff } from './demo-staff.js';

export type DemoPublicationDecision = {
  outcome: Outcome;
  reason: Reason;
  rationale: string;
  publicSummary: string | null;
  publicInterest?: boolean;
  caseStudy?: string | null;
};

export type DemoPublication = {
  /** Key of an authority in demoAuthorities (src/demo/demo-data.ts). */
  authority: string;
  kind: RequestKind;
  /** Hours before the seeding moment that the record was published (the order came earlier by the delay and the review). */
  publishedHoursAgo: number;
  legalBasis: string;
  categories: string[];
  regime?: string;
  category?: string;
  reference: string;
  items: { targetKind: TargetKind; target: string; product: string; decision: DemoPublicationDecision }[];
  /** Names the reviewer marks: redacted wherever they occur. */
  markedNames?: string[];
  /** The first item's decision changed later, and version 2 published with this public note (hours after the first). */
  correction?: { afterHours: number; note: string; decision: DemoPublicationDecision };
  /** Withdrawn later with this public reason: its URL shows a tombstone. */
  withdrawal?: { afterHours: number; reason: string };
};

/** Personal data in the demo's texts, which no public surface may show (test/integration/demo-publications.test.ts). */
export const demoPersonalData = {
  name: 'Сейтказиев',
  iin: '850312300121',
  phone: '+7 701 555 12 34',
  email: 'a.seitkaziev@mail.example',
  address: 'ул. Абая, д. 10, кв. 5',
  childName: 'Алина Жумабаева',
} as const;

const pd = demoPersonalData;
const video = (id: string) => `https://video.example/watch/${id}`;
const post = (id: string) => `https://social.example/p/${id}`;

export const demoPublications: DemoPublication[] = [
  {
    // Personal data everywhere: the proposals find the phone, the email, the IIN and the address; the reviewer marks the name.
    authority: 'kz-police',
    kind: 'content_removal',
    publishedHoursAgo: 24 * 30,
    reference: 'АГП-2026/0915',
    legalBasis: `Уголовный кодекс РК, ст. 131 (оскорбление); заявление гражданина ${pd.name} Армана (ИИН ${pd.iin}, тел. ${pd.phone}, эл. почта ${pd.email}), проживающего: ${pd.address}`,
    categories: ['оскорбление'],
    markedNames: [pd.name],
    items: [
      {
        targetKind: 'url',
        target: video('kzInsult41'),
        product: 'Video',
        decision: {
          outcome: 'removed_legal',
          reason: 'Defamation',
          rationale: 'Ролик повторяет оскорбления, признанные судом; ограничен в Казахстане.',
          publicSummary: `Видео с оскорблениями в адрес заявителя (${pd.name}, тел. ${pd.phone}) ограничено для пользователей в Казахстане по решению суда.`,
        },
      },
    ],
  },
  {
    // A public-interest case study: the platform refused to remove a journalist's investigation.
    authority: 'kz-mic',
    kind: 'content_removal',
    publishedHoursAgo: 24 * 21,
    reference: 'МКИ-2026/3307',
    legalBasis: 'Закон РК «О масс-медиа», ст. 27 — распространение заведомо ложной информации',
    categories: ['ложная информация'],
    items: [
      {
        targetKind: 'url',
        target: video('kzRoads2026'),
        product: 'Video',
        decision: {
          outcome: 'no_action',
          reason: 'Government Criticism',
          rationale: 'Журналистское расследование о расходовании бюджета; нарушения закона не установлено.',
          publicSummary: 'Министерство требовало удалить журналистское расследование о ремонте дорог; платформа не приняла мер.',
          publicInterest: true,
          caseStudy:
            'Министерство потребовало удалить видеорасследование о ремонте дорог в Туркестанской области, назвав его ложной информацией. ' +
            'Расследование опирается на опубликованные сметы и акты приёмки; опровержения фактов в требовании не было. ' +
            'Платформа оставила видео доступным и сообщила министерству о возможности обратиться в суд.',
        },
      },
      {
        targetKind: 'url',
        target: post('55120931'),
        product: 'Posts',
        decision: {
          outcome: 'no_action',
          reason: 'Government Criticism',
          rationale: 'Пересказ того же расследования.',
          publicSummary: 'Министерство требовало удалить журналистское расследование о ремонте дорог; платформа не приняла мер.',
        },
      },
    ],
  },
  {
    // Corrected: after the author's appeal the platform restored the post; version 2 says so.
    authority: 'ru-rkn',
    kind: 'content_removal',
    publishedHoursAgo: 24 * 14,
    reference: 'РКН-2026/77-12',
    legalBasis:
      'Федеральный закон № 149-ФЗ «Об информации», ст. 15.3 — призывы к участию в несогласованных публичных мероприятиях',
    categories: ['несогласованные мероприятия'],
    items: [
      {
        targetKind: 'url',
        target: post('99012004'),
        product: 'Posts',
        decision: {
          outcome: 'removed_legal',
          reason: 'National Security',
          rationale: 'Ограничено только в России по требованию ведомства; во всём мире доступно.',
          publicSummary:
            'Публикация с приглашением на пикет ограничена для пользователей в России; в других странах она доступна.',
        },
      },
    ],
    correction: {
      afterHours: 30,
      note: 'Исправлено: после апелляции автора платформа пересмотрела решение и восстановила публикацию в России.',
      decision: {
        outcome: 'no_action',
        reason: 'National Security',
        rationale: 'Апелляция автора удовлетворена: мирный пикет, призывов к насилию нет.',
        publicSummary:
          'Публикация с приглашением на пикет сначала была ограничена в России, после апелляции автора восстановлена.',
      },
    },
  },
  {
    // Withdrawn: published by mistake, the order was cancelled; its URL shows a tombstone.
    authority: 'ru-prosecutor',
    kind: 'content_removal',
    publishedHoursAgo: 24 * 10,
    reference: 'ГП-2026/4410',
    legalBasis: 'Федеральный закон № 114-ФЗ «О противодействии экстремистской деятельности», ст. 13',
    categories: ['экстремистские материалы'],
    items: [
      {
        targetKind: 'url',
        target: video('ruArchive07'),
        product: 'Video',
        decision: {
          outcome: 'no_action',
          reason: 'Religious Offense',
          rationale: 'Материал не входит в федеральный список экстремистских материалов.',
          publicSummary: 'Прокуратура требовала удалить видеолекцию; платформа не приняла мер.',
        },
      },
    ],
    withdrawal: {
      afterHours: 48,
      reason: 'Запись опубликована по ошибке: требование было отозвано ведомством до решения платформы.',
    },
  },
  {
    // About a child: the category implies it, and the reviewer leaves it so; nothing about the child is published.
    authority: 'kz-mic',
    kind: 'content_removal',
    publishedHoursAgo: 24 * 7,
    reference: 'МКИ-2026/3512',
    regime: 'kz-2022-child-cyberbullying',
    category: 'child_cyberbullying',
    legalBasis: `Закон РК «Об онлайн-платформах и онлайн-рекламе», ст. 19 — кибербуллинг ребёнка (${pd.childName}, 12 лет)`,
    categories: ['кибербуллинг ребёнка'],
    // The legal basis is published even for a child's order: the reviewer marks the child's name there.
    markedNames: ['Алина', 'Жумабаев'],
    items: [
      {
        targetKind: 'account',
        target: '@alina_school_jokes',
        product: 'Profiles',
        decision: {
          outcome: 'removed_legal',
          reason: 'Bullying/Harassment',
          rationale: 'Аккаунт создан для травли ребёнка; ограничен в Казахстане.',
          publicSummary: `Аккаунт, созданный для травли школьницы ${pd.childName}, ограничен в Казахстане.`,
        },
      },
    ],
  },
  {
    // A plain one: Russia, a drug shop's posts removed under the platform's own rules.
    authority: 'ru-rkn',
    kind: 'content_removal',
    publishedHoursAgo: 24 * 3,
    reference: 'РКН-2026/81-03',
    legalBasis: 'Федеральный закон № 149-ФЗ «Об информации», ст. 15.1 — пропаганда наркотических средств',
    categories: ['наркотики'],
    items: [
      {
        targetKind: 'url',
        target: post('43007781'),
        product: 'Posts',
        decision: {
          outcome: 'removed_policy',
          reason: 'Drug Abuse',
          rationale: 'Продажа наркотиков нарушает правила платформы; удалено во всём мире.',
          publicSummary: 'Объявления о продаже наркотиков удалены по правилам платформы во всех странах.',
        },
      },
    ],
  },
];

/** What seeding the demo's publications needs from the demo seeding (src/demo/seed.ts). */
export type DemoPublicationPorts = {
  db: Db;
  /** The seeding moment: every record is published before it. */
  now: Date;
  rules: RuleBook;
  policy: PolicyTargets;
  authorities: readonly DemoAuthority[];
  authorityIds: ReadonlyMap<string, string>;
  /** The installation's settings (the delay, the log's origin and key); the defaults when absent. */
  config?: Config;
};

const hours = (n: number) => n * 3_600_000;

type Event = { at: Date; run: () => Promise<unknown> };

/**
 * Records, decides and publishes the demo publications through the publication use cases, each at
 * its own moment in the past (approval, then the configured delay, then the sweep), corrects and
 * withdraws the ones that say so, in time order so that the log reads as it happened; then signs a
 * checkpoint over the log (signCheckpointIfGrown). Returns how many records were published.
 */
export async function seedDemoPublications(ports: DemoPublicationPorts): Promise<number> {
  const config = ports.config ?? loadConfig({});
  let clock = ports.now;
  const writ = createWrit(ports.db, config, { now: () => clock, rules: ports.rules });
  const staff = async (email: string, role: StaffRole) => {
    const user = await writ.users.findCredentials(email);
    if (!user) throw new Error(`the demo account ${email} is missing`);
    return { id: user.id, name: user.name, role };
  };
  const reviewer = await staff(demoReviewer.email, 'reviewer');
  const lawyer = await staff(demoStaff.find((m) => m.role === 'legal')!.email, 'legal');
  const delay = hours(config.publishing.delayHours);
  const later: Event[] = [];

  for (const p of demoPublications) {
    const publishAt = new Date(ports.now.getTime() - hours(p.publishedHoursAgo));
    const approveAt = new Date(publishAt.getTime() - delay - hours(1));
    const decidedAt = new Date(approveAt.getTime() - hours(2));
    const receivedAt = new Date(decidedAt.getTime() - hours(6));
    const authority = ports.authorities.find((a) => a.key === p.authority)!;
    clock = receivedAt;
    const order = await receiveRequest(
      {
        kind: p.kind,
        authorityId: ports.authorityIds.get(p.authority)!,
        receivedAt,
        authorityTimeZone: authority.timeZone,
        legalBasis: p.legalBasis,
        claimedCategories: p.categories,
        channel: 'portal',
        authorityReference: p.reference,
        items: p.items.map(({ decision: _, ...item }) => item),
        isDemo: true,
        regimeId: p.regime ?? null,
        category: p.category ?? null,
        periodSetInOrderHours: null,
      },
      null,
      {
        now: () => ports.now,
        rules: ports.rules,
        policy: ports.policy,
        store: writ.requests.create,
        authorityCountry: async (id) => (await writ.authorities.find(id))?.country,
      },
    );
    clock = decidedAt;
    const decide = (itemId: string, { publicInterest = false, caseStudy = null, ...decision }: DemoPublicationDecision) =>
      writ.requests.decideItem(
        order.id,
        itemId,
        {
          ...decision,
          scopeCountries: decision.outcome === 'removed_legal' ? [authority.country] : null,
          publicInterest,
          caseStudy,
        },
        reviewer,
      );
    for (const [index, item] of p.items.entries()) await decide(order.items[index]!.id, item.decision);
    clock = approveAt;
    await chooseProposals(writ, reviewer, order.id, p.markedNames ?? []);
    await approvePublication(writ, reviewer, order.id);
    later.push({ at: publishAt, run: () => publishDue(writ) });
    const { correction, withdrawal } = p;
    if (correction) {
      later.push({
        at: new Date(publishAt.getTime() + hours(correction.afterHours)),
        run: async () => {
          await decide(order.items[0]!.id, correction.decision);
          await correctPublication(writ, reviewer, order.id, { note: correction.note });
        },
      });
    }
    if (withdrawal) {
      later.push({
        at: new Date(publishAt.getTime() + hours(withdrawal.afterHours)),
        run: () => withdrawPublication(writ, lawyer, order.id, { reason: withdrawal.reason }),
      });
    }
  }
  // The sweeps, corrections and withdrawals in time order: the log's leaves follow the calendar.
  let published = 0;
  for (const event of later.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    clock = event.at;
    const result = await event.run();
    if (typeof result === 'number') published += result;
  }
  clock = ports.now;
  // The log's first signed tree head, over every leaf above: what proofs and `writ verify` check against.
  await signCheckpointIfGrown(writ);
  return published;
}

/**
 * What a reviewer does in the redaction editor when the proposals are right: marks the names, then
 * accepts every span Writ proposes (the names' among them); the child switch stays as the category sets it.
 */
async function chooseProposals(
  writ: Parameters<typeof savePublicationChoices>[0],
  reviewer: Parameters<typeof savePublicationChoices>[1],
  requestId: string,
  markedNames: string[],
): Promise<void> {
  const first = await preparePublication(writ, reviewer, requestId);
  const named = await savePublicationChoices(writ, reviewer, requestId, {
    redactions: first.fields.flatMap((f) => f.chosen),
    markedNames,
    concernsChild: first.concernsChild,
  });
  await savePublicationChoices(writ, reviewer, requestId, {
    redactions: named.fields.flatMap((f) => f.proposed),
    markedNames,
    concernsChild: named.concernsChild,
  });
}
