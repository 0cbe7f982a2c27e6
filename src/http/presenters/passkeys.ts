/** An officer's passkey on the wire: its credential id, transports and when it was added and last used. */
import type { z } from 'zod';
import type { passkeySchema } from '../../contracts/passkeys.js';
import type { PasskeySummary } from '../../db/passkeys-repository.js';

export const presentPasskey = (p: PasskeySummary): z.input<typeof passkeySchema> => ({
  id: p.credentialId,
  transports: p.transports,
  createdAt: p.createdAt.toISOString(),
  lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
});
