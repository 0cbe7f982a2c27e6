/**
 * The user-data report in the browser (issue 11): the public country page's section with its figures
 * and chart, the methodology page's mapping of each figure to Meta's layout C column, and the
 * comparison page's platform series beside Meta's published one (committed Meta excerpts: KZ 2023-H2
 * 2 requests, 4 accounts). Orders are recorded and decided through the API:
 *
 *   KZ 2026-H1: user_data (search warrant, 3 accounts: one produced, two refused), emergency (2 accounts,
 *   undecided), preservation (2 accounts)  →  2 requests, 5 accounts, 1 where some data was produced, 1 preservation
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../src/datasets/import-dataset.js';
import { metaColumns } from '../src/domain/data-report.js';
import { fixtures, readers } from '../test/integration/datasets-support.js';
import { createAuthority, createTestApp, dataRequestBody, type TestApp } from '../test/support/app.js';
import { assertWebBuilt, launchChromium, listen } from './browser.js';

const now = new Date('2026-05-20T12:00:00Z');
let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  assertWebBuilt();
  t = await createTestApp({ now: () => now });
  base = await listen(t.app);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await importDataset(readers(t.database.db).datasets, 'meta-data-requests', path.join(fixtures, 'meta-data-requests'));
  const authority = await createAuthority(t, 'KZ', 'Almaty Police', 'police');
  const post = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${res.json().id}`, headers: t.auth });
    return { id: res.json().id as string, accounts: (detail.json().dataRequest.accounts as { id: string }[]).map((a) => a.id) };
  };
  const receivedAt = '2026-03-02T10:00:00+05:00';
  const accounts = ['a', 'b', 'c'].map((x) => ({ identifierKind: 'username', identifier: `user_${x}` }));
  const order = await post(
    dataRequestBody(authority.id, { receivedAt, dataRequest: { legalProcess: 'search_warrant', accounts } }),
  );
  await post(dataRequestBody(authority.id, { kind: 'emergency_disclosure', receivedAt }));
  await post(dataRequestBody(authority.id, { kind: 'preservation', receivedAt }));
  for (const [n, accountId] of order.accounts.entries()) {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${order.id}/accounts/${accountId}/decision`,
      headers: t.auth,
      payload: {
        extent: n === 0 ? 'all' : 'none',
        refusalReason: n === 0 ? null : 'overbroad',
        legalBasis: 'Criminal Procedure Code, Art. 232',
        rationale: 'e2e',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const value = async (scope: ReturnType<Page['getByTestId']>, testId: string) =>
  Number(await scope.getByTestId(testId).getAttribute('data-value'));

describe('the user-data report in the browser', () => {
  it('shows the figures and a chart on the public country page', async () => {
    await page.goto(`${base}/reports/KZ/2026-H1`);
    const section = page.getByTestId('user-data-report');
    await section.getByTestId('user-data-total-requests').waitFor();
    expect(await value(section, 'user-data-total-requests')).toBe(2);
    expect(await value(section, 'user-data-total-accounts')).toBe(5);
    expect(await value(section, 'user-data-some-data-produced')).toBe(1);
    expect(await value(section, 'user-data-preservation-requests')).toBe(1);
    expect(await value(section, 'user-data-undecided')).toBe(1);
    await section.getByTestId('chart-user-data').locator('canvas').first().waitFor();
    const row = section.locator('[data-testid="user-data-row"][data-process="search_warrant"]');
    expect(await row.textContent()).toMatch(/100(\.0)?\s?%/);
  });

  it('maps every figure to its Meta column on the methodology page', async () => {
    await page.goto(`${base}/methodology#user-data`);
    await page.getByTestId('user-data-mapping').waitFor();
    const rows = page.getByTestId('user-data-mapping-row');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-figure')))).toEqual(
      metaColumns.map((m) => m.figure),
    );
    const total = page.locator('[data-testid="user-data-mapping-row"][data-figure="totalRequests"]');
    expect(await total.getByTestId('user-data-meta-column').textContent()).toContain('Total Requests');
  });

  it("sets the platform's series beside Meta's on the comparison page", async () => {
    await page.goto(`${base}/compare/KZ`);
    await page.getByTestId('user-data-comparison').waitFor();
    const table = page.getByTestId('user-data-comparison-table');
    await table.waitFor();
    const own = table.locator('[data-testid="user-data-comparison-row"][data-period="2026-H1"]');
    expect(await value(own as never, 'platform-requests')).toBe(2);
    const meta = table.locator('[data-testid="user-data-comparison-row"][data-period="2023-H2"]');
    expect(await value(meta as never, 'meta-requests')).toBe(2);
    await page.getByTestId('chart-user-data-counts').locator('canvas').first().waitFor();
  });
});
