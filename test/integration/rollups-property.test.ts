/**
 * The rollups stay exact (issue 9, item 1). Random sequences of what reviewers and authorities do,
 * through the use cases (src/app): orders received (a few countries, every authority and request
 * kind, 1–5 items, receipts across half-years and on their boundaries, demo or not, under a regime
 * where one applies), items decided and decisions changed, status changes (withdrawals, closing,
 * reopening, asking for clarification) and deadlines recomputed (or moved through the repository,
 * decided requests' too). After each sequence every country-period's report, deadline figures,
 * index line and timeline series read from the rollups equal the GROUP BY over the base tables
 * (checkRollups), and rebuilding the rollups from scratch leaves every rollup sum as it was. Refused actions (a transition the lifecycle forbids, a regime
 * not yet in force) are part of the mix: they must change nothing.
 *
 * On failure fast-check prints the seed and path: pass them as `{ seed, path }` in fc.assert's
 * options to replay the sequence.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { decideAccount } from '../../src/app/account-decisions.js';
import { createWrit, type Writ } from '../../src/app/context.js';
import { changeStatus, decideItem } from '../../src/app/decisions.js';
import { receiveOrder, recomputeDeadline } from '../../src/app/requests.js';
import { loadConfig } from '../../src/config.js';
import { checkRollups } from '../../src/db/rollup-check.js';
import { rebuildRollups } from '../../src/db/rollups.js';
import {
  type AccountDecisionInput,
  type DataRequestKind,
  type DataRequestParticulars,
  isDataRequestKind,
  processesFor,
} from '../../src/domain/data-request.js';
import type { RequestDeadline, StoredDeadline } from '../../src/domain/deadline.js';
import { WritError } from '../../src/domain/errors.js';
import type { Actor, DecisionInput } from '../../src/domain/request.js';
import { allowedTransitions } from '../../src/domain/request-lifecycle.js';
import {
  type AuthorityKind,
  authorityKinds,
  outcomes,
  type RequestKind,
  type RequestStatus,
  requestKinds,
} from '../../src/domain/vocabulary.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const HOUR = 3_600_000;

type Frame = { regimeId: string | null; category: string | null };
const noRegime: Frame = { regimeId: null, category: null };
/**
 * Per country, the legal frames an order may name beside none: a regime of the country's (or the
 * EU's) and a category, with the request kinds it sets deadlines for. A frame's regime may not be in
 * force at the receipt time drawn: intake refuses that order, which is one more refusal to survive.
 */
