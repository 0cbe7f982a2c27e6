/** Registering an authority: its time zone, when given, is an IANA zone (src/domain/authority.ts). */
import { describe, expect, it } from 'vitest';
import { checkNewAuthority } from '../../src/domain/authority.js';
import { WritError } from '../../src/domain/errors.js';
import type { NewAuthority } from '../../src/domain/request.js';

const regulator: NewAuthority = {
  country: 'KZ',
  name: 'Ministry of Information',
  kind: 'communications_regulator',
  timeZone: null,
};

/** The code and field of the error registering `input` throws, or 'accepted'. */
const verdict = (input: NewAuthority) => {
  try {
    checkNewAuthority(input);
    return 'accepted';
  } catch (error) {
    return error instanceof WritError ? `${error.code}:${error.field ?? ''}` : String(error);
  }
};

describe('registering an authority', () => {
  it('accepts an authority with an IANA time zone, or with none, unchanged', () => {
    const almaty = { ...regulator, timeZone: 'Asia/Almaty' };
    expect(checkNewAuthority(almaty)).toEqual(almaty);
    expect(checkNewAuthority(regulator)).toEqual(regulator);
  });

  it('refuses a time zone that is not an IANA zone, naming the timeZone field', () => {
    for (const timeZone of ['Almaty', '+05:00', ''])
      expect(verdict({ ...regulator, timeZone }), timeZone).toBe('validation_failed:timeZone');
  });
});
