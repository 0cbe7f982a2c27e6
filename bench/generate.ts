/**
 * The bench's data, from a fixed seed: 20 countries with authorities of several kinds, 10
 * half-years (2020-H1 to 2024-H2, more orders in later ones), orders of every kind with 1 to 100
 * items (most have one, a few have a hundred), products, decisions on most items, and statuses that
 * leave about half of the orders open (mostly the recent ones): decided and closed orders with
 * decided_at before or after due_at, some withdrawn. Rows come out as COPY text, a chunk at a time,
 * so that 10 M items never sit in memory at once.
 */
import { policyDefaultDeadline } from '../src/domain/deadline.js';
import { defaultPolicyHours } from '../src/domain/regimes/deadline-engine.js';
import type { RequestKind } from '../src/domain/vocabulary.js';
import type { Random } from './prng.js';

export const seed = 20_240_901;

export type Country = { code: string; timeZone: string; regime: string | null; weight: number };
export type Authority = { id: string; country: string; name: string; kind: string; timeZone: string };
export type World = { countries: Country[]; authorities: Authority[]; periods: string[] };

const countries: Country[] = [
  { code: 'TR', timeZone: 'Europe/Istanbul', regime: 'tr-5651', weight: 18 },
  { code: 'RU', timeZone: 'Europe/Moscow', regime: 'ru-149', weight: 15 },
  { code: 'IN', timeZone: 'Asia/Kolkata', regime: 'in-it-rules', weight: 10 },
  { code: 'BR', timeZone: 'America/Sao_Paulo', regime: 'br-stf-2025', weight: 8 },
  { code: 'KZ', timeZone: 'Asia/Almaty', regime: 'kz-2023-online-platforms', weight: 6 },
  { code: 'DE', timeZone: 'Europe/Berlin', regime: 'de-netzdg', weight: 6 },
  { code: 'PK', timeZone: 'Asia/Karachi', regime: 'pk-2021', weight: 5 },
  { code: 'VN', timeZone: 'Asia/Ho_Chi_Minh', regime: 'vn-147', weight: 5 },
  { code: 'ID', timeZone: 'Asia/Jakarta', regime: 'id-mr5', weight: 5 },
  { code: 'GB', timeZone: 'Europe/London', regime: 'gb-osa', weight: 4 },
  { code: 'US', timeZone: 'America/New_York', regime: null, weight: 4 },
  { code: 'FR', timeZone: 'Europe/Paris', regime: 'eu-dsa', weight: 3 },
  { code: 'AU', timeZone: 'Australia/Sydney', regime: 'au-osa', weight: 3 },
  { code: 'KR', timeZone: 'Asia/Seoul', regime: null, weight: 2 },
  { code: 'JP', timeZone: 'Asia/Tokyo', regime: null, weight: 1.5 },
  { code: 'MX', timeZone: 'America/Mexico_City', regime: null, weight: 1.5 },
  { code: 'IT', timeZone: 'Europe/Rome', regime: 'eu-dsa', weight: 1 },
  { code: 'ES', timeZone: 'Europe/Madrid', regime: 'eu-dsa', weight: 1 },
  { code: 'NG', timeZone: 'Africa/Lagos', regime: 'ng-code', weight: 0.5 },
  { code: 'UA', timeZone: 'Europe/Kyiv', regime: null, weight: 0.5 },
];

const authorityKinds = [
  ['court', 4],
  ['police', 3],
  ['prosecutor', 2],
  ['communications_regulator', 3],
  ['other_executive', 1],
  ['data_protection_authority', 1],
] as const;

const requestKinds = [
  ['content_removal', 70],
  ['user_data', 20],
  ['preservation', 6],
  ['emergency_disclosure', 4],
] as const;
const channels = [
  ['portal', 40],
  ['api', 30],
  ['email', 25],
  ['post', 5],
] as const;
const products = [
  ['Video', 30],
  ['Search', 25],
  ['Blogger', 10],
  ['Maps', 8],
  ['Photos', 6],
  ['Ads', 6],
  ['Play', 5],
  ['Drive', 4],
  ['Gmail', 3],
  ['Shopping', 3],
] as const;
const outcomes = [
  ['removed_legal', 35],
  ['removed_policy', 15],
  ['no_action', 25],
  ['not_enough_information', 12],
  ['content_not_found', 8],
  ['content_already_removed', 5],
] as const;
const reasons = [
  ['Defamation', 20],
  ['Government Criticism', 12],
  ['National Security', 10],
  ['Privacy and Security', 10],
  ['Hate Speech', 8],
  ['Copyright', 6],
  ['Obscenity/Nudity', 5],
  ['Fraud', 5],
  ['Religious Offense', 4],
  ['Violence', 4],
  ['Electoral Law', 3],
  ['Impersonation', 3],
  ['Drug Abuse', 2],
  ['Regulated Goods and Services', 2],
  ['Bullying/Harassment', 2],
  ['Other', 2],
  ['Reason Unspecified', 2],
] as const;
const dueHours = [24, 48, 72, 168, 240] as const;

