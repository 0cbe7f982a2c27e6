/**
 * Wire shapes of the pressure record (issue 15): a state action against the platform as a
 * compliance lead records it, as the record returns it with its orders and history, and as the
 * public sees it. The form on the Compliance page validates with the same schema.
 */
import { z } from 'zod';
import {
  isDecimal,
  type PressureFacts,
  pressureKinds,
  pressureProblems,
  pressureStatuses,
  shutdownScopes,
} from '../domain/pressure.js';
import { countryCode, day, halfYear, person, text } from './common.js';

/** An ISO 4217 currency code that is in use (as the runtime's Intl knows them). */
const currencies = new Set(Intl.supportedValuesOf('currency'));
export const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 currency code such as RUB')
  .transform((c) => c.toUpperCase())
  .refine((c) => currencies.has(c), 'must be a currency code in use, such as RUB, KZT or EUR')
  .meta({ example: 'RUB' });

const decimalText = (what: string) =>
  z
    .string()
    .trim()
    .refine(isDecimal, `${what} must be a number written with digits and an optional decimal point, such as 4000000 or 0.0131`);

const orderReference = z
  .string()
  .trim()
  .regex(/^WR-\d{6,}$/, 'must be an order reference such as WR-000123');

export const pressureSourceSchema = z
  .object({
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
    title: text(300).nullable().default(null),
    quote: text(2000)
      .nullable()
      .default(null)
      .meta({ description: 'The words of the source that support the record, quoted exactly' }),
    accessedOn: day.nullable().default(null),
  })
  .meta({ id: 'PressureSource' });

const factsShape = {
  kind: z.enum(pressureKinds),
  country: countryCode,
  authority: text(300).meta({ description: 'The authority or court that acted' }),
  title: text(300),
  description: text(5000).nullable().default(null),
  scope: z.enum(shutdownScopes).nullable().default(null).meta({ description: 'For a shutdown: national or regional' }),
  region: text(300).nullable().default(null),
  announcedOn: day,
  inForceOn: day.nullable().default(null),
  endedOn: day.nullable().default(null),
  amount: decimalText('amount').nullable().default(null).meta({ description: 'For a fine or judgment, in `currency`' }),
  currency: currencyCode.nullable().default(null),
  reference: z
    .object({ currency: currencyCode, rate: decimalText('rate'), rateOn: day })
    .nullable()
    .default(null)
    .meta({ description: 'The amount converted into a reference currency at a rate the user gives, with its date' }),
  regimeId: text(100).nullable().default(null).meta({ description: 'The rule pack whose law the action enforces' }),
  dutyId: text(100).nullable().default(null),
  deadlineRuleId: text(100).nullable().default(null),
  orders: z.array(orderReference).max(500).default([]).meta({ description: 'References of the orders it concerns' }),
  status: z.enum(pressureStatuses),
  demo: z.boolean().default(false).meta({ description: 'Made up for a demonstration, shown as such' }),
  sources: z.array(pressureSourceSchema).max(20).default([]),
};

/** The domain's own rules (dates in order, amounts only on fines …), each on its field. */
function checkFacts(facts: PressureFacts & { orders: string[] }, ctx: z.RefinementCtx) {
  for (const p of pressureProblems(facts)) ctx.addIssue({ code: 'custom', message: p.message, path: p.field.split('/') });
  const seen = new Set<string>();
  facts.orders.forEach((reference, i) => {
    if (seen.has(reference)) ctx.addIssue({ code: 'custom', message: `${reference} is named twice`, path: ['orders', i] });
    seen.add(reference);
  });
}

export const newPressureEventSchema = z.object(factsShape).superRefine(checkFacts).meta({ id: 'NewPressureEvent' });
export type NewPressureEvent = z.input<typeof newPressureEventSchema>;

export const pressureChangeSchema = z
  .object({ ...factsShape, version: z.number().int().min(1).meta({ description: 'The version the change was made on' }) })
  .superRefine(checkFacts)
  .meta({ id: 'PressureChange' });

const linkedOrderSchema = z.object({ id: z.uuid(), reference: z.string(), status: z.string() });

const factsOut = {
  kind: z.enum(pressureKinds),
  country: z.string(),
  authority: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  scope: z.enum(shutdownScopes).nullable(),
  region: z.string().nullable(),
  announcedOn: z.string(),
  inForceOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  reference: z.object({ currency: z.string(), rate: z.string(), rateOn: z.string() }).nullable(),
  referenceAmount: z.string().nullable().meta({ description: 'amount × rate, to the cent' }),
  regimeId: z.string().nullable(),
  dutyId: z.string().nullable(),
  deadlineRuleId: z.string().nullable(),
  status: z.enum(pressureStatuses),
  demo: z.boolean(),
  sources: z.array(
    z.object({ url: z.string(), title: z.string().nullable(), quote: z.string().nullable(), accessedOn: z.string().nullable() }),
  ),
};

export const pressureEventSchema = z
  .object({
    id: z.uuid(),
    ...factsOut,
    orders: z.array(linkedOrderSchema),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PressureEvent' });

export const pressureHistorySchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    at: z.string(),
    actor: person.nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'PressureHistoryEntry' });

export const pressureDetailSchema = z.object({ event: pressureEventSchema, history: z.array(pressureHistorySchema) });
export const pressureListSchema = z.object({ events: z.array(pressureEventSchema) });

export const pressureQuery = z.object({
  country: countryCode.optional(),
  regimeId: z.string().min(1).max(100).optional(),
  from: day.optional().meta({ description: 'Events still going on or after this day' }),
  to: day.optional().meta({ description: 'Events that began on or before this day' }),
});

/** What the public sees: everything but who recorded it and the orders' internal ids (their number stays). */
export const publicPressureEventSchema = z
  .object({ id: z.uuid(), ...factsOut, ordersConcerned: z.number().int() })
  .meta({ id: 'PublicPressureEvent' });

export const publicPressureQuery = z.object({
  country: countryCode.optional(),
  period: halfYear.optional().meta({ description: 'Events that touch this half-year' }),
});
export const publicPressureListSchema = z.object({ events: z.array(publicPressureEventSchema) });
