/** Seeds the demo data (src/demo/demo-data.ts) through the same repositories the API uses. */
import { hash } from '@node-rs/argon2';
import { authoritiesRepository } from '../db/authorities-repository.js';
import type { Db } from '../db/connection.js';
import { installationRepository } from '../db/installation-repository.js';
import { requestsRepository } from '../db/requests-repository.js';
import { usersRepository } from '../db/users-repository.js';
import { receiveRequest } from '../domain/intake.js';
import { demoAuthorities, demoRequests, demoReviewer } from './demo-data.js';

export async function seedDemoData(db: Db, now: Date = new Date()): Promise<{ requests: number; authorities: number }> {
  const users = usersRepository(db);
  const authorities = authoritiesRepository(db);
  const requests = requestsRepository(db);

  const reviewer = await users.create({ ...demoReviewer, passwordHash: await hash(demoReviewer.password) });
  const ids = new Map<string, string>();
  for (const a of demoAuthorities) {
    const created = await authorities.create({ country: a.country, name: a.name, kind: a.kind, isDemo: true });
    ids.set(a.key, created.id);
  }
  for (const r of demoRequests) {
    const authority = demoAuthorities.find((a) => a.key === r.authority)!;
    const receivedAt = new Date(now.getTime() - r.hoursAgo * 3_600_000);
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
      },
      null,
      { now: () => now, store: requests.create },
    );
    for (const [index, item] of r.items.entries()) {
      if (!item.decision) continue;
      const scopeCountries = item.decision.outcome === 'removed_legal' ? [authority.country] : null;
      await requests.decideItem(created.id, created.items[index]!.id, { ...item.decision, scopeCountries }, reviewer);
    }
    if (r.finalStatus) await requests.changeStatus(created.id, r.finalStatus, 'demo data', reviewer);
  }
  return { requests: demoRequests.length, authorities: demoAuthorities.length };
}

/** Seeds demo data the first time an installation starts (never again, even if deleted). */
export async function seedDemoDataOnce(db: Db): Promise<boolean> {
  return installationRepository(db).once('demo_seeded', (tx) => seedDemoData(tx));
}
