import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../src/config.js';
import type { RegimePack } from '../src/domain/regimes/pack.js';
import { ruleBook } from '../src/domain/regimes/rule-book.js';
import { loadRuleBook } from '../src/rules/packs.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

const now = new Date('2026-05-01T09:00:00Z');
const regime = 'kz-2022-child-cyberbullying';

let writ: DemoWrit;
let browser: Browser;
let base: string;

/** The shipped packs, except that kz-2022-child-cyberbullying's removal deadline is 12 hours. */
function rulesWithShorterKzDeadline() {
  const packs = loadRuleBook(shippedRulesDir).packs.map((pack): RegimePack => {
    if (pack.id !== regime) return pack;
    return {
      ...pack,
      versions: pack.versions.map((v) => ({ ...v, deadlines: v.deadlines.map((d) => ({ ...d, hours: 12 })) })),
    };
  });
  return { rules: ruleBook(packs), policy: { immediateHours: 1, withoutUndueDelayHours: 24 } };
}

beforeAll(async () => {
  writ = await startDemoWrit({ now, demoRules: rulesWithShorterKzDeadline() });
  ({ base, browser } = writ);
});

afterAll(async () => writ?.close());

const signIn = (page: Page) => signInAsDemoReviewer(page, base);

describe('the compliance pages in the browser', () => {
  it('shows SLA badges, records a figure, and keeps a duty’s status', async () => {
    const page = await browser.newPage();
    await signIn(page);

    // The queue: one SLA badge per row, soonest deadline (so overdue) first.
    const rows = page.getByTestId('queue-row');
    await rows.first().waitFor();
    const badges = page.getByTestId('sla-badge');
    expect(await badges.count()).toBe(await rows.count());
    const states = await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-sla')));
    expect(states).toContain('overdue');
    expect(states).toContain('on_track');
    expect(states.every((s) => s === 'on_track' || s === 'due_soon' || s === 'overdue')).toBe(true);
    expect(states[0]).toBe('overdue');
    expect(await badges.first().textContent()).toContain('Overdue');

    await page.getByRole('link', { name: 'Compliance' }).click();
    await page.waitForURL(`${base}/compliance`);
    const form = page.getByTestId('figure-form');
    await form.waitFor();

    // The metric the KZ regimes count in is preselected once the country is chosen.
    await page.getByTestId('figure-country').selectOption('KZ');
    await expect.poll(() => page.getByTestId('figure-metric').inputValue()).toBe('avg_daily_users_over_month');
    await page.getByTestId('figure-value').fill('120000');
    await page.getByTestId('figure-measured').fill('2026-01-15');
    await page.getByTestId('figure-submit').click();
    await page.getByTestId('figure-recorded').waitFor();

    // One legal representative: the 2023 law's (it re-enacted the 2022 duty), due when the threshold was crossed.
    const duty = page.locator('[data-testid="duty"][data-regime="kz-2023-online-platforms"][data-duty="legal-representative"]');
    const due = duty.getByTestId('duty-due');
    await expect.poll(() => due.getAttribute('data-due')).toBe('2026-01-15');
    expect(await due.textContent()).toContain('15 Jan 2026');
    expect(await duty.getAttribute('data-status')).toBe('not_started');

    await duty.getByTestId('duty-status').selectOption('in_progress');
    await duty.getByTestId('duty-owner').fill('Aigerim Sadykova (legal)');
    await duty.getByTestId('duty-save').click();
    await expect.poll(() => duty.getAttribute('data-status')).toBe('in_progress');

    await page.reload();
    await duty.waitFor();
    expect(await duty.getAttribute('data-status')).toBe('in_progress');
    expect(await duty.getByTestId('duty-status').inputValue()).toBe('in_progress');
    expect(await duty.getByTestId('duty-owner').inputValue()).toBe('Aigerim Sadykova (legal)');
    expect(await duty.getByTestId('duty-due').getAttribute('data-due')).toBe('2026-01-15');

    // Countries with overdue duties come first.
    const first = page.getByTestId('compliance-country').first();
    expect(Number(await first.getAttribute('data-overdue'))).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/compliance.png', fullPage: true });
    await page.close();
  });

  it('recomputes a deadline the current rule packs set differently, with a note', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.locator('[data-testid="queue-row"][data-reference="WR-000001"] a').first().click();
    await page.waitForURL(/\/review\/requests\//);

    const panel = page.getByTestId('deadline-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-basis')).toBe('law');
    expect(await panel.getByTestId('deadline-rule').getAttribute('data-rule-id')).toBe(`${regime}/child-cyberbullying-removal`);
    const storedDue = await panel.getAttribute('data-due-at');
    const currentDue = await panel.getByTestId('deadline-review-current').getAttribute('data-due-at');
    expect(storedDue).toBe('2026-05-01T18:00:00.000Z'); // received 06:00, 12 h under the seeding packs
    expect(currentDue).toBe('2026-05-02T06:00:00.000Z'); // 24 h under the shipped packs

    await panel.getByTestId('deadline-recompute').click();
    await panel.getByTestId('deadline-recompute-submit').click(); // no note: nothing is sent
    expect(await panel.getAttribute('data-due-at')).toBe(storedDue);
    await panel.getByTestId('deadline-recompute-note').fill('The pack now reads 24 hours, as the Senate text says.');
    await panel.getByTestId('deadline-recompute-submit').click();

    await panel.getByTestId('deadline-recomputed').waitFor();
    expect(await panel.getAttribute('data-due-at')).toBe(currentDue);
    expect(await panel.getByTestId('deadline-review').count()).toBe(0);
    const event = page.locator('[data-testid="history-event"][data-type="deadline_recomputed"]');
    expect(await event.count()).toBe(1);
    expect(await event.textContent()).toContain('The pack now reads 24 hours');
    await page.close();
  });
});
