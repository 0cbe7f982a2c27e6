/**
 * The rule packs as use cases (src/app/regimes.ts): a jurisdiction's regimes are its packs only,
 * every pack without one; and a deadline is previewed only under a known regime, an unknown one
 * being not_found (as `regime` says) rather than a problem with the query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRegimes, previewDeadline, regime } from '../../src/app/regimes.js';
import { createTestWrit, type TestWrit } from '../support/writ.js';

let t: TestWrit;
beforeAll(async () => {
  t = await createTestWrit();
});
afterAll(async () => t?.close());

describe('listRegimes', () => {
  it("lists a jurisdiction's packs only, every pack when none is named, nothing for a jurisdiction without one", () => {
    const all = listRegimes(t.writ);
    expect(all).toEqual(t.writ.rules.packs);
    const kz = listRegimes(t.writ, 'KZ');
    expect(kz.length).toBeGreaterThan(0);
    expect(kz.length).toBeLessThan(all.length);
    expect(kz.every((p) => p.jurisdiction === 'KZ')).toBe(true);
    expect(kz.map((p) => p.id)).toEqual(all.filter((p) => p.jurisdiction === 'KZ').map((p) => p.id));
    expect(listRegimes(t.writ, 'ZZ')).toEqual([]);
  });
});

describe('previewDeadline', () => {
  it('refuses an unknown regime as not_found, as regime() does', () => {
    const query = {
      regimeId: 'zz-no-such-regime',
      kind: 'content_removal' as const,
      category: 'child_cyberbullying',
      receivedAt: new Date('2026-03-10T08:00:00Z'),
    };
    expect(() => regime(t.writ, query.regimeId)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => previewDeadline(t.writ, query)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it("gives a known regime's deadline for the query", () => {
    const result = previewDeadline(t.writ, {
      regimeId: 'kz-2022-child-cyberbullying',
      kind: 'content_removal',
      category: 'child_cyberbullying',
      receivedAt: new Date('2026-03-10T08:00:00Z'),
    });
    expect(result).toMatchObject({ regimeId: 'kz-2022-child-cyberbullying', hours: 24, dueAt: new Date('2026-03-11T08:00:00Z') });
  });
});