const frames: Record<string, (Frame & { kinds: readonly RequestKind[] })[]> = {
  KZ: [
    { regimeId: 'kz-2023-online-platforms', category: null, kinds: ['content_removal', 'user_data', 'preservation'] },
    { regimeId: 'kz-2023-online-platforms', category: 'threat_to_life', kinds: ['emergency_disclosure'] },
    { regimeId: 'kz-2022-child-cyberbullying', category: 'child_cyberbullying', kinds: ['content_removal'] },
  ],
  DE: [
    { regimeId: 'de-netzdg', category: 'manifestly_unlawful_content', kinds: ['content_removal'] },
    { regimeId: 'eu-dsa', category: null, kinds: ['content_removal', 'user_data', 'preservation'] },
  ],
  RU: [{ regimeId: 'ru-149', category: 'unified_register_content', kinds: ['content_removal'] }],
  TR: [{ regimeId: 'tr-5651', category: 'court_decision_unlawful_content', kinds: ['content_removal'] }],
};
/** The `choice`th of the frames (none included) that set a deadline for this kind of request in this country. */
function frameFor(country: string, kind: RequestKind, choice: number): Frame {
  const fitting = [noRegime, ...frames[country]!.filter((f) => f.kinds.includes(kind))];
  const { regimeId, category } = fitting[choice % fitting.length]!;
  return { regimeId, category };
}
const countries = Object.keys(frames);
const timeZones = ['UTC', 'Asia/Almaty', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
// Few products and reasons, and two spellings of one product, so that the primary product and reason often tie.
const products = ['Video', 'Posts', 'Profiles', 'video'];
const reasons = ['Defamation', 'Fraud', 'Hate Speech', 'National Security'] as const;

/** Receipt instants: the edges of half-years (the last millisecond of one, the first of the next), and anywhere between. */
const edges = ['2023-06-30T23:59:59.999Z', '2023-07-01T00:00:00.000Z', '2023-12-31T23:59:59.999Z', '2024-01-01T00:00:00.000Z']
  .concat(['2024-06-30T23:59:59.999Z', '2024-07-01T00:00:00.000Z', '2024-12-31T23:59:59.999Z', '2025-01-01T00:00:00.000Z'])
  .map((at) => new Date(at).getTime());
const receivedAt = fc.oneof(
  fc.constantFrom(...edges),
  fc.integer({ min: Date.parse('2023-01-01T00:00:00Z'), max: Date.parse('2025-12-31T23:59:59.999Z') }),
);
/** How long after receipt something happens: on a deadline's edge (1, 24, 72 hours), or anywhere in ten days. */
const after = fc.oneof(
  fc.constantFrom(0, HOUR - 1, HOUR, HOUR + 1, 24 * HOUR, 24 * HOUR + 1, 72 * HOUR),
  fc.integer({ min: 0, max: 240 * HOUR }),
);

const intake = fc.record({
  op: fc.constant('intake' as const),
  country: fc.constantFrom(...countries),
  authorityKind: fc.constantFrom(...authorityKinds),
  kind: fc.constantFrom(...requestKinds),
  products: fc.array(fc.constantFrom(...products), { minLength: 1, maxLength: 5 }),
  receivedAt,
  timeZone: fc.constantFrom(...timeZones),
  demo: fc.boolean(),
  frame: fc.nat(),
});
/** A reviewer deciding some items of an order (a decided item's decision changes), or all of them in order. */
const decide = fc.record({
  op: fc.constant('decide' as const),
  request: fc.nat(),
  whole: fc.boolean(),
  decisions: fc.array(fc.record({ item: fc.nat(), outcome: fc.constantFrom(...outcomes), reason: fc.constantFrom(...reasons) }), {
    minLength: 1,
    maxLength: 5,
  }),
  after,
});
const status = fc.record({ op: fc.constant('status' as const), request: fc.nat(), to: fc.nat(), after });
const recompute = fc.record({ op: fc.constant('recompute' as const), request: fc.nat(), frame: fc.nat(), after });
/**
 * A deadline moved (and its regime dropped, or not) through the repository, whatever the request's
 * status: the domain recomputes only open requests' deadlines, which no report figure depends on,
 * but the repository keeps the rollups whatever it is asked to store.
 */
const move = fc.record({
  op: fc.constant('move deadline' as const),
  request: fc.nat(),
  decidedOnly: fc.boolean(),
  /** From the decision when there is one (just before it, at it, just after, or hours either way), else from the deadline. */
  by: fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -48 * HOUR, max: 48 * HOUR })),
  dropRegime: fc.boolean(),
  after,
});
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Step = Of<typeof intake> | Of<typeof decide> | Of<typeof status> | Of<typeof recompute> | Of<typeof move>;
/** A sequence starts with an order, so that what follows has something to act on. */
const steps = fc
  .tuple(
    intake,
    fc.array(
      fc.oneof(
        { arbitrary: intake, weight: 3 },
        { arbitrary: decide, weight: 6 },
        { arbitrary: status, weight: 3 },
        { arbitrary: recompute, weight: 1 },
        { arbitrary: move, weight: 2 },
      ),
      { maxLength: 25, size: 'max' },
    ),
  )
  .map(([first, rest]): Step[] => [first, ...rest]);

let database: TestDatabase;
let clock = new Date();
let writ: Writ;
let actor: Actor;
/** One authority per country and kind, made once: authorities never change, so runs share them. */
const authorityIds = new Map<string, string>();
/** What each run did, to show that the sequences reach every kind of change. */
const seen = new Map<string, number>();
const saw = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

beforeAll(async () => {
  database = await createTestDatabase();
  writ = createWrit(database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), { now: () => clock });
  actor = await writ.users.create({ email: 'rollups@platform.example', name: 'Rollup Reviewer', passwordHash: 'x' });
  for (const country of countries) {
    for (const kind of authorityKinds) {
      const authority = await writ.authorities.create({ country, name: `${country} ${kind}`, kind, timeZone: null });
      authorityIds.set(`${country} ${kind}`, authority.id);
    }
  }
});
afterAll(async () => database?.close());

/** Empties the requests (and with them items, decisions and events) and the rollups; the history's guard is lifted for it. */
async function reset(): Promise<void> {
  await database.pool.query(`
    BEGIN;
    ALTER TABLE events DISABLE TRIGGER events_not_truncated;
    TRUNCATE requests, report_rollup, decision_time_rollup CASCADE;
    ALTER TABLE events ENABLE TRIGGER events_not_truncated;
    COMMIT;`);
}

