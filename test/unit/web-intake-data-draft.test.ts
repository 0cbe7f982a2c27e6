/**
 * The reviewers' intake form's data part (web/src/review/intake/data-draft.ts, draft.ts) against the
 * API's own schema: a data order's body carries the data part and no items, times are read in the
 * authority's zone, the emergency goes only with an emergency disclosure, a removal keeps its items,
 * and a problem's path names the draft's control.
 */
import { describe, expect, it } from 'vitest';
import { newRequestSchema } from '../../src/contracts/requests.js';
import { emptyDataDraft, firstProcess, newAccount, pastedAccounts } from '../../web/src/review/intake/data-draft.js';
import { type Draft, emptyDraft, intakeSchema, requestBody } from '../../web/src/review/intake/draft.js';

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  ...emptyDraft(),
  authorityId: '0b8e4c8e-8d0a-4c4e-9a52-0f6f0f8b8a11',
  authorityTimeZone: 'Asia/Almaty',
  receivedAt: '2026-03-10T23:30',
  legalBasis: 'Criminal Procedure Code, Art. 232',
  ...overrides,
});

describe('the intake draft of a data order', () => {
  it('sends the data part and no items, with times in the authority’s zone', () => {
    const body = requestBody(
      draft({
        kind: 'user_data',
        dataRequest: {
          ...emptyDataDraft(),
          legalProcess: 'court_order',
          accounts: [
            newAccount('username', 'first_user'),
            { ...newAccount('ip_address', '203.0.113.7'), from: '2026-03-01T10:00', to: '2026-03-01T12:00' },
          ],
          categories: ['subscriber_information'],
          nonDisclosureUntil: '2026-09-01T00:00',
          emergency: { threat: 'child_safety', justification: 'not an emergency order' },
        },
      }),
    );
    expect(body.items).toEqual([]);
    expect(body.dataRequest).toEqual({
      legalProcess: 'court_order',
      accounts: [
        { identifierKind: 'username', identifier: 'first_user' },
        {
          identifierKind: 'ip_address',
          identifier: '203.0.113.7',
          from: '2026-03-01T10:00:00+05:00',
          to: '2026-03-01T12:00:00+05:00',
        },
      ],
      categories: ['subscriber_information'],
      nonDisclosureUntil: '2026-09-01T00:00:00+05:00',
    });
    expect(newRequestSchema.safeParse(body).success).toBe(true);
  });

  it('states the emergency only for an emergency disclosure, whose process is its only one', () => {
    expect(firstProcess('emergency_disclosure')).toBe('emergency_request');
    expect(firstProcess('preservation')).toBe('preservation_request');
    expect(firstProcess('user_data')).toBe('');
    const body = requestBody(
      draft({
        kind: 'emergency_disclosure',
        dataRequest: {
          ...emptyDataDraft('emergency_disclosure'),
          accounts: [newAccount('phone', '+77001234567')],
          categories: ['location'],
          emergency: { threat: 'child_safety', justification: 'A child is missing.' },
        },
      }),
    );
    expect(body.dataRequest).toMatchObject({
      legalProcess: 'emergency_request',
      emergency: { threat: 'child_safety', justification: 'A child is missing.' },
    });
  });

  it('keeps a removal order as it was: its items, no data part', () => {
    const body = requestBody(draft({ items: [{ targetKind: 'url', target: 'https://video.example/a', product: 'Video' }] }));
    expect(body.items).toEqual([{ targetKind: 'url', target: 'https://video.example/a', product: 'Video' }]);
    expect(body).not.toHaveProperty('dataRequest');
  });

  it('names the control of a missing identifier and of an unchosen process, as the form’s fields are named', async () => {
    const result = await intakeSchema.safeParseAsync(
      draft({ kind: 'user_data', dataRequest: { ...emptyDataDraft(), categories: ['metadata'] } }),
    );
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['dataRequest.legalProcess', 'dataRequest.accounts.0.identifier']));
  });

  it('takes pasted identifiers one a line, skipping blanks and the ones already named', () => {
    const { fresh, repeated } = pastedAccounts('alice\n\n Bob \nalice\n', 'username', [newAccount('username', 'bob')]);
    expect(fresh).toEqual([newAccount('username', 'alice')]);
    expect(repeated).toBe(2);
  });
});
