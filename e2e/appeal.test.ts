/**
 * Notices and appeals in a browser (issue 12): the reviewer who restricted an item in KZ issues a
 * notice to the affected account from the order page; the user opens the appeal link from the mail
 * without signing in, sends a statement and sees it open; a lawyer (not the decider) reverses it on
 * the order page, while the decider is offered no decision form; the item then shows no action.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorities, mailOutbox } from '../src/db/schema/index.js';
import { demoReviewer } from '../src/demo/demo-data.js';
import { demoStaff } from '../src/demo/demo-staff.js';
import { type DemoWrit, startDemoWrit } from './browser.js';
import { signedIn } from './staged-review-steps.js';

const reviewer = { email: demoReviewer.email, password: demoReviewer.password };
const legal = demoStaff.find((m) => m.role === 'legal')!;
const userEmail = 'affected.user@mail.example';

let writ: DemoWrit;
let base = '';
let orderId = '';
let itemId = '';

beforeAll(async () => {
  writ = await startDemoWrit();
  base = writ.base;
  const session = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reviewer),
  });
  const { token } = (await session.json()) as { token: string };
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const [authority] = await writ.database.db
    .select({ id: authorities.id })
    .from(authorities)
    .where(eq(authorities.country, 'KZ'));
  const created = await fetch(`${base}/api/v1/requests`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      kind: 'content_removal',
      authorityId: authority!.id,
      authorityTimeZone: 'Asia/Almaty',
      legalBasis: 'Civil Code, Art. 143',
      claimedCategories: ['defamation'],
      channel: 'portal',
      items: [{ targetKind: 'url', target: 'https://example.org/posts/appealed', product: 'Blog' }],
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const order = (await created.json()) as { id: string; items: { id: string }[] };
  orderId = order.id;
  itemId = order.items[0]!.id;
  const decided = await fetch(`${base}/api/v1/requests/${orderId}/items/${itemId}/decision`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({
      outcome: 'removed_legal',
      reason: 'Defamation',
      scopeCountries: ['KZ'],
      rationale: 'A court found the post defamatory.',
    }),
  });
  expect(decided.status, await decided.clone().text()).toBe(200);
}, 120_000);
afterAll(async () => {
  await writ?.close();
});

describe('notice and appeal', () => {
  it('the decider issues a notice, the user appeals from the link, another person reverses it', {
    timeout: 180_000,
  }, async () => {
    const page = await signedIn(writ.browser, base, reviewer);
    await page.goto(`${base}/review/requests/${orderId}`);
    const panel = page.getByTestId('notices-panel');
    const form = panel.getByTestId('notice-form');
    await form.waitFor();
    await form.locator('select[name="itemId"]').selectOption(itemId);
    await form.locator('input[name="recipient"]').fill('account-4711');
    await form.locator('input[name="recipientEmail"]').fill(userEmail);
    const issued = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/requests/${orderId}/notices`) && r.request().method() === 'POST',
    );
    await form.locator('button[type="submit"]').click();
    expect((await issued).status()).toBe(201);
    const notice = panel.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-status')).toBe('sent');

    // The appeal link is in the queued mail to the user.
    const mails = await writ.database.db
      .select({ body: mailOutbox.body })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, userEmail), eq(mailOutbox.requestId, orderId)));
    expect(mails).toHaveLength(1);
    const token = /\/appeal\?token=([A-Za-z0-9_-]+)/.exec(mails[0]!.body)?.[1];
    expect(token).toBeTruthy();

    // The user, not signed in, appeals.
    const userContext = await writ.browser.newContext({ locale: 'en-GB' });
    const user = await userContext.newPage();
    await user.goto(`${base}/appeal?token=${token}`);
    const appealForm = user.getByTestId('appeal-form');
    await appealForm.waitFor();
    expect(await user.getByTestId('appeal-what').textContent()).toContain('https://example.org/posts/appealed');
    await appealForm.locator('textarea[name="statement"]').fill('The post is a true account of the court hearing.');
    await appealForm.locator('button[type="submit"]').click();
    const status = user.getByTestId('appeal-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('open');
    expect(await user.getByTestId('appeal-form').count()).toBe(0);

    // The decider sees the appeal, without a form to decide it.
    await page.reload();
    const appeal = panel.getByTestId('appeal');
    await appeal.waitFor();
    expect(await appeal.getAttribute('data-status')).toBe('open');
    expect(await appeal.textContent()).toContain('The post is a true account of the court hearing.');
    expect(await appeal.getByTestId('appeal-decision-form').count()).toBe(0);

    // A lawyer reverses it.
    const lawyer = await signedIn(writ.browser, base, legal);
    await lawyer.goto(`${base}/review/requests/${orderId}`);
    const decision = lawyer.getByTestId('notices-panel').getByTestId('appeal-decision-form');
    await decision.waitFor();
    await decision.locator('input[name="appealNote"]').fill('The hearing was public; the account is accurate.');
    await decision.getByRole('button', { name: 'Reverse' }).click();
    await lawyer.locator('[data-testid="appeal"][data-status="reversed"]').waitFor();
    const card = lawyer.locator(`[data-testid="item"][data-item-id="${itemId}"]`);
    await card.locator('[data-testid="decision-outcome-label"][data-outcome="no_action"]').waitFor();

    // The user's page says so.
    await user.reload();
    await user.locator('[data-testid="appeal-status"][data-status="reversed"]').waitFor();
    await userContext.close();
  });
});
