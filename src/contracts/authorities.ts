/** Wire shapes of the authorities that issue orders. */
import { z } from 'zod';
import { authorityKinds } from '../domain/vocabulary.js';
import { countryCode, text } from './common.js';

export const authoritySchema = z
  .object({
    id: z.uuid(),
    country: z.string(),
    name: z.string(),
    kind: z.enum(authorityKinds),
    timeZone: z.string().nullable().meta({ description: 'IANA zone the authority works in, when known' }),
    isDemo: z.boolean(),
  })
  .meta({ id: 'Authority' });

export const newAuthoritySchema = z.object({
  country: countryCode,
  name: text(200),
  kind: z.enum(authorityKinds),
  timeZone: text(64).optional().meta({ example: 'Asia/Almaty', description: 'IANA zone the authority works in' }),
});

export const authorityListQuery = z.object({ country: countryCode.optional() });
export const authorityListSchema = z.object({ authorities: z.array(authoritySchema) });
