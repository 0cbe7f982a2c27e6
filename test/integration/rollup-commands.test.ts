/**
 * `writ db check-rollups` and `writ db rebuild-rollups` as a person runs them: a rollup row spoiled
 * by hand is named (country, period, figure and field) and makes the check exit with status 1; a
 * rebuild restores it, and the check passes again.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { decideItem } from '../../src/app/decisions.js';
import { receiveOrder } from '../../src/app/requests.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const writ = createWrit(database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }));
  const actor = await writ.users.create({ email: 'ana@platform.example', name: 'Ana Reviewer', passwordHash: 'x' });
  const authority = await writ.authorities.create({
    country: 'KZ',
    name: 'Regulator',
    kind: 'communications_regulator',
    timeZone: null,
  });
  const order = (receivedAt: string, products: string[]) =>
    receiveOrder(
      writ,
      {
        kind: 'content_removal',
        authorityId: authority.id,
        receivedAt: new Date(receivedAt),
        authorityTimeZone: 'Asia/Almaty',
        legalBasis: 'fixture',
        claimedCategories: [],
        channel: 'api',
        authorityReference: null,
        items: products.map((product, i) => ({ targetKind: 'url', target: `https://x.example/${i}`, product })),
      },
      actor,
    );
  const first = await order('2024-03-01T10:00:00Z', ['Video', 'Posts']);
  await order('2024-07-01T00:00:00Z', ['Video']);
  await decideItem(
    writ,
    { requestId: first.request.id, itemId: first.request.items[0]!.id },
    { outcome: 'removed_policy', reason: 'Fraud', scopeCountries: null, rationale: 'terms' },
    actor,
  );
});
afterAll(async () => database?.close());

const writ = (...args: string[]) =>
  promisify(execFile)('node', ['bin/writ.js', 'db', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: database.url },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('writ db check-rollups and rebuild-rollups', () => {
  it('names a spoiled rollup, exits with status 1, and passes again after a rebuild', { timeout: 90_000 }, async () => {
    const clean = await writ('check-rollups');
    expect(clean, clean.stderr).toMatchObject({
      code: 0,
      stdout: 'the rollups match the GROUP BY over the requests: 2 country-periods checked\n',
    });

    // One slot's row of KZ 2024-H1's count of requests by kind, one too many.
    await database.pool.query(`
      UPDATE report_rollup SET requests = requests + 1
      WHERE ctid = (SELECT ctid FROM report_rollup
                    WHERE country = 'KZ' AND period = '2024-H1' AND dimension = 'kind' AND key = 'content_removal' LIMIT 1)`);

    const table = await writ('check-rollups');
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/KZ\s*│\s*2024-H1\s*│\s*report\s*│\s*requestsByKind\.content_removal\s*│\s*2\s*│\s*1/);
    expect(table.stdout).toContain('difference(s) in 1 of 2 country-periods');
    expect(table.stdout).not.toContain('2024-H2');

    const json = await writ('check-rollups', '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      countryPeriods: 2,
      differences: [
        { country: 'KZ', period: '2024-H1', figure: 'report', field: 'requestsByKind.content_removal', rollup: 2, scan: 1 },
        { country: 'KZ', period: '2024-H1', figure: 'timeline', field: 'content_removal.requests', rollup: 2, scan: 1 },
      ],
    });

    const rebuilt = await writ('rebuild-rollups', '--format', 'json');
    expect(rebuilt, rebuilt.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ requests: 2, countryPeriods: 2 });

    const again = await writ('check-rollups');
    expect(again, again.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('2 country-periods checked') });
    // Not a terminal: no progress bar on standard error.
    expect(again.stderr).toBe('');
  });
});
