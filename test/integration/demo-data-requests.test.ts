/**
 * The demo's orders for user data (issue 11, item 6): seeded through the intake's checks and the
 * account-decisions repository, they make every figure of the user-data report non-zero for
 * Kazakhstan and Türkiye in the current and the previous half-year, whatever the day of seeding;
 * and the demo has an emergency awaiting its review, a hold past its expiry and one expiring soon.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { preservationRepository } from '../../src/db/preservation-repository.js';
import { checkRollups } from '../../src/db/rollup-check.js';
import { demoDataOrders } from '../../src/demo/demo-data-requests.js';
import { seedDemoData, seedDemoDataOnce } from '../../src/demo/seed.js';
import { formatPeriod, periodBounds, periodOf } from '../../src/domain/period.js';
import { createTestApp, type TestApp } from '../support/app.js';

const opened: TestApp[] = [];
afterAll(async () => {
  for (const t of opened) await t.close();
});

async function seededAt(now: Date): Promise<TestApp> {
  const t = await createTestApp({ now: () => now });
  opened.push(t);
  await seedDemoData(t.database.db, now);
  return t;
}

/** Every number of the report, by its path (report.byProcess.subpoena.accounts …). */
function figures(value: unknown, path = 'report'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => figures(inner, `${path}.${key}`));
  return [];
}

const periodsAround = (now: Date) => {
  const current = periodOf(now);
  const previous = periodOf(new Date(periodBounds(current).start.getTime() - 1));
  return [formatPeriod(current), formatPeriod(previous)];
};

async function expectEveryFigureNonZero(t: TestApp, now: Date) {
  for (const country of ['KZ', 'TR']) {
    for (const period of periodsAround(now)) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/reports/${country}/${period}/user-data` });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      expect(report.containsDemoData).toBe(true);
      const all = figures(report);
      expect(all.length).toBeGreaterThan(20);
      expect(
        all.filter(([, n]) => !(n > 0)),
        `${country} ${period}`,
      ).toEqual([]);
    }
  }
}

const sql = async <T>(t: TestApp, text: string, values: unknown[] = []) =>
  (await t.database.pool.query(text, values)).rows as T[];
/** The one number a counting query answers (as n). */
const count = async (t: TestApp, text: string) => (await sql<{ n: number }>(t, text))[0]!.n;

describe('the demo data orders', () => {
  const now = new Date('2026-11-15T09:30:00Z');
  let t: TestApp;

  it('are all received and decided through the domain checks, with the rollups in step', async () => {
    t = await seededAt(now);
    expect(
      await count(t, 'SELECT count(*)::int AS n FROM requests r JOIN data_requests d ON d.request_id = r.id WHERE r.is_demo'),
    ).toBe(demoDataOrders.length);
    const decided = await count(t, 'SELECT count(*)::int AS n FROM account_decisions');
    expect(decided).toBe(demoDataOrders.flatMap((o) => o.accounts).filter((a) => a.decision).length);
    expect(await count(t, `SELECT count(*)::int AS n FROM events WHERE type = 'account_decided'`)).toBe(decided);
    expect((await checkRollups(t.database.db)).differences).toEqual([]);
  });

  it('make every figure of the user-data report non-zero for KZ and TR, this half-year and the last', async () => {
    await expectEveryFigureNonZero(t, now);
  });

  it('include a refusal as overbroad, a non-disclosure order, and data produced for one account of three', async () => {
    const overbroad = await sql(t, `SELECT 1 FROM account_decisions WHERE extent = 'none' AND refusal_reason = 'overbroad'`);
    expect(overbroad.length).toBeGreaterThan(0);
    const gagged = await sql(t, 'SELECT 1 FROM data_requests WHERE non_disclosure_until > $1', [now]);
    expect(gagged.length).toBeGreaterThan(0);
    const oneOfThree = await sql<{ request_id: string }>(
      t,
      `SELECT a.request_id FROM data_accounts a JOIN account_decisions d ON d.account_id = a.id
        GROUP BY a.request_id HAVING count(*) = 3 AND count(*) FILTER (WHERE d.extent <> 'none') = 1`,
    );
    expect(oneOfThree.length).toBeGreaterThan(0);
  });

  it('include decided emergencies whose post-hoc review is still pending', async () => {
    const pending = await sql<{ review_due_at: Date }>(
      t,
      `SELECT e.review_due_at FROM emergency_reviews e JOIN requests r ON r.id = e.request_id
        WHERE r.kind = 'emergency_disclosure' AND e.reviewed_at IS NULL`,
    );
    expect(pending.length).toBeGreaterThan(0);
  });

  it('include a hold already past its expiry, which the hold job releases, and one expiring within days', async () => {
    const holdOf = async (reference: string) => {
      const [hold] = await sql<{ id: string; expires_at: Date; released_at: Date | null }>(
        t,
        `SELECT h.id, h.expires_at, h.released_at FROM preservation_holds h JOIN requests r ON r.id = h.request_id
          WHERE r.authority_reference = $1`,
        [reference],
      );
      return hold!;
    };
    const day = 86_400_000;
    const expired = await holdOf('ADP-P-2026-0311');
    const soon = await holdOf('2026/1188 Kor.');
    expect([expired.released_at, soon.released_at]).toEqual([null, null]);
    expect((expired.expires_at.getTime() - now.getTime()) / day).toBeCloseTo(-10, 5);
    expect((soon.expires_at.getTime() - now.getTime()) / day).toBeCloseTo(4, 5);

    const preservation = preservationRepository(t.database.db, () => now);
    const due: string[] = [];
    await preservation.handOverDue(100, 14, async (ids) => {
      due.push(...ids);
    });
    expect(due).toEqual(expect.arrayContaining([expired.id, soon.id]));
    expect(await preservation.settle(expired.id, 14)).toBe('expired');
    expect(await preservation.settle(soon.id, 14)).toBe('reminded');
  });
});

describe('seeded on any day', () => {
  it('keeps both half-years non-zero when seeded just after a half-year began', async () => {
    const now = new Date('2027-01-01T00:40:00Z');
    await expectEveryFigureNonZero(await seededAt(now), now);
  });

  it('is seeded once per installation, with today’s figures non-zero', async () => {
    const t = await createTestApp();
    opened.push(t);
    expect(await seedDemoDataOnce(t.database.db)).toBe(true);
    expect(await seedDemoDataOnce(t.database.db)).toBe(false);
    expect(await count(t, 'SELECT count(*)::int AS n FROM data_requests')).toBe(demoDataOrders.length);
    await expectEveryFigureNonZero(t, new Date());
  });
});
