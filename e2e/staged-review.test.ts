/**
 * Staged review in a browser (issue 12): one "Government Criticism" item walked by three people
 * through policy, legal and human-rights review, a lawyer's proposal that its proposer cannot
 * approve and another lawyer signs off, restricting in KZ only; each card offers a person only the
 * form of their role; a decision of public interest without its case study is refused at that
 * field; admins set the stages per reason category on the review policies page.
 */
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorities } from '../src/db/schema/index.js';
import { usersRepository } from '../src/db/users-repository.js';
import { demoReviewer } from '../src/demo/demo-data.js';
import { demoStaff } from '../src/demo/demo-staff.js';
import { type DemoWrit, startDemoWrit } from './browser.js';
import {
  approve,
  decide,
  nextStepIs,
  openItem,
  type Person,
  proposalWaitsForAnother,
  recordFinding,
  signedIn,
} from './staged-review-steps.js';

const staff = (role: string): Person & { name: string } => demoStaff.find((m) => m.role === role)!;
const reviewer: Person = { email: demoReviewer.email, password: demoReviewer.password };
const legal = staff('legal');
const rights = staff('human_rights');
const admin = staff('admin');
const secondLegal = { email: 'lena.legal@platform.example', password: 'a long legal passphrase', name: 'Lena Legal' };

let writ: DemoWrit;
let base = '';

beforeAll(async () => {
  writ = await startDemoWrit();
  base = writ.base;
  await usersRepository(writ.database.db).create({
    email: secondLegal.email,
    name: secondLegal.name,
    role: 'legal',
    passwordHash: await hash(secondLegal.password),
  });
}, 120_000);
afterAll(async () => {
  await writ?.close();
});

type Recorded = { id: string; items: { id: string }[] };

async function recordOrder(target: string): Promise<Recorded> {
  const token = await tokenOf(reviewer);
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
      legalBasis: 'Law on Mass Media, Art. 2',
      claimedCategories: ['insult of a state official'],
      channel: 'portal',
      items: [{ targetKind: 'url', target, product: 'Video' }],
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  return (await created.json()) as Recorded;
}

// Sign-ins are limited per minute from one address: each person signs in once, in the browser and to the API.
const tokens = new Map<string, string>();
const pages = new Map<string, Page>();

async function pageOf(person: Person): Promise<Page> {
  const page = pages.get(person.email) ?? (await signedIn(writ.browser, base, person));
  pages.set(person.email, page);
  return page;
}

async function tokenOf(person: Person): Promise<string> {
  const known = tokens.get(person.email);
  if (known) return known;
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: person.password }),
  });
  const { token } = (await res.json()) as { token: string };
  tokens.set(person.email, token);
  return token;
}

