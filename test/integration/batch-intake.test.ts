/**
 * POST /api/v1/requests/batch (issue 9, item 3): up to 1,000 orders and 1,000 items a call, each
 * checked as POST /api/v1/requests checks it, stored all or nothing in one transaction, idempotent
 * by batch key; the report's rollups follow as they do for single orders.
 */
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportScans } from '../../src/db/report-scan.js';
import { reportsRepository } from '../../src/db/reports-repository.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { createAuthority, createTestApp, dataPartFor, newRequestBody, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/database.js';

let t: TestApp;
let kz: string;
let ru: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-01T00:00:00Z') });
  kz = (await createAuthority(t)).id;
  ru = (await createAuthority(t, 'RU', 'Roskomnadzor')).id;
});
afterAll(async () => t?.close());

type Answer = { batchKey: string; replayed: boolean; requests: { id: string; reference: string; dueAt: string }[] };

const postBatch = (body: unknown, headers: Record<string, string> = t.auth) =>
  t.app.inject({ method: 'POST', url: '/api/v1/requests/batch', headers, payload: body as object });

/** `n` orders of the KZ authority, received a minute apart, with one item each but for the first (two). */
const orders = (n: number, authorityId = kz) =>
  Array.from({ length: n }, (_, i) =>
    newRequestBody(authorityId, {
      receivedAt: new Date(Date.UTC(2026, 2, 10, 12, i)).toISOString(),
      authorityReference: `MCI-${i}`,
      ...(i === 0 ? {} : { items: [{ targetKind: 'url', target: `https://video.example/watch/${i}`, product: 'Video' }] }),
    }),
  );

let keys = 0;
const newKey = () => `batch-${++keys}`;

