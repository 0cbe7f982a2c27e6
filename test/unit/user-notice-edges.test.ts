/**
 * The edges of a notice to an affected user (src/domain/user-notice.ts): the exact words a user receives
 * by mail, which field a refusal points at, when a notice is held, and the mail telling the outcome of
 * an appeal. The mail is English only (as every server message); the stored notice is language-neutral.
 */
import { describe, expect, it } from 'vitest';
import { WritError } from '../../src/domain/errors.js';
import {
  type AccountNoticeFacts,
  appealOutcomeMail,
  composeNotice,
  type ItemNoticeFacts,
  isHeld,
  type NoticeContent,
  type NoticeFacts,
  noticeHeldUntil,
  noticeMail,
} from '../../src/domain/user-notice.js';

const at = new Date('2026-04-01T10:00:00Z');
const decidedAt = new Date('2026-03-28T15:30:45.123Z');
const appealUrl = 'https://writ.example/appeal?token=abc';
const request = { reference: 'WR-000042', legalBasis: 'Law on Online Platforms, Art. 19' };
const regulator = { name: 'Ministry of Culture and Information', country: 'KZ', kind: 'communications_regulator' };
const item = { targetKind: 'url', target: 'https://video.example/a', product: 'Video' };
const account = { identifierKind: 'username', identifier: 'first_user' };

const itemFacts = (decision: ItemNoticeFacts['decision']): ItemNoticeFacts => ({
  subject: 'item',
  request,
  authority: regulator,
  item,
  decision,
});
const accountFacts = (decision: AccountNoticeFacts['decision']): AccountNoticeFacts => ({
  subject: 'account',
  request,
  authority: regulator,
  account,
  decision,
  nonDisclosureUntil: null,
});

