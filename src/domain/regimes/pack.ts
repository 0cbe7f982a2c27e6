/**
 * A rule pack: one legal regime (a law and its amendments) as data, in rules/<id>.yaml. The schema
 * below is the single definition of the format; `writ rules check`, the server's start-up and the
 * API (`GET /api/v1/regimes/:id`) all use it. Cross-field rules (source references, version order,
 * hours only on elapsed-hours clocks, one applied reading) are checked in `checkPack`, each with the
 * path of the offending field.
 */
import { z } from 'zod';
import { clarificationClocks, orderElements } from '../order-elements.js';
import { requestKinds } from '../vocabulary.js';
import { isTimeZone } from './time.js';
import {
  complianceWindowStarts,
  confidenceLevels,
  coverageMetrics,
  coveredProviders,
  deadlineClocks,
  dutyKinds,
  thresholdComparisons,
} from './vocabulary.js';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. kz-2023-online-platforms');
const categoryName = z
  .string()
  .regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, 'must be lower-case words joined by underscores, e.g. child_cyberbullying');
const text = z.string().trim().min(1, 'must not be empty');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD (quote it in YAML if needed)')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: 'is not a calendar date',
  });
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. KZ');

export const sourceSchema = z
  .object({
    id: slug,
    // The pages link to sources: only web addresses, never javascript: or data: (a pack may come from WRIT_RULES_DIR).
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
    quote: text.meta({ description: 'The sentence of the source that supports what the pack says, quoted exactly' }),
    language: z.string().min(2).max(8).optional(),
    note: text.optional(),
  })
  .strict();

const sourceRefs = z.array(slug).min(1, 'cite at least one source id');

export const thresholdSchema = z
  .object({
    metric: z.enum(coverageMetrics),
    threshold: z.number().int().positive(),
    comparison: z.enum(thresholdComparisons),
    where: text.optional(),
    providers: z.enum(coveredProviders).optional().meta({
      description:
        'Whose services the law covers: foreign, only providers established outside the jurisdiction (e.g. KZ 2022); omitted: every provider',
    }),
    sources: sourceRefs,
  })
  .strict();

const representativeSchema = z
  .object({
    citizenship: country
      .nullable()
      .meta({ description: 'Country whose citizen the representative must be; null: none required' }),
    residency: country.nullable().meta({ description: 'Country the representative must reside in; null: none required' }),
  })
  .strict();

export const readingSchema = z
  .object({
    id: slug,
    summary: text,
    kind: z.enum(dutyKinds),
    representative: representativeSchema.optional(),
    sources: sourceRefs,
  })
  .strict();

/** Another regime's duty that replaced this one, e.g. `kz-2023-online-platforms/legal-representative`. */
const supersessionSchema = z
  .object({
    duty: z
      .string()
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/,
        'must be regime/duty, e.g. kz-2023-online-platforms/legal-representative',
      ),
    from: day.meta({ description: 'First day the new duty applies, in the regime time zone' }),
    sources: sourceRefs,
  })
  .strict();

export const dutySchema = z
  .object({
    id: slug,
    kind: z.enum(dutyKinds),
    summary: text,
    representative: representativeSchema.optional(),
    complianceWindowDays: z
      .number()
      .int()
      .min(0)
      .nullable()
      .meta({ description: 'Days to comply after the threshold is crossed or the law starts; null: the law states none' }),
    complianceWindowFrom: z.enum(complianceWindowStarts).optional().meta({
      description:
        'threshold_crossing (default): the window runs for each platform from the later of its crossing and the law start; entry_into_force: a one-off transition period from the law start, after which a platform must comply as soon as it crosses',
    }),
    noDueDate: z.literal(true).optional().meta({
      description: 'The law sets no date (e.g. "as and when feasible"): the duty is listed as having none and is never overdue',
    }),
    supersededBy: supersessionSchema
      .optional()
      .meta({ description: 'A later law re-enacted this duty: from that day only the new duty is shown' }),
    condition: text
      .optional()
      .meta({ description: 'When the duty applies beyond the threshold, e.g. "only if not established in the EU"' }),
    threshold: thresholdSchema
      .optional()
      .meta({ description: 'A higher tier that triggers this duty, instead of the regime coverage' }),
    readings: z.array(readingSchema).min(2).optional().meta({ description: 'Where sources disagree: every reading' }),
    appliedReading: slug.optional().meta({ description: 'The reading Writ applies (required with readings)' }),
    appliedBecause: text.optional(),
    sources: sourceRefs,
  })
  .strict();

