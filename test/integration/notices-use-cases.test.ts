/**
 * The notice use cases themselves (src/app/notices.ts): what the notice sink is sent for an issued
 * notice (its type names the event, so the platform's notice system can tell it from other calls),
 * and an item or account that is not on the order is named as not found, before anything is composed.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideItem } from '../../src/app/decisions.js';
import { orderFromBody } from '../../src/app/intake.js';
import { issueNotice, type NoticeActor } from '../../src/app/notices.js';
import { receiveOrder } from '../../src/app/requests.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import { sinkDeliveries } from '../../src/db/schema/index.js';
import { newRequestBody } from '../support/app.js';
import { createTestWrit, refusal, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

let t: TestWrit;
let reviewer: NoticeActor;
let authorityId: string;
const missingId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestWrit({
    now: () => new Date('2026-04-01T10:00:00Z'),
    env: { WRIT_PUBLIC_URL: 'https://writ.platform.example' },
  });
  const user = await staffMember(t.writ, 'reviewer');
  reviewer = { id: user.id, name: user.name, role: 'reviewer' };
  authorityId = (await testAuthority(t, 'KZ', 'Prosecutor General', 'prosecutor')).id;
});
afterAll(async () => t?.close());

/** An order whose first item was restricted in KZ. */
async function restrictedOrder() {
  const { request: order } = await receiveOrder(
    t.writ,
    orderFromBody(newRequestSchema.parse(newRequestBody(authorityId))),
    reviewer,
  );
  const itemId = order.items[0]!.id;
  await decideItem(
    t.writ,
    { requestId: order.id, itemId },
    { outcome: 'removed_legal', reason: 'Bullying/Harassment', scopeCountries: ['KZ'], rationale: 'Unlawful under Art. 19' },
    reviewer,
  );
  return { requestId: order.id, itemId };
}

describe('issueNotice', () => {
  it('sends the notice sink a `notice.issued` event naming the notice, its order, item and recipient, with the appeal link', async () => {
    const { requestId, itemId } = await restrictedOrder();
    const notice = await issueNotice(t.writ, requestId, { itemId, recipient: 'user:1001' }, reviewer);
    const [sink] = await t.database.db
      .select()
      .from(sinkDeliveries)
      .where(and(eq(sinkDeliveries.requestId, requestId), eq(sinkDeliveries.sink, 'notice')));
    expect(sink!.payload).toEqual({
      type: 'notice.issued',
      noticeId: notice.id,
      requestId,
      itemId,
      accountId: null,
      recipient: 'user:1001',
      content: notice.content,
      appealUrl: expect.stringMatching(/^https:\/\/writ\.platform\.example\/appeal\?token=[\w-]{40,}$/),
    });
  });

  it('names an item that is not on the order as not found', async () => {
    const { requestId } = await restrictedOrder();
    expect(await refusal(issueNotice(t.writ, requestId, { itemId: missingId, recipient: 'user:1' }, reviewer))).toMatchObject({
      code: 'not_found',
      message: `item ${missingId} does not exist`,
    });
    expect(await refusal(issueNotice(t.writ, requestId, { accountId: missingId, recipient: 'user:1' }, reviewer))).toMatchObject({
      code: 'not_found',
      message: `account ${missingId} does not exist`,
    });
  });
});
