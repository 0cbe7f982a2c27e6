/**
 * The web's handling of an ended session and of failed calls (web/src/sign-in.ts,
 * web/src/query-client.ts, web/src/problem.ts): which pages go to sign-in on a 401, where sign-in
 * may lead back to, which failures are asked again, and how a problem's fields become form paths.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, problemFields } from '../../web/src/problem.js';
import { shouldRetry } from '../../web/src/query-client.js';
import { isSignedInPath, returnPath, sessionEndRedirect, signInPath } from '../../web/src/sign-in.js';

const at = (pathname: string, search = '') => ({ pathname, search });

describe('an ended session', () => {
  it('sends a reviewer on a signed-in page to sign-in, asked to come back to the same page', () => {
    expect(sessionEndRedirect(401, at('/review/requests/abc', '?tab=items'))).toBe(
      `/signin?next=${encodeURIComponent('/review/requests/abc?tab=items')}`,
    );
    expect(sessionEndRedirect(401, at('/compliance'))).toBe('/signin?next=%2Fcompliance');
    expect(sessionEndRedirect(401, at('/review'))).toBe(signInPath('/review'));
  });

  it('leaves public pages, and every other failure, where they are', () => {
    for (const path of ['/', '/reports', '/reports/KZ/2026-H1', '/compare/RU', '/methodology', '/signin', '/reviewers'])
      expect(sessionEndRedirect(401, at(path))).toBeNull();
    expect(sessionEndRedirect(403, at('/review'))).toBeNull();
    expect(sessionEndRedirect(500, at('/compliance/regimes'))).toBeNull();
    expect(sessionEndRedirect(undefined, at('/review'))).toBeNull();
  });

  it('knows the signed-in pages by their whole first segment', () => {
    expect(isSignedInPath('/review/new')).toBe(true);
    expect(isSignedInPath('/compliance/regimes/kz-2023-online-platforms')).toBe(true);
    expect(isSignedInPath('/reviewer')).toBe(false);
    expect(isSignedInPath('/compliancex')).toBe(false);
  });
});

describe('where sign-in leads', () => {
  it('back to the signed-in page it was asked to, with its query', () => {
    expect(returnPath('/review/requests/abc?x=1#items')).toBe('/review/requests/abc?x=1#items');
    expect(returnPath('/compliance')).toBe('/compliance');
  });

  it('to the queue when asked nothing, asked for a public page, or asked to leave the site', () => {
    for (const next of [
      null,
      '',
      '/reports',
      'review',
      '//evil.example/review',
      '/\\evil.example/review',
      'https://evil.example/review',
    ])
      expect(returnPath(next)).toBe('/review');
  });
});

describe('failed calls', () => {
  const failure = (status: number) => new ApiError({ status, code: 'x', detail: 'x' });

  it('are asked again, twice, only when the server could not be reached or was briefly unavailable', () => {
    for (const status of [0, 502, 503, 504]) {
      expect(shouldRetry(0, failure(status))).toBe(true);
      expect(shouldRetry(1, failure(status))).toBe(true);
      expect(shouldRetry(2, failure(status))).toBe(false);
    }
    for (const status of [400, 401, 403, 404, 409, 500]) expect(shouldRetry(0, failure(status))).toBe(false);
  });

  it('name their fields as form paths, each once', () => {
    expect(
      problemFields({
        status: 400,
        code: 'validation_failed',
        detail: 'items/0/target: must be an absolute http(s) URL',
        field: 'items/0/target',
        errors: [
          { field: 'items/0/target', message: 'must be an absolute http(s) URL' },
          { field: 'items/0/target', message: 'a second opinion' },
          { field: 'legalBasis', message: 'must not be empty' },
        ],
      }),
    ).toEqual([
      { name: 'items.0.target', message: 'must be an absolute http(s) URL' },
      { name: 'legalBasis', message: 'must not be empty' },
    ]);
    // A problem that names one field (a WritError) says its detail there.
    expect(
      problemFields({ status: 409, code: 'conflict', detail: 'KZ already has an authority named "X"', field: 'name' }),
    ).toEqual([{ name: 'name', message: 'KZ already has an authority named "X"' }]);
    expect(problemFields({ status: 401, code: 'unauthenticated', detail: 'sign in first' })).toEqual([]);
  });
});
