/**
 * Deciding a user's appeal as a use case (src/app/appeals.ts): an appeal is decided once — a later
 * reversal of an upheld appeal is refused before it touches the item; neither the person who decided
 * the action nor the one who signed it off may decide its appeal; only a reversal changes the item's
 * decision, to no action with the rationale "Reversed on appeal: <note>".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAppeal, fileAppeal } from '../../src/app/appeals.js';
import { decideItem } from '../../src/app/decisions.js';
import { orderFromBody } from '../../src/app/intake.js';
import { issueNotice } from '../../src/app/notices.js';
import { receiveOrder } from '../../src/app/requests.js';
import { recordFinding, signOff } from '../../src/app/staged-review.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import type { User } from '../../src/db/users-repository.js';
import type { Reason } from '../../src/domain/vocabulary.js';
import { createTestWrit, refusal, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

let t: TestWrit;
let authorityId: string;
let reviewer: User;
let second: User;
let legal: User;
let legal2: User;
let humanRights: User;

beforeAll(async () => {
  t = await createTestWrit({ env: { WRIT_PUBLIC_URL: 'https://writ.platform.example' } });
  authorityId = (await testAuthority(t)).id;
  [reviewer, second, legal, legal2, humanRights] = await Promise.all([
    staffMember(t.writ, 'reviewer'),
    staffMember(t.writ, 'reviewer'),
    staffMember(t.writ, 'legal'),
    staffMember(t.writ, 'legal'),
    staffMember(t.writ, 'human_rights'),
  ]);
});
afterAll(async () => t?.close());

/** An order of one item, decided by `decider` (restricted in KZ), after `review` has reviewed it. */
async function decidedOrder(
  decider: User,
  reason: Reason,
  review: (item: { requestId: string; itemId: string }) => Promise<unknown> = async () => {},
) {
  const body = newRequestSchema.parse({
    kind: 'content_removal',
    authorityId,
    authorityTimeZone: 'Asia/Almaty',
    legalBasis: 'Law on Online Platforms, Art. 19',
    channel: 'portal',
    items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
  });
  const { request } = await receiveOrder(t.writ, orderFromBody(body), reviewer);
  const item = { requestId: request.id, itemId: request.items[0]!.id };
  await review(item);
  await decideItem(
    t.writ,
    item,
    { outcome: 'removed_legal', reason, scopeCountries: ['KZ'], rationale: 'Unlawful under Art. 19' },
    decider,
  );
  return item;
}

/** A notice sent for a decided item, and the user's appeal filed with its token. */
async function appealOf(item: { requestId: string; itemId: string }) {
  const notice = await issueNotice(t.writ, item.requestId, { itemId: item.itemId, recipient: 'user:9' }, reviewer);
  const { rows } = await t.database.pool.query<{ payload: { noticeId: string; appealUrl: string } }>(
    `SELECT payload FROM sink_deliveries WHERE event_type = 'notice.issued'`,
  );
  const url = rows.find((r) => r.payload.noticeId === notice.id)!.payload.appealUrl;
  const token = new URL(url).searchParams.get('token')!;
  const appeal = await fileAppeal(t.writ, { token, statement: 'This was satire, not bullying.' });
  return { ...item, appealId: appeal.id };
}

const appealedRestriction = async (decider: User) => appealOf(await decidedOrder(decider, 'Bullying/Harassment'));

async function itemDecision(requestId: string) {
  const { rows } = await t.database.pool.query<{ outcome: string; reason: string; rationale: string; decided_by: string }>(
    'SELECT d.outcome, d.reason, d.rationale, d.decided_by FROM decisions d JOIN items i ON i.id = d.item_id WHERE i.request_id = $1',
    [requestId],
  );
  return rows;
}