export function buildWorld(random: Random): World {
  const authorities: Authority[] = [];
  for (const country of countries) {
    const count = random.int(4, 8);
    for (let i = 0; i < count; i++) {
      const kind = i < authorityKinds.length ? authorityKinds[i]![0] : random.weighted(authorityKinds);
      authorities.push({
        id: random.uuid(),
        country: country.code,
        name: `Bench ${kind.replaceAll('_', ' ')} ${i + 1}`,
        kind,
        timeZone: country.timeZone,
      });
    }
  }
  const periods: string[] = [];
  for (let year = 2020; year <= 2024; year++) periods.push(`${year}-H1`, `${year}-H2`);
  return { countries, authorities, periods };
}

/** COPY text: tab-separated, \N for null, backslash, tab and line breaks escaped. */
export function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
    : value;
}
const row = (values: (string | number | boolean | null)[]) => `${values.map(copyValue).join('\t')}\n`;

/**
 * COPY text gathered in a growing Buffer: appending to one long string would make millions of
 * rope nodes that live as long as the chunk, and the garbage collector would spend most of the time
 * on them.
 */
export class CopyText {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  /** Appends ASCII text (every generated value is ASCII). */
  add(text: string): void {
    if (this.length + text.length > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length, 'latin1');
  }
  /** The text so far (a view; the CopyText is not used after this). */
  take(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

export const requestColumns = [
  'id',
  'kind',
  'authority_id',
  'received_at',
  'authority_time_zone',
  'legal_basis',
  'channel',
  'authority_reference',
  'status',
  'due_at',
  'due_basis',
  'regime_id',
  'deadline_basis',
  'decided_at',
  'created_at',
  'updated_at',
] as const;
export const itemColumns = ['id', 'request_id', 'position', 'target_kind', 'target', 'product', 'created_at'] as const;
export const decisionColumns = [
  'item_id',
  'outcome',
  'reason',
  'scope_countries',
  'rationale',
  'decided_by',
  'decided_at',
] as const;

export type Chunk = {
  requests: Buffer;
  items: Buffer;
  decisions: Buffer;
  requestCount: number;
  itemCount: number;
  decisionCount: number;
};

/** Items per order: 80% one, 12% 2–5, 5.5% 6–20, 2% 21–99, 0.5% a hundred (mean ≈ 3.6). */
export function itemsPerOrder(random: Random): number {
  const r = random.next();
  if (r < 0.8) return 1;
  if (r < 0.92) return random.int(2, 5);
  if (r < 0.975) return random.int(6, 20);
  if (r < 0.995) return random.int(21, 99);
  return 100;
}

/** The first instant of a half-year ('2024-H2') and of the next one, in UTC. */
function halfYearBounds(period: string): [number, number] {
  const year = Number(period.slice(0, 4));
  const month = period.endsWith('1') ? 0 : 6;
  return [Date.UTC(year, month, 1), Date.UTC(year, month + 6, 1)];
}
const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3_600_000;

const openStatuses = [
  ['received', 6],
  ['in_review', 3],
  ['needs_clarification', 1],
] as const;
const doneStatuses = [
  ['decided', 60],
  ['closed', 32],
  ['withdrawn', 8],
] as const;

/** Status by how recent the half-year is: the last three mostly open, the first five mostly decided. */
function statusFor(random: Random, periodIndex: number): string {
  const open = periodIndex >= 7 ? 0.85 : periodIndex >= 5 ? 0.5 : 0.08;
  return random.weighted(random.chance(open) ? openStatuses : doneStatuses);
}

/** Share of a request's items decided, by status. */
const decidedShare: Record<string, number> = {
  received: 0,
  in_review: 0.5,
  needs_clarification: 0.2,
  decided: 1,
  closed: 1,
  withdrawn: 0.3,
};

/**
 * Orders until `totalItems` items are made, as COPY text for requests, items and decisions,
 * `chunkItems` items (whole orders) at a time. `reviewerId` decides every decided item.
 */
export function* generateChunks(
  world: World,
  random: Random,
  totalItems: number,
  reviewerId: string,
  chunkItems = 50_000,
): Generator<Chunk> {
  const byCountry = new Map<string, Authority[]>();
  for (const a of world.authorities) byCountry.set(a.country, [...(byCountry.get(a.country) ?? []), a]);
  const countryChoices = world.countries.map((c) => [c, c.weight] as const);
  const periodChoices = world.periods.map((_, i) => [i, 1 + 0.25 * i] as const);
  let made = 0;
  let sequence = 0;
  while (made < totalItems) {
    const requests = new CopyText();
    const items = new CopyText();
    const decisions = new CopyText();
    let requestCount = 0;
    let itemCount = 0;
    let decisionCount = 0;
    while (itemCount < chunkItems && made < totalItems) {
      sequence++;
      const country = random.weighted(countryChoices);
      const authorities = byCountry.get(country.code)!;
      const authority = authorities[Math.min(authorities.length - 1, Math.floor(random.next() ** 2 * authorities.length))]!;
      const periodIndex = random.weighted(periodChoices);
      const [start, end] = halfYearBounds(world.periods[periodIndex]!);
      const receivedAt = Math.floor((start + random.next() * (end - start)) / 1000) * 1000;
      const kind = random.weighted(requestKinds);
      const status = statusFor(random, periodIndex);
      const underLaw = country.regime !== null && random.chance(0.6);
      const hours = underLaw ? random.pick(dueHours) : defaultPolicyHours[kind];
      const dueAt = receivedAt + hours * hour;
      // Decided within the deadline about 80% of the time: a log-normal share of the time allowed.
      const decidedAt =
        status === 'decided' || status === 'closed'
          ? receivedAt + Math.max(60_000, Math.round(hours * hour * Math.exp(-0.4 + 0.55 * gaussian(random))))
          : null;
      const requestId = random.uuid();
      const n = Math.min(itemsPerOrder(random), totalItems - made);
      // Every value here is free of tabs, line breaks and backslashes, so it goes into COPY text as it is.
      const received = iso(receivedAt);
      const reference = random.chance(0.7) ? `${country.code}/${2020 + Math.floor(periodIndex / 2)}/${sequence}` : '\\N';
      const dueBasis = underLaw ? `law: ${hours} h under ${country.regime}` : `policy: ${hours} h after receipt for ${kind}`;
      const decided = decidedAt === null ? '\\N' : iso(decidedAt);
      requests.add(
        `${requestId}\t${kind}\t${authority.id}\t${received}\t${authority.timeZone}\tBench legal basis ${country.code}-${sequence % 40}` +
          `\t${random.weighted(channels)}\t${reference}\t${status}\t${iso(dueAt)}\t${dueBasis}\t${underLaw ? country.regime : '\\N'}` +
          `\t${underLaw ? 'law' : 'policy'}\t${decided}\t${received}\t${decidedAt === null ? received : decided}\n`,
      );
      const product = random.weighted(products);
      const reason = random.weighted(reasons);
      const share = decidedShare[status]!;
      const decisionAt = decidedAt === null ? iso(receivedAt + hour) : decided;
      const scope = `{${country.code}}`;
      const target = `https://example.org/${country.code.toLowerCase()}/${sequence}/`;
      for (let position = 0; position < n; position++) {
        const itemId = random.uuid();
        const itemProduct = random.chance(0.85) ? product : random.weighted(products);
        items.add(`${itemId}\t${requestId}\t${position}\turl\t${target}${position}\t${itemProduct}\t${received}\n`);
        // An open order keeps its last item undecided: with none left, the lifecycle would have decided it.
        const open = share < 1 && status !== 'withdrawn';
        if (share > 0 && (share === 1 || (random.chance(share) && !(open && position === n - 1)))) {
          const outcome = random.weighted(outcomes);
          const itemReason = random.chance(0.85) ? reason : random.weighted(reasons);
          decisions.add(
            `${itemId}\t${outcome}\t${itemReason}\t${outcome === 'removed_legal' ? scope : '\\N'}\tBench decision\t${reviewerId}\t${decisionAt}\n`,
          );
          decisionCount++;
        }
      }
      requestCount++;
      itemCount += n;
      made += n;
    }
    yield { requests: requests.take(), items: items.take(), decisions: decisions.take(), requestCount, itemCount, decisionCount };
  }
}

function gaussian(random: Random): number {
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** The body of one POST /api/v1/requests, as the batch endpoint takes it in `orders`. */
export type Order = {
  kind: RequestKind;
  authorityId: string;
  authorityTimeZone: string;
  legalBasis: string;
  claimedCategories: string[];
  channel: string;
  authorityReference: string;
  items: { targetKind: 'url'; target: string; product: string }[];
  /** A data order's part (issue 11): it names accounts, which count as its items, and has no items. */
  dataRequest?: {
    legalProcess: string;
    accounts: { identifierKind: 'username'; identifier: string }[];
    categories: string[];
    emergency?: { threat: string; justification: string };
  };
};

/** The data part of a bench data order of `kind` naming `accounts` accounts. */
function benchDataPart(kind: RequestKind, accounts: number, tag: string): NonNullable<Order['dataRequest']> {
  return {
    legalProcess:
      kind === 'emergency_disclosure' ? 'emergency_request' : kind === 'preservation' ? 'preservation_request' : 'court_order',
    accounts: Array.from({ length: accounts }, (_, i) => ({ identifierKind: 'username' as const, identifier: `${tag}/${i}` })),
    categories: ['subscriber_information'],
    ...(kind === 'emergency_disclosure'
      ? { emergency: { threat: 'risk_of_death_or_serious_injury', justification: 'Bench emergency' } }
      : {}),
  };
}

/** `calls` batch calls of 1,000 items each, in orders of `perOrder` items, from the world's authorities. */
export function intakeOrders(world: World, random: Random, label: string, perOrder: number, calls: number): Order[][] {
  const batches: Order[][] = [];
  for (let c = 0; c < calls; c++) {
    const orders: Order[] = [];
    for (let o = 0; o < 1000 / perOrder; o++) {
      const authority = random.pick(world.authorities);
      const kind = random.weighted(requestKinds);
      const items = Array.from({ length: perOrder }, (_, i) => ({
        targetKind: 'url' as const,
        target: `https://example.org/intake/${label}/${c}/${o}/${i}`,
        product: random.weighted(products),
      }));
      const data = kind !== 'content_removal';
      orders.push({
        kind,
        authorityId: authority.id,
        authorityTimeZone: authority.timeZone,
        legalBasis: `Bench legal basis ${authority.country}-${o % 40}`,
        claimedCategories: [],
        channel: random.weighted(channels),
        authorityReference: `${label}/${c}/${o}`,
        // A data order names accounts in place of items (as many: they count alike toward a batch).
        items: data ? [] : items,
        ...(data ? { dataRequest: benchDataPart(kind, perOrder, `${label}/${c}/${o}`) } : {}),
      });
    }
    batches.push(orders);
  }
  return batches;
}

export const intakeRequestColumns = [
  'id',
  'kind',
  'authority_id',
  'received_at',
  'authority_time_zone',
  'legal_basis',
  'claimed_categories',
  'channel',
  'authority_reference',
  'due_at',
  'due_basis',
  'deadline_basis',
  'is_demo',
  'created_by',
] as const;
export const intakeItemColumns = ['request_id', 'position', 'target_kind', 'target', 'product'] as const;
export const eventColumns = ['request_id', 'type', 'actor_id', 'at', 'after'] as const;

/**
 * The rows the batch endpoint writes for these orders (request, items, a request_received event),
 * as COPY text, for the baseline: COPY of the same rows into the same tables.
 */
export function intakeRows(
  orders: Order[],
  random: Random,
  actorId: string,
  now: Date,
): { requests: string; items: string; events: string } {
  let requests = '';
  let items = '';
  let events = '';
  for (const order of orders) {
    const id = random.uuid();
    const deadline = policyDefaultDeadline(order.kind, now);
    const dueAt = deadline.dueAt.toISOString();
    const dueBasis = deadline.dueBasis;
    requests += row([
      id,
      order.kind,
      order.authorityId,
      now.toISOString(),
      order.authorityTimeZone,
      order.legalBasis,
      '{}',
      order.channel,
      order.authorityReference,
      dueAt,
      dueBasis,
      'policy',
      false,
      actorId,
    ]);
    order.items.forEach((item, position) => {
      items += row([id, position, item.targetKind, item.target, item.product]);
    });
    events += row([
      id,
      'request_received',
      actorId,
      now.toISOString(),
      JSON.stringify({
        kind: order.kind,
        channel: order.channel,
        items: order.items.length,
        dueAt,
        dueBasis,
        regimeId: null,
        category: null,
        deadlineRuleId: null,
        deadlineRuleVersion: null,
      }),
    ]);
  }
  return { requests, items, events };
}