export const deadlineRuleSchema = z
  .object({
    id: slug,
    kinds: z.array(z.enum(requestKinds)).min(1),
    categories: z
      .array(categoryName)
      .min(1)
      .optional()
      .meta({ description: 'Categories this rule covers; omitted: every category of these kinds' }),
    clock: z.enum(deadlineClocks),
    hours: z.number().positive().optional().meta({ description: 'Elapsed hours; only with clock elapsed_hours_from_receipt' }),
    orderMayExtend: z
      .boolean()
      .optional()
      .meta({ description: 'The law lets the authority allow a longer period in the order (e.g. AU "or such longer period")' }),
    startsAt: text.optional().meta({ description: 'What counts as receipt under this law' }),
    note: text.optional(),
    sources: sourceRefs,
  })
  .strict();

/** What an order under this version must contain, and the deadline's clock while it waits for clarification. */
export const orderRequirementsSchema = z
  .object({
    elements: z
      .array(
        z
          .object({
            element: z.enum(orderElements),
            kinds: z
              .array(z.enum(requestKinds))
              .min(1)
              .optional()
              .meta({ description: 'The kinds of order the element is required of; omitted: every kind' }),
            sources: sourceRefs,
          })
          .strict(),
      )
      .meta({ description: 'The elements the law requires of an order, each with the source that says so' }),
    clockDuringClarification: z.enum(clarificationClocks).meta({
      description:
        'stops: the deadline waits while the platform asks for clarification (e.g. EU TCO Art. 3(8)); runs: it does not; unspecified: the law does not say (WRIT_CLARIFICATION_CLOCK decides)',
    }),
    clockSources: sourceRefs.optional().meta({ description: 'Required unless clockDuringClarification is unspecified' }),
  })
  .strict();

export const versionSchema = z
  .object({
    version: z.number().int().positive(),
    from: day.meta({ description: 'First day in force, in the regime time zone' }),
    until: day.optional().meta({ description: 'Last day in force (inclusive); omitted: still in force' }),
    summary: text,
    coverage: thresholdSchema.nullable().meta({ description: 'The user threshold; null: the law applies whatever the size' }),
    duties: z.array(dutySchema),
    deadlines: z.array(deadlineRuleSchema),
    orderRequirements: orderRequirementsSchema
      .optional()
      .meta({ description: 'What an order must contain; omitted: the platform default list applies' }),
  })
  .strict();

export const regimePackSchema = z
  .object({
    id: slug,
    jurisdiction: country.meta({ description: 'ISO country code, or EU for the European Union' }),
    jurisdictionKind: z.enum(['country', 'union']),
    name: z
      .object({
        en: text,
        local: text.optional(),
        localLanguage: z.string().min(2).max(8).optional(),
      })
      .strict(),
    law: text,
    timeZone: text.meta({ description: 'IANA zone of the authority; law dates are read in it and due times shown in it' }),
    confidence: z.enum(confidenceLevels),
    penalties: text,
    notes: z.array(text).optional(),
    sources: z.array(sourceSchema).min(1, 'a regime needs at least one source'),
    versions: z.array(versionSchema).min(1, 'a regime needs at least one version'),
  })
  .strict()
  .meta({ id: 'RegimePack' });

export type RegimePack = z.infer<typeof regimePackSchema>;
export type RegimeVersion = RegimePack['versions'][number];
export type DeadlineRule = RegimeVersion['deadlines'][number];
export type Duty = RegimeVersion['duties'][number];
export type Threshold = NonNullable<RegimeVersion['coverage']>;
export type Source = RegimePack['sources'][number];

export type PackProblem = { path: (string | number)[]; message: string };

