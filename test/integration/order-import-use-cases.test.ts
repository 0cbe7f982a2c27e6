/**
 * `writ import orders`, the use case in this process (src/app/order-import.ts; the CLI's tests run
 * it in a child process): how a file is read (CRLF, blank lines, a last line without a newline, the
 * 5 MB line limit), how the first pass refuses (bad lines named by number and field as the API names
 * them, at most 20; each authority looked up once), how batches are cut (1,000 items), what the
 * progress and the summary say, and a file changed between the passes (a line refused in the second
 * pass named by its line in the file; a batch key used before for other orders).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportProgress, importOrders } from '../../src/app/order-import.js';
import { newRequestBody } from '../support/app.js';
import { rowCounts } from '../support/database.js';
import { createTestWrit, refusal, type TestWrit, testAuthority } from '../support/writ.js';

let dir: string;
let t: TestWrit;
let kz: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'writ-import-use-cases-'));
  t = await createTestWrit({ now: () => new Date('2026-06-01T00:00:00Z') });
  kz = (await testAuthority(t)).id;
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
let orderCount = 0;
/** A file of `content`, written as given. */
function file(content: string): string {
  files += 1;
  const name = path.join(dir, `orders-${files}.ndjson`);
  writeFileSync(name, content);
  return name;
}
/** One order as a line (unique reference and target), with `overrides`. */
function line(overrides: Record<string, unknown> = {}): string {
  orderCount += 1;
  return JSON.stringify(
    newRequestBody(kz, {
      receivedAt: '2026-03-10T12:00:00Z',
      authorityReference: `IMP-${orderCount}`,
      items: [{ targetKind: 'url', target: `https://video.example/import/${orderCount}`, product: 'Video' }],
      ...overrides,
    }),
  );
}

function recorder() {
  const calls = { checking: [] as [number, number][], writing: [] as [number, number][] };
  const progress: ImportProgress = {
    checking: (bytes, total) => calls.checking.push([bytes, total]),
    writing: (orders, total) => calls.writing.push([orders, total]),
  };
  return { calls, progress };
}
const quiet: ImportProgress = { checking: () => undefined, writing: () => undefined };
/** JSON.parse's own message for `text`, as a bad line quotes it. */
function notJson(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  throw new Error(`${text} is JSON`);
}
/** Progress that replaces the file with `content` once the first pass is over, before the second starts. */
const changingTo = (name: string, content: string): ImportProgress => ({
  checking: () => undefined,
  writing: (orders) => (orders === 0 ? writeFileSync(name, content) : undefined),
});

