/**
 * The browser steps of staged review (issue 12), shared by the staged-review and review-workflow
 * tests: sign in as one person, and on an item's card record a stage's finding, decide (a proposal
 * when sensitive) and sign off, each waiting until the card shows what the server answered.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export type Person = { email: string; password: string };

/** A browser of its own for `person`, signed in through the sign-in page. */
export async function signedIn(browser: Browser, base: string, person: Person): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Almaty' });
  const page = await context.newPage();
  await page.goto(`${base}/signin`);
  await page.getByTestId('signin-email').fill(person.email);
  await page.getByTestId('signin-password').fill(person.password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL(`${base}/review`);
  return page;
}

export async function openItem(page: Page, base: string, orderId: string, itemId: string): Promise<Locator> {
  await page.goto(`${base}/review/requests/${orderId}`);
  const card = page.locator(`[data-testid="item"][data-item-id="${itemId}"]`);
  await card.waitFor();
  return card;
}

/** Waits until the card says `step` is next (the server's answer has replaced the order). */
export async function nextStepIs(card: Locator, step: string): Promise<void> {
  await card.locator(`[data-testid="stage-next"][data-step="${step}"]`).waitFor();
}

export async function recordFinding(
  card: Locator,
  stage: 'policy' | 'legal' | 'human_rights',
  finding: string,
  note: string,
  policy?: { reason: string; topics: string[] },
): Promise<void> {
  if (stage === 'policy' && (await card.getByTestId('stage-start').count())) await card.getByTestId('stage-start').click();
  const form = card.locator(`[data-testid="stage-form"][data-stage="${stage}"]`);
  await form.waitFor();
  if (policy) {
    await form.getByTestId('stage-reason').selectOption(policy.reason);
    for (const topic of policy.topics) await form.getByTestId(`stage-topic-${topic}`).check();
  }
  await form.getByTestId('stage-finding').selectOption(finding);
  await form.getByTestId('stage-note').fill(note);
  await form.getByTestId('stage-submit').click();
  await card.locator(`[data-testid="stage-finding-row"][data-stage="${stage}"][data-finding="${finding}"]`).waitFor();
}

export async function decide(
  card: Locator,
  decision: { outcome: string; reason: string; scope?: string; rationale: string; publicSummary?: string },
): Promise<void> {
  await card.getByTestId('decision-outcome').selectOption(decision.outcome);
  await card.getByTestId('decision-reason').selectOption(decision.reason);
  if (decision.scope !== undefined) await card.getByTestId('decision-scope').fill(decision.scope);
  await card.getByTestId('decision-rationale').fill(decision.rationale);
  if (decision.publicSummary) await card.getByTestId('decision-public-summary').fill(decision.publicSummary);
  await card.getByTestId('decision-submit').click();
}

export async function approve(card: Locator, note: string): Promise<void> {
  const form = card.getByTestId('sign-off-form');
  await form.getByTestId('sign-off-note').fill(note);
  await form.getByTestId('sign-off-approve').click();
  await card.locator('[data-testid="decision-outcome-label"]').waitFor();
}

/** The proposer's card: the proposal waits for a second person, and offers them no Approve. */
export async function proposalWaitsForAnother(card: Locator, proposer: string): Promise<void> {
  await card.getByTestId('proposal-waiting').waitFor();
  expect(await card.getByTestId('proposal-waiting').textContent()).toContain(`Proposed by ${proposer}`);
  expect(await card.getByTestId('sign-off-approve').count()).toBe(0);
}
