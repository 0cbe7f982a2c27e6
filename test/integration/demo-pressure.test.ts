/**
 * The demo's pressure record (issue 15): the seed's story — the Russian fines of 2020 and 2021,
 * Kazakhstan's shutdown of January 2022, a fine for two declined orders — every event marked demo,
 * through the same checks as the API, and visible in public and under its duty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-30T12:00:00Z') });
  await seedDemoData(t.database.db, new Date('2026-11-30T12:00:00Z'));
});
afterAll(() => t.close());

const get = async (url: string, auth = true) => (await t.app.inject({ method: 'GET', url, headers: auth ? t.auth : {} })).json();

describe('the demo pressure record', () => {
  it('tells the seed’s story, oldest first, every event marked demo', async () => {
    const { events } = await get('/api/v1/pressure');
    expect(events.map((e: { country: string; kind: string; announcedOn: string }) => [e.country, e.kind, e.announcedOn])).toEqual(
      [
        ['RU', 'fine', '2020-11-26'],
        ['RU', 'court_judgment', '2021-12-24'],
        ['KZ', 'internet_shutdown', '2022-01-05'],
        ['KZ', 'fine', '2026-11-18'],
      ],
    );
    expect(events.every((e: { demo: boolean }) => e.demo)).toBe(true);
    expect(events[0]).toMatchObject({
      amount: '4000000',
      currency: 'RUB',
      referenceAmount: '52400.00',
      dutyId: 'data-localisation',
    });
    expect(events[2]).toMatchObject({ scope: 'national', endedOn: '2022-01-11', status: 'lifted' });
  });

  it('ties the recent fine to two orders the demo reviewers declined', async () => {
    const { events } = await get('/api/v1/pressure?country=KZ&from=2026-01-01');
    const [fine] = events;
    expect(fine.orders).toHaveLength(2);
    for (const order of fine.orders) {
      const detail = await get(`/api/v1/requests/${order.id}`);
      const outcomes = detail.items.map((i: { decision: { outcome: string } | null }) => i.decision?.outcome);
      // Declined: no action on what the order named (what was no longer there could not be removed).
      expect(outcomes).toContain('no_action');
      for (const outcome of outcomes) expect(['no_action', 'content_not_found', 'content_already_removed']).toContain(outcome);
    }
  });

  it('shows the shutdown in public for 2022-H1 and not the half-year after', async () => {
    const kinds = async (period: string) =>
      (await get(`/api/v1/public/pressure?country=KZ&period=${period}`, false)).events.map((e: { kind: string }) => e.kind);
    expect(await kinds('2022-H1')).toEqual(['internet_shutdown']);
    expect(await kinds('2022-H2')).toEqual([]);
  });
});
