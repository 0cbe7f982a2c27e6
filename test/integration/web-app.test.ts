/**
 * How the server answers paths outside the API when the web UI is built: the app's pages get the
 * app (200), any other path gets the app with 404 (it shows its Not found page), a page written
 * with a trailing slash is redirected to its one address, the favicon is a file, and unknown API
 * paths stay problem+json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { pages } from '../../src/contracts/pages.js';
import { buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const indexHtml = '<!doctype html><title>Writ</title><div id="root"></div>';
const icon = Buffer.from([0, 0, 1, 0, 1, 0]);

let app: FastifyInstance;
let database: TestDatabase;
let web: string;
beforeAll(async () => {
  // A built UI of its own, so the test needs no Vite build.
  web = mkdtempSync(path.join(tmpdir(), 'writ-web-'));
  mkdirSync(path.join(web, 'assets'));
  writeFileSync(path.join(web, 'index.html'), indexHtml);
  writeFileSync(path.join(web, 'assets/index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(web, 'favicon.ico'), icon);
  database = await createTestDatabase();
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  app = await buildApp({ config, database, logger: false, webRoot: web });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(web, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('pages of the web app', () => {
  it('every declared page answers the app with 200, parameters filled in', async () => {
    for (const page of Object.values(pages)) {
      const url = page.replace(/:\w+/g, 'KZ');
      const res = await get(url);
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 200, 'text/html; charset=utf-8']);
      expect(res.body).toBe(indexHtml);
    }
  });

  it('a query string does not change which page it is', async () => {
    expect((await get('/review?status=received')).statusCode).toBe(200);
  });

  it('a page with a trailing slash is redirected to its one address, keeping the query', async () => {
    const res = await get('/methodology/');
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe('/methodology');
    expect((await get('/reports/KZ/2021-H1/?x=1')).headers.location).toBe('/reports/KZ/2021-H1?x=1');
  });
});

describe('paths that are no page', () => {
  it('answer 404 with the app, which shows its Not found page', async () => {
    for (const url of ['/nope', '/review/whatever', '/reports/KZ', '/compare/KZ/extra', '/index.html', '//evil.example/']) {
      const res = await get(url);
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 404, 'text/html; charset=utf-8']);
      expect(res.body).toBe(indexHtml);
    }
  });

  it('the page is sent with the same security headers as every other answer', async () => {
    const res = await get('/nope');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('unknown API paths and missing asset files stay problem+json', async () => {
    for (const url of ['/api/unknown', '/api', '/api/v1/nope/deeper', '/assets/missing.js']) {
      const res = await get(url);
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 404, 'application/problem+json; charset=utf-8']);
      expect(res.json().code).toBe('not_found');
    }
  });

  it('other methods than GET on an unknown path stay problem+json', async () => {
    const res = await app.inject({ method: 'POST', url: '/nope', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('files', () => {
  it('the favicon is served as a file', async () => {
    const res = await get('/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/vnd.microsoft.icon');
    expect(res.rawPayload).toEqual(icon);
  });

  it('assets are served from /assets/', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
  });
});
