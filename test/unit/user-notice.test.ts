/** What a notice to an affected user says, and until when it is held (src/domain/user-notice.ts). */
import { describe, expect, it } from 'vitest';
import { composeNotice, noticeHeldUntil, noticeMail } from '../../src/domain/user-notice.js';

const at = new Date('2026-04-01T10:00:00Z');
const base = {
  request: { reference: 'WR-000042', legalBasis: 'Law on Online Platforms, Art. 19' },
  authority: { name: 'Prosecutor General', country: 'KZ', kind: 'prosecutor' },
};
const item = { targetKind: 'url', target: 'https://video.example/a', product: 'Video' };

describe('composing a notice', () => {
  it('for a removal: what, where, which authority, the legal basis, the date, an appeal by link', () => {
    const c = composeNotice(
      {
        subject: 'item',
        ...base,
        item,
        decision: { outcome: 'removed_legal', reason: 'Bullying/Harassment', scopeCountries: ['KZ'], decidedAt: at },
      },
      at,
    );
    expect(c).toEqual({
      kind: 'content_restricted',
      requestedByStateAuthority: true,
      authority: base.authority,
      request: { reference: 'WR-000042' },
      restricted: { ...item, outcome: 'removed_legal', scopeCountries: ['KZ'] },
      disclosed: null,
      legalBasis: { order: 'Law on Online Platforms, Art. 19', decision: 'Bullying/Harassment' },
      decidedAt: at.toISOString(),
      date: '2026-04-01',
      appeal: { method: 'link' },
    });
    const mail = noticeMail(c, 'https://writ.example/appeal?token=abc');
    expect(mail.body).toContain('Where: KZ');
    expect(mail.body).toContain('Prosecutor General (KZ, prosecutor), order WR-000042');
    expect(mail.body).toContain('https://writ.example/appeal?token=abc');
  });

  it('for a data disclosure: the categories produced', () => {
    const c = composeNotice(
      {
        subject: 'account',
        ...base,
        account: { identifierKind: 'username', identifier: 'first_user' },
        decision: { extent: 'some', producedCategories: ['subscriber_information'], legalBasis: 'CPC Art. 232', decidedAt: at },
        nonDisclosureUntil: null,
      },
      at,
    );
    expect(c.kind).toBe('data_disclosed');
    expect(c.disclosed).toEqual({
      identifierKind: 'username',
      identifier: 'first_user',
      extent: 'some',
      categories: ['subscriber_information'],
    });
    expect(c.legalBasis.decision).toBe('CPC Art. 232');
  });

  it('refuses what restricted nothing or produced nothing', () => {
    const noAction = { outcome: 'no_action', reason: 'Bullying/Harassment', scopeCountries: null, decidedAt: at };
    expect(() => composeNotice({ subject: 'item', ...base, item, decision: noAction }, at)).toThrow(/restricted/);
    expect(() => composeNotice({ subject: 'item', ...base, item, decision: null }, at)).toThrow(/not decided/);
    const none = { extent: 'none', producedCategories: [], legalBasis: 'x', decidedAt: at };
    expect(() =>
      composeNotice(
        {
          subject: 'account',
          ...base,
          account: { identifierKind: 'username', identifier: 'u' },
          decision: none,
          nonDisclosureUntil: null,
        },
        at,
      ),
    ).toThrow(/produced/);
  });
});

describe('holding a notice', () => {
  const ndo = new Date('2026-06-01T00:00:00Z');
  it("defaults to the non-disclosure order's end and refuses an earlier date", () => {
    expect(noticeHeldUntil(null, ndo)).toEqual(ndo);
    expect(noticeHeldUntil(new Date('2026-07-01T00:00:00Z'), ndo)).toEqual(new Date('2026-07-01T00:00:00Z'));
    expect(() => noticeHeldUntil(new Date('2026-05-01T00:00:00Z'), ndo)).toThrow(/non-disclosure/);
    expect(noticeHeldUntil(null, null)).toBeNull();
  });
});
