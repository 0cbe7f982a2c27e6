/**
 * The reviewer never loses an order (issue 8, item 7): the list filters by status (decided, closed
 * and withdrawn included), country, regime and kind, finds an order by Writ's or the authority's
 * reference, and pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
const refs: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-11T09:00:00Z') });
  const kz = await createAuthority(t, 'KZ', 'Ministry of Information');
  const tr = await createAuthority(t, 'TR', 'BTK', 'communications_regulator');
  const record = async (name: string, authorityId: string, overrides: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: newRequestBody(authorityId, overrides),
    });
    expect(res.statusCode, res.body).toBe(201);
    refs[name] = res.json().id;
    return res.json();
  };
  await record('kzChild', kz.id, {
    authorityReference: 'MI-2026/17',
    regime: 'kz-2022-child-cyberbullying',
    category: 'child_cyberbullying',
  });
  await record('kzPlain', kz.id, { authorityReference: 'MI-2026/18' });
  await record('tr', tr.id, { authorityReference: '100_%x', authorityTimeZone: 'Europe/Istanbul' });
  await record('withdrawn', kz.id, { authorityReference: 'MI-2026/19' });
  const w = await t.app.inject({
    method: 'POST',
    url: `/api/v1/requests/${refs.withdrawn}/status`,
    headers: t.auth,
    payload: { status: 'withdrawn', note: 'the ministry withdrew it' },
  });
  expect(w.statusCode, w.body).toBe(200);
});
afterAll(async () => t?.close());

const ids = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/requests?${query}`, headers: t.auth });
  expect(res.statusCode, res.body).toBe(200);
  return { ids: res.json().requests.map((r: { id: string }) => r.id) as string[], total: res.json().total as number };
};

describe('the order list', () => {
  it('filters by regime and by country', async () => {
    expect((await ids('regime=kz-2022-child-cyberbullying')).ids).toEqual([refs.kzChild]);
    expect((await ids('country=TR')).ids).toEqual([refs.tr]);
  });

  it('shows withdrawn orders when asked, and all orders without a status filter', async () => {
    expect((await ids('status=withdrawn')).ids).toEqual([refs.withdrawn]);
    expect((await ids('')).total).toBe(4);
  });

  it("finds an order by part of Writ's reference or of the authority's, taking % and _ literally", async () => {
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${refs.kzPlain}`, headers: t.auth })).json();
    expect((await ids(`search=${detail.reference.toLowerCase()}`)).ids).toEqual([refs.kzPlain]);
    expect((await ids('search=2026%2F17')).ids).toEqual([refs.kzChild]);
    expect((await ids('search=100_%25')).ids).toEqual([refs.tr]);
    expect((await ids('search=_%25')).ids).toEqual([refs.tr]);
    expect((await ids('search=%25')).ids).toEqual([refs.tr]);
    expect((await ids('search=nothing-like-this')).ids).toEqual([]);
  });

  it('pages with limit and offset, the total counting every match', async () => {
    const first = await ids('limit=2&offset=0');
    const second = await ids('limit=2&offset=2');
    expect(first.total).toBe(4);
    expect(first.ids).toHaveLength(2);
    expect(new Set([...first.ids, ...second.ids]).size).toBe(4);
  });
});
