/**
 * The pressure record's forms (issue 15), derived from the API's schemas (src/contracts/pressure.ts):
 * the controls hold text — blank for none, order references typed in one box, a reference conversion
 * of three boxes — and become the API's body, which the API's own schema checks (with the domain's
 * rules across fields, each on its field).
 */
import { z } from 'zod';
import { newPressureEventSchema, pressureChangeSchema } from '../../../../src/contracts/pressure.js';
import type { PressureChange, PressureEvent } from '../../api.js';
import { adapted } from '../../components/form.js';
import { isShutdownKind } from '../../pressure-vocabulary.js';

const sourceDraft = z.object({ url: z.string(), title: z.string(), quote: z.string() });

const draftSchema = z.object({
  kind: z.string(),
  country: z.string(),
  authority: z.string(),
  title: z.string(),
  description: z.string(),
  scope: z.string(),
  region: z.string(),
  announcedOn: z.string(),
  inForceOn: z.string(),
  endedOn: z.string(),
  amount: z.string(),
  currency: z.string(),
  reference: z.object({ currency: z.string(), rate: z.string(), rateOn: z.string() }),
  regimeId: z.string(),
  dutyId: z.string(),
  deadlineRuleId: z.string(),
  orders: z.string(),
  status: z.string(),
  demo: z.boolean(),
  sources: z.array(sourceDraft),
});

/** What the form's controls hold. */
export type PressureDraft = z.input<typeof draftSchema>;
export type SourceDraft = z.input<typeof sourceDraft>;

export const emptySource: SourceDraft = { url: '', title: '', quote: '' };

export function emptyDraft(country = ''): PressureDraft {
  return {
    kind: '',
    country,
    authority: '',
    title: '',
    description: '',
    scope: '',
    region: '',
    announcedOn: '',
    inForceOn: '',
    endedOn: '',
    amount: '',
    currency: '',
    reference: { currency: '', rate: '', rateOn: '' },
    regimeId: '',
    dutyId: '',
    deadlineRuleId: '',
    orders: '',
    status: 'announced',
    demo: false,
    sources: [{ ...emptySource }],
  };
}

const orNull = (text: string) => text.trim() || null;

/** `4 000 000` → `4000000`: digit groups as people type them (a comma stays: it may be a decimal comma). */
const decimalText = (text: string) => text.replace(/[\s\u00a0\u202f_']/g, '');

/** `WR-000012, wr-000013 WR-000014` → the three references, as the API writes them. */
export function splitReferences(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((r) => r.trim().toUpperCase())
    .filter(Boolean);
}

/**
 * The body the draft stands for. A scope and region go only with a shutdown (the controls are shown
 * only then); a conversion left blank is none; source rows left blank at the end are dropped (so that
 * the API's `sources/N` still names the N-th row).
 */
export function draftToBody(d: PressureDraft): unknown {
  const shutdown = isShutdownKind(d.kind);
  const scope = shutdown ? orNull(d.scope) : null;
  const reference =
    d.reference.currency.trim() || d.reference.rate.trim() || d.reference.rateOn.trim()
      ? { currency: d.reference.currency.trim(), rate: decimalText(d.reference.rate), rateOn: d.reference.rateOn }
      : null;
  const sources = [...d.sources];
  while (sources.length > 0) {
    const last = sources[sources.length - 1]!;
    if (last.url.trim() || last.title.trim() || last.quote.trim()) break;
    sources.pop();
  }
  return {
    kind: d.kind,
    country: d.country,
    authority: d.authority,
    title: d.title,
    description: orNull(d.description),
    scope,
    region: scope === 'regional' ? orNull(d.region) : null,
    announcedOn: d.announcedOn,
    inForceOn: orNull(d.inForceOn),
    endedOn: orNull(d.endedOn),
    amount: orNull(decimalText(d.amount)),
    currency: orNull(d.currency),
    reference,
    regimeId: orNull(d.regimeId),
    dutyId: orNull(d.dutyId),
    deadlineRuleId: orNull(d.deadlineRuleId),
    orders: splitReferences(d.orders),
    status: d.status,
    demo: d.demo,
    sources: sources.map((s) => ({ url: s.url.trim(), title: orNull(s.title), quote: orNull(s.quote), accessedOn: null })),
  };
}

/** The form that records an event: the draft, checked as the API's NewPressureEvent. */
export const pressureForm = adapted(draftSchema, draftToBody, newPressureEventSchema);

/** An event as the API took it, sent back whole with `version` (PUT replaces every fact and the orders). */
export function changeOf(event: PressureEvent): PressureChange {
  return {
    kind: event.kind,
    country: event.country,
    authority: event.authority,
    title: event.title,
    description: event.description,
    scope: event.scope,
    region: event.region,
    announcedOn: event.announcedOn,
    inForceOn: event.inForceOn,
    endedOn: event.endedOn,
    amount: event.amount,
    currency: event.currency,
    reference: event.reference,
    regimeId: event.regimeId,
    dutyId: event.dutyId,
    deadlineRuleId: event.deadlineRuleId,
    orders: event.orders.map((o) => o.reference),
    status: event.status,
    demo: event.demo,
    sources: event.sources,
    version: event.version,
  };
}

/** The status form of one event: the new status with everything else as it was, checked as the API's PressureChange. */
export function statusForm(event: PressureEvent) {
  return adapted(z.object({ status: z.string() }), ({ status }) => ({ ...changeOf(event), status }), pressureChangeSchema);
}