describe('decideAppeal', () => {
  it('reverses: the item is decided again by the second person, no action for the same reason, "Reversed on appeal: <note>"', async () => {
    const a = await appealedRestriction(reviewer);
    const decided = await decideAppeal(
      t.writ,
      a.requestId,
      a.appealId,
      { outcome: 'reversed', note: 'Satire, within the law' },
      second,
    );
    expect(decided).toMatchObject({ status: 'reversed', decisionNote: 'Satire, within the law' });
    expect(await itemDecision(a.requestId)).toEqual([
      {
        outcome: 'no_action',
        reason: 'Bullying/Harassment',
        rationale: 'Reversed on appeal: Satire, within the law',
        decided_by: second.id,
      },
    ]);
  });

  it('upholds: the item keeps its decision', async () => {
    const a = await appealedRestriction(reviewer);
    const decided = await decideAppeal(
      t.writ,
      a.requestId,
      a.appealId,
      { outcome: 'upheld', note: 'Bullying, as found' },
      second,
    );
    expect(decided).toMatchObject({ status: 'upheld', decisionNote: 'Bullying, as found' });
    expect(await itemDecision(a.requestId)).toEqual([
      { outcome: 'removed_legal', reason: 'Bullying/Harassment', rationale: 'Unlawful under Art. 19', decided_by: reviewer.id },
    ]);
  });

  it('refuses to decide an appeal a second time (status), and a late reversal of an upheld appeal leaves the item as it was', async () => {
    const a = await appealedRestriction(reviewer);
    await decideAppeal(t.writ, a.requestId, a.appealId, { outcome: 'upheld', note: 'Bullying, as found' }, second);
    const again = decideAppeal(t.writ, a.requestId, a.appealId, { outcome: 'reversed', note: 'On second thoughts' }, legal);
    expect(await refusal(again)).toEqual({
      code: 'invalid_transition',
      field: 'status',
      message: 'the appeal was decided already',
    });
    expect(await itemDecision(a.requestId)).toEqual([
      { outcome: 'removed_legal', reason: 'Bullying/Harassment', rationale: 'Unlawful under Art. 19', decided_by: reviewer.id },
    ]);
    const { rows } = await t.database.pool.query(
      `SELECT type FROM events WHERE request_id = $1 AND type IN ('decision_changed', 'appeal_decided')`,
      [a.requestId],
    );
    expect(rows.map((r) => r.type)).toEqual(['appeal_decided']);
  });

  it('refuses the person who decided the action, and leaves the appeal open and the item as it was', async () => {
    const a = await appealedRestriction(reviewer);
    const byDecider = decideAppeal(t.writ, a.requestId, a.appealId, { outcome: 'reversed', note: 'Mine to undo' }, reviewer);
    expect(await refusal(byDecider)).toMatchObject({ code: 'second_person_required' });
    expect((await itemDecision(a.requestId))[0]).toMatchObject({ outcome: 'removed_legal' });
    const { rows } = await t.database.pool.query('SELECT status FROM appeals WHERE id = $1', [a.appealId]);
    expect(rows).toEqual([{ status: 'open' }]);
  });

  it('refuses the person who signed off a sensitive action, and takes a third', async () => {
    // Government criticism is sensitive: policy, legal and human-rights stages, then a proposal and its sign-off.
    const item = await decidedOrder(legal, 'Government Criticism', async (item) => {
      await recordFinding(
        t.writ,
        item,
        { stage: 'policy', finding: 'no_violation', note: 'No breach', reason: 'Government Criticism' },
        reviewer,
      );
      await recordFinding(t.writ, item, { stage: 'legal', finding: 'unlawful_locally', note: 'Art. 19' }, legal);
      await recordFinding(
        t.writ,
        item,
        { stage: 'human_rights', finding: 'proceed', note: 'Narrow, local, lawful' },
        humanRights,
      );
    });
    // The legal reviewer's decision was a proposal; the second legal reviewer's sign-off makes it the decision.
    expect(await itemDecision(item.requestId)).toEqual([]);
    await signOff(t.writ, item, { approve: true, note: 'Agreed' }, legal2);
    expect(await itemDecision(item.requestId)).toMatchObject([{ outcome: 'removed_legal', decided_by: legal.id }]);
    const a = await appealOf(item);
    const bySigner = decideAppeal(t.writ, a.requestId, a.appealId, { outcome: 'upheld', note: 'Mine to confirm' }, legal2);
    expect(await refusal(bySigner)).toMatchObject({ code: 'second_person_required' });
    const byProposer = decideAppeal(t.writ, a.requestId, a.appealId, { outcome: 'upheld', note: 'Mine to confirm' }, legal);
    expect(await refusal(byProposer)).toMatchObject({ code: 'second_person_required' });
    expect(
      await decideAppeal(t.writ, a.requestId, a.appealId, { outcome: 'upheld', note: 'Hate speech, as found' }, second),
    ).toMatchObject({ status: 'upheld' });
  });
});
