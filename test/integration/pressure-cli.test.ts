/**
 * `writ pressure add|list|show` (issue 15) against a real database: the command line records through
 * the API's use case and schema, refuses what the API refuses with every problem named, and prints
 * tables or the API's JSON.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  database = await createTestDatabase();
  env = { ...process.env, DATABASE_URL: database.url };
});
afterAll(async () => database?.close());

const run = (args: string[], input = '') =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile('node', ['bin/writ.js', 'pressure', ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });

const shutdown = [
  'add',
  '--kind',
  'internet_shutdown',
  '--country',
  'kz',
  '--authority',
  'Government of Kazakhstan',
  '--title',
  'Nationwide shutdown',
  '--scope',
  'national',
  '--announced',
  '2022-01-05',
  '--in-force',
  '2022-01-05',
  '--ended',
  '2022-01-11',
  '--status',
  'lifted',
  '--source',
  'https://netblocks.example/kz-2022',
  '--quote',
  'Kazakhstan is in the midst of a nation-scale internet blackout',
];

describe('writ pressure', () => {
  it('records a shutdown, lists it and shows it with its source and history', async () => {
    const added = await run([...shutdown, '--format', 'json']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const event = JSON.parse(added.stdout);
    expect(event).toMatchObject({ kind: 'internet_shutdown', country: 'KZ', scope: 'national', endedOn: '2022-01-11' });

    const listed = await run(['list', '--country', 'KZ']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(event.id);
    expect(listed.stdout).toMatch(/internet_shutdown\s*│\s*2022-01-05\s*│\s*2022-01-11/);

    const shown = await run(['show', event.id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Scope: national');
    expect(shown.stdout).toContain('"Kazakhstan is in the midst of a nation-scale internet blackout"');
    expect(shown.stdout).toMatch(/pressure_recorded by command line/);
  }, 60_000);

  it('takes the API body from standard input, and refuses a fine with no currency naming every problem', async () => {
    const body = {
      kind: 'fine',
      country: 'RU',
      authority: 'Moscow court',
      title: 'Fined',
      announcedOn: '2021-12-24',
      amount: '3000000',
      status: 'lifted',
      demo: true,
    };
    const refused = await run(['add', '--json', '-'], JSON.stringify(body));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('currency: an amount needs its currency');
    expect(refused.stderr).toContain('status: only a lasting measure can be lifted, not fine');
    const ok = await run(
      ['add', '--json', '-', '--currency', 'rub', '--status', 'paid', '--format', 'json'],
      JSON.stringify(body),
    );
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toMatchObject({ currency: 'RUB', amount: '3000000', status: 'paid', demo: true });
    const all = JSON.parse((await run(['list', '--format', 'json'])).stdout);
    // Oldest first: the fine of 2021 before the shutdown of 2022; the refused one was never stored.
    expect(all.map((e: { kind: string }) => e.kind)).toEqual(['fine', 'internet_shutdown']);
  }, 60_000);
});
