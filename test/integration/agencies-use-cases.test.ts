/**
 * The agency use cases themselves (src/app/agencies.ts): one agency of a name per country; an
 * unknown agency is named; a rejection or suspension needs a reason, trimmed, which a verification
 * or reinstatement never keeps; only a verification invites the contact as the first admin officer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyWithHistory, applyForAgency, decideAgency } from '../../src/app/agencies.js';
import type { User } from '../../src/db/users-repository.js';
import type { NewAgency } from '../../src/domain/agency.js';
import { createTestWrit, refusal, staffMember, type TestWrit } from '../support/writ.js';

let t: TestWrit;
let admin: User;
beforeAll(async () => {
  t = await createTestWrit({ env: { WRIT_PUBLIC_URL: 'https://writ.platform.example' } });
  admin = await staffMember(t.writ, 'admin');
});
afterAll(async () => t?.close());

const missingId = '00000000-0000-4000-8000-000000000000';
let counter = 0;

function application(overrides: Partial<NewAgency> = {}): NewAgency {
  counter += 1;
  const domain = `agency${counter}.kz.example`;
  return {
    country: 'KZ',
    name: `Ministry ${counter}`,
    kind: 'communications_regulator',
    domain,
    legalMandate: 'Law on Online Platforms, Art. 19',
    contactName: 'First Officer',
    contactEmail: `first@${domain}`,
    timeZone: 'Asia/Almaty',
    ...overrides,
  };
}

describe('applyForAgency', () => {
  it('stores an application as pending, and refuses a second agency of the same name in the same country', async () => {
    const first = application({ name: 'Agency for Digital Development' });
    const agency = await applyForAgency(t.writ, first);
    expect(agency).toMatchObject({ status: 'pending', name: 'Agency for Digital Development', country: 'KZ' });
    const again = application({ name: 'Agency for Digital Development' });
    expect(await refusal(applyForAgency(t.writ, again))).toEqual({
      code: 'conflict',
      field: 'name',
      message: 'KZ already has an agency named "Agency for Digital Development"',
    });
    // Another country may use the name.
    expect(
      (await applyForAgency(t.writ, application({ name: 'Agency for Digital Development', country: 'UZ', timeZone: null })))
        .country,
    ).toBe('UZ');
  });
});

describe('agencyWithHistory', () => {
  it('answers the agency with its events, and names an unknown one', async () => {
    const agency = await applyForAgency(t.writ, application());
    const found = await agencyWithHistory(t.writ, agency.id);
    expect(found.agency.id).toBe(agency.id);
    expect(found.events.map((e) => e.type)).toEqual(['applied']);
    expect(await refusal(agencyWithHistory(t.writ, missingId))).toEqual({
      code: 'not_found',
      field: undefined,
      message: `agency ${missingId} does not exist`,
    });
  });
});

describe('decideAgency', () => {
  it('refuses a rejection without a reason, or with only spaces, and changes nothing', async () => {
    const agency = await applyForAgency(t.writ, application());
    for (const reason of [undefined, null, '', '   ']) {
      expect(
        await refusal(decideAgency(t.writ, { agencyId: agency.id, decision: 'reject', actorUserId: admin.id, reason })),
      ).toEqual({
        code: 'validation_failed',
        field: 'reason',
        message: 'say why: the agency is shown the reason',
      });
    }
    const after = await agencyWithHistory(t.writ, agency.id);
    expect(after.agency.status).toBe('pending');
    expect(after.events).toHaveLength(1);
  });

  it('keeps a rejection reason trimmed, and invites no one', async () => {
    const agency = await applyForAgency(t.writ, application());
    const decided = await decideAgency(t.writ, {
      agencyId: agency.id,
      decision: 'reject',
      actorUserId: admin.id,
      reason: '  No legal mandate shown.  ',
    });
    expect(decided.agency).toMatchObject({ status: 'rejected', statusReason: 'No legal mandate shown.' });
    expect(decided.events.map((e) => e.type)).toEqual(['applied', 'rejected']);
    expect(await t.writ.officers.listOf(agency.id)).toEqual([]);
  });

  it('verifies without keeping a reason and invites the contact as the first admin officer; suspends with one, reinstates without', async () => {
    const input = application();
    const agency = await applyForAgency(t.writ, input);
    const verified = await decideAgency(t.writ, {
      agencyId: agency.id,
      decision: 'verify',
      actorUserId: admin.id,
      reason: 'Checked with the ministry.',
    });
    expect(verified.agency).toMatchObject({ status: 'verified', statusReason: null });
    expect(verified.agency.authorityId).not.toBeNull();
    expect(verified.events.map((e) => e.type)).toEqual(['applied', 'verified', 'officer_invited']);
    const officers = await t.writ.officers.listOf(agency.id);
    expect(officers.map((o) => ({ email: o.email, admin: o.isAgencyAdmin }))).toEqual([
      { email: input.contactEmail, admin: true },
    ]);

    expect(
      await refusal(decideAgency(t.writ, { agencyId: agency.id, decision: 'suspend', actorUserId: admin.id, reason: ' ' })),
    ).toMatchObject({ code: 'validation_failed', field: 'reason' });
    const suspended = await decideAgency(t.writ, {
      agencyId: agency.id,
      decision: 'suspend',
      actorUserId: admin.id,
      reason: ' Orders outside its mandate. ',
    });
    expect(suspended.agency).toMatchObject({ status: 'suspended', statusReason: 'Orders outside its mandate.' });
    const reinstated = await decideAgency(t.writ, {
      agencyId: agency.id,
      decision: 'reinstate',
      actorUserId: admin.id,
      reason: 'Mandate confirmed.',
    });
    expect(reinstated.agency).toMatchObject({ status: 'verified', statusReason: null });
    expect(reinstated.events.map((e) => e.type)).toEqual(['applied', 'verified', 'officer_invited', 'suspended', 'reinstated']);
    // Reinstating does not invite the contact again.
    expect(await t.writ.officers.listOf(agency.id)).toHaveLength(1);
  });

  it('names an unknown agency', async () => {
    expect(await refusal(decideAgency(t.writ, { agencyId: missingId, decision: 'verify', actorUserId: admin.id }))).toEqual({
      code: 'not_found',
      field: undefined,
      message: `agency ${missingId} does not exist`,
    });
  });
});