describe('a batch', () => {
  it('creates every order, in the order sent, each as POST /api/v1/requests would', async () => {
    const body = {
      batchKey: newKey(),
      orders: [
        ...orders(3),
        newRequestBody(kz, {
          regime: 'kz-2022-child-cyberbullying',
          category: 'child_cyberbullying',
          receivedAt: '2026-03-10T23:30:00+05:00',
        }),
      ],
    };
    const res = await postBatch(body);
    expect(res.statusCode, res.body).toBe(201);
    const answer: Answer = res.json();
    expect(answer).toMatchObject({ batchKey: body.batchKey, replayed: false });
    expect(answer.requests).toHaveLength(4);
    const numbers = answer.requests.map((r) => Number(r.reference.slice('WR-'.length)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));

    // The same order through the single path, to compare with.
    const single = (
      await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body.orders[3] })
    ).json();
    // The single path answers from what it wrote: exactly what reading the request gives.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/requests/${single.id}`, headers: t.auth })).json()).toEqual(single);
    for (const [n, created] of answer.requests.entries()) {
      const read = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${created.id}`, headers: t.auth });
      expect(read.statusCode).toBe(200);
      const request = read.json();
      expect(request).toMatchObject({
        id: created.id,
        reference: created.reference,
        dueAt: created.dueAt,
        status: 'received',
        authorityReference: (body.orders[n] as { authorityReference?: string }).authorityReference ?? null,
        authority: { id: kz, country: 'KZ' },
        itemCount: body.orders[n]!.items.length,
      });
      expect(request.items.map((i: { position: number; target: string }) => [i.position, i.target])).toEqual(
        body.orders[n]!.items.map((i, position) => [position, i.target]),
      );
      expect(request.events).toHaveLength(1);
      expect(request.events[0]).toMatchObject({ type: 'request_received', actor: { name: 'Ana Reviewer' } });
      expect(request.events[0].after).toEqual({ ...request.events[0].after, reference: created.reference });
    }
    const underRegime = (
      await t.app.inject({ method: 'GET', url: `/api/v1/requests/${answer.requests[3]!.id}`, headers: t.auth })
    ).json();
    const { id: _a, reference: _b, events: batchEvents, items: batchItems, sla: _c, ...batchRest } = underRegime;
    const { id: _d, reference: _e, events: singleEvents, items: singleItems, sla: _f, ...singleRest } = single;
    expect(batchRest).toEqual(singleRest);
    expect(underRegime.deadline).toMatchObject({ basis: 'law', ruleId: expect.stringContaining('kz-2022-child-cyberbullying/') });
    expect(batchItems.map(({ id: _, ...i }: { id: string }) => i)).toEqual(
      singleItems.map(({ id: _, ...i }: { id: string }) => i),
    );
    expect({ ...batchEvents[0].after, reference: null }).toEqual({ ...singleEvents[0].after, reference: null });
    expect({ ...batchEvents[0], id: 0, after: null }).toEqual({ ...singleEvents[0], id: 0, after: null });
  });

  it('keeps the report figures equal to a GROUP BY over the base tables', async () => {
    const res = await postBatch({
      batchKey: newKey(),
      orders: [
        ...orders(5),
        ...orders(3, ru).map((o) => ({
          ...o,
          authorityTimeZone: 'Europe/Moscow',
          kind: 'user_data',
          items: [],
          dataRequest: dataPartFor('user_data', o.items.length),
        })),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const rollups = reportsRepository(t.database.db);
    const scans = reportScans(t.database.db);
    expect(await rollups.availablePeriods()).toEqual(await scans.availablePeriods());
    expect(await rollups.platformCounts()).toEqual(await scans.platformCounts());
    for (const country of ['KZ', 'RU']) {
      const figures = await rollups.countryPeriod(country, { year: 2026, half: 1 });
      expect(figures).toEqual(await scans.countryPeriod(country, { year: 2026, half: 1 }));
      expect(figures.requests).toBeGreaterThan(0);
    }
  });
});

describe('a batch refused', () => {
  const refusedWithNothingWritten = async (body: unknown, field: string, status = 400) => {
    const before = await rowCounts(t.database.pool);
    const res = await postBatch(body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ field });
    expect(await rowCounts(t.database.pool)).toEqual(before);
    return res.json();
  };

  it('over 1,000 orders or 1,000 items in all, or with no order, naming `orders`', async () => {
    const many = orders(1001).map((o) => ({ ...o, items: o.items.slice(0, 1) }));
    const overOrders = await refusedWithNothingWritten({ batchKey: newKey(), orders: many }, 'orders');
    expect(overOrders.detail).toContain('at most 1000 orders');
    const items = Array.from({ length: 501 }, (_, i) => ({ targetKind: 'account', target: `@user${i}`, product: 'Profiles' }));
    const overItems = await refusedWithNothingWritten(
      { batchKey: newKey(), orders: [newRequestBody(kz, { items }), newRequestBody(kz, { items })] },
      'orders',
    );
    expect(overItems.detail).toContain('at most 1000 items in all; this one has 1002');
    await refusedWithNothingWritten({ batchKey: newKey(), orders: [] }, 'orders');
  });

  it('takes exactly 1,000 orders, of 1,000 items in all', async () => {
    const full = orders(1000).map((o) => ({ ...o, items: o.items.slice(0, 1) }));
    const res = await postBatch({ batchKey: newKey(), orders: full });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json().requests).toHaveLength(1000);
  });

  it('takes a full batch of long orders, over the 5 MB the rest of the API takes', async () => {
    const legalBasis = 'Закон о защите детей, ст. 19. '.repeat(70).slice(0, 2000);
    const long = orders(1000).map((o, i) => ({
      ...o,
      legalBasis,
      items: [{ targetKind: 'url', target: `https://video.example/${String(i).padStart(1970, 'x')}`, product: 'Video' }],
    }));
    const body = { batchKey: newKey(), orders: long };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(5 * 1024 * 1024);
    const res = await postBatch(body);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
  });

  it.each([
    [
      'an item the contract refuses',
      (o: ReturnType<typeof orders>) => [
        ...o.slice(0, 3),
        { ...o[3]!, items: [{ targetKind: 'url', target: 'not a url', product: 'Video' }] },
      ],
      'orders[3].items[0].target',
    ],
    [
      'a missing field',
      (o: ReturnType<typeof orders>) => [o[0], { ...o[1], legalBasis: undefined }, o[2], o[3]],
      'orders[1].legalBasis',
    ],
    [
      'a receipt in the future',
      (o: ReturnType<typeof orders>) => [o[0], o[1], { ...o[2], receivedAt: '2026-07-01T00:00:00Z' }, o[3]],
      'orders[2].receivedAt',
    ],
    [
      'an unknown time zone',
      (o: ReturnType<typeof orders>) => [o[0], o[1], o[2], { ...o[3], authorityTimeZone: 'Mars/Olympus' }],
      'orders[3].authorityTimeZone',
    ],
    [
      'an authority that is not registered',
      (o: ReturnType<typeof orders>) => [{ ...o[0], authorityId: '00000000-0000-4000-8000-000000000000' }, o[1], o[2], o[3]],
      'orders[0].authorityId',
    ],
    [
      "a regime that is not the authority's",
      (o: ReturnType<typeof orders>) => [
        o[0],
        { ...o[1], authorityId: ru, regime: 'kz-2023-online-platforms', category: 'x' },
        o[2],
        o[3],
      ],
      'orders[1].regime',
    ],
    [
      'a category the regime does not have',
      (o: ReturnType<typeof orders>) => [
        o[0],
        o[1],
        o[2],
        { ...o[3], regime: 'kz-2022-child-cyberbullying', category: 'nothing' },
      ],
      'orders[3].category',
    ],
  ])('with %s in one order, naming its field, and stores none', async (_, change, field) => {
    const problem = await refusedWithNothingWritten({ batchKey: newKey(), orders: change(orders(4)) }, field);
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(problem.errors[0].field).toBe(field);
  });

  it('lists the problem of every bad order', async () => {
    const body = orders(4).map((o, i) => (i % 2 === 1 ? { ...o, receivedAt: '2026-07-01T00:00:00Z' } : o));
    const problem = await refusedWithNothingWritten({ batchKey: newKey(), orders: body }, 'orders[1].receivedAt');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['orders[1].receivedAt', 'orders[3].receivedAt']);
  });
});

