/**
 * The deadline-alert sweep itself (src/app/alerts.ts), called as the jobs call it: what the alert
 * hook is told (the whole payload, the authority included, and a link to the order with the public
 * URL's trailing slashes dropped), and who is mailed — each address trimmed, an address that trims
 * to nothing dropped, the assignee and a configured address that are the same person mailed once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlineAlerts } from '../../src/app/alerts.js';
import { createWrit, type Writ } from '../../src/app/context.js';
import { orderFromBody } from '../../src/app/intake.js';
import { receiveOrder } from '../../src/app/requests.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import type { User } from '../../src/db/users-repository.js';
import { createTestWrit, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

const DAY = 86_400_000;
let clock = new Date('2026-06-01T06:00:00Z');
const now = () => clock;
let t: TestWrit;
let authorityId: string;
let recorder: User;

beforeAll(async () => {
  t = await createTestWrit({
    now,
    env: {
      WRIT_PUBLIC_URL: 'https://writ.platform.example',
      WRIT_ALERT_MAIL_TO: 'duty@platform.example',
      WRIT_ALERT_WEBHOOK_URL: 'https://alerts.platform.example/writ',
      WRIT_ALERT_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    },
  });
  authorityId = (await testAuthority(t, 'KZ', 'Department of Police of Almaty', 'police')).id;
  recorder = await staffMember(t.writ, 'reviewer');
});
afterAll(async () => t?.close());

type Order = { id: string; reference: string; receivedAt: Date; dueAt: Date };

/** A fresh stretch of time, an order received an hour before its start, and the clock moved past half its time. */
async function orderAtHalfTime(): Promise<Order> {
  clock = new Date(clock.getTime() + 60 * DAY);
  const body = newRequestSchema.parse({
    kind: 'content_removal',
    authorityId,
    receivedAt: new Date(clock.getTime() - 3_600_000).toISOString(),
    authorityTimeZone: 'Asia/Almaty',
    legalBasis: 'Law on Online Platforms, Art. 19',
    claimedCategories: ['cyberbullying of a child'],
    channel: 'portal',
    items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
  });
  const { request } = await receiveOrder(t.writ, orderFromBody(body), recorder);
  const order = { id: request.id, reference: request.reference, receivedAt: request.receivedAt, dueAt: request.dueAt! };
  clock = new Date(order.receivedAt.getTime() + 0.5 * (order.dueAt.getTime() - order.receivedAt.getTime()) + 1_000);
  return order;
}

const q = async <T>(text: string, values: unknown[]) => (await t.database.pool.query(text, values)).rows as T[];
const mailsTo = async (id: string) =>
  (
    await q<{ to: string }>(`SELECT "to" FROM mail_outbox WHERE request_id = $1 AND kind = 'deadline_alert' ORDER BY "to"`, [id])
  ).map((m) => m.to);
const mailBodies = async (id: string) =>
  (await q<{ body: string }>(`SELECT body FROM mail_outbox WHERE request_id = $1 AND kind = 'deadline_alert'`, [id])).map(
    (m) => m.body,
  );
const hookPayloads = async (id: string) =>
  (await q<{ payload: unknown }>(`SELECT payload FROM sink_deliveries WHERE request_id = $1 AND sink = 'alert'`, [id])).map(
    (r) => r.payload,
  );
const assign = (orderId: string, userId: string) =>
  q('UPDATE requests SET assignee_id = $2, assigned_at = $3 WHERE id = $1', [orderId, userId, clock]);

/** Writ's context over the same database with `config` changed as given. */
const withConfig = (change: (config: Writ['config']) => Writ['config']) =>
  createWrit(t.database.db, change(t.writ.config), { now });

describe('sweepDeadlineAlerts', () => {
  it("tells the alert hook the order, the threshold and its share, the times, the authority by name and country, and the order's review link", async () => {
    const o = await orderAtHalfTime();
    expect((await sweepDeadlineAlerts(t.writ)).filter((a) => a.requestId === o.id)).toEqual([
      { requestId: o.id, threshold: '0.5' },
    ]);
    expect(await hookPayloads(o.id)).toEqual([
      {
        type: 'deadline.alert',
        requestId: o.id,
        reference: o.reference,
        threshold: '0.5',
        share: 0.5,
        receivedAt: o.receivedAt.toISOString(),
        dueAt: o.dueAt.toISOString(),
        authorityTimeZone: 'Asia/Almaty',
        authority: { name: 'Department of Police of Almaty', country: 'KZ' },
        firedAt: clock.toISOString(),
        url: `https://writ.platform.example/review/requests/${o.id}`,
      },
    ]);
    expect(await mailsTo(o.id)).toEqual(['duty@platform.example']);
  });

  it("drops the public URL's trailing slashes from the hook's link, as the mail's link does", async () => {
    const slashed = withConfig((c) => ({ ...c, publicUrl: 'https://writ.platform.example//' }));
    const o = await orderAtHalfTime();
    await sweepDeadlineAlerts(slashed);
    const link = `https://writ.platform.example/review/requests/${o.id}`;
    expect((await hookPayloads(o.id)).map((p) => (p as { url: string }).url)).toEqual([link]);
    expect((await mailBodies(o.id))[0]!.split('\n')).toContain(`Open the order: ${link}`);
  });

  it('mails an address stored with spaces around it trimmed, once with the same configured address in another case', async () => {
    const spaced = await staffMember(t.writ, 'reviewer', '  Spaced@Platform.example ');
    const configured = withConfig((c) => ({
      ...c,
      alerts: { ...c.alerts, mailTo: ['spaced@platform.example', 'duty@platform.example'] },
    }));
    const o = await orderAtHalfTime();
    await assign(o.id, spaced.id);
    await sweepDeadlineAlerts(configured);
    expect(await mailsTo(o.id)).toEqual(['Spaced@Platform.example', 'duty@platform.example']);
  });

  it('mails no one at an address that trims to nothing, and the others still', async () => {
    const blank = await staffMember(t.writ, 'reviewer', '   ');
    const configured = withConfig((c) => ({ ...c, alerts: { ...c.alerts, mailTo: [' ', 'duty@platform.example'] } }));
    const o = await orderAtHalfTime();
    await assign(o.id, blank.id);
    expect((await sweepDeadlineAlerts(configured)).filter((a) => a.requestId === o.id)).toHaveLength(1);
    expect(await mailsTo(o.id)).toEqual(['duty@platform.example']);
  });
});
