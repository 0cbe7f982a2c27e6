/**
 * The Compliance forms' schemas, derived from the API's (src/contracts/obligations.ts): what the
 * text boxes hold becomes what the API takes, and the API's own schema checks it.
 */
import { z } from 'zod';
import { dutyUpdateSchema, newEvidenceSchema, newUserFigureSchema } from '../../../src/contracts/obligations.js';
import { adapted } from '../components/form.js';

/** `120,000` or `120 000` → 120000; null when it is not a whole number. */
export function parseValue(text: string): number | null {
  const digits = text.replace(/[\s,_'\u00a0\u202f]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/** A value typed as people write it (`120,000`) goes to the API as a number. */
const wholeNumber = z.string().transform((text, ctx) => {
  const value = parseValue(text);
  if (value === null) ctx.addIssue({ code: 'custom', message: 'Enter a whole number, e.g. 120000.' });
  return value ?? z.NEVER;
});

/** The API's new figure, typed in text boxes: the value with its separators, the note blank when there is none. */
export const figureForm = adapted(
  newUserFigureSchema.extend({ value: wholeNumber, note: z.string() }),
  ({ note, ...figure }) => ({ ...figure, ...(note.trim() ? { note } : {}) }),
  newUserFigureSchema,
);

export const orNull = (text: string) => text.trim() || null;

/**
 * The API's duty update, typed in text boxes: a blank owner or note is none, and the reason why a
 * duty does not apply is sent only when it does not (the server insists on one then).
 */
export const dutyForm = adapted(
  dutyUpdateSchema.extend({ owner: z.string(), note: z.string(), notApplicableReason: z.string() }),
  ({ status, owner, note, notApplicableReason }) => ({
    status,
    owner: orNull(owner),
    note: orNull(note),
    notApplicableReason: status === 'not_applicable' ? orNull(notApplicableReason) : null,
  }),
  dutyUpdateSchema,
);

/** The API's limit on a file, decoded (MAX_EVIDENCE_BYTES on the server). */
export const MAX_BYTES = 5 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The API's evidence note, and the file as chosen (read into the body's base64 only when sent): a
 * file over the API's limit is said at once instead of after the upload.
 */
export const evidenceForm = newEvidenceSchema.pick({ note: true }).extend({
  file: z.custom<FileList | undefined>().superRefine((files, ctx) => {
    const file = files?.[0];
    if (file && file.size > MAX_BYTES)
      ctx.addIssue({
        code: 'custom',
        message: `${file.name} has ${formatBytes(file.size)}; evidence files are limited to 5 MB.`,
      });
  }),
});
