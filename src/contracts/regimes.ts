/** Wire shapes of the regimes (the rule packs) and of a deadline computed without storing anything. */
import { z } from 'zod';
import { confidenceLevels, deadlineClocks } from '../domain/regimes/vocabulary.js';
import { requestKinds } from '../domain/vocabulary.js';
import { instant, jurisdictionCode } from './common.js';
import { appliedRuleSchema } from './requests.js';

export const regimeIdParam = z.object({ id: z.string().min(1).max(100) });
export const regimeListQuery = z.object({ jurisdiction: jurisdictionCode.optional() });

export const regimeSummarySchema = z
  .object({
    id: z.string(),
    jurisdiction: z.string(),
    jurisdictionKind: z.enum(['country', 'union']),
    name: z.object({ en: z.string(), local: z.string().optional(), localLanguage: z.string().optional() }),
    confidence: z.enum(confidenceLevels),
    timeZone: z.string(),
    currentVersion: z
      .object({ version: z.number().int(), from: z.string(), until: z.string().nullable() })
      .nullable()
      .meta({ description: 'The version in force today; null when the regime has ended (e.g. de-netzdg)' }),
    versions: z.array(z.object({ version: z.number().int(), from: z.string(), until: z.string().nullable() })),
    categories: z
      .array(z.object({ kind: z.enum(requestKinds), category: z.string().nullable(), clock: z.enum(deadlineClocks) }))
      .meta({ description: 'Deadline categories of the current (else latest) version; null category: any category' }),
    sourceCount: z.number().int(),
  })
  .meta({ id: 'RegimeSummary' });

export const deadlineQuerySchema = z.object({
  kind: z.enum(requestKinds),
  category: z.string().trim().min(1).max(100).optional(),
  receivedAt: instant,
  periodSetInOrderHours: z.coerce.number().positive().max(8760).optional(),
});

export const deadlineResultSchema = appliedRuleSchema
  .extend({
    dueAt: z.string(),
    dueAtAuthorityTime: z.string().meta({ description: "The due instant in the regime's time zone, with its offset" }),
    explanation: z.string(),
  })
  .meta({ id: 'DeadlineResult' });

export const regimeListSchema = z.object({ regimes: z.array(regimeSummarySchema) });
