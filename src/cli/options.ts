/** Checks of the options several commands share, each refusing with the option's name (exit status 1). */
import { countryCodeMessage, isCountryCode, isJurisdictionCode, jurisdictionCodeMessage } from '../domain/countries.js';
import { WritError } from '../domain/errors.js';

/** `--country`: a currently assigned country code (kz → KZ); SU, XX and EU are refused. */
export function countryOption(text: string): string {
  const code = text.trim().toUpperCase();
  if (!isCountryCode(code)) throw new WritError('validation_failed', `--country ${countryCodeMessage} (got ${text})`, 'country');
  return code;
}

/** `--country` where EU-wide figures exist too (published data, the obligations register). */
export function jurisdictionOption(text: string): string {
  const code = text.trim().toUpperCase();
  if (!isJurisdictionCode(code))
    throw new WritError('validation_failed', `--country ${jurisdictionCodeMessage} (got ${text})`, 'country');
  return code;
}
