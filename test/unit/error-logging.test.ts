/** Logs of unexpected errors keep the statement and its cause, never the statement's parameters. */
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { expect, it } from 'vitest';
import { withoutParameters } from '../../src/http/problem.js';

it("drops a failed query's parameters (token hashes, e-mail addresses) from what is logged", () => {
  const cause = Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
  const failed = new DrizzleQueryError('select * from sessions where token_hash = $1', ['secret-token-hash'], cause);
  expect(failed.message).toContain('secret-token-hash');
  const logged = withoutParameters(failed);
  expect(`${logged.message}\n${logged.stack}`).not.toContain('secret-token-hash');
  expect(logged.message).toContain('invalid input syntax for type uuid');
  expect(logged.message).toContain('token_hash = $1');
  const plain = new Error('plain');
  expect(withoutParameters(plain)).toBe(plain);
});
