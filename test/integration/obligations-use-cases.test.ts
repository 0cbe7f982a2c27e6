/**
 * The obligations register's use cases themselves (src/app/obligations.ts): evidence handed over
 * with a file but no media type is kept as `application/octet-stream`, never as an empty type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence } from '../../src/app/obligations.js';
import type { User } from '../../src/db/users-repository.js';
import { createTestWrit, staffMember, type TestWrit } from '../support/writ.js';

let t: TestWrit;
let lead: User;
beforeAll(async () => {
  t = await createTestWrit({ now: () => new Date('2026-03-01T00:00:00Z') });
  lead = await staffMember(t.writ, 'admin');
});
afterAll(async () => t?.close());

const duty = { country: 'KZ', regimeId: 'kz-2023-online-platforms', dutyId: 'legal-representative' };

describe('addEvidence', () => {
  it('keeps a file given without a media type as application/octet-stream, and one given with its own', async () => {
    const content = Buffer.from('%PDF-1.7 power of attorney');
    const untyped = await addEvidence(
      t.writ,
      duty,
      { note: 'power of attorney', file: { name: 'poa.bin', contentType: undefined, content } },
      lead,
    );
    expect(untyped).toMatchObject({ fileName: 'poa.bin', contentType: 'application/octet-stream', size: content.length });
    const typed = await addEvidence(
      t.writ,
      duty,
      { note: 'power of attorney', file: { name: 'poa.pdf', contentType: 'application/pdf', content } },
      lead,
    );
    expect(typed.contentType).toBe('application/pdf');
  });
});
