/**
 * Staged review through the API with real accounts of each role (issue 12): the sensitive path
 * (policy → legal → human rights → proposal → a second person's sign-off), the gates on the way,
 * the default single decision of a non-sensitive category, and the review policies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthority, createStaff, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let authorityId: string;
type Staff = Awaited<ReturnType<typeof createStaff>>;
let reviewer: Staff;
let legal: Staff;
let legal2: Staff;
let humanRights: Staff;
let admin: Staff;

beforeAll(async () => {
  t = await createTestApp();
  authorityId = (await createAuthority(t)).id;
  [reviewer, legal, legal2, humanRights, admin] = await Promise.all([
    createStaff(t, 'reviewer'),
    createStaff(t, 'legal'),
    createStaff(t, 'legal'),
    createStaff(t, 'human_rights'),
    createStaff(t, 'admin'),
  ]);
});
afterAll(async () => t?.close());

type Review = {
  reason: string | null;
  topics: string[];
  sensitive: boolean;
  stages: { stage: string; finding: string; note: string; actor: { id: string } }[];
  proposal: null | { outcome: string; proposedBy: { id: string } };
  next: { step: string; roles: string[]; notUserId?: string };
};
type Detail = {
  id: string;
  status: string;
  items: { id: string; decision: null | Record<string, unknown>; review: Review }[];
  events: { type: string; itemId: string | null }[];
};

async function newOrder(): Promise<Detail> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authorityId),
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}
const itemUrl = (r: Detail, what: string) => `/api/v1/requests/${r.id}/items/${r.items[0]!.id}/${what}`;
const review = (r: Detail, who: Staff, { stage, ...body }: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: itemUrl(r, `review/${stage}`), headers: who.auth, payload: body });
const decide = (r: Detail, who: Staff, body: Record<string, unknown>) =>
  t.app.inject({ method: 'PUT', url: itemUrl(r, 'decision'), headers: who.auth, payload: body });
const signOff = (r: Detail, who: Staff, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: itemUrl(r, 'sign-off'), headers: who.auth, payload: body });
const read = async (r: Detail): Promise<Detail> =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${r.id}`, headers: t.auth })).json();

const restrictInKz = {
  outcome: 'removed_legal',
  reason: 'Government Criticism',
  scopeCountries: ['KZ'],
  rationale: 'Unlawful under Art. 19 as found at the legal stage',
  publicSummary: 'A video restricted in Kazakhstan under Art. 19.',
  publicInterest: true,
  caseStudy: 'A criticised official asked; restricted in KZ only after human-rights review.',
};

describe('the sensitive path', () => {
  it('walks policy → legal → human rights → proposal → sign-off by a second person, restricting in KZ only', async () => {
    const r = await newOrder();
    expect(r.items[0]!.review.next.step).toBe('decide');

    // A restrictive decision before any stage is refused, naming the stage.
    const early = await decide(r, legal, restrictInKz);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'review_stage_required', field: 'outcome' });
    expect(early.json().detail).toContain('policy');

    const policy = await review(r, reviewer, {
      stage: 'policy',
      finding: 'no_violation',
      note: 'No breach of the community rules',
      reason: 'Government Criticism',
      topics: ['journalism'],
    });
    expect(policy.statusCode).toBe(200);
    expect(policy.json().items[0].review).toMatchObject({
      reason: 'Government Criticism',
      topics: ['journalism'],
      sensitive: true,
      next: { step: 'legal', roles: ['legal'] },
    });

    // A reviewer may not perform the legal stage.
    const wrongRole = await review(r, reviewer, { stage: 'legal', finding: 'unlawful_locally', note: 'x' });
    expect(wrongRole.statusCode).toBe(403);

    expect((await review(r, legal, { stage: 'legal', finding: 'unlawful_locally', note: 'Art. 19' })).statusCode).toBe(200);
    // Not before human rights, even with policy and legal done.
    expect((await decide(r, legal, restrictInKz)).json().code).toBe('review_stage_required');
    const hr = await review(r, humanRights, { stage: 'human_rights', finding: 'proceed', note: 'Narrow, local, lawful' });
    expect(hr.json().items[0].review.next).toMatchObject({ step: 'decide' });

    // After a legal finding the restriction covers the requesting country only.
    const wide = await decide(r, legal, { ...restrictInKz, scopeCountries: ['KZ', 'RU'] });
    expect(wide.statusCode).toBe(400);
    expect(wide.json().field).toBe('scopeCountries');

    const proposed = await decide(r, legal, restrictInKz);
    expect(proposed.statusCode).toBe(200);
    const waiting = proposed.json().items[0];
    expect(waiting.decision).toBeNull();
    expect(waiting.review.proposal).toMatchObject({ outcome: 'removed_legal', proposedBy: { id: legal.id } });
    expect(waiting.review.next).toEqual({ step: 'sign_off', roles: ['legal', 'human_rights'], notUserId: legal.id });

    // The proposer cannot sign off; a reviewer has no sign-off permission.
    const self = await signOff(r, legal, { approve: true, note: 'mine' });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('second_person_required');
    expect((await signOff(r, reviewer, { approve: true, note: 'x' })).statusCode).toBe(403);

    const approved = await signOff(r, legal2, { approve: true, note: 'Agreed: KZ only' });
    expect(approved.statusCode).toBe(200);
    const decided = approved.json().items[0];
    expect(decided.decision).toMatchObject({
      outcome: 'removed_legal',
      scopeCountries: ['KZ'],
      decidedBy: { id: legal.id },
      signedOffBy: { id: legal2.id },
      publicSummary: restrictInKz.publicSummary,
      publicInterest: true,
      caseStudy: restrictInKz.caseStudy,
    });
    expect(decided.decision.signedOffAt).toEqual(expect.any(String));
    expect(decided.review.proposal).toBeNull();
    expect(decided.review.next.step).toBe('done');
    expect(decided.review.stages.map((s: { stage: string }) => s.stage)).toEqual(['policy', 'legal', 'human_rights']);
    const types = (approved.json() as Detail).events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['review_finding', 'decision_proposed', 'decision_signed_off']));
  });

  it('a human-rights objection blocks any restriction; the item can still be decided without action', async () => {
    const r = await newOrder();
    await review(r, reviewer, { stage: 'policy', finding: 'violates_policy', note: 'x', reason: 'Government Criticism' });
    await review(r, legal, { stage: 'legal', finding: 'unlawful_locally', note: 'x' });
    await review(r, humanRights, { stage: 'human_rights', finding: 'object', note: 'Protected political speech' });
    for (const body of [restrictInKz, { outcome: 'removed_policy', reason: 'Government Criticism', rationale: 'x' }]) {
      const res = await decide(r, legal, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toContain('objected');
    }
    const none = await decide(r, legal, { outcome: 'no_action', reason: 'Government Criticism', rationale: 'Protected' });
    expect(none.statusCode).toBe(200);
    expect(none.json().items[0].decision.outcome).toBe('no_action');
  });

  it('a rejected proposal is dropped and the item waits for a decision again', async () => {
    const r = await newOrder();
    await review(r, reviewer, { stage: 'policy', finding: 'no_violation', note: 'x', reason: 'Government Criticism' });
    await review(r, legal, { stage: 'legal', finding: 'unlawful_locally', note: 'x' });
    await review(r, humanRights, { stage: 'human_rights', finding: 'proceed', note: 'x' });
    expect((await decide(r, legal, restrictInKz)).statusCode).toBe(200);
    const rejected = await signOff(r, humanRights, { approve: false, note: 'Too broad a reading of Art. 19' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().items[0]).toMatchObject({ decision: null, review: { proposal: null, next: { step: 'decide' } } });
    expect(rejected.json().events.map((e: { type: string }) => e.type)).toContain('proposal_rejected');
  });

  it('stages go in order, and a finding must be one of its stage', async () => {
    const r = await newOrder();
    const legalFirst = await review(r, legal, { stage: 'legal', finding: 'lawful', note: 'x' });
    expect(legalFirst.statusCode).toBe(409);
    expect(legalFirst.json().code).toBe('review_stage_required');
    const wrongFinding = await review(r, reviewer, { stage: 'policy', finding: 'proceed', note: 'x', reason: 'Fraud' });
    expect(wrongFinding.statusCode).toBe(400);
    expect(wrongFinding.json().field).toBe('finding');
    expect((await read(r)).items[0]!.review.stages).toEqual([]);
  });
});

describe('a non-sensitive category', () => {
  it('decides restrictively in one step as before, storing the public summary', async () => {
    const r = await newOrder();
    const res = await decide(r, reviewer, {
      outcome: 'removed_legal',
      reason: 'Bullying/Harassment',
      scopeCountries: ['KZ'],
      rationale: 'Targets a minor',
      publicSummary: 'Restricted in KZ.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].decision).toMatchObject({
      decidedBy: { id: reviewer.id },
      publicSummary: 'Restricted in KZ.',
      publicInterest: false,
      caseStudy: null,
      signedOffBy: null,
    });
  });

  it('refuses public interest without a case study, changing nothing', async () => {
    const r = await newOrder();
    const res = await decide(r, reviewer, { outcome: 'no_action', reason: 'Fraud', rationale: 'x', publicInterest: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('caseStudy');
    expect((await read(r)).items[0]!.decision).toBeNull();
  });

  it('becomes sensitive when the policy stage names a sensitive topic', async () => {
    const r = await newOrder();
    await review(r, reviewer, { stage: 'policy', finding: 'violates_policy', note: 'x', reason: 'Fraud', topics: ['protest'] });
    const res = await decide(r, reviewer, { outcome: 'removed_policy', reason: 'Fraud', rationale: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('legal');
  });
});

describe('review policies', () => {
  it('lists defaults, lets only an admin change one, and a changed policy applies to new decisions', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/review-policies', headers: reviewer.auth });
    expect(list.statusCode).toBe(200);
    const policies = list.json().policies as { reason: string; stages: string[]; sensitive: boolean; custom: boolean }[];
    expect(policies.find((p) => p.reason === 'Government Criticism')).toMatchObject({
      stages: ['policy', 'legal', 'human_rights'],
      sensitive: true,
      custom: false,
    });
    expect(policies.find((p) => p.reason === 'Defamation')).toMatchObject({ stages: [], sensitive: false });

    const put = (who: Staff) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/admin/review-policies/Defamation',
        headers: who.auth,
        payload: { stages: ['legal', 'policy'], sensitive: false },
      });
    expect((await put(legal)).statusCode).toBe(403);
    const changed = await put(admin);
    expect(changed.statusCode).toBe(200);
    expect(changed.json().policies.find((p: { reason: string }) => p.reason === 'Defamation')).toMatchObject({
      stages: ['policy', 'legal'],
      custom: true,
    });

    const r = await newOrder();
    const body = { outcome: 'removed_legal', reason: 'Defamation', scopeCountries: ['KZ'], rationale: 'x' };
    expect((await decide(r, reviewer, body)).json().code).toBe('review_stage_required');
    await review(r, reviewer, { stage: 'policy', finding: 'no_violation', note: 'x', reason: 'Defamation' });
    await review(r, legal, { stage: 'legal', finding: 'unlawful_locally', note: 'x' });
    // Not sensitive: the decision takes effect without a sign-off.
    const res = await decide(r, reviewer, body);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].decision).toMatchObject({ outcome: 'removed_legal', signedOffBy: null });
  });
});