describe('importOrders: reading the file', () => {
  it('takes CRLF lines, skips blank and whitespace-only lines, keeps a line that starts with a carriage return and a last line without a newline; reports progress; a second run creates nothing', async () => {
    const content = `${line()}\r\n\r\n   \r\n\r${line()}\n\t\n${line()}\r\n${line()}`;
    const name = file(content);
    const { calls, progress } = recorder();
    const summary = await importOrders(t.writ, name, progress);
    expect(summary).toMatchObject({ orders: 4, items: 4, chunks: 1, chunksReplayed: 0, requestsCreated: 4 });
    const size = Buffer.byteLength(content);
    expect(calls.checking).toEqual([
      [0, size],
      [size, size],
    ]);
    expect(calls.writing).toEqual([
      [0, 4],
      [4, 4],
    ]);

    const before = await rowCounts(t.database.pool);
    const again = await importOrders(t.writ, name, quiet);
    expect(again).toMatchObject({ orders: 4, chunks: 1, chunksReplayed: 1, requestsCreated: 0 });
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('refuses a file of no order', async () => {
    const name = file('\n  \n\r\n');
    expect(await refusal(importOrders(t.writ, name, quiet))).toEqual({
      code: 'validation_failed',
      field: 'file',
      message: `${name} holds no orders (one JSON order a line)`,
    });
  });
});

describe('importOrders: the first pass', () => {
  it('names a line the domain refuses (an unknown authority) and writes nothing, not even the good lines before it', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const name = file(`${line()}\n${line({ authorityId: missing })}\n`);
    const before = await rowCounts(t.database.pool);
    expect(await refusal(importOrders(t.writ, name, quiet))).toEqual({
      code: 'validation_failed',
      field: 'file',
      message: `${name}: 1 bad line; nothing was imported\n  line 2: authorityId: authority ${missing} does not exist`,
    });
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('stops at the first 20 bad lines', async () => {
    const lines = [line(), ...Array.from({ length: 25 }, () => 'not json')];
    const error = await refusal(importOrders(t.writ, file(`${lines.join('\n')}\n`), quiet));
    const listed = error.message.split('\n').slice(1);
    expect(error.message.split('\n')[0]).toMatch(/: the first 20 bad lines; nothing was imported$/);
    expect(listed).toHaveLength(20);
    expect(listed[0]).toMatch(/^ {2}line 2: not JSON/);
    expect(listed[19]).toMatch(/^ {2}line 21: not JSON/);
  });

  it('names each bad line as the API would: the field in the order (or "order"), the first problem and how many more, the line without its carriage return, a last line without a newline', async () => {
    const nul = '\u0000';
    const lines = [
      `${line()}\r\n`,
      'not json\r\n',
      `${line({ items: [{ targetKind: 'url', target: `https://video.example/${nul}`, product: 'Video' }] })}\n`,
      `${JSON.stringify(nul)}\n`,
      '42\n',
      `${line({ legalBasis: 42 })}\n`,
      `${line({ legalBasis: 42, channel: 'pigeon' })}\n`,
      'nope',
    ];
    const name = file(lines.join(''));
    expect(await refusal(importOrders(t.writ, name, quiet))).toEqual({
      code: 'validation_failed',
      field: 'file',
      message: [
        `${name}: 7 bad lines; nothing was imported`,
        `line 2: ${notJson('not json')}`,
        'line 3: items[0].target: must not contain the NUL character (U+0000)',
        'line 4: order: must not contain the NUL character (U+0000)',
        'line 5: order: Invalid input: expected object, received number',
        'line 6: legalBasis: Invalid input: expected string, received number',
        'line 7: legalBasis: Invalid input: expected string, received number (and 1 more)',
        `line 8: ${notJson('nope')}`,
      ].join('\n  '),
    });
  });

  it('looks each authority up once, a missing one too', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    let lookups = 0;
    const writ = {
      ...t.writ,
      authorities: {
        ...t.writ.authorities,
        find: (id: string) => {
          lookups += 1;
          return t.writ.authorities.find(id);
        },
      },
    };
    const name = file([line(), line({ authorityId: missing }), line(), line({ authorityId: missing })].join('\n'));
    expect((await refusal(importOrders(writ, name, quiet))).message).toMatch(/: 2 bad lines; nothing was imported\n/);
    expect(lookups).toBe(2);
  });
});

describe('importOrders: a file changed between the passes', () => {
  it('is refused as changed when it holds no order any more, with nothing written', async () => {
    const name = file(`${line()}\n`);
    const before = await rowCounts(t.database.pool);
    const progress: ImportProgress = {
      checking: () => undefined,
      // Called once the first pass is over and before the second starts.
      writing: (orders) => (orders === 0 ? writeFileSync(name, '\n\n') : undefined),
    };
    expect(await refusal(importOrders(t.writ, name, progress))).toEqual({
      code: 'validation_failed',
      field: 'file',
      message: `${name} changed during the import; check what was imported`,
    });
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('is refused as changed when it holds another order', async () => {
    const name = file(`${line()}\n`);
    const other = line();
    const progress: ImportProgress = {
      checking: () => undefined,
      writing: (orders) => (orders === 0 ? writeFileSync(name, `${other}\n`) : undefined),
    };
    expect((await refusal(importOrders(t.writ, name, progress))).message).toBe(
      `${name} changed during the import; check what was imported`,
    );
  });

  it('is refused as changed when a line is no JSON any more, naming it', async () => {
    const name = file(`${line()}\n`);
    expect(await refusal(importOrders(t.writ, name, changingTo(name, 'not json\n')))).toEqual({
      code: 'validation_failed',
      field: 'file',
      message: `${name} changed during the import: line 1: ${notJson('not json')}`,
    });
  });

  it('names the line, not the place in the batch, of an order the second pass refuses, and writes none of its batch', async () => {
    const missing = '00000000-0000-4000-8000-000000000002';
    const name = file(`${line()}\n`);
    // Ten good orders on lines 2 to 11, then one of an unknown authority on line 13: the batch's eleventh.
    const changed = `\n${Array.from({ length: 10 }, () => line()).join('\n')}\n\n${line({ authorityId: missing })}\n`;
    const before = await rowCounts(t.database.pool);
    const error = await refusal(importOrders(t.writ, name, changingTo(name, changed)));
    expect(error).toMatchObject({ code: 'validation_failed', field: 'file' });
    // The batch's `orders[10].authorityId` becomes the file's line 13 and its field, then the problem.
    expect(error.message).toBe(`nothing more was imported:\n  line 13: authorityId: authority ${missing} does not exist`);
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('is refused when a file imported before holds other orders by the second pass: its batch key was used for them', async () => {
    const content = `${line()}\n`;
    const name = file(content);
    await importOrders(t.writ, name, quiet);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(await refusal(importOrders(t.writ, name, changingTo(name, `${line()}\n`)))).toEqual({
      code: 'batch_key_reused',
      field: 'file',
      message: `nothing more was imported:\n  the batch key "writ-import:${sha256}:1" was used for other orders; send new orders under a new key`,
    });
  });
});

// The slowest tests come last (megabytes and thousands of orders): under mutation testing a mutant
// runs its tests in the file's order until one fails, so the quick ones above get the first chance (decision 63).
describe('importOrders: batches, and the longest line', () => {
  it('writes 1,000 one-item orders as one batch, and 1,500 as 1,000 then 500', async () => {
    const thousand = await importOrders(t.writ, file(`${Array.from({ length: 1000 }, () => line()).join('\n')}\n`), quiet);
    expect(thousand).toMatchObject({ orders: 1000, chunks: 1, requestsCreated: 1000 });
    const { calls, progress } = recorder();
    const more = await importOrders(t.writ, file(`${Array.from({ length: 1500 }, () => line()).join('\n')}\n`), progress);
    expect(more).toMatchObject({ orders: 1500, chunks: 2, requestsCreated: 1500 });
    expect(calls.writing).toEqual([
      [0, 1500],
      [1000, 1500],
      [1500, 1500],
    ]);
  });
  it('writes an order of more than 1,000 items as a batch of its own, first in the file as elsewhere', async () => {
    const big = line({
      items: Array.from({ length: 1001 }, (_, n) => ({
        targetKind: 'url',
        target: `https://video.example/big/${n}`,
        product: 'Video',
      })),
    });
    const summary = await importOrders(t.writ, file(`${big}\n${line()}\n`), quiet);
    expect(summary).toMatchObject({ orders: 2, items: 1002, chunks: 2, requestsCreated: 2 });
  });

  it('takes a line of exactly 5 MB, and refuses a longer one naming its line', async () => {
    const MB5 = 5 * 1024 * 1024;
    const order = line();
    // JSON may be padded with spaces: the line is one order of exactly the limit.
    const exact = await importOrders(t.writ, file(`${order}${' '.repeat(MB5 - order.length)}\n${line()}\n`), quiet);
    expect(exact).toMatchObject({ orders: 2, requestsCreated: 2 });
    const longer = line();
    expect(await refusal(importOrders(t.writ, file(`${longer}${' '.repeat(MB5 + 65_536 - longer.length)}\n`), quiet))).toEqual({
      code: 'validation_failed',
      field: 'file',
      message: 'line 1 is longer than the 5 MB the API takes for one order',
    });
  });
});
