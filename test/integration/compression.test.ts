/**
 * Lighter pages (issue 9, item 5): API answers and the UI's assets travel compressed, as the client
 * accepts, and hashed assets are cached for a year.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const script = 'index-abc123.js';
let t: { app: FastifyInstance };
let database: TestDatabase;
let web: string;
beforeAll(async () => {
  // A built UI of its own, so the test needs no Vite build: a script as large as a real one.
  web = mkdtempSync(path.join(tmpdir(), 'writ-web-'));
  mkdirSync(path.join(web, 'assets'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Writ</title><div id="root"></div>');
  writeFileSync(path.join(web, 'assets', script), 'console.log("Writ");\n'.repeat(5000));
  database = await createTestDatabase();
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  t = { app: await buildApp({ config, database, logger: false, webRoot: web }) };
});
afterAll(async () => {
  await t?.app.close();
  await database?.close();
  rmSync(web, { recursive: true, force: true });
});

describe('compression', () => {
  it('sends an API answer as Brotli or gzip, as asked, and plain when not asked', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/regimes' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.app.inject({ method: 'GET', url: '/api/v1/regimes', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gzip = await t.app.inject({ method: 'GET', url: '/api/v1/regimes', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
  });

  it('compresses the UI’s script and caches it for a year (its name changes with its content)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toMatch(/^console\.log/);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(res.headers['cache-control']).toMatch(/immutable/);
  });

  it('compresses the OpenAPI document and problem answers too', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(doc.headers['content-encoding']).toBe('gzip');
    const html = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(html.statusCode).toBe(200);
  });
});