/** Rules that span fields. Returns every problem found (empty when the pack is sound). */
export function checkPack(pack: RegimePack): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (!isTimeZone(pack.timeZone)) add(['timeZone'], `${JSON.stringify(pack.timeZone)} is not an IANA time zone`);

  const sourceIds = new Set<string>();
  pack.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) add(['sources', i, 'id'], `source id ${s.id} is used twice`);
    sourceIds.add(s.id);
  });
  const refs = (path: (string | number)[], ids: string[]) =>
    ids.forEach((id, i) => {
      if (!sourceIds.has(id)) add([...path, i], `no source with id ${id} (known: ${[...sourceIds].join(', ')})`);
    });

  pack.versions.forEach((v, vi) => {
    const at = ['versions', vi];
    const previous = pack.versions[vi - 1];
    if (previous) {
      if (v.version <= previous.version) add([...at, 'version'], 'versions must be numbered in increasing order');
      if (v.from <= previous.from) add([...at, 'from'], `must be after the previous version's start (${previous.from})`);
      if (!previous.until || previous.until >= v.from)
        add(['versions', vi - 1, 'until'], `must end before the next version starts (${v.from})`);
    }
    if (v.until && v.until < v.from) add([...at, 'until'], `must not be before from (${v.from})`);
    if (v.coverage) refs([...at, 'coverage', 'sources'], v.coverage.sources);
    if (v.orderRequirements) {
      const rp = [...at, 'orderRequirements'];
      const seen = new Set<string>();
      v.orderRequirements.elements.forEach((e, ei) => {
        for (const kind of e.kinds ?? ['*']) {
          const key = `${e.element}/${kind}`;
          if (seen.has(key)) add([...rp, 'elements', ei, 'element'], `element ${e.element} is listed twice for ${kind}`);
          seen.add(key);
        }
        refs([...rp, 'elements', ei, 'sources'], e.sources);
      });
      if (v.orderRequirements.clockSources) refs([...rp, 'clockSources'], v.orderRequirements.clockSources);
      else if (v.orderRequirements.clockDuringClarification !== 'unspecified')
        add([...rp, 'clockSources'], `cite the source that says the clock ${v.orderRequirements.clockDuringClarification}`);
    }

    const dutyIds = new Set<string>();
    v.duties.forEach((d, di) => {
      const dp = [...at, 'duties', di];
      if (dutyIds.has(d.id)) add([...dp, 'id'], `duty id ${d.id} is used twice in this version`);
      dutyIds.add(d.id);
      refs([...dp, 'sources'], d.sources);
      if (d.threshold) refs([...dp, 'threshold', 'sources'], d.threshold.sources);
      d.readings?.forEach((r, ri) => {
        refs([...dp, 'readings', ri, 'sources'], r.sources);
      });
      if (d.readings && !d.readings.some((r) => r.id === d.appliedReading))
        add([...dp, 'appliedReading'], `must name one of the readings (${d.readings.map((r) => r.id).join(', ')})`);
      if (!d.readings && d.appliedReading) add([...dp, 'appliedReading'], 'only makes sense with readings');
      if (d.supersededBy) {
        refs([...dp, 'supersededBy', 'sources'], d.supersededBy.sources);
        if (d.supersededBy.duty.startsWith(`${pack.id}/`))
          add([...dp, 'supersededBy', 'duty'], 'must be a duty of another regime (within a regime, end the version instead)');
        if (d.supersededBy.from <= v.from) add([...dp, 'supersededBy', 'from'], `must be after the version's start (${v.from})`);
      }
      if (d.noDueDate && d.complianceWindowDays !== null)
        add([...dp, 'complianceWindowDays'], 'must be null when the duty has no due date (noDueDate)');
      if (d.noDueDate && d.complianceWindowFrom)
        add([...dp, 'complianceWindowFrom'], 'makes no sense when the duty has no due date (noDueDate)');
      if (d.complianceWindowFrom === 'entry_into_force' && !d.complianceWindowDays)
        add([...dp, 'complianceWindowFrom'], 'entry_into_force needs a complianceWindowDays to count');
    });

    const ruleIds = new Set<string>();
    const covered = new Map<string, string>();
    v.deadlines.forEach((r, ri) => {
      const rp = [...at, 'deadlines', ri];
      if (ruleIds.has(r.id)) add([...rp, 'id'], `deadline id ${r.id} is used twice in this version`);
      ruleIds.add(r.id);
      refs([...rp, 'sources'], r.sources);
      if (r.clock === 'elapsed_hours_from_receipt' && r.hours === undefined)
        add([...rp, 'hours'], 'is required when clock is elapsed_hours_from_receipt');
      if (r.clock !== 'elapsed_hours_from_receipt' && r.hours !== undefined)
        add([...rp, 'hours'], `must be left out when clock is ${r.clock} (the law sets no hours)`);
      if (r.orderMayExtend && r.clock !== 'elapsed_hours_from_receipt')
        add([...rp, 'orderMayExtend'], 'only applies to elapsed_hours_from_receipt');
      for (const kind of r.kinds) {
        for (const category of r.categories ?? ['*']) {
          const key = `${kind}/${category}`;
          const other = covered.get(key);
          if (other)
            add(
              [...rp, 'categories'],
              `${kind} / ${category === '*' ? 'any category' : category} is already covered by ${other}`,
            );
          covered.set(key, r.id);
        }
      }
    });
  });
  return problems;
}
