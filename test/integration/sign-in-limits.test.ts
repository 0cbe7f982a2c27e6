/**
 * Sign-in limits against password guessing (docs/decisions/0031-sign-in-throttling.md): per client
 * address and per account, stored in PostgreSQL, keyed on the client behind a trusted proxy. The
 * clock is injected, so back-offs pass without sleeping.
 */
import { hash } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { accountBackOff } from '../../src/db/sign-in-attempts-repository.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const ana = { email: 'ana@platform.example', password: 'correct horse battery' };
let passwordHash: string;
let database: TestDatabase;
let clock: Date;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  passwordHash = await hash(ana.password);
});

beforeEach(async () => {
  database = await createTestDatabase();
  await usersRepository(database.db).create({ email: ana.email, name: 'Ana Reviewer', passwordHash });
  clock = new Date('2026-11-30T09:00:00Z');
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await database.close();
});

async function startWrit(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ config, database, now: () => clock, logger: false });
  apps.push(app);
  return app;
}

const wait = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

type Attempt = { email?: string; password?: string; from?: string; forwardedFor?: string };
function signIn(app: FastifyInstance, { email = ana.email, password = ana.password, from, forwardedFor }: Attempt = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password },
    ...(from ? { remoteAddress: from } : {}),
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
}

async function statuses(app: FastifyInstance, attempts: Attempt[]): Promise<number[]> {
  const result: number[] = [];
  for (const attempt of attempts) result.push((await signIn(app, attempt)).statusCode);
  return result;
}

const wrong = (n: number, attempt: Attempt = {}): Attempt[] =>
  Array.from({ length: n }, (_, i) => ({ ...attempt, password: `guess ${i}` }));

describe('per client address', () => {
  it('allows WRIT_SIGNIN_ATTEMPTS_PER_MINUTE attempts a minute, then answers 429 rate_limited with Retry-After', async () => {
    const writ = await startWrit({ WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: '3' });
    const from = '198.51.100.7';
    // Different accounts each time: the address limit alone is at work.
    const guesses = ['a', 'b', 'c'].map((who) => ({ email: `${who}@platform.example`, password: 'x', from }));
    expect(await statuses(writ, guesses)).toEqual([401, 401, 401]);

    const blocked = await signIn(writ, { from });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.headers['retry-after']).toBe('60');
    expect(blocked.json()).toMatchObject({ status: 429, code: 'rate_limited', detail: 'too many attempts; try again in 60 s' });

    expect((await signIn(writ, { from: '198.51.100.8' })).statusCode).toBe(200);
    wait(45);
    expect((await signIn(writ, { from })).headers['retry-after']).toBe('15');
    wait(15);
    expect((await signIn(writ, { from })).statusCode).toBe(200);
  });

  it('counts every attempt that was let through, successful ones too', async () => {
    const writ = await startWrit({ WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: '2' });
    expect(await statuses(writ, [{}, {}, {}])).toEqual([200, 200, 429]);
  });
});

