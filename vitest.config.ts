import { defineConfig } from 'vitest/config';
import { loadTestSettings } from './src/config.js';

/**
 * Four tiers: `unit` (plain domain code), `server` (`writ serve` and the CLI as a process), `db:*` (the API and SQL against a real PostgreSQL:
 * the embedded server the suite starts, and TEST_DATABASE_URL's server when it is set) and
 * `browser` (Chromium driving the built UI). Each database test file gets a fresh database,
 * copied from a migrated template. Only the projects that use a database have the global setup that
 * starts one: Vitest runs it only when one of their tests is queued, so `--project unit` starts none.
 */
const targets = ['embedded', ...(loadTestSettings().externalDatabaseUrl ? ['external'] : [])];
const databaseSetup = ['./test/support/global-setup.ts'];

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // The files share their modules, as under Stryker (vitest.mutation.config.ts): on two CPUs
          // the tier took 92 s isolated, 43 s shared with the CLI's child-process tests moved to the server
          // tier (2026-12-02); it must stay under a minute (issue 14).
          isolate: false,
        },
      },
      { test: { name: 'server', include: ['test/server/**/*.test.ts'], testTimeout: 180_000 } },
      ...targets.map((target) => ({
        test: {
          name: `db:${target}`,
          include: ['test/integration/**/*.test.ts'],
          globalSetup: databaseSetup,
          provide: { databaseTarget: target },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: databaseSetup,
          provide: { databaseTarget: 'embedded' },
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
