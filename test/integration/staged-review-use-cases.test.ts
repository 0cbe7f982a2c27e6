/**
 * The staged-review use cases themselves (src/app/staged-review.ts), called directly over a real
 * database: a stage's finding is recorded only by a role that may perform that stage (checked before
 * anything is read) and only if the stage may find it; a sign-off needs its permission, and an
 * approval makes the proposal the decision; the review policies list every reason category, the
 * admin's row where there is one (only for its own category) and the default elsewhere; a policy is
 * set only by an admin, its stages kept in the stages' order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideItem } from '../../src/app/decisions.js';
import { orderFromBody } from '../../src/app/intake.js';
import { receiveOrder } from '../../src/app/requests.js';
import { recordFinding, reviewPolicies, setReviewPolicy, signOff } from '../../src/app/staged-review.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import type { StaffRole } from '../../src/domain/permissions.js';
import type { Actor } from '../../src/domain/request.js';
import { defaultReviewPolicy } from '../../src/domain/review-vocabulary.js';
import { reasons } from '../../src/domain/vocabulary.js';
import { newRequestBody } from '../support/app.js';
import { createTestWrit, refusal, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

type Staff = Actor & { role: StaffRole };
let t: TestWrit;
let authorityId: string;
let reviewer: Staff;
let legal: Staff;
let legal2: Staff;
let humanRights: Staff;
let admin: Staff;
const missingId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestWrit();
  authorityId = (await testAuthority(t)).id;
  [reviewer, legal, legal2, humanRights, admin] = await Promise.all([
    staffMember(t.writ, 'reviewer'),
    staffMember(t.writ, 'legal'),
    staffMember(t.writ, 'legal'),
    staffMember(t.writ, 'human_rights'),
    staffMember(t.writ, 'admin'),
  ]);
});
afterAll(async () => t?.close());

/** The first item of a new order. */
async function newItem() {
  const { request } = await receiveOrder(t.writ, orderFromBody(newRequestSchema.parse(newRequestBody(authorityId))), reviewer);
  return { requestId: request.id, itemId: request.items[0]!.id };
}

describe('recordFinding', () => {
  it("records the stage's finding and answers with the item's review as it then stands", async () => {
    const item = await newItem();
    const { request } = await recordFinding(
      t.writ,
      item,
      { stage: 'policy', finding: 'no_violation', note: 'No breach', reason: 'Government Criticism', topics: ['journalism'] },
      reviewer,
    );
    expect(request.items[0]!.review).toMatchObject({
      reason: 'Government Criticism',
      topics: ['journalism'],
      sensitive: true,
      stages: [{ stage: 'policy', finding: 'no_violation', note: 'No breach', actor: { id: reviewer.id } }],
      next: { step: 'legal', roles: ['legal'] },
    });
  });

  it('refuses a role that may not perform the stage before reading anything, and a finding of another stage', async () => {
    expect(
      await refusal(
        recordFinding(
          t.writ,
          { requestId: missingId, itemId: missingId },
          { stage: 'legal', finding: 'lawful', note: 'x' },
          reviewer,
        ),
      ),
    ).toEqual({ code: 'forbidden', field: undefined, message: 'a reviewer account may not do this (review.legal)' });
    const item = await newItem();
    expect(
      await refusal(recordFinding(t.writ, item, { stage: 'policy', finding: 'proceed', note: 'x', reason: 'Fraud' }, reviewer)),
    ).toEqual({
      code: 'validation_failed',
      field: 'finding',
      message: 'the policy stage finds one of violates_policy, no_violation',
    });
  });
});

describe('signOff', () => {
  it("needs the sign-off permission; a second person's approval makes the proposal the decision", async () => {
    const item = await newItem();
    await recordFinding(
      t.writ,
      item,
      { stage: 'policy', finding: 'no_violation', note: 'x', reason: 'Government Criticism' },
      reviewer,
    );
    await recordFinding(t.writ, item, { stage: 'legal', finding: 'unlawful_locally', note: 'Art. 19' }, legal);
    await recordFinding(t.writ, item, { stage: 'human_rights', finding: 'proceed', note: 'Narrow' }, humanRights);
    await decideItem(
      t.writ,
      item,
      { outcome: 'removed_legal', reason: 'Government Criticism', scopeCountries: ['KZ'], rationale: 'Unlawful under Art. 19' },
      legal,
    );
    expect(await refusal(signOff(t.writ, item, { approve: true, note: 'x' }, reviewer))).toEqual({
      code: 'forbidden',
      field: undefined,
      message: 'a reviewer account may not do this (decisions.sign_off)',
    });
    const { request } = await signOff(t.writ, item, { approve: true, note: 'Agreed: KZ only' }, legal2);
    expect(request.items[0]!.decision).toMatchObject({
      outcome: 'removed_legal',
      decidedBy: { id: legal.id },
      signedOffBy: { id: legal2.id },
    });
    expect(request.items[0]!.review).toMatchObject({ proposal: null, next: { step: 'done' } });
  });
});

describe('reviewPolicies and setReviewPolicy', () => {
  it("lists every reason category: the admin's row for its own category only, the default for the others", async () => {
    const policies = await setReviewPolicy(
      t.writ,
      { reason: 'Defamation', stages: ['human_rights', 'policy'], sensitive: true },
      admin,
    );
    const expected = reasons.map((reason) =>
      reason === 'Defamation'
        ? { reason, stages: ['policy', 'human_rights'], sensitive: true, custom: true }
        : { ...defaultReviewPolicy(reason), custom: false },
    );
    expect(policies).toEqual(expected);
    expect(await reviewPolicies(t.writ)).toEqual(expected);
    expect(expected.find((p) => p.reason === 'Government Criticism')).toEqual({
      reason: 'Government Criticism',
      stages: ['policy', 'legal', 'human_rights'],
      sensitive: true,
      custom: false,
    });
  });

  it('lets only an admin set a policy', async () => {
    expect(await refusal(setReviewPolicy(t.writ, { reason: 'Fraud', stages: ['policy'], sensitive: false }, legal))).toEqual({
      code: 'forbidden',
      field: undefined,
      message: 'a legal account may not do this (settings.manage)',
    });
    expect((await reviewPolicies(t.writ)).find((p) => p.reason === 'Fraud')).toEqual({
      ...defaultReviewPolicy('Fraud'),
      custom: false,
    });
  });
});
