/**
 * The database a test project runs against, prepared once per run: for `embedded`, the suite's own
 * embedded PostgreSQL (in a temporary directory, removed afterwards); for `external`, the server of
 * TEST_DATABASE_URL. On it, a migrated template database that test files copy
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 *
 * Only the projects that use a database name this file as their global setup (vitest.config.ts), and
 * Vitest runs a project's global setup only when one of its tests is queued: a run of unit or server
 * tests starts no database.
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

const noop = () => undefined;

type PreparedTarget = { adminUrl: string; template: string; dispose(): Promise<void> };
type Shared = { prepared: Promise<PreparedTarget>; projects: number };

/**
 * Targets shared by the projects that use them (db:embedded and browser share the embedded server).
 * Each project may load this module anew, but all run in Vitest's main process, hence globalThis.
 */
const processWide = globalThis as { writTestDatabases?: Map<string, Shared> };
processWide.writTestDatabases ??= new Map();
const sharedTargets = processWide.writTestDatabases;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function createTemplate(adminUrl: string, template: string): Promise<void> {
  await onServer(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  });
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 });
  try {
    await applyMigrations(pool);
  } finally {
    await pool.end();
  }
}

async function prepareTarget(name: string): Promise<PreparedTarget> {
  const template = `writ_template_${process.pid}`;
  if (name === 'embedded') {
    const dataDir = path.join(os.tmpdir(), `writ-test-${process.pid}-${randomBytes(3).toString('hex')}`);
    // Throwaway: commits are not flushed to disk (decision 61), which makes each several times cheaper.
    const server = await startEmbeddedServer(dataDir, () => undefined, { persistent: false, durable: false });
    const adminUrl = server.url('postgres');
    try {
      await createTemplate(adminUrl, template);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return { adminUrl, template, dispose: () => server.stop() };
  }
  const adminUrl = name === 'external' ? loadTestSettings().externalDatabaseUrl : undefined;
  if (!adminUrl) throw new Error(`no database for the test target "${name}" (external needs TEST_DATABASE_URL)`);
  await createTemplate(adminUrl, template);
  const dropTemplate = (admin: pg.Client) => admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  // A template left behind on a shared server does no harm; the next run of this process id drops it.
  return { adminUrl, template, dispose: () => onServer(adminUrl, dropTemplate).then(noop, noop) };
}

export default async function setup(project: TestProject) {
  const name = project.config.provide?.databaseTarget;
  if (!name) throw new Error(`the test project ${project.name} uses the database setup but provides no databaseTarget`);
  let shared = sharedTargets.get(name);
  if (!shared) {
    shared = { prepared: prepareTarget(name), projects: 0 };
    sharedTargets.set(name, shared);
  }
  shared.projects += 1;
  const entry = shared;
  const prepared = await entry.prepared.catch((error: unknown) => {
    sharedTargets.delete(name);
    throw error;
  });
  project.provide('databaseTargets', { [name]: { adminUrl: prepared.adminUrl, template: prepared.template } });
  return async () => {
    entry.projects -= 1;
    if (entry.projects > 0) return;
    sharedTargets.delete(name);
    await prepared.dispose();
  };
}
