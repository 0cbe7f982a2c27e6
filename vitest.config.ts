import { defineConfig } from 'vitest/config';
import { loadTestSettings } from './src/config.js';

/**
 * Four tiers: `unit` (plain domain code), `server` (`writ serve` as a process), `db:*` (the API and SQL against a real PostgreSQL:
 * the embedded server the suite starts, and TEST_DATABASE_URL's server when it is set) and
 * `browser` (Chromium driving the built UI). Each database test file gets a fresh database,
 * copied from a migrated template.
 */
const targets = ['embedded', ...(loadTestSettings().externalDatabaseUrl ? ['external'] : [])];

export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'server', include: ['test/server/**/*.test.ts'], testTimeout: 180_000 } },
      ...targets.map((target) => ({
        test: {
          name: `db:${target}`,
          include: ['test/integration/**/*.test.ts'],
          provide: { databaseTarget: target },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          provide: { databaseTarget: 'embedded' },
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
