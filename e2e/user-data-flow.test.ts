/**
 * Issue 11's acceptance in the browser: a reviewer records a user-data order naming two accounts,
 * decides one as produced in full and one as refused (overbroad), uploads the production, and the
 * public country page's data-request figures move by exactly that order: one request, two
 * accounts, one request where some data was produced.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPeriod, periodOf } from '../src/domain/period.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

// The real clock, as the browser's: the production's availability is shown against it. The order is
// received now, in this half-year, beside the demo's own orders there.
const now = new Date();
const country = 'KZ';
const reportPath = `/reports/${country}/${formatPeriod(periodOf(now))}`;

let writ: DemoWrit;
let browser: Browser;
let base: string;

beforeAll(async () => {
  writ = await startDemoWrit({ seedAt: now });
  ({ base, browser } = writ);
});

afterAll(async () => writ?.close());

const figureIds = {
  requests: 'user-data-total-requests',
  accounts: 'user-data-total-accounts',
  someDataProduced: 'user-data-some-data-produced',
  preservation: 'user-data-preservation-requests',
} as const;
type Figures = Record<keyof typeof figureIds, number>;

/** The public country page's data-request figures, read as the page shows them (their data-value). */
async function publicFigures(page: Page): Promise<Figures> {
  await page.goto(`${base}${reportPath}`);
  const section = page.getByTestId('user-data-report');
  await section.getByTestId(figureIds.requests).waitFor();
  const read = async (id: string) => Number(await section.getByTestId(id).getAttribute('data-value'));
  return {
    requests: await read(figureIds.requests),
    accounts: await read(figureIds.accounts),
    someDataProduced: await read(figureIds.someDataProduced),
    preservation: await read(figureIds.preservation),
  };
}

/** Records a user-data order naming two accounts through the reviewer's intake form; answers its page's path. */
async function recordOrder(page: Page): Promise<string> {
  await page.goto(`${base}/review/new`);
  await page.getByTestId('intake-form').waitFor();
  await page.getByTestId('intake-authority').selectOption({ label: 'Almaty City Police Department (demo)' });
  await expect.poll(() => page.getByTestId('intake-zone').inputValue()).toBe('Asia/Almaty');
  await page.getByTestId('intake-kind').selectOption('user_data');
  await page.getByTestId('intake-reference').fill('ADP-D-2026-9001');
  await page.getByTestId('intake-legal-basis').fill('Code of Criminal Procedure, Art. 232 — court sanction');
  await page.getByTestId('data-legal-process').selectOption('court_order');

  // Account rows are numbered by the form; whichever way it counts, the first two are filled.
  const kinds = page.locator('[data-testid^="data-account-kind-"]');
  const identifiers = page.locator('[data-testid^="data-account-identifier-"]');
  await kinds.first().waitFor();
  while ((await kinds.count()) < 2) {
    const had = await kinds.count();
    await page.getByTestId('data-account-add').click();
    await expect.poll(() => kinds.count()).toBe(had + 1);
  }
  await kinds.nth(0).selectOption('username');
  await identifiers.nth(0).fill('@steppe_courier_e2e');
  await kinds.nth(1).selectOption('email');
  await identifiers.nth(1).fill('courier.e2e@mail.kz.example');
  await page.getByTestId('data-category-subscriber_information').check();
  await page.getByTestId('data-category-ip_and_sign_in_logs').check();

  await page.getByTestId('intake-submit').click();
  await page.waitForURL(/\/review\/requests\/[0-9a-f-]+$/);
  return new URL(page.url()).pathname;
}

/** Decides the account at `index` with the form shown under it, and waits for the decision to show. */
async function decideAccount(
  page: Page,
  index: number,
  decision: { extent: 'all' | 'none'; refusalReason?: string; legalBasis: string; rationale: string },
) {
  const account = page.getByTestId('data-account').nth(index);
  const form = account.getByTestId('account-decision-form');
  await form.getByTestId(`account-extent-${decision.extent}`).check();
  if (decision.refusalReason) await form.getByTestId('account-refusal-reason').selectOption(decision.refusalReason);
  await form.getByTestId('account-legal-basis').fill(decision.legalBasis);
  await form.getByTestId('account-rationale').fill(decision.rationale);
  await form.getByTestId('account-decide').click();
  await account.getByTestId('account-decision').waitFor();
}

describe('a user-data order in the browser', () => {
  it('is recorded, decided account by account, produced, and counted on the public country page', async () => {
    const page = await browser.newPage();
    const before = await publicFigures(page);

    await signInAsDemoReviewer(page, base);
    await recordOrder(page);
    await expect.poll(() => page.getByTestId('data-account').count()).toBe(2);

    await decideAccount(page, 0, {
      extent: 'all',
      legalBasis: 'Code of Criminal Procedure, Art. 232 — sanctioned by the investigating judge',
      rationale: 'A court-sanctioned order for a named account; subscriber information and sign-in logs are produced.',
    });
    await decideAccount(page, 1, {
      extent: 'none',
      refusalReason: 'overbroad',
      legalBasis: 'Code of Criminal Procedure, Art. 232',
      rationale: 'Asks for every sign-in of the address for five years; not limited to the offence investigated.',
    });
    await expect
      .poll(async () => ((await page.getByTestId('request-status').textContent()) ?? '').toLowerCase())
      .toContain('decided');

    // The production: a file uploaded on the review page becomes a package; only its manifest is shown.
    const panel = page.getByTestId('production-panel');
    await panel.getByTestId('production-files').setInputFiles({
      name: 'subscriber-information.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('account,registered,phone\n@steppe_courier_e2e,2024-02-11T09:12:00Z,+7 701 555 0199\n'),
    });
    await panel.getByTestId('production-upload').click();
    await expect.poll(() => panel.getByTestId('production-item').count()).toBe(1);
    expect(await panel.textContent()).not.toContain('+7 701 555 0199');
    await page.screenshot({ path: 'test-results/user-data-order.png', fullPage: true });

    await expect
      .poll(async () => {
        const after = await publicFigures(page);
        return {
          requests: after.requests - before.requests,
          accounts: after.accounts - before.accounts,
          someDataProduced: after.someDataProduced - before.someDataProduced,
          preservation: after.preservation - before.preservation,
        };
      })
      .toEqual({ requests: 1, accounts: 2, someDataProduced: 1, preservation: 0 });
    await page.screenshot({ path: 'test-results/user-data-report.png', fullPage: true });
    await page.close();
  });
});