async function call(person: Person, method: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(person)}` },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('staged review in the browser', () => {
  it('walks policy → legal → human rights → a proposal → another lawyer’s sign-off to a restriction in KZ only', async () => {
    const order = await recordOrder('https://video.example/watch/akim-critique');
    const itemId = order.items[0]!.id;

    const reviewerPage = await pageOf(reviewer);
    let card = await openItem(reviewerPage, base, order.id, itemId);
    // Before any stage, a restriction under a sensitive category is refused, naming the stage.
    await decide(card, { outcome: 'removed_legal', reason: 'Government Criticism', scope: 'KZ', rationale: 'Too early.' });
    const outcomeControl = card.getByTestId('decision-outcome');
    await expect.poll(() => outcomeControl.getAttribute('aria-invalid')).toBe('true');
    const refusal = await card.locator(`#${await outcomeControl.getAttribute('id')}-error`).textContent();
    expect(refusal).toContain('policy');
    expect(await card.getByTestId('decision-outcome-label').count()).toBe(0);

    await recordFinding(card, 'policy', 'no_violation', 'Criticism of an akim; no rule of ours is broken.', {
      reason: 'Government Criticism',
      topics: ['government_criticism', 'journalism'],
    });
    await nextStepIs(card, 'legal');
    expect(await card.getByTestId('stage-review-topics').textContent()).toBe('Government criticism, Journalism');
    expect(await card.getByTestId('stage-form').count()).toBe(0);
    const summaryRow = reviewerPage.locator(`[data-testid="stages-summary-row"][data-item-id="${itemId}"]`);
    expect(await summaryRow.getAttribute('data-next')).toBe('legal');
    expect(await summaryRow.textContent()).toContain('Legal');

    // The human-rights reviewer cannot act before the lawyer: no form on their card yet.
    const rightsPage = await pageOf(rights);
    card = await openItem(rightsPage, base, order.id, itemId);
    expect(await card.getByTestId('stage-waiting-for').textContent()).toBe('Waiting for: Legal');
    expect(await card.getByTestId('stage-form').count()).toBe(0);

    const legalPage = await pageOf(legal);
    card = await openItem(legalPage, base, order.id, itemId);
    await recordFinding(card, 'legal', 'unlawful_locally', 'Unlawful under Art. 2 as the court found.');
    await nextStepIs(card, 'human_rights');

    card = await openItem(rightsPage, base, order.id, itemId);
    await recordFinding(card, 'human_rights', 'proceed', 'Narrow, on a court order: proportionate.');
    await nextStepIs(card, 'decide');

    card = await openItem(legalPage, base, order.id, itemId);
    await decide(card, {
      outcome: 'removed_legal',
      reason: 'Government Criticism',
      scope: 'KZ',
      rationale: 'Court order; restricted where it applies.',
    });
    await proposalWaitsForAnother(card, legal.name);
    await nextStepIs(card, 'sign_off');

    const secondPage = await pageOf(secondLegal);
    card = await openItem(secondPage, base, order.id, itemId);
    await approve(card, 'Read the court order: approved.');
    expect(await card.getByTestId('decision-outcome-label').getAttribute('data-outcome')).toBe('removed_legal');
    expect(await card.getByTestId('decision-signed-off').textContent()).toContain(secondLegal.name);
    expect(await card.textContent()).toContain('Kazakhstan (KZ)');
    await nextStepIs(card, 'done');

    // The history says each step in words.
    const history = (await secondPage.getByTestId('history-event').allTextContents()).join('\n');
    for (const line of ['Review finding', 'Legal review: Unlawful where requested', 'Decision proposed', 'Decision signed off'])
      expect(history).toContain(line);
  });

  it('refuses a decision of public interest without its case study, at that field', async () => {
    const order = await recordOrder('https://video.example/watch/plain-harassment');
    const page = await pageOf(reviewer);
    const card = await openItem(page, base, order.id, order.items[0]!.id);
    await card.getByTestId('decision-outcome').selectOption('no_action');
    await card.getByTestId('decision-reason').selectOption('Bullying/Harassment');
    await card.getByTestId('decision-rationale').fill('Not harassment.');
    await card.getByTestId('decision-public-interest').check();
    await card.getByTestId('decision-case-study').waitFor();
    await card.getByTestId('decision-submit').click();
    const caseStudy = card.getByTestId('decision-case-study');
    await expect.poll(() => caseStudy.getAttribute('aria-invalid')).toBe('true');
    expect(await card.getByTestId('decision-outcome-label').count()).toBe(0);
    await caseStudy.fill('A public-interest account of why nothing was done.');
    await card.getByTestId('decision-submit').click();
    await card.locator('[data-testid="decision-outcome-label"][data-outcome="no_action"]').waitFor();
  });

  it('lets the second person reject a proposal: it is dropped and the item waits for a decision again', async () => {
    const order = await recordOrder('https://video.example/watch/protest-footage');
    const itemId = order.items[0]!.id;
    const item = `/api/v1/requests/${order.id}/items/${itemId}`;
    await call(reviewer, 'POST', `${item}/review/policy`, {
      finding: 'no_violation',
      note: 'Protest footage.',
      reason: 'Government Criticism',
      topics: ['protest'],
    });
    await call(legal, 'POST', `${item}/review/legal`, { finding: 'unlawful_locally', note: 'Unlawful as ordered.' });
    await call(rights, 'POST', `${item}/review/human_rights`, { finding: 'proceed', note: 'Proceed if narrow.' });
    await call(legal, 'PUT', `${item}/decision`, {
      outcome: 'removed_legal',
      reason: 'Government Criticism',
      scopeCountries: ['KZ'],
      rationale: 'As ordered.',
    });

    const page = await pageOf(rights);
    const card = await openItem(page, base, order.id, itemId);
    await nextStepIs(card, 'sign_off');
    await card.getByTestId('sign-off-note').fill('The order names no court; not approved.');
    await card.getByTestId('sign-off-reject').click();
    await nextStepIs(card, 'decide');
    expect(await card.getByTestId('proposal').count()).toBe(0);
    expect(await card.getByTestId('decision-outcome-label').count()).toBe(0);
    await page.locator('[data-testid="history-event"][data-type="proposal_rejected"]').waitFor();
  });

  it('lets an admin set the stages of a reason category, with the defaults shown', async () => {
    const page = await pageOf(admin);
    await page.goto(`${base}/admin/review-policies`);
    const rows = page.getByTestId('review-policy-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(22);
    const criticism = page.locator('[data-testid="review-policy-row"][data-reason="Government Criticism"]');
    for (const stage of ['policy', 'legal', 'human_rights'])
      expect(await criticism.getByTestId(`review-policy-stage-${stage}`).isChecked()).toBe(true);
    expect(await criticism.getByTestId('review-policy-sensitive').isChecked()).toBe(true);
    expect(await criticism.getByTestId('review-policy-source').textContent()).toBe('Default');

    const copyright = page.locator('[data-testid="review-policy-row"][data-reason="Copyright"]');
    expect(await copyright.getByTestId('review-policy-stage-legal').isChecked()).toBe(false);
    await copyright.getByTestId('review-policy-stage-legal').check();
    await copyright.getByTestId('review-policy-save').click();
    await page.locator('[data-testid="review-policy-row"][data-reason="Copyright"][data-custom="true"]').waitFor();
    await page.reload();
    const saved = page.locator('[data-testid="review-policy-row"][data-reason="Copyright"]');
    await saved.waitFor();
    expect(await saved.getByTestId('review-policy-stage-legal').isChecked()).toBe(true);
    expect(await saved.getByTestId('review-policy-stage-policy').isChecked()).toBe(false);
    expect(await saved.getByTestId('review-policy-source').textContent()).toBe('Set by an admin');
  });
});