/** The code and field of the refusal `composeNotice` throws, with its message. */
function refusal(facts: NoticeFacts): { code: string; field: string | undefined; message: string } {
  try {
    composeNotice(facts, at);
  } catch (error) {
    if (error instanceof WritError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('composeNotice did not refuse');
}

describe('the mail telling a user their content was restricted', () => {
  it('a removal under local law reads, word for word: the action, where, the authority, the law, the date, the appeal', () => {
    const content = composeNotice(
      itemFacts({ outcome: 'removed_legal', reason: 'Bullying/Harassment', scopeCountries: ['KZ', 'RU'], decidedAt }),
      at,
    );
    expect(noticeMail(content, appealUrl)).toEqual({
      subject: 'Your content was restricted at a state authority’s request',
      body: [
        'Your content was restricted in the countries named below under local law.',
        '',
        'Content: https://video.example/a (Video)',
        'Where: KZ, RU',
        'Asked for by a state authority: Ministry of Culture and Information (KZ, communications regulator), order WR-000042',
        'Legal basis: Law on Online Platforms, Art. 19; decided as Bullying/Harassment',
        'Date of the decision: 2026-03-28',
        '',
        'You may appeal this decision; someone other than the person who decided will review your appeal:',
        'https://writ.example/appeal?token=abc',
        '',
      ].join('\n'),
    });
  });

  it('a removal under the terms reads as removed everywhere, with no countries named', () => {
    const content = composeNotice(
      itemFacts({ outcome: 'removed_policy', reason: 'Hate speech', scopeCountries: null, decidedAt }),
      at,
    );
    const { subject, body } = noticeMail(content, appealUrl);
    expect(subject).toBe('Your content was restricted at a state authority’s request');
    expect(body.split('\n').slice(0, 4)).toEqual([
      'Your content was removed everywhere under our terms.',
      '',
      'Content: https://video.example/a (Video)',
      'Where: everywhere',
    ]);
    expect(body).toContain('Legal basis: Law on Online Platforms, Art. 19; decided as Hate speech\n');
  });

  it('a restriction in a single country names just that country', () => {
    const content = composeNotice(
      itemFacts({ outcome: 'removed_legal', reason: 'Bullying/Harassment', scopeCountries: ['KZ'], decidedAt }),
      at,
    );
    expect(noticeMail(content, appealUrl).body).toContain('\nWhere: KZ\n');
  });

  it('an outcome the mail has no words for is named by its code, not left blank', () => {
    const content = composeNotice(
      itemFacts({ outcome: 'removed_legal', reason: 'Bullying/Harassment', scopeCountries: ['KZ'], decidedAt }),
      at,
    );
    const stored: NoticeContent = {
      ...content,
      restricted: { ...item, outcome: 'geo_blocked', scopeCountries: ['KZ'] },
    };
    expect(noticeMail(stored, appealUrl).body.split('\n')[0]).toBe('Your content was geo_blocked.');
  });
});

describe('the mail telling a user data about their account was disclosed', () => {
  it('reads, word for word: the account, the categories in plain words, the authority, the law, the date, the appeal', () => {
    const content = composeNotice(
      accountFacts({
        extent: 'some',
        producedCategories: ['subscriber_information', 'ip_and_sign_in_logs'],
        legalBasis: 'CPC Art. 232',
        decidedAt,
      }),
      at,
    );
    expect(noticeMail(content, appealUrl)).toEqual({
      subject: 'Data about your account was disclosed',
      body: [
        'Data about your account was disclosed.',
        '',
        'Account: first_user',
        'Data disclosed: subscriber information, ip and sign in logs',
        'Asked for by a state authority: Ministry of Culture and Information (KZ, communications regulator), order WR-000042',
        'Legal basis: Law on Online Platforms, Art. 19; decided as CPC Art. 232',
        'Date of the decision: 2026-03-28',
        '',
        'You may appeal this decision; someone other than the person who decided will review your appeal:',
        'https://writ.example/appeal?token=abc',
        '',
      ].join('\n'),
    });
  });
});

describe('which decision a notice is refused for', () => {
  it('an undecided item is refused as an invalid transition pointing at the item', () => {
    expect(refusal(itemFacts(null))).toMatchObject({ code: 'invalid_transition', field: 'itemId' });
  });

  it('an item that was not restricted is refused pointing at the item', () => {
    const kept = { outcome: 'no_action', reason: 'Bullying/Harassment', scopeCountries: null, decidedAt };
    expect(refusal(itemFacts(kept))).toMatchObject({ code: 'invalid_transition', field: 'itemId' });
  });

  it('an undecided account is refused pointing at the account, saying it is not decided yet', () => {
    const r = refusal(accountFacts(null));
    expect(r).toMatchObject({ code: 'invalid_transition', field: 'accountId' });
    expect(r.message).toMatch(/not decided/);
  });

  it('an account whose data was not produced is refused pointing at the account', () => {
    const none = { extent: 'none', producedCategories: [], legalBasis: 'CPC Art. 232', decidedAt };
    expect(refusal(accountFacts(none))).toMatchObject({ code: 'invalid_transition', field: 'accountId' });
  });
});

describe('until when a notice is held', () => {
  const ndo = new Date('2026-06-01T00:00:00Z');

  it('may be sent exactly when the non-disclosure order ends', () => {
    expect(noticeHeldUntil(new Date(ndo), ndo)).toEqual(ndo);
  });

  it('a date before the non-disclosure order ends is refused on the heldUntil field', () => {
    let thrown: unknown;
    try {
      noticeHeldUntil(new Date(ndo.getTime() - 1), ndo);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WritError);
    expect(thrown).toMatchObject({ code: 'validation_failed', field: 'heldUntil' });
  });

  it('a notice held until a later instant waits', () => {
    expect(isHeld(new Date(at.getTime() + 1), at)).toBe(true);
  });

  it('a notice held until now, or until an instant already past, is sent', () => {
    expect(isHeld(new Date(at), at)).toBe(false);
    expect(isHeld(new Date(at.getTime() - 1), at)).toBe(false);
  });

  it('a notice not held at all is sent', () => {
    expect(isHeld(null, at)).toBe(false);
  });
});

describe('the mail telling a user the outcome of their appeal', () => {
  it('a reversed decision says the appeal was accepted and the action lifted', () => {
    expect(appealOutcomeMail('reversed', 'The video is available again.')).toEqual({
      subject: 'Your appeal: reversed',
      body: 'Your appeal was accepted: the decision was reversed and the action lifted.\n\nThe video is available again.\n',
    });
  });

  it('an upheld decision says the decision stands', () => {
    expect(appealOutcomeMail('upheld', 'The order was lawful.')).toEqual({
      subject: 'Your appeal: upheld',
      body: 'Your appeal was reviewed: the decision stands.\n\nThe order was lawful.\n',
    });
  });
});
