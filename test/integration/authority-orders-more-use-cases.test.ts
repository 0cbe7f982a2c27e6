/**
 * More of the authority channel's submitOrder (src/app/authority-orders.ts), without the HTTP app:
 * the particulars the agency states (signer, statement of reasons, requested scope, redress,
 * language) are stored as sent and read back by the agency, and each left out is read back as null;
 * the receipt mail is queued as a `receipt` to the officer who sent the order, or to the agency's
 * contact for an order sent with an API key, saying what the returned view says. And where Writ's
 * context (src/app/context.ts) keeps files: attachments and produced packages each in a folder of
 * their own under the data directory.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgencyOrder, submitOrder } from '../../src/app/authority-orders.js';
import { submitOrderSchema } from '../../src/contracts/authority-orders.js';
import { mailOutbox } from '../../src/db/schema/index.js';
import { orderReceipt } from '../../src/domain/order-receipt.js';
import { addOfficer, createVerifiedAgency, principalOf } from '../support/agencies.js';
import { createTestWrit, type TestWrit } from '../support/writ.js';

const clock = new Date('2026-06-01T06:00:00Z');
let t: TestWrit;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'writ-context-'));
  t = await createTestWrit({ now: () => clock, env: { WRIT_DATA_DIR: dataDir } });
});
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const complete = {
  kind: 'content_removal',
  legalBasis: 'Law on Online Platforms, Art. 19',
  items: [{ targetKind: 'url', target: 'https://video.example/watch/abc' }],
};

async function receiptMails(requestId: string) {
  return t.database.db
    .select({
      kind: mailOutbox.kind,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      body: mailOutbox.body,
      agencyId: mailOutbox.agencyId,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.requestId, requestId));
}

describe('submitOrder: the particulars', () => {
  it('stores the signer, statement of reasons, requested scope, redress and language as sent', async () => {
    const kz = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
    const body = submitOrderSchema.parse({
      ...complete,
      signer: 'A. Officer, Head of Department',
      statementOfReasons: 'The video insults a named child.',
      requestedScope: ['KZ', 'UZ'],
      redress: 'An appeal to the Ministry within 10 days.',
      language: 'kk',
    });
    const view = await submitOrder(t.writ, principalOf(kz), body);
    const { order } = await readAgencyOrder(t.writ, principalOf(kz), view.order.id);
    expect({
      signer: order.signer,
      statementOfReasons: order.statementOfReasons,
      requestedScope: order.requestedScope,
      redress: order.redress,
      language: order.language,
    }).toEqual({
      signer: 'A. Officer, Head of Department',
      statementOfReasons: 'The video insults a named child.',
      requestedScope: ['KZ', 'UZ'],
      redress: 'An appeal to the Ministry within 10 days.',
      language: 'kk',
    });
  });

  it('reads back each particular the agency left out as null, the requested scope as none', async () => {
    const kz = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
    const view = await submitOrder(t.writ, principalOf(kz), submitOrderSchema.parse(complete));
    const { order } = await readAgencyOrder(t.writ, principalOf(kz), view.order.id);
    expect({
      signer: order.signer,
      statementOfReasons: order.statementOfReasons,
      requestedScope: order.requestedScope,
      redress: order.redress,
      language: order.language,
    }).toEqual({ signer: null, statementOfReasons: null, requestedScope: [], redress: null, language: null });
  });
});

describe('submitOrder: the receipt mail', () => {
  it('queues one receipt to the officer who sent the order, saying what the returned view says', async () => {
    const kz = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
    const second = await addOfficer(t, kz.id, `second@${kz.domain}`);
    const principal = {
      ...principalOf(kz),
      officer: { id: second.id, email: second.email, name: 'Second Officer', isAgencyAdmin: false },
    };
    const view = await submitOrder(t.writ, principal, submitOrderSchema.parse(complete));
    expect(view.order.channel).toBe('portal');
    const { subject, body } = orderReceipt(view.order, view.timeZone, view.clock);
    expect(subject).toBe(`Order received: ${view.order.reference}`);
    expect(body).toContain('Received at: 2026-06-01T11:00:00+05:00 (Asia/Almaty)');
    expect(body).toContain('Status: needs_clarification');
    expect(await receiptMails(view.order.id)).toEqual([
      { kind: 'receipt', to: `second@${kz.domain}`, subject, body, agencyId: kz.id },
    ]);
  });

  it("queues it to the agency's contact address for an order sent with an API key", async () => {
    const kz = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
    const principal = { ...principalOf(kz), officer: null, apiKeyId: null };
    const view = await submitOrder(t.writ, principal, submitOrderSchema.parse(complete));
    expect(view.order.channel).toBe('api');
    const { subject, body } = orderReceipt(view.order, view.timeZone, view.clock);
    expect(await receiptMails(view.order.id)).toEqual([
      { kind: 'receipt', to: `first@${kz.domain}`, subject, body, agencyId: kz.id },
    ]);
  });
});

describe("createWrit: the context's file stores", () => {
  it('keeps attachments and produced packages each in a folder of their own under the data directory', async () => {
    const key = '0a1b2c3d-0000-4000-8000-000000000001';
    await t.writ.attachmentStore.put(key, new Uint8Array([1]));
    await t.writ.productionStore.put(key, new Uint8Array([2]));
    expect(existsSync(path.join(dataDir, 'attachments', '0a', key))).toBe(true);
    expect(existsSync(path.join(dataDir, 'productions', '0a', key))).toBe(true);
    expect(await t.writ.attachmentStore.get(key)).toEqual(Buffer.from([1]));
    expect(await t.writ.productionStore.get(key)).toEqual(Buffer.from([2]));
  });
});
