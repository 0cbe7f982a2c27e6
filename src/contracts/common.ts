/** Building blocks every part of API v1 shares: codes, instants, text, identifiers and the problem shape. */
import { z } from 'zod';
import { countryCodeMessage, isCountryCode, isJurisdictionCode, jurisdictionCodeMessage } from '../domain/countries.js';
import { isDayWithinRecordRange, isWithinRecordRange, recordRangeMessage } from '../domain/time-range.js';

/** A country by its currently assigned ISO 3166-1 alpha-2 code; withdrawn (SU) and unassigned (XX) codes are refused. */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, countryCodeMessage)
  .refine((c) => isCountryCode(c.toUpperCase()), countryCodeMessage)
  .transform((c) => c.toUpperCase())
  .meta({ example: 'KZ' });

/** A country, or EU where a law, a figure or a published count covers the whole European Union. */
export const jurisdictionCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, jurisdictionCodeMessage)
  .refine((c) => isJurisdictionCode(c.toUpperCase()), jurisdictionCodeMessage)
  .transform((c) => c.toUpperCase())
  .meta({ example: 'KZ' });

/** An instant as ISO-8601 with an offset, within the years Writ's records speak of (src/domain/time-range.ts). */
export const instant = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO-8601 date-time with a UTC offset, e.g. 2026-03-10T23:30:00+05:00',
  })
  .refine((v) => isWithinRecordRange(new Date(v)), recordRangeMessage);

/** A calendar date written YYYY-MM-DD, within the same years. */
export const day = z.iso
  .date({ message: 'must be a date written YYYY-MM-DD' })
  .refine(isDayWithinRecordRange, recordRangeMessage);

/** Text a person typed: trimmed, not empty, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A half-year as written in the reports. Routes also refuse one after the current half-year (parseBegunPeriod: the clock is theirs). */
export const halfYear = z
  .string()
  .regex(/^\d{4}-H[12]$/, 'must be a half-year such as 2021-H1')
  .meta({ example: '2021-H1', description: 'A half-year, not after the current one' });

export const idParam = z.object({ id: z.uuid('must be a UUID') });

/** Who did something, as histories and decisions name them. */
export const person = z.object({ id: z.uuid(), name: z.string() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    instance: z.string().optional(),
  })
  .meta({ id: 'Problem' });