describe('a batch key', () => {
  it('sent again with the same orders answers as the first time (200, replayed) and creates nothing', async () => {
    const body = { batchKey: newKey(), orders: orders(3) };
    const first = await postBatch(body);
    expect(first.statusCode).toBe(201);
    const before = await rowCounts(t.database.pool);
    const again = await postBatch(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), replayed: true });
    // The same orders written otherwise: keys in another order, the instant in another offset.
    const reordered = {
      orders: body.orders.map((o) => {
        const { items, ...rest } = o;
        return { items, ...rest, receivedAt: new Date(o.receivedAt).toISOString().replace('Z', '+00:00') };
      }),
      batchKey: body.batchKey,
    };
    const alike = await postBatch(reordered);
    expect(alike.statusCode, alike.body).toBe(200);
    expect(alike.json().requests).toEqual(first.json().requests);
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('sent with other orders, or by another account, is refused (409 batch_key_reused) and nothing is written', async () => {
    await usersRepository(t.database.db).create({
      email: 'bo@platform.example',
      name: 'Bo Reviewer',
      passwordHash: await hash('another long password'),
    });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'bo@platform.example', password: 'another long password' },
    });
    const bo = { authorization: `Bearer ${signIn.json().token}` };
    const body = { batchKey: newKey(), orders: orders(2) };
    expect((await postBatch(body)).statusCode).toBe(201);
    const before = await rowCounts(t.database.pool);

    const other = await postBatch({ ...body, orders: orders(3) });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'batch_key_reused', field: 'batchKey', status: 409 });
    const byAnother = await postBatch(body, bo);
    expect(byAnother.statusCode).toBe(409);
    expect(byAnother.json()).toMatchObject({ code: 'batch_key_reused' });
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('sent by several calls at once creates the orders once; the others answer as the first', async () => {
    const before = await rowCounts(t.database.pool);
    const body = { batchKey: newKey(), orders: orders(20) };
    const answers = await Promise.all(Array.from({ length: 6 }, () => postBatch(body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const created = answers.find((a) => a.statusCode === 201)!.json();
    for (const a of answers) expect(a.json().requests).toEqual(created.requests);
    const after = await rowCounts(t.database.pool);
    expect(after.requests! - before.requests!).toBe(20);
    expect(after.intake_batches! - before.intake_batches!).toBe(1);
  });
});