/** Every rollup row's key with its sum over the slots, where that sum is not zero. */
async function rollupSums(): Promise<Record<string, number[]>> {
  const { rows } = await database.pool.query<{ key: string; sums: string[] }>(`
    SELECT concat_ws(' ', country, period, dimension, key) AS key, ARRAY[sum(requests), sum(items)]::text[] AS sums
    FROM report_rollup GROUP BY country, period, dimension, key HAVING sum(requests) <> 0 OR sum(items) <> 0
    UNION ALL
    SELECT concat_ws(' ', country, period, 'decision-time', regime_id, met, duration_us), ARRAY[sum(requests)]::text[]
    FROM decision_time_rollup GROUP BY country, period, regime_id, met, duration_us HAVING sum(requests) <> 0`);
  return Object.fromEntries(rows.map((r) => [r.key, r.sums.map(Number)]));
}

/**
 * The data part of a data order (issue 11): one account per drawn product, in place of items, on
 * the `choice`th process its kind allows.
 */
function dataPart(kind: DataRequestKind, accounts: number, choice: number): DataRequestParticulars {
  const processes = processesFor(kind);
  return {
    legalProcess: processes[choice % processes.length]!,
    accounts: Array.from({ length: accounts }, (_, i) => ({
      identifierKind: 'username' as const,
      identifier: `user${i}`,
      from: null,
      to: null,
    })),
    categories: ['subscriber_information', 'metadata'],
    dateFrom: null,
    dateTo: null,
    nonDisclosureUntil: null,
    emergency: kind === 'emergency_disclosure' ? { threat: 'child_safety', justification: 'property test' } : null,
  };
}
/** A decision on an account, from the outcome drawn for an item: all, some or none of the data produced. */
function accountDecision(outcome: string): AccountDecisionInput {
  const extent = (['all', 'some', 'none'] as const)[outcomes.indexOf(outcome as (typeof outcomes)[number]) % 3]!;
  return {
    extent,
    producedCategories: extent === 'some' ? ['subscriber_information'] : [],
    refusalReason: extent === 'all' ? null : extent === 'some' ? 'overbroad' : 'account_not_found',
    legalBasis: 'property test',
    rationale: 'property test',
  };
}

type Tracked = {
  id: string;
  country: string;
  kind: RequestKind;
  receivedAt: number;
  at: number;
  /** The order's items, or for a data order its accounts. */
  items: string[];
  data: boolean;
  decided: Set<string>;
  status: RequestStatus;
  decidedAt: Date | null;
};

