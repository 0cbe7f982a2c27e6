/**
 * The command line refuses what the API refuses (exit status 1, the option named): a withdrawn or
 * unassigned country code, a half-year after the current one, an e-mail that is not one. And its JSON
 * uses one casing: camelCase field names, as the API, in every command that prints JSON; vocabulary
 * values (`content_removal`, `communications_regulator`) stay as they are, also where they key a count.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPeriod, periodOf } from '../../src/domain/period.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { fixtures } from './datasets-support.js';

let database: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  database = await createTestDatabase();
  env = { ...process.env, DATABASE_URL: database.url };
});
afterAll(async () => database?.close());

const run = (args: string[], input?: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile('node', ['bin/writ.js', ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });

/** A half-year that has not begun by the real clock the CLI reads. */
const nextHalfYear = () => formatPeriod(periodOf(new Date(Date.now() + 184 * 86_400_000)));

describe('the CLI refuses', () => {
  it('withdrawn and unassigned country codes', async () => {
    for (const args of [
      ['report', '--country', 'SU', '--period', '2021-H1'],
      ['datasets', 'stats', 'meta-data-requests', '--country', 'XX', '--period', '2021-H1'],
      ['datasets', 'surges', '--source', 'google-removals', '--country', 'YU'],
      ['obligations', '--country', 'UK'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain('--country must be a currently assigned ISO 3166-1 alpha-2 country code');
    }
  }, 60_000);

  it('half-years after the current one', async () => {
    for (const args of [
      ['datasets', 'stats', 'google-removals', '--country', 'KZ', '--period', nextHalfYear()],
      ['datasets', 'ranking', '--source', 'google-removals', '--period', nextHalfYear()],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain('period must not be after the current half-year');
    }
  }, 60_000);

  it('`writ users add` with an invalid e-mail, and stores no account', async () => {
    const bad = await run(['users', 'add', '--email', 'not an email', '--name', 'Nobody'], 'a long enough password\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('the e-mail must be an address such as you@example.org');
    const good = await run(
      ['users', 'add', '--email', 'someone@platform.example', '--name', 'Someone'],
      'a long enough password\n',
    );
    expect(good.code, good.stderr).toBe(0);
    const rows = await database.pool.query<{ email: string }>('SELECT email FROM users ORDER BY email');
    expect(rows.rows.map((r) => r.email)).toEqual(['someone@platform.example']);
  }, 60_000);
});

/** Every field name in a JSON value that is not camelCase, skipping the keys of records keyed by data. */
function notCamel(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => notCamel(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const countsByData = /^(requestsBy\w+|itemsRestrictedByProduct)$/;
  return Object.entries(value).flatMap(([key, v]) => [
    ...(/^[a-z][a-zA-Z0-9]*$/.test(key) ? [] : [`${at}.${key}`]),
    ...(countsByData.test(key) ? [] : notCamel(v, `${at}.${key}`)),
  ]);
}

describe('the CLI prints JSON', () => {
  it('with camelCase field names in every command, as the API', async () => {
    const imported = await run([
      'datasets',
      'import',
      'google-removals',
      path.join(fixtures, 'google-removals-2025-06'),
      '--format',
      'json',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    await run(['datasets', 'import', 'meta-data-requests', path.join(fixtures, 'meta-data-requests')]);
    const outputs: Record<string, unknown> = { import: JSON.parse(imported.stdout) };
    for (const [name, args] of Object.entries({
      report: ['report', '--country', 'KZ', '--period', '2021-H1', '--format', 'json'],
      googleStats: ['datasets', 'stats', 'google-removals', '--country', 'KZ', '--period', '2021-H1', '--format', 'json'],
      metaStats: ['datasets', 'stats', 'meta-data-requests', '--country', 'KZ', '--period', '2023-H2', '--format', 'json'],
      restrictions: [
        'datasets',
        'stats',
        'meta-content-restrictions',
        '--country',
        'KZ',
        '--period',
        '2022-H1',
        '--format',
        'json',
      ],
      disruptions: [
        'datasets',
        'stats',
        'meta-content-restrictions',
        '--country',
        'KZ',
        '--period',
        '2018-H1',
        '--format',
        'json',
      ],
      ranking: ['datasets', 'ranking', '--source', 'google-removals', '--period', '2021-H1', '--format', 'json'],
      surges: ['datasets', 'surges', '--source', 'google-removals', '--format', 'json'],
      obligations: ['obligations', '--format', 'json'],
      rules: ['rules', 'show', 'eu-dsa', '--format', 'json'],
    })) {
      const r = await run(args);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      outputs[name] = JSON.parse(r.stdout);
    }
    for (const [name, output] of Object.entries(outputs)) expect(notCamel(output), name).toEqual([]);
    // Meta's content restrictions, imported with its requests from the same folder (issue 15).
    expect(outputs.restrictions).toMatchObject({
      source: 'meta-content-restrictions',
      itemsRestricted: 14,
      internetDisruptions: null,
    });
    expect(outputs.disruptions).toMatchObject({ itemsRestricted: null, internetDisruptions: 0 });
    // The report's item outcomes are fields like the published data's, not vocabulary keys.
    expect(Object.keys((outputs.report as { itemOutcomes: object }).itemOutcomes)).toContain('removedLegal');
    expect(Object.keys((outputs.googleStats as { itemOutcomes: object }).itemOutcomes)).toContain('removedLegal');
  }, 120_000);
});
