/**
 * Starts the suite's own embedded PostgreSQL (in a temporary directory, removed afterwards) and
 * builds a migrated template database on it and, when TEST_DATABASE_URL is set, on that server
 * too. Test files copy the template (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadTestSettings } from '../../src/config.js';
import { applyMigrations } from '../../src/db/connection.js';
import { startEmbeddedServer } from '../../src/db/embedded-server.js';

export type DatabaseTargets = Record<string, { adminUrl: string; template: string }>;

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTargets: DatabaseTargets;
    databaseTarget: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function createTemplate(adminUrl: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 });
  try {
    await applyMigrations(pool);
  } finally {
    await pool.end();
  }
}

async function dropTemplate(adminUrl: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject) {
  const dataDir = path.join(os.tmpdir(), `writ-test-${process.pid}-${randomBytes(3).toString('hex')}`);
  const server = await startEmbeddedServer(dataDir, () => undefined, { persistent: false });
  const template = `writ_template_${process.pid}`;
  const targets: DatabaseTargets = { embedded: { adminUrl: server.url('postgres'), template } };
  const external = loadTestSettings().externalDatabaseUrl;
  if (external) targets.external = { adminUrl: external, template };
  try {
    for (const target of Object.values(targets)) await createTemplate(target.adminUrl, target.template);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('databaseTargets', targets);
  return async () => {
    if (targets.external) await dropTemplate(targets.external.adminUrl, template).catch(() => undefined);
    await server.stop();
  };
}
