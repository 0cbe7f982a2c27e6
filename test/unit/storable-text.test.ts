/** The check that keeps text PostgreSQL cannot store faithfully out of Writ (src/domain/text.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableText, unstorableText } from '../../src/domain/text.js';

describe('text Writ can store', () => {
  it('refuses NUL and lone surrogates, and keeps every well-formed string', () => {
    expect(unstorableText('a\u0000b')).toMatch(/NUL/);
    expect(unstorableText('\ud800')).toMatch(/surrogate/);
    expect(unstorableText('x\udfffy')).toMatch(/surrogate/);
    expect(unstorableText('📜 Приказ')).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(unstorableText(s.replaceAll('\u0000', ''))).toBeNull();
      }),
    );
  });

  it('names the first problem by its path, keys included', () => {
    const body = { items: [{ target: 'ok' }, { target: 'a\u0000' }], note: '\ud800' };
    expect(findUnstorableText(body)).toEqual({ field: 'items/1/target', message: expect.stringMatching(/NUL/) });
    expect(findUnstorableText({ 'k\u0000': 1 })).toMatchObject({ field: 'k\u0000' });
    expect(findUnstorableText({ a: [1, null, true, { b: 'fine' }] })).toBeNull();
  });

  it('walks a body nested a hundred thousand levels deep without overflowing', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.message).toMatch(/NUL/);
  });
});
