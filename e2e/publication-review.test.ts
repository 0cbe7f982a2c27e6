/**
 * Preparing a public record in a browser (issue 13): a reviewer opens a decided order, sees the
 * proposed redactions (the email in the public summary, chosen), redacts a word of the legal basis
 * by hand from a selection, saves, sees the preview without either value, and approves: the panel
 * says when it publishes, and the stored choices hold the manual span.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorities } from '../src/db/schema/index.js';
import { demoReviewer } from '../src/demo/demo-data.js';
import { type DemoWrit, startDemoWrit } from './browser.js';
import { signedIn } from './staged-review-steps.js';

const reviewer = { email: demoReviewer.email, password: demoReviewer.password };
const email = 'dana.k@mail.kz';
const legalBasis = 'Law on Online Platforms, Art. 19; complaint of Zhanar Seitkali';
const manual = 'Zhanar Seitkali';

let writ: DemoWrit;
let base = '';
let orderId = '';

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
      legalBasis,
      claimedCategories: [],
      channel: 'portal',
      items: [{ targetKind: 'url', target: 'https://video.example/watch/published', product: 'Video' }],
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const order = (await created.json()) as { id: string; items: { id: string }[] };
  orderId = order.id;
  const decided = await fetch(`${base}/api/v1/requests/${orderId}/items/${order.items[0]!.id}/decision`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({
      outcome: 'no_action',
      reason: 'Government Criticism',
      rationale: 'Political speech',
      publicSummary: `Criticism of an official; the complainant wrote from ${email}.`,
    }),
  });
  expect(decided.status, await decided.clone().text()).toBe(200);
}, 120_000);
afterAll(async () => {
  await writ?.close();
});

describe('preparing a public record', () => {
  it('shows proposed redactions, takes a manual one, previews without them and approves', { timeout: 180_000 }, async () => {
    const page = await signedIn(writ.browser, base, reviewer);
    await page.goto(`${base}/review/requests/${orderId}`);
    const panel = page.getByTestId('publication-panel');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('publication-status').getAttribute('data-status')).toBe('draft');

    // The email in the summary is proposed and chosen.
    const summary = panel.locator('[data-testid="publication-field"][data-field="summary"]');
    const proposed = summary.locator('[data-testid="redaction-toggle"][data-kind="email"]');
    await proposed.waitFor();
    expect(await proposed.getAttribute('data-chosen')).toBe('true');
    expect(await proposed.textContent()).toContain(email);
    expect(await panel.getByTestId('preview-summary').textContent()).not.toContain(email);

    // A name in the legal basis, redacted by hand from a selection.
    const basis = panel.locator('[data-testid="publication-field"][data-field="legalBasis"]');
    const start = legalBasis.indexOf(manual);
    await basis.getByTestId('redaction-text').evaluate(
      (el, [a, b]) => {
        // The text is one text node until something in it is marked.
        const node = el.firstChild!;
        const range = document.createRange();
        range.setStart(node, a!);
        range.setEnd(node, b!);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
      },
      [start, start + manual.length],
    );
    await basis.getByTestId('redaction-redact-selection').click();
    const added = basis.getByTestId('redaction-remove');
    await added.waitFor();
    expect(await added.textContent()).toContain(manual);
    await panel.getByTestId('publication-save').click();
    await expect.poll(async () => panel.getByTestId('preview-legal-basis').textContent()).not.toContain(manual);
    expect(await panel.getByTestId('preview-legal-basis').textContent()).toContain('[redacted]');

    await panel.getByTestId('publication-approve').click();
    await expect.poll(() => panel.getByTestId('publication-status').getAttribute('data-status')).toBe('approved');
    expect(await panel.getByTestId('publication-status').textContent()).toContain('publishes after');

    const stored = await writ.database.db.execute<{
      status: string;
      redactions: { field: string; kind: string; start: number }[];
    }>(sql`SELECT status, redactions FROM publications WHERE request_id = ${orderId}`);
    expect(stored.rows[0]!.status).toBe('approved');
    expect(stored.rows[0]!.redactions).toContainEqual(
      expect.objectContaining({ field: 'legalBasis', kind: 'manual', start, end: start + manual.length }),
    );
    expect(stored.rows[0]!.redactions).toContainEqual(expect.objectContaining({ field: 'summary', kind: 'email' }));
    await page.context().close();
  });
});
