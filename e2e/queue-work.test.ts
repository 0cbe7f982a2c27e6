/**
 * Queue work in a browser (issue 12): a reviewer finds an unclaimed order through the queue's
 * Unassigned filter, claims it from the order page (the claim panel names them) and finds it again
 * under Mine; on an order with several items under one address, a bulk decision by target pattern
 * previews how many it matches, decides exactly those, and leaves the other item undecided.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorities, users } from '../src/db/schema/index.js';
import { demoReviewer } from '../src/demo/demo-data.js';
import { type DemoWrit, startDemoWrit } from './browser.js';
import { signedIn } from './staged-review-steps.js';

const reviewer = { email: demoReviewer.email, password: demoReviewer.password };

let writ: DemoWrit;
let base = '';

beforeAll(async () => {
  writ = await startDemoWrit();
  base = writ.base;
}, 120_000);
afterAll(async () => {
  await writ?.close();
});

type Recorded = { id: string; reference: string; items: { id: string; target: string }[] };

async function recordOrder(targets: string[]): Promise<Recorded> {
  const session = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reviewer),
  });
  const { token } = (await session.json()) as { token: string };
  const [authority] = await writ.database.db
    .select({ id: authorities.id })
    .from(authorities)
    .where(eq(authorities.country, 'KZ'));
  const created = await fetch(`${base}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      kind: 'content_removal',
      authorityId: authority!.id,
      authorityTimeZone: 'Asia/Almaty',
      legalBasis: 'Civil Code, Art. 143',
      claimedCategories: ['defamation'],
      channel: 'portal',
      items: targets.map((target) => ({ targetKind: 'url', target, product: 'Blog' })),
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  return (await created.json()) as Recorded;
}

describe('queue work', () => {
  it('a reviewer claims an unassigned order and finds it under Mine', { timeout: 120_000 }, async () => {
    const [me] = await writ.database.db.select({ id: users.id }).from(users).where(eq(users.email, reviewer.email));
    const page = await signedIn(writ.browser, base, reviewer);
    await page.getByTestId('queue-row').first().waitFor();
    await page.getByTestId('queue-assignee').selectOption('none');
    await page.waitForURL(/assignee=none/);
    // Every row listed now is unclaimed.
    const rows = page.getByTestId('queue-row');
    await rows.first().waitFor();
    const cells = await page.getByTestId('queue-assignee-cell').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).toBe('Unassigned');
    const reference = (await rows.first().getAttribute('data-reference'))!;
    await rows.first().locator('a.reference').click();
    await page.waitForURL(/\/review\/requests\//);

    const panel = page.getByTestId('claim-panel');
    await panel.getByTestId('claim').click();
    await panel.locator(`[data-testid="claim-holder"][data-assignee="${me!.id}"]`).waitFor();
    expect(await panel.getByTestId('claim-holder').textContent()).toContain('You claimed this order');
    expect(await panel.getByTestId('claim').count()).toBe(0);
    await panel.getByTestId('release').waitFor();

    await page.goBack();
    await page.waitForURL(/assignee=none/);
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/requests?') && r.url().includes('assignee=me'));
    await page.getByTestId('queue-assignee').selectOption('me');
    await page.waitForURL(/assignee=me/);
    expect((await listed).status()).toBe(200);
    // The previous list can stay on screen while the new one loads: wait until no unclaimed row is shown.
    await expect
      .poll(() => page.getByTestId('queue-assignee-cell').filter({ hasText: 'Unassigned' }).count(), { timeout: 15_000 })
      .toBe(0);
    const mine = page.locator(`[data-testid="queue-row"][data-reference="${reference}"]`);
    await mine.waitFor();
    expect(await mine.getByTestId('queue-assignee-cell').textContent()).toBe('Demo Reviewer');
    // Under Unassigned it is gone (once the list is fetched again).
    await page.getByTestId('queue-assignee').selectOption('none');
    await page.waitForURL(/assignee=none/);
    await page.locator(`[data-testid="queue-row"][data-reference="${reference}"]`).waitFor({ state: 'detached' });
    await page.getByTestId('queue-row').first().waitFor();
  });

  it('a bulk decision by pattern previews its count and decides only the matching items', { timeout: 120_000 }, async () => {
    const posts = [1, 2, 3].map((n) => `https://example.org/posts/${n}-slander`);
    const other = 'https://example.org/about';
    const order = await recordOrder([...posts, other]);
    const page = await signedIn(writ.browser, base, reviewer);
    await page.goto(`${base}/review/requests/${order.id}`);
    const bulk = page.getByTestId('bulk-decision');
    await bulk.getByTestId('bulk-pattern').fill('https://example.org/posts/*');
    await bulk.getByTestId('bulk-preview').click();
    const preview = bulk.getByTestId('bulk-preview-result');
    await preview.waitFor();
    expect(await preview.getAttribute('data-matched')).toBe('3');
    expect((await preview.locator('code').allTextContents()).sort()).toEqual([...posts].sort());

    await bulk.getByTestId('bulk-outcome').selectOption('removed_legal');
    await bulk.getByTestId('bulk-reason').selectOption('Defamation');
    await bulk.getByTestId('bulk-scope').fill('KZ');
    await bulk.getByTestId('bulk-rationale').fill('A court found these posts defamatory under Art. 143.');
    await bulk.getByTestId('bulk-apply').click();
    const result = bulk.getByTestId('bulk-result');
    await result.waitFor();
    expect(await result.getAttribute('data-decided')).toBe('3');
    expect(await result.getAttribute('data-refused')).toBe('0');

    for (const item of order.items) {
      const decided = posts.includes(item.target) ? 'true' : 'false';
      await page.locator(`[data-testid="item"][data-item-id="${item.id}"][data-decided="${decided}"]`).waitFor();
    }
    const otherItem = order.items.find((i) => i.target === other)!;
    expect(
      await page.locator(`[data-testid="item"][data-item-id="${otherItem.id}"]`).getByTestId('decision-outcome-label').count(),
    ).toBe(0);
    for (const item of order.items.filter((i) => posts.includes(i.target))) {
      const label = page.locator(`[data-testid="item"][data-item-id="${item.id}"]`).getByTestId('decision-outcome-label');
      expect(await label.getAttribute('data-outcome')).toBe('removed_legal');
    }
  });
});