/** Runs one step; a refusal (WritError) is a step too, and must change nothing. */
async function run(step: Step, requests: Tracked[]): Promise<void> {
  const pick = (index: number) => requests[index % requests.length];
  /** Sets the clock `ms` after the request's receipt, never before its previous change. */
  const at = (r: Tracked, ms: number) => {
    r.at = Math.max(r.at, r.receivedAt + ms);
    clock = new Date(r.at);
  };
  const track = (r: Tracked, { status, decidedAt }: { status: RequestStatus; decidedAt: Date | null }) => {
    r.status = status;
    r.decidedAt = decidedAt;
  };
  try {
    switch (step.op) {
      case 'intake': {
        const frame = frameFor(step.country, step.kind, step.frame);
        clock = new Date(step.receivedAt + 60_000);
        const data = isDataRequestKind(step.kind);
        const { request } = await receiveOrder(
          writ,
          {
            kind: step.kind,
            authorityId: authorityIds.get(`${step.country} ${step.authorityKind as AuthorityKind}`)!,
            receivedAt: new Date(step.receivedAt),
            authorityTimeZone: step.timeZone,
            legalBasis: 'property test',
            claimedCategories: [],
            channel: 'api',
            authorityReference: null,
            items: data
              ? []
              : step.products.map((product, i) => ({ targetKind: 'url', target: `https://x.example/${i}`, product })),
            dataRequest: isDataRequestKind(step.kind) ? dataPart(step.kind, step.products.length, step.frame) : null,
            isDemo: step.demo,
            ...frame,
            periodSetInOrderHours: null,
          },
          actor,
        );
        requests.push({
          id: request.id,
          country: step.country,
          kind: step.kind,
          receivedAt: step.receivedAt,
          at: step.receivedAt,
          items: data ? (request.dataRequest?.accounts ?? []).map((a) => a.id) : request.items.map((i) => i.id),
          data,
          decided: new Set(),
          status: request.status,
          decidedAt: null,
        });
        saw(`intake ${step.kind}`);
        if (frame.regimeId) saw('intake under a regime');
        return;
      }
      case 'decide': {
        const r = pick(step.request);
        if (!r) return;
        at(r, step.after);
        const { decisions } = step;
        const targets = step.whole
          ? r.items.map((id, i) => [id, decisions[i % decisions.length]!] as const)
          : decisions.map((d) => [r.items[d.item % r.items.length]!, d] as const);
        for (const [itemId, { outcome, reason }] of targets) {
          if (r.data) {
            const { request } = await decideAccount(
              writ,
              { requestId: r.id, accountId: itemId },
              accountDecision(outcome),
              actor,
            );
            saw(r.decided.has(itemId) ? 'account decision changed' : 'account decided');
            r.decided.add(itemId);
            if (request.status !== r.status) saw(`decision: ${r.status} → ${request.status}`);
            track(r, request);
            continue;
          }
          const decision: DecisionInput = {
            outcome,
            reason,
            scopeCountries: outcome === 'removed_legal' ? [r.country] : null,
            rationale: 'property test',
          };
          const { request } = await decideItem(writ, { requestId: r.id, itemId }, decision, actor);
          saw(r.decided.has(itemId) ? 'decision changed' : 'item decided');
          r.decided.add(itemId);
          if (request.status !== r.status) saw(`decision: ${r.status} → ${request.status}`);
          track(r, request);
        }
        return;
      }
      case 'status': {
        // Among the requests that can still move: closed and withdrawn ones are final.
        const movable = requests.filter((q) => allowedTransitions(q.status).length > 0);
        const r = movable[step.request % Math.max(movable.length, 1)];
        if (!r) return;
        const options = allowedTransitions(r.status);
        const to = options[step.to % options.length]!;
        at(r, step.after);
        const { request } = await changeStatus(writ, r.id, { status: to, note: null }, actor);
        saw(`status: ${r.status} → ${to}`);
        saw(`status → ${to}`);
        track(r, request);
        return;
      }
      case 'recompute': {
        const r = pick(step.request);
        if (!r) return;
        const frame = frameFor(r.country, r.kind, step.frame);
        at(r, step.after);
        await recomputeDeadline(writ, r.id, { ...frame, note: 'property test' }, actor);
        saw('deadline recomputed');
        return;
      }
      case 'move deadline': {
        const decided = requests.filter((q) => q.status === 'decided' || q.status === 'closed');
        const among = step.decidedOnly && decided.length > 0 ? decided : requests;
        const r = among[step.request % among.length];
        if (!r) return;
        at(r, step.after);
        const moved = (current: StoredDeadline): RequestDeadline => ({
          ...current,
          dueAt: new Date((r.decidedAt ?? current.dueAt).getTime() + step.by),
          ...(step.dropRegime ? { regimeId: null, category: null } : {}),
        });
        await writ.requests.recomputeDeadline(r.id, moved, 'property test', actor);
        saw(`deadline moved, ${r.status}`);
        return;
      }
    }
  } catch (error) {
    if (!(error instanceof WritError)) throw error;
    saw(`refused ${step.op}`);
  }
}

test('after any sequence of intake, decisions and status changes, the rollups give the GROUP BY’s figures, and a rebuild changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(steps, async (sequence) => {
      await reset();
      const requests: Tracked[] = [];
      for (const step of sequence) await run(step, requests);

      const check = await checkRollups(database.db);
      expect(check.differences).toEqual([]);
      expect(check.countryPeriods).toBeGreaterThanOrEqual(requests.length > 0 ? 1 : 0);

      const sums = await rollupSums();
      expect(Object.entries(sums).filter(([, values]) => values.some((v) => v < 0))).toEqual([]);
      await rebuildRollups(database.db, () => undefined, 7);
      expect(await rollupSums()).toEqual(sums);
    }),
    { numRuns: 25 },
  );
  // The sequences reached every kind of change (fast-check's runs are random, but these are common).
  const expected = [
    'intake content_removal',
    'intake user_data',
    'intake emergency_disclosure',
    'intake under a regime',
    'refused intake',
    'item decided',
    'decision changed',
    'account decided',
    'account decision changed',
    'refused decide',
    'status → withdrawn',
    'status → needs_clarification',
    'status: decided → closed',
    'status: decided → in_review',
    'deadline recomputed',
    'deadline moved, decided',
  ];
  expect(expected.filter((what) => !seen.has(what))).toEqual([]);
}, 120_000);
