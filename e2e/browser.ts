/** What every browser test needs: the built UI, a server on a free port, and Debian's Chromium. */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { demoReviewer } from '../src/demo/demo-data.js';
import { type DemoRules, seedDemoData } from '../src/demo/seed.js';
import { buildApp, webRoot } from '../src/http/app.js';
import { createTestDatabase, type TestDatabase } from '../test/support/database.js';
// Where Debian's Chromium is, in one place: scripts/ensure-chromium.sh installs it there.
import chromiumInstall from './chromium.json' with { type: 'json' };

/** Headless, and off the network: Chromium's background connections are refused on these machines. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertWebBuilt(): void {
  if (!existsSync(webRoot)) throw new Error(`the web UI is not built (${webRoot}); run \`npx vite build\` first`);
}

/** Starts the app on a free loopback port and returns its base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumInstall.executablePath, args: chromiumArgs });
}

/** Writ over a fresh test database with the demo data, served on a free port, and Chromium. */
export type DemoWrit = { base: string; browser: Browser; database: TestDatabase; close(): Promise<void> };

/**
 * `now` fixes the server's clock and the seeding moment (the real clock when absent); `seedAt`
 * sets the seeding moment alone; `demoRules` seeds the demo orders under other rule packs.
 */
export async function startDemoWrit(options: { now?: Date; seedAt?: Date; demoRules?: DemoRules } = {}): Promise<DemoWrit> {
  assertWebBuilt();
  const database = await createTestDatabase();
  await seedDemoData(database.db, options.seedAt ?? options.now ?? new Date(), options.demoRules);
  const fixed = options.now;
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    database,
    now: fixed ? () => fixed : undefined,
    logger: false,
  });
  const base = await listen(app);
  const browser = await launchChromium();
  return {
    base,
    browser,
    database,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

export async function signInAsDemoReviewer(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByTestId('signin-email').fill(demoReviewer.email);
  await page.getByTestId('signin-password').fill(demoReviewer.password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL(`${base}/review`);
}
