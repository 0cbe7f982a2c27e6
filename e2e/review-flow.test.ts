import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRequests } from '../src/demo/demo-data.js';
import { formatPeriod, periodOf } from '../src/domain/period.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

let writ: DemoWrit;
let browser: Browser;
let base: string;
const seededAt = new Date();

beforeAll(async () => {
  writ = await startDemoWrit({ seedAt: seededAt });
  ({ base, browser } = writ);
});

afterAll(async () => writ?.close());

async function outcomeCounts(page: Page, path: string): Promise<Record<string, number>> {
  await page.goto(`${base}${path}`);
  await page.getByTestId('report-requests').waitFor();
  const counts: Record<string, number> = {};
  for (const bucket of ['removed_legal', 'no_action', 'pending']) {
    counts[bucket] = Number(((await page.getByTestId(`outcome-count-${bucket}`).textContent()) ?? '').replace(/\D/g, ''));
  }
  return counts;
}

describe('deciding a demo request in the browser', () => {
  it('signs in, decides every item, and sees the public report change', async () => {
    const demo = demoRequests[0]!; // the first seeded request is WR-000001: a KZ order with three items
    const country = 'KZ';
    const period = formatPeriod(periodOf(new Date(seededAt.getTime() - demo.hoursAgo * 3_600_000)));
    const reportPath = `/reports/${country}/${period}`;
    const page = await browser.newPage();

    const before = await outcomeCounts(page, reportPath);

    await signInAsDemoReviewer(page, base);

    await page.locator('[data-testid="queue-row"][data-reference="WR-000001"] a').first().click();
    await page.waitForURL(/\/review\/requests\//);
    const items = page.getByTestId('item');
    await expect.poll(() => items.count()).toBe(demo.items.length);

    for (let i = 0; i < demo.items.length; i++) {
      const item = items.nth(i);
      await item.getByTestId('decision-outcome').selectOption('removed_legal');
      await item.getByTestId('decision-reason').selectOption('Bullying/Harassment');
      await expect.poll(() => item.getByTestId('decision-scope').inputValue()).toContain('KZ');
      await item.getByTestId('decision-rationale').fill('Targets an identifiable child; unlawful under the cited article.');
      await item.getByTestId('decision-submit').click();
      await item.getByTestId('decision-outcome-label').waitFor();
    }
    await expect
      .poll(async () => ((await page.getByTestId('request-status').textContent()) ?? '').toLowerCase())
      .toContain('decided');

    const after = await outcomeCounts(page, reportPath);
    expect(after.removed_legal).toBe(before.removed_legal! + demo.items.length);
    expect(after.pending).toBe(before.pending! - demo.items.length);
    await page.screenshot({ path: 'test-results/public-report.png', fullPage: true });
  });
});
