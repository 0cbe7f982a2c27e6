/**
 * Attaching a file to an order, the use case itself (src/app/order-attachments.ts), without the
 * route in front of it: another agency's order is not found before its file is looked at; an empty,
 * oversized or untyped file is refused naming the body, at exactly the configured size still taken;
 * the name kept is the file's own name, without folders, control characters or surrounding spaces,
 * at most 200 characters, and `attachment` when nothing usable is left.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitOrder } from '../../src/app/authority-orders.js';
import { attachFile, cleanFileName } from '../../src/app/order-attachments.js';
import { submitOrderSchema } from '../../src/contracts/authority-orders.js';
import type { AgencyPrincipal } from '../../src/db/officer-sessions-repository.js';
import { createVerifiedAgency } from '../support/agencies.js';
import { createTestWrit, refusal, type TestWrit } from '../support/writ.js';

const MAX_BYTES = 4096;
let dataDir: string;
let t: TestWrit;
let a: { principal: AgencyPrincipal; officerId: string };
let b: { principal: AgencyPrincipal; officerId: string };
let orderOfA: string;

async function agency() {
  const created = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  const principal = await t.writ.officerSessions.principalForSession(created.auth.authorization.slice('Bearer '.length));
  return { principal: principal!, officerId: created.officer.id };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'writ-attachment-use-cases-'));
  t = await createTestWrit({ env: { WRIT_DATA_DIR: dataDir, WRIT_ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
  a = await agency();
  b = await agency();
  const order = await submitOrder(
    t.writ,
    a.principal,
    submitOrderSchema.parse({
      kind: 'content_removal',
      legalBasis: 'Law on Online Platforms, Art. 19',
      items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
    }),
  );
  orderOfA = order.order.id;
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A PDF of exactly `size` bytes (a comment pads it). */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n%');
  return Buffer.concat([head, Buffer.alloc(size - head.length, 'x')]);
}

async function storedFiles(): Promise<string[]> {
  try {
    const entries = await readdir(path.join(dataDir, 'attachments'), { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

const asAgency = (x: typeof a) => ({ agencyId: x.principal.agency.id, officerId: x.officerId });

describe('attachFile', () => {
  it('answers another agency that its order is not found, even for an empty file, and keeps nothing', async () => {
    const before = await storedFiles();
    expect(await refusal(attachFile(t.writ, asAgency(b), orderOfA, { fileName: 'x.pdf', bytes: pdfOf(100) }))).toMatchObject({
      code: 'not_found',
      field: undefined,
    });
    expect(
      await refusal(attachFile(t.writ, asAgency(b), orderOfA, { fileName: 'x.pdf', bytes: new Uint8Array() })),
    ).toMatchObject({
      code: 'not_found',
      field: undefined,
    });
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses an empty file and one that is no PDF, PNG, JPEG or TIFF, naming the body', async () => {
    expect(
      await refusal(attachFile(t.writ, asAgency(a), orderOfA, { fileName: 'x.pdf', bytes: new Uint8Array() })),
    ).toMatchObject({
      code: 'validation_failed',
      field: 'body',
    });
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    expect(await refusal(attachFile(t.writ, asAgency(a), orderOfA, { fileName: 'x.pdf', bytes: html }))).toMatchObject({
      code: 'unsupported_media_type',
      field: 'body',
    });
  });

  it('takes a file of exactly the configured size, and refuses one byte more (payload_too_large)', async () => {
    const full = await attachFile(t.writ, asAgency(a), orderOfA, { fileName: 'full.pdf', bytes: pdfOf(MAX_BYTES) });
    expect(full).toMatchObject({ size: MAX_BYTES, mediaType: 'application/pdf' });
    expect(
      await refusal(attachFile(t.writ, asAgency(a), orderOfA, { fileName: 'over.pdf', bytes: pdfOf(MAX_BYTES + 1) })),
    ).toMatchObject({ code: 'payload_too_large', field: 'body' });
  });

  it('keeps the cleaned name: no folders, no control characters, no surrounding spaces', async () => {
    const kept = await attachFile(t.writ, asAgency(a), orderOfA, {
      fileName: 'C:\\scans/2026\\ Приказ\u0000 №5\u202e.pdf  ',
      bytes: pdfOf(200),
    });
    expect(kept.fileName).toBe('Приказ №5.pdf');
    const unnamed = await attachFile(t.writ, asAgency(a), orderOfA, { fileName: null, bytes: pdfOf(200) });
    expect(unnamed.fileName).toBe('attachment');
  });
});

describe('cleanFileName', () => {
  it('keeps the last part of a path, without control or format characters, trimmed, at most 200 characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\\b\\ order\u2028 .pdf ')).toBe('order .pdf');
    expect(cleanFileName(`${'n'.repeat(250)}.pdf`)).toBe('n'.repeat(200));
    expect(cleanFileName(` ${'n'.repeat(199)}x `)).toBe(`${'n'.repeat(199)}x`);
  });

  it('gives `attachment` for no name, an empty one, and `.` or `..`', () => {
    for (const name of [null, undefined, '', '   ', 'folder/', '.', '..', 'x/..', ' . ', '\u0000..\u0000']) {
      expect(cleanFileName(name)).toBe('attachment');
    }
    expect(cleanFileName('...')).toBe('...');
    expect(cleanFileName('.x')).toBe('.x');
  });
});
