/** Wire shapes of an agency's API keys (issue 10): create (the key is in that one answer), list, revoke. */
import { z } from 'zod';
import { instant, person, text } from './common.js';

export const apiKeyStates = ['active', 'expired', 'revoked'] as const;

export const newApiKeySchema = z.object({
  name: text(100).meta({ example: 'Case management system', description: 'What the key is for, as the agency calls it' }),
  expiresAt: instant.optional().meta({
    description: 'When the key stops working: at most a year ahead. Without it the key works until revoked.',
  }),
});
export type NewApiKey = z.infer<typeof newApiKeySchema>;

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ example: 'writ_ak_Qx3f', description: 'The start of the key, to tell keys apart' }),
    state: z.enum(apiKeyStates),
    createdAt: z.string(),
    createdBy: person.nullable(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyView = z.infer<typeof apiKeySchema>;

export const createdApiKeySchema = apiKeySchema.extend({
  key: z.string().meta({
    description: 'The key itself (`Authorization: Bearer writ_ak_…`). Shown this once: Writ keeps only its SHA-256.',
  }),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const apiKeyListSchema = z.object({ keys: z.array(apiKeySchema) });
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;
