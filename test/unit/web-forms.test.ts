/**
 * The web's forms check what the API checks, with the API's own schemas (web/src/components/form.ts,
 * web/src/review/decision.ts, web/src/review/intake/draft.ts, web/src/compliance/forms.ts): what a control holds becomes the
 * body the API takes, issues keep the API's field paths, and a field's message is found under it.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { statusChangeSchema } from '../../src/contracts/requests.js';
import { dutyForm, evidenceForm, figureForm, MAX_BYTES, parseValue } from '../../web/src/compliance/forms.js';
import { messageAt, nullableText, optionalText } from '../../web/src/components/form.js';
import { decisionFormSchema, parseCountries } from '../../web/src/review/decision.js';
import { type Draft, emptyDraft, intakeSchema, pasteSchema, requestBody } from '../../web/src/review/intake/draft.js';

const issuesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('text controls for optional API fields', () => {
  it('leave out, or make null, what is blank, and keep the API’s own checks for the rest', () => {
    const note = optionalText(statusChangeSchema.shape.note);
    expect(note.parse('  ')).toBeUndefined();
    expect(note.parse(' checked with legal ')).toBe('checked with legal');
    expect(note.safeParse('x'.repeat(2001)).success).toBe(false);
    const owner = nullableText(z.string().trim().min(1).max(5).nullable());
    expect(owner.parse('')).toBeNull();
    expect(owner.parse(' Ana ')).toBe('Ana');
    expect(owner.safeParse('Anastasia').success).toBe(false);
  });
});

describe('the decision form', () => {
  const valid = { outcome: 'removed_legal', reason: 'Defamation', scopeCountries: 'kz, de;by', rationale: ' Unlawful ' } as const;

  it('sends the countries as a list of codes, and only for a legal restriction', () => {
    expect(parseCountries(' kz, ru;by  ')).toEqual(['KZ', 'RU', 'BY']);
    expect(decisionFormSchema.parse(valid)).toEqual({
      outcome: 'removed_legal',
      reason: 'Defamation',
      scopeCountries: ['KZ', 'DE', 'BY'],
      rationale: 'Unlawful',
      // What publishing needs (issue 12): blank texts go as null, a case study only with public interest.
      publicSummary: null,
      publicInterest: false,
      caseStudy: null,
    });
    expect(decisionFormSchema.parse({ ...valid, outcome: 'no_action' }).scopeCountries).toBeNull();
  });

  it('refuses what the API refuses, at the API’s field paths', () => {
    expect(issuesOf(decisionFormSchema.safeParse({ ...valid, scopeCountries: 'KZ, SU' }))).toEqual([
      { path: 'scopeCountries.1', message: expect.stringContaining('not a withdrawn one such as SU') },
    ]);
    expect(issuesOf(decisionFormSchema.safeParse({ ...valid, rationale: '  ' }))).toEqual([
      { path: 'rationale', message: 'must not be empty' },
    ]);
  });
});

describe('the intake form', () => {
  const draft = (patch: Partial<Draft>): Draft => ({
    ...emptyDraft(),
    authorityId: '0b7c2f2e-8f4e-4a4b-9d1e-3c2b1a0f9e8d',
    legalBasis: 'Law No. 118-VII, Art. 41-1',
    items: [{ targetKind: 'url', target: 'https://video.example/watch?v=1', product: 'Video' }],
    ...patch,
  });

  it('sends the receipt in the authority’s zone with its offset, the categories as a list, and only what is given', () => {
    const body = requestBody(
      draft({
        receivedAt: '2026-03-10T23:30',
        authorityTimeZone: 'Asia/Almaty',
        claimedCategories: 'cyberbullying of a child, , harassment ',
        category: 'child_cyberbullying',
        periodSetInOrderHours: ' ',
      }),
    );
    expect(body.receivedAt).toBe('2026-03-10T23:30:00+05:00');
    expect(body.claimedCategories).toEqual(['cyberbullying of a child', 'harassment']);
    // A category belongs to a regime: without one it is not sent; nor is a blank period, reference or receipt.
    expect(body).not.toHaveProperty('category');
    expect(body).not.toHaveProperty('periodSetInOrderHours');
    expect(body).not.toHaveProperty('authorityReference');
    expect(requestBody(draft({}))).not.toHaveProperty('receivedAt');
    expect(requestBody(draft({ regime: 'kz-2023-online-platforms', category: 'x', periodSetInOrderHours: '48' }))).toMatchObject({
      regime: 'kz-2023-online-platforms',
      category: 'x',
      periodSetInOrderHours: 48,
    });
  });

  it('is checked by the API’s schema, whose issues name the draft’s own fields', () => {
    expect(intakeSchema.safeParse(draft({})).success).toBe(true);
    const refused = intakeSchema.safeParse(
      draft({
        legalBasis: ' ',
        items: [
          { targetKind: 'url', target: 'not a url', product: 'Video' },
          { targetKind: 'account', target: '@someone', product: '' },
        ],
      }),
    );
    expect(issuesOf(refused).map((i) => i.path)).toEqual(['legalBasis', 'items.0.target', 'items.1.product']);
  });

  it('takes pasted text only when every line is a web address', () => {
    expect(pasteSchema.safeParse({ paste: 'https://a.example/1\n\nhttps://a.example/2' }).success).toBe(true);
    expect(issuesOf(pasteSchema.safeParse({ paste: 'https://a.example/1\nnot a url' }))).toEqual([
      { path: 'paste', message: expect.stringContaining('Line 2 is not an absolute http(s) URL') },
    ]);
  });
});

describe('the Compliance forms', () => {
  it('take a figure as people write it, and refuse what is not a whole number at the value', () => {
    expect(parseValue('120,000')).toBe(120000);
    expect(parseValue('1 200 000')).toBe(1200000);
    expect(parseValue('12.5')).toBeNull();
    const figure = { country: 'kz', metric: 'avg_daily_users_over_month', value: '120 000', measuredOn: '2026-01-15', note: ' ' };
    expect(figureForm.parse(figure)).toEqual({
      country: 'KZ',
      metric: 'avg_daily_users_over_month',
      value: 120000,
      measuredOn: '2026-01-15',
    });
    expect(issuesOf(figureForm.safeParse({ ...figure, value: 'many' }))).toEqual([
      { path: 'value', message: 'Enter a whole number, e.g. 120000.' },
    ]);
    expect(issuesOf(figureForm.safeParse({ ...figure, country: 'SU' })).map((i) => i.path)).toEqual(['country']);
  });

  it('send a duty’s blank owner and note as none, and its reason only when it does not apply', () => {
    const duty = { status: 'in_progress', owner: ' Aigerim ', note: '', notApplicableReason: 'left over' } as const;
    expect(dutyForm.parse(duty)).toEqual({ status: 'in_progress', owner: 'Aigerim', note: null, notApplicableReason: null });
    expect(dutyForm.parse({ ...duty, status: 'not_applicable' }).notApplicableReason).toBe('left over');
  });

  it('say a file over the API’s limit at the file, before it is read', () => {
    const files = (size: number) => ({ 0: { name: 'register.pdf', size }, length: 1 }) as unknown as FileList;
    expect(evidenceForm.safeParse({ note: 'Filed', file: files(MAX_BYTES) }).success).toBe(true);
    expect(issuesOf(evidenceForm.safeParse({ note: 'Filed', file: files(MAX_BYTES + 1) }))).toEqual([
      { path: 'file', message: 'register.pdf has 5.0 MB; evidence files are limited to 5 MB.' },
    ]);
    expect(issuesOf(evidenceForm.safeParse({ note: ' ', file: undefined }))).toEqual([
      { path: 'note', message: 'say what the evidence shows' },
    ]);
  });
});

describe('a field’s message', () => {
  it('is its own, or the first one of its members', () => {
    const errors = {
      rationale: { type: 'too_small', message: 'must not be empty' },
      scopeCountries: { 1: { type: 'custom', message: 'not a country' } },
      items: { root: { type: 'too_big', message: 'at most 5000 items' }, 0: { target: { type: 'x', message: 'not a url' } } },
    };
    expect(messageAt(errors, 'rationale')).toBe('must not be empty');
    expect(messageAt(errors, 'scopeCountries')).toBe('not a country');
    expect(messageAt(errors, 'items.0.target')).toBe('not a url');
    expect(messageAt(errors, 'items.1.target')).toBeUndefined();
    expect(messageAt(errors, 'outcome')).toBeUndefined();
  });
});
