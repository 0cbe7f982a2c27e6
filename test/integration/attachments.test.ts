/**
 * Files attached to authority-channel orders (issue 10): type judged by content, size from the
 * settings, SHA-256 recorded, stored under the attachment's id in the data folder, downloaded only
 * as an attachment, by the sending agency and by reviewers; another agency gets 404 for all of it,
 * and a refused file leaves nothing behind, neither a row nor a file.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { buildApp } from '../../src/http/app.js';
import { createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { reviewerCredentials, type TestApp } from '../support/app.js';
import { createTestDatabase } from '../support/database.js';

const MAX_BYTES = 4096;
let dataDir: string;
let t: TestApp;
let a: TestAgency;
let b: TestAgency;
let orderOfA: string;

/** The real app as createTestApp builds it, with a data folder of its own and a small attachment limit. */
async function appWithDataDir(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    WRIT_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WRIT_ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
    WRIT_RATE_LIMIT_KEY_WRITES: '100000',
    WRIT_RATE_LIMIT_ADDRESS_WRITES: '100000',
    WRIT_RATE_LIMIT_KEY_READS: '100000',
    WRIT_RATE_LIMIT_ADDRESS_READS: '100000',
  });
  const app = await buildApp({ config, database, logger: false });
  const reviewer = await usersRepository(database.db).create({
    email: reviewerCredentials.email,
    name: 'Ana Reviewer',
    passwordHash: await hash(reviewerCredentials.password),
  });
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: reviewerCredentials });
  return {
    app,
    database,
    reviewer,
    auth: { authorization: `Bearer ${signIn.json().token}` },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'writ-attachments-'));
  t = await appWithDataDir();
  a = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  b = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  const order = await t.app.inject({
    method: 'POST',
    url: '/api/v1/authority/orders',
    headers: a.auth,
    payload: {
      kind: 'content_removal',
      legalBasis: 'Law on Online Platforms, Art. 19',
      items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
    },
  });
  orderOfA = order.json().id;
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const upload = (
  agency: { auth: { authorization: string } },
  orderId: string,
  bytes: Buffer,
  name = 'Приказ №5.pdf',
  type = 'application/pdf',
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/authority/orders/${orderId}/attachments`,
    headers: { ...agency.auth, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
    payload: bytes,
  });

/** Every file in the attachment folder. */
async function storedFiles(): Promise<string[]> {
  const root = path.join(dataDir, 'attachments');
  try {
    return (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}
const rows = async () => Number((await t.database.pool.query('SELECT count(*) FROM attachments')).rows[0].count);

describe('attaching a file', () => {
  it('stores a PDF under its id with the detected type and SHA-256, and lists it on the order', async () => {
    const res = await upload(a, orderOfA, pdf);
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json();
    expect(attachment).toMatchObject({
      fileName: 'Приказ №5.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      downloadUrl: `/api/v1/authority/orders/${orderOfA}/attachments/${attachment.id}`,
    });
    // The file's name on disk is the attachment's id, never the sender's.
    expect(await storedFiles()).toContain(attachment.id);
    expect(await readFile(path.join(dataDir, 'attachments', attachment.id.slice(0, 2), attachment.id))).toEqual(pdf);
    const order = await t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${orderOfA}`, headers: a.auth });
    expect(order.json().attachments).toEqual([attachment]);
    // The reviewers' detail lists it too, with their own download link, and names the sending agency.
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${orderOfA}`, headers: t.auth })).json();
    expect(detail.attachments).toEqual([
      { ...attachment, downloadUrl: `/api/v1/requests/${orderOfA}/attachments/${attachment.id}` },
    ]);
    expect(detail.agency).toMatchObject({ id: a.id });
    const event = await t.database.pool.query(
      "SELECT actor_officer_id, after->>'sha256' AS sha256 FROM events WHERE request_id = $1 AND type = 'attachment_added'",
      [orderOfA],
    );
    expect(event.rows).toEqual([{ actor_officer_id: a.officer.id, sha256: attachment.sha256 }]);
  });

  it('takes a PNG sent as octet-stream by its content', async () => {
    const res = await upload(a, orderOfA, png, 'scan.bin', 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mediaType).toBe('image/png');
  });

  it.each([
    [
      'HTML labelled as a PDF',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'order.pdf',
      'application/pdf',
      415,
      'unsupported_media_type',
    ],
    ['a script labelled as a PNG', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'scan.png', 'image/png', 415, 'unsupported_media_type'],
    [
      'a file over the limit',
      Buffer.concat([pdf, Buffer.alloc(MAX_BYTES)]),
      'big.pdf',
      'application/pdf',
      413,
      'payload_too_large',
    ],
    ['an empty file', Buffer.alloc(0), 'empty.pdf', 'application/pdf', 400, 'validation_failed'],
  ])('refuses %s with problem+json, storing nothing', async (_what, bytes, name, type, status, code) => {
    const [filesBefore, rowsBefore] = [await storedFiles(), await rows()];
    const res = await upload(a, orderOfA, bytes, name, type);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe(code);
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await rows()).toBe(rowsBefore);
  });
});

describe('downloading a file', () => {
  it('sends it to the agency and to reviewers as an attachment, never inline, with nosniff and the detected type', async () => {
    const attachment = (await upload(a, orderOfA, pdf, 'ordre "signé".pdf', 'application/octet-stream')).json();
    for (const [who, url] of [
      [a.auth, `/api/v1/authority/orders/${orderOfA}/attachments/${attachment.id}`],
      [t.auth, `/api/v1/requests/${orderOfA}/attachments/${attachment.id}`],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: who });
      expect(res.statusCode, url).toBe(200);
      expect(res.rawPayload).toEqual(pdf);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename=/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-content-sha256']).toBe(attachment.sha256);
    }
  });

  it('answers 404 to another agency for attaching, reading and downloading, exactly as for a missing order, and 401 to staff', async () => {
    const attachment = (await upload(a, orderOfA, pdf)).json();
    const [filesBefore, rowsBefore] = [await storedFiles(), await rows()];
    const attach = await upload(b, orderOfA, pdf);
    expect(attach.statusCode).toBe(404);
    const missingOrder = await upload(b, '00000000-0000-4000-8000-000000000000', pdf);
    expect(missingOrder.statusCode).toBe(404);
    expect(attach.json().title).toBe(missingOrder.json().title);
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await rows()).toBe(rowsBefore);
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/authority/orders/${orderOfA}/attachments/${attachment.id}`,
      headers: b.auth,
    });
    expect(download.statusCode).toBe(404);
    expect(download.body).not.toContain('PDF');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders', headers: b.auth });
    expect(list.json().orders).toEqual([]);
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/v1/authority/orders/${orderOfA}/attachments/${attachment.id}`,
      headers: t.auth,
    });
    expect(staff.statusCode).toBe(401);
    const staffUpload = await upload(t, orderOfA, pdf);
    expect(staffUpload.statusCode).toBe(401);
  });
});
