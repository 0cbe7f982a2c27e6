/**
 * Pushback on an order (issue 12) as the API takes and sends it: the staff's view names who filed
 * each pushback and who recorded a letter; the authority's view never names a person of the platform.
 */
import { z } from 'zod';
import {
  ANSWER_MAX_LENGTH,
  ARGUMENT_MAX_LENGTH,
  CASE_NUMBER_MAX_LENGTH,
  COURT_MAX_LENGTH,
  decidedPushbackOutcomes,
  OUTCOME_NOTE_MAX_LENGTH,
} from '../domain/pushback.js';
import { pushbackKinds, pushbackOutcomes } from '../domain/review-vocabulary.js';
import { requestStatuses } from '../domain/vocabulary.js';
import { instant, person, text } from './common.js';

/** The outcomes a form may record (every one but the starting `pending`). */
export { decidedPushbackOutcomes };

export const pushbackParams = z.object({
  id: z.uuid('must be a UUID'),
  pushbackId: z.uuid('must be a UUID'),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((s) => (s ? s : null));

export const newPushbackSchema = z
  .object({
    kind: z.enum(pushbackKinds).meta({ description: 'contest: with the authority; court_challenge: before a court' }),
    argument: text(ARGUMENT_MAX_LENGTH).meta({ description: 'The legal argument, as sent to the authority or the court' }),
    court: optionalText(COURT_MAX_LENGTH).meta({ description: 'The court (a court challenge only, and required there)' }),
    caseNumber: optionalText(CASE_NUMBER_MAX_LENGTH).meta({
      description: 'The court’s case number (a court challenge only, and required there)',
    }),
    filedAt: instant.nullish().meta({ description: 'When it was filed or sent; omitted: now. Not in the future' }),
  })
  .meta({ id: 'NewPushback' });

export const pushbackOutcomeSchema = z
  .object({
    outcome: z.enum(decidedPushbackOutcomes).meta({ description: 'What became of the pushback' }),
    note: optionalText(OUTCOME_NOTE_MAX_LENGTH).meta({
      description: 'Optional the first time; required to correct an outcome already recorded (which is otherwise final)',
    }),
  })
  .meta({ id: 'PushbackOutcome' });

export const recordedAnswerSchema = z
  .object({
    body: text(ANSWER_MAX_LENGTH).meta({ description: 'The authority’s answer, as received (plain text)' }),
    receivedAt: instant.meta({ description: 'When the letter was received; not in the future' }),
  })
  .meta({ id: 'RecordedPushbackAnswer' });

export const authorityAnswerSchema = z
  .object({ body: text(ANSWER_MAX_LENGTH).meta({ description: 'The answer, in plain text; never rendered as HTML' }) })
  .meta({ id: 'PushbackAnswer' });

const answerBase = {
  id: z.uuid(),
  body: z.string(),
  at: z.string().meta({ description: 'When the authority answered (for a letter: when it was received)' }),
  channel: z.enum(['portal', 'api', 'letter']).meta({
    description: 'portal: an officer; api: the agency’s system with an API key; letter: recorded by the platform',
  }),
  officer: person.nullable().meta({ description: 'The officer who answered, when one did' }),
};

const pushbackBase = {
  id: z.uuid(),
  kind: z.enum(pushbackKinds),
  argument: z.string(),
  court: z.string().nullable(),
  caseNumber: z.string().nullable(),
  filedAt: z.string(),
  outcome: z.enum(pushbackOutcomes),
  outcomeNote: z.string().nullable(),
  outcomeAt: z.string().nullable(),
};

const orderSchema = z.object({ id: z.uuid(), reference: z.string(), status: z.enum(requestStatuses) });

export const reviewPushbacksSchema = z
  .object({
    order: orderSchema,
    pushbacks: z.array(
      z.object({
        ...pushbackBase,
        createdBy: person,
        answers: z.array(z.object({ ...answerBase, recordedBy: person.nullable() })),
      }),
    ),
  })
  .meta({ id: 'ReviewPushbacks' });

export const authorityPushbacksSchema = z
  .object({
    order: orderSchema,
    pushbacks: z.array(z.object({ ...pushbackBase, answers: z.array(z.object(answerBase)) })),
  })
  .meta({ id: 'AuthorityPushbacks' });

export type ReviewPushbacks = z.infer<typeof reviewPushbacksSchema>;
export type ReviewPushback = ReviewPushbacks['pushbacks'][number];
export type AuthorityPushbacks = z.infer<typeof authorityPushbacksSchema>;
export type NewPushbackInput = z.input<typeof newPushbackSchema>;
export type PushbackOutcomeInput = z.input<typeof pushbackOutcomeSchema>;
export type RecordedAnswerInput = z.input<typeof recordedAnswerSchema>;
export type AuthorityAnswerInput = z.input<typeof authorityAnswerSchema>;