describe('per account', () => {
  it('locks the account after WRIT_SIGNIN_ACCOUNT_FAILURES failures, even for the right password, until the back-off ends', async () => {
    const writ = await startWrit({ WRIT_SIGNIN_ACCOUNT_FAILURES: '5' });
    expect(await statuses(writ, wrong(5))).toEqual([401, 401, 401, 401, 401]);

    const locked = await signIn(writ);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.json()).toMatchObject({ code: 'rate_limited' });
    // Every address is held back: the lock is on the account.
    expect((await signIn(writ, { from: '198.51.100.20' })).statusCode).toBe(429);

    wait(59);
    expect((await signIn(writ)).headers['retry-after']).toBe('1');
    wait(1);
    expect((await signIn(writ)).statusCode).toBe(200);
    // A success ends the streak: the next failure is the first again.
    expect(await statuses(writ, [...wrong(1), {}])).toEqual([401, 200]);
  });

  it('doubles the back-off with each further failure, up to 15 minutes, and never locks for good', async () => {
    const writ = await startWrit({ WRIT_SIGNIN_ACCOUNT_FAILURES: '3' });
    expect(await statuses(writ, wrong(3))).toEqual([401, 401, 401]);
    const backOffs: string[] = [];
    for (let round = 0; round < 6; round++) {
      const locked = await signIn(writ);
      expect(locked.statusCode).toBe(429);
      const seconds = locked.headers['retry-after'] as string;
      backOffs.push(seconds);
      wait(Number(seconds));
      expect((await signIn(writ, { password: `late guess ${round}` })).statusCode).toBe(401);
    }
    expect(backOffs).toEqual(['60', '120', '240', '480', '900', '900']);
    wait(900);
    expect((await signIn(writ)).statusCode).toBe(200);
    expect(accountBackOff(2, 3)).toBe(0);
    expect(accountBackOff(1000, 3)).toBe(900_000);
  });

  it('does not let refused attempts extend the lock', async () => {
    const writ = await startWrit({ WRIT_SIGNIN_ACCOUNT_FAILURES: '2' });
    await statuses(writ, wrong(2));
    wait(30);
    expect(await statuses(writ, wrong(10))).toEqual(Array(10).fill(429));
    wait(30);
    expect((await signIn(writ)).statusCode).toBe(200);
  });

  it('answers an unknown email exactly as it answers a locked real account', async () => {
    const writ = await startWrit({ WRIT_SIGNIN_ACCOUNT_FAILURES: '2' });
    const nobody = 'nobody@platform.example';
    expect(await statuses(writ, [...wrong(2), ...wrong(2, { email: nobody })])).toEqual([401, 401, 401, 401]);
    const [real, unknown] = [await signIn(writ), await signIn(writ, { email: nobody })];
    const shown = (res: typeof real) => ({
      status: res.statusCode,
      type: res.headers['content-type'],
      retryAfter: res.headers['retry-after'],
      body: res.json(),
    });
    expect(shown(unknown)).toEqual(shown(real));
    expect(shown(real)).toMatchObject({ status: 429, retryAfter: '60' });
  });

  it('checks concurrent guesses one after another: no more than the threshold get through', async () => {
    const writ = await startWrit({ WRIT_SIGNIN_ACCOUNT_FAILURES: '5', WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: '1000' });
    const answers = await Promise.all(wrong(20).map((attempt) => signIn(writ, attempt)));
    const counted = answers.map((res) => res.statusCode).sort();
    expect(counted).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
  });

  it('keeps the real user in from an address they signed in from, whatever others guess from elsewhere', async () => {
    const writ = await startWrit({ WRIT_SIGNIN_ACCOUNT_FAILURES: '5', WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: '1000' });
    const home = '203.0.113.5';
    expect((await signIn(writ, { from: home })).statusCode).toBe(200);
    wait(3600);
    // An attacker spreads 30 guesses over 30 addresses.
    const spread = wrong(30).map((attempt, i) => ({ ...attempt, from: `198.51.100.${i + 1}` }));
    const answers = await statuses(writ, spread);
    expect(answers.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(answers.slice(5)).toEqual(Array(25).fill(429));
    // A new address is held back with the attacker; the known one is not.
    expect((await signIn(writ, { from: '192.0.2.44' })).statusCode).toBe(429);
    expect((await signIn(writ, { from: home })).statusCode).toBe(200);
    // Failures from the known address itself still lock it.
    expect(await statuses(writ, [...wrong(5, { from: home }), { from: home }])).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

it('forgets failures after a day and successes after 30 days', async () => {
  const writ = await startWrit();
  const start = clock.getTime();
  const stored = async () => {
    const { rows } = await database.pool.query<{ outcome: string; attempted_at: Date }>(
      'SELECT outcome, attempted_at FROM sign_in_attempts ORDER BY id',
    );
    return rows.map((r) => `${r.outcome} +${(r.attempted_at.getTime() - start) / 3_600_000}h`);
  };
  expect(await statuses(writ, [{}, ...wrong(2)])).toEqual([200, 401, 401]);
  wait(25 * 3600);
  expect((await signIn(writ)).statusCode).toBe(200);
  expect(await stored()).toEqual(['succeeded +0h', 'succeeded +25h']);
  wait(30 * 24 * 3600 + 3600);
  expect((await signIn(writ)).statusCode).toBe(200);
  expect(await stored()).toEqual(['succeeded +746h']);
});

it('holds the limits across a restart', async () => {
  const env = { WRIT_SIGNIN_ACCOUNT_FAILURES: '3', WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: '4' };
  const first = await startWrit(env);
  const guesser = '198.51.100.9';
  expect(await statuses(first, wrong(3, { from: guesser }))).toEqual([401, 401, 401]);
  const strangers = ['a', 'b', 'c', 'd'].map((who) => ({ email: `${who}@platform.example`, password: 'x' }));
  expect(await statuses(first, strangers)).toEqual([401, 401, 401, 401]);
  await first.close();

  const second = await startWrit(env);
  expect((await signIn(second, { from: '198.51.100.30' })).statusCode).toBe(429); // the account is locked
  expect((await signIn(second, { email: 'e@platform.example' })).statusCode).toBe(429); // 127.0.0.1 is full
  wait(60);
  expect((await signIn(second)).statusCode).toBe(200);
});

describe('behind a reverse proxy (WRIT_TRUST_PROXY)', () => {
  const viaProxy = (forwardedFor: string): Attempt => ({ email: 'x@platform.example', password: 'x', forwardedFor });

  it('keys on the client in X-Forwarded-For when the proxy is trusted', async () => {
    const writ = await startWrit({ WRIT_TRUST_PROXY: '127.0.0.1', WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: '2' });
    const first = '198.51.100.1';
    const second = '198.51.100.2';
    expect(await statuses(writ, [viaProxy(first), viaProxy(first), viaProxy(first)])).toEqual([401, 401, 429]);
    expect((await signIn(writ, { forwardedFor: second })).statusCode).toBe(200);
    // A client that adds its own X-Forwarded-For gets the proxy's view: the rightmost untrusted address.
    expect((await signIn(writ, { forwardedFor: `${second}, ${first}` })).statusCode).toBe(429);
  });

  it('ignores X-Forwarded-For without WRIT_TRUST_PROXY, and from peers that are not trusted proxies', async () => {
    const untrusted = await startWrit({ WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: '2' });
    expect(await statuses(untrusted, [viaProxy('198.51.100.1'), viaProxy('198.51.100.2'), viaProxy('198.51.100.3')])).toEqual([
      401, 401, 429,
    ]);

    const otherPeer = await startWrit({ WRIT_TRUST_PROXY: '10.0.0.0/8', WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: '2' });
    const from = '192.0.2.10';
    const spoofed = ['198.51.100.4', '198.51.100.5', '198.51.100.6'].map((ip) => ({ ...viaProxy(ip), from }));
    expect(await statuses(otherPeer, spoofed)).toEqual([401, 401, 429]);
  });

  it('accepts true, false and lists of addresses, CIDRs and names, and refuses anything else at start-up', () => {
    const trust = (value: string) => loadConfig({ WRIT_TRUST_PROXY: value }).trustProxy;
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('false')).toBe(false);
    expect(trust('10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['1', 'yes', '10.0.0.0/33', 'proxy.example', '10.0.0.1,,']) {
      expect(() => trust(bad), bad).toThrow(ConfigError);
    }
  });
});
