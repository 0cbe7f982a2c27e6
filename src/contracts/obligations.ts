/** Wire shapes of the obligations register: user figures, duties with status and evidence (the Compliance page). */
import { z } from 'zod';
import { pressureKinds, pressureStatuses } from '../domain/pressure.js';
import { readingSchema, thresholdSchema } from '../domain/regimes/pack.js';
import {
  complianceWindowStarts,
  confidenceLevels,
  coverageMetrics,
  dutyKinds,
  dutyStatuses,
} from '../domain/regimes/vocabulary.js';
import { day, jurisdictionCode, person } from './common.js';

export const userFigureSchema = z
  .object({
    id: z.uuid(),
    country: z.string(),
    metric: z.enum(coverageMetrics),
    value: z.number().int(),
    measuredOn: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'UserFigure' });

export const newUserFigureSchema = z.object({
  country: jurisdictionCode.meta({ description: 'ISO country code, or EU for figures the EU regimes count EU-wide' }),
  metric: z.enum(coverageMetrics).meta({ description: 'The metric the law uses (see the regime coverage)' }),
  value: z.number().int().min(0).max(10_000_000_000),
  measuredOn: day,
  note: z.string().trim().min(1).max(2000).optional(),
});

const evidenceSchema = z
  .object({
    id: z.uuid(),
    note: z.string(),
    fileName: z.string().nullable(),
    contentType: z.string().nullable(),
    size: z.number().int().nullable(),
    sha256: z.string().nullable(),
    addedBy: person.nullable(),
    addedAt: z.string(),
    downloadUrl: z.string().nullable(),
  })
  .meta({ id: 'Evidence' });

const dutyViewSchema = z
  .object({
    dutyId: z.string(),
    kind: z.enum(dutyKinds),
    summary: z.string(),
    representative: z.object({ citizenship: z.string().nullable(), residency: z.string().nullable() }).nullable(),
    condition: z.string().nullable(),
    complianceWindowDays: z.number().int().nullable(),
    complianceWindowFrom: z.enum(complianceWindowStarts),
    startsOn: z.string(),
    dueOn: z.string(),
    noDueDate: z.boolean().meta({ description: 'The law sets no date ("as and when feasible"): never overdue' }),
    overdue: z.boolean(),
    readings: z.array(readingSchema).nullable(),
    appliedReading: z.string().nullable(),
    appliedBecause: z.string().nullable(),
    status: z.enum(dutyStatuses),
    owner: z.string().nullable(),
    note: z.string().nullable(),
    notApplicableReason: z.string().nullable(),
    updatedAt: z.string().nullable(),
    updatedBy: person.nullable(),
    evidence: z.array(evidenceSchema),
    sources: z.array(z.string()),
    sanctions: z
      .array(
        z.object({
          id: z.uuid(),
          kind: z.enum(pressureKinds),
          title: z.string(),
          authority: z.string(),
          status: z.enum(pressureStatuses),
          announcedOn: z.string(),
          amount: z.string().nullable(),
          currency: z.string().nullable(),
          demo: z.boolean(),
          orders: z.number().int().meta({ description: 'How many orders it concerns' }),
        }),
      )
      .meta({ description: 'Pressure events recorded under this duty (fines, blocks …), oldest first' }),
  })
  .meta({ id: 'DutyView' });

const warningSchema = z
  .object({
    kind: z.enum(['approaching_threshold', 'missing_figure']),
    regimeId: z.string(),
    dutyId: z.string().nullable().optional(),
    metric: z.enum(coverageMetrics),
    threshold: z.number().optional(),
    value: z.number().optional(),
    measuredOn: z.string().optional(),
    shareOfThreshold: z.number().optional(),
    message: z.string().optional(),
  })
  .meta({ id: 'RegisterWarning' });

export const countryObligationsSchema = z
  .object({
    country: z.string(),
    latestFigures: z.array(userFigureSchema),
    regimes: z.array(
      z.object({
        regimeId: z.string(),
        name: z.string(),
        version: z.number().int(),
        confidence: z.enum(confidenceLevels),
        coverage: thresholdSchema.nullable(),
        figure: userFigureSchema.nullable(),
        crossedOn: z.string().nullable(),
        duties: z.array(dutyViewSchema),
      }),
    ),
    notApplying: z.array(z.object({ regimeId: z.string(), name: z.string(), reason: z.string() })),
    warnings: z.array(warningSchema),
  })
  .meta({ id: 'CountryObligations' });

export const registerSchema = z
  .object({ asOf: z.string(), countries: z.array(countryObligationsSchema) })
  .meta({ id: 'Register' });

export const dutyParams = z.object({
  country: jurisdictionCode,
  regimeId: z.string().min(1).max(100),
  dutyId: z.string().min(1).max(100),
});

export const dutyUpdateSchema = z.object({
  status: z.enum(dutyStatuses),
  owner: z.string().trim().min(1).max(200).nullable().default(null).meta({ description: 'Who is responsible (name or e-mail)' }),
  note: z.string().trim().min(1).max(5000).nullable().default(null),
  notApplicableReason: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .nullable()
    .default(null)
    .meta({ description: 'Required when status is not_applicable' }),
});

export const newEvidenceSchema = z.object({
  note: z.string().trim().min(1, 'say what the evidence shows').max(5000),
  fileName: z.string().trim().min(1).max(255).optional(),
  contentType: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as application/pdf')
    .optional(),
  contentBase64: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
    .optional()
    .meta({ description: 'The file, base64-encoded; at most 5 MB once decoded' }),
});

export const evidenceResponseSchema = evidenceSchema;

export const registerQuery = z.object({ country: jurisdictionCode.optional() });
export const userFigureListSchema = z.object({ figures: z.array(userFigureSchema) });
export const recordedFigureSchema = z.object({ figure: userFigureSchema, country: countryObligationsSchema });
