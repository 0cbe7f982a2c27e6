/**
 * Writ's tables, one file per part of the system. drizzle-kit reads this index to generate the
 * SQL migrations in src/db/migrations (`npm run db:generate`); they are committed and applied at
 * start-up.
 */

export * from './channel.js';
export * from './compliance.js';
export * from './core.js';
export * from './data-requests.js';
export * from './datasets.js';
export * from './intake.js';
export * from './pressure.js';
export * from './publishing.js';
export * from './review.js';
export * from './rollups.js';
export * from './security.js';
