/** Seeds the demo data (src/demo/demo-data.ts, demo-data-requests.ts) through the same repositories the API uses. */
import { hash } from '@node-rs/argon2';
import { recordPressure } from '../app/pressure.js';
import { type Config, loadConfig, shippedRulesDir } from '../config.js';
import type { AccountDecisionSettings } from '../db/account-decisions-repository.js';
import { authoritiesRepository } from '../db/authorities-repository.js';
import { complianceRepository } from '../db/compliance-repository.js';
import type { Db } from '../db/connection.js';
import { installationRepository } from '../db/installation-repository.js';
import { pressureRepository } from '../db/pressure-repository.js';
import { requestsRepository } from '../db/requests-repository.js';
import { usersRepository } from '../db/users-repository.js';
import { receiveRequest } from '../domain/intake.js';
import type { PolicyTargets } from '../domain/regimes/deadline-engine.js';
import type { RuleBook } from '../domain/regimes/rule-book.js';
import { addDays } from '../domain/regimes/time.js';
import { loadRuleBook } from '../rules/packs.js';
import { demoAuthorities, demoFigures, demoRequests, demoReviewer } from './demo-data.js';
import { demoPressure } from './demo-pressure.js';
import { seedDemoPublications } from './demo-publications.js';
import { demoStaff } from './demo-staff.js';
import { seedDataOrders } from './seed-data-requests.js';

/**
 * The rule packs and policy targets the demo deadlines are computed with, and the settings of data
 * orders (holds' length, the emergency review's due dates; the defaults when absent).
 */
export type DemoRules = {
  rules: RuleBook;
  policy: PolicyTargets;
  dataRequests?: Pick<Config['dataRequests'], keyof AccountDecisionSettings>;
  /** The installation's settings for the demo's publications (delay, the log's origin and key); defaults when absent. */
  config?: Config;
};

const shippedRules = (): DemoRules => ({
  rules: loadRuleBook(shippedRulesDir),
  policy: { immediateHours: 1, withoutUndueDelayHours: 24 },
});

/** The settings a decision on a data order's account needs, from the installation's or the defaults. */
function decisionSettings(given: DemoRules['dataRequests']): AccountDecisionSettings {
  const { preservationDays, emergencyReviewHours, emergencyFollowUpDays } = given ?? loadConfig({}).dataRequests;
  return { preservationDays, emergencyReviewHours, emergencyFollowUpDays };
}

export async function seedDemoData(
  db: Db,
  now: Date = new Date(),
  { rules, policy, dataRequests, config }: DemoRules = shippedRules(),
): Promise<{ requests: number; dataOrders: number; authorities: number }> {
  const users = usersRepository(db);
  const authorities = authoritiesRepository(db);
  // The history reads as if each order had arrived when it did and been decided soon after.
  let clock = now;
  const requests = requestsRepository(db, () => clock);

  // Every demo account has the demo password: one argon2 hash serves them all (each costs start-up time).
  const passwordHash = await hash(demoReviewer.password);
  const reviewer = await users.create({ ...demoReviewer, passwordHash });
  for (const { password: _, ...member } of demoStaff) await users.create({ ...member, passwordHash });
  const ids = new Map<string, string>();
  /** Writ's reference (WR-…) of each demo order, by the authority's reference. */
  const references = new Map<string, string>();
  for (const a of demoAuthorities) {
    const created = await authorities.create({
      country: a.country,
      name: a.name,
      kind: a.kind,
      timeZone: a.timeZone,
      isDemo: true,
    });
    ids.set(a.key, created.id);
  }
  for (const r of demoRequests) {
    const authority = demoAuthorities.find((a) => a.key === r.authority)!;
    const receivedAt = new Date(now.getTime() - r.hoursAgo * 3_600_000);
    clock = receivedAt; // the history shows the order arriving when it did
    const created = await receiveRequest(
      {
        kind: r.kind,
        authorityId: ids.get(r.authority)!,
        receivedAt,
        authorityTimeZone: authority.timeZone,
        legalBasis: r.legalBasis,
        claimedCategories: r.categories,
        channel: r.channel,
        authorityReference: r.reference,
        items: r.items.map(({ decision: _, ...item }) => item),
        isDemo: true,
        regimeId: r.regime ?? null,
        category: r.category ?? null,
        periodSetInOrderHours: r.periodSetInOrderHours ?? null,
      },
      null,
      {
        now: () => now,
        rules,
        policy,
        store: requests.create,
        authorityCountry: async (id) => (await authorities.find(id))?.country,
      },
    );
    references.set(r.reference, created.reference);
    clock = new Date(Math.min(now.getTime(), receivedAt.getTime() + (r.decidedAfterHours ?? 6) * 3_600_000));
    for (const [index, item] of r.items.entries()) {
      if (!item.decision) continue;
      const scopeCountries = item.decision.outcome === 'removed_legal' ? [authority.country] : null;
      await requests.decideItem(created.id, created.items[index]!.id, { ...item.decision, scopeCountries }, reviewer);
    }
    if (r.finalStatus) await requests.changeStatus(created.id, r.finalStatus, 'demo data', reviewer);
    clock = now;
  }
  const dataOrders = await seedDataOrders({
    db,
    now,
    intake: { rules, policy },
    settings: decisionSettings(dataRequests),
    reviewer,
    authorities: demoAuthorities,
    authorityIds: ids,
    requests,
    setClock: (at) => {
      clock = at;
    },
  });
  await seedDemoPublications({ db, now, rules, policy, authorities: demoAuthorities, authorityIds: ids, config });
  const compliance = complianceRepository(db);
  const today = now.toISOString().slice(0, 10);
  for (const f of demoFigures) {
    await compliance.recordFigure(
      { country: f.country, metric: f.metric, value: f.value, measuredOn: addDays(today, -f.daysAgo), note: f.note },
      null,
    );
  }
  const pressure = pressureRepository(db);
  for (const { announcedOn, orders, ...event } of demoPressure) {
    await recordPressure(
      { pressure, rules },
      {
        ...event,
        announcedOn: typeof announcedOn === 'string' ? announcedOn : addDays(today, -announcedOn.daysAgo),
        orders: orders.map((o) => references.get(o)!),
      },
      null,
    );
  }
  return { requests: demoRequests.length, dataOrders, authorities: demoAuthorities.length };
}

/** Seeds demo data the first time an installation starts (never again, even if deleted). */
export async function seedDemoDataOnce(db: Db, demoRules?: DemoRules): Promise<boolean> {
  return installationRepository(db).once('demo_seeded', (tx) => seedDemoData(tx, new Date(), demoRules));
}
