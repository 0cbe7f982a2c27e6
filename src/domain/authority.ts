/** Registering an authority: every government gets the same channel, so the checks are few. */
import { WritError } from './errors.js';
import { isTimeZone } from './regimes/time.js';
import type { NewAuthority } from './request.js';

export function checkNewAuthority(input: NewAuthority): NewAuthority {
  if (input.timeZone !== null && !isTimeZone(input.timeZone)) {
    throw new WritError(
      'validation_failed',
      `${JSON.stringify(input.timeZone)} is not an IANA time zone (for example Asia/Almaty)`,
      'timeZone',
    );
  }
  return input;
}
