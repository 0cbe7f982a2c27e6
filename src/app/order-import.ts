/**
 * `writ import orders FILE.ndjson`: a platform's history moved into Writ, one order a line, each the
 * body of POST /api/v1/requests. Two passes over the file, neither holding more of it than one
 * batch: the first checks every line as the API would (JSON, the contract, storable text, the
 * domain's checks with the authorities registered) and writes nothing if any line is bad; the second
 * writes the orders in batches of up to 1,000 items through receiveBatch, each keyed by the file's
 * SHA-256 and the batch's number, so that running the import again, after it was interrupted or
 * after it finished, creates nothing twice.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { batchEntries, batchLimits } from '../contracts/batches.js';
import { newRequestSchema } from '../contracts/requests.js';
import { WritError } from '../domain/errors.js';
import { findUnstorableText } from '../domain/text.js';
import type { Writ } from './context.js';
import { checkBatchOrders, fieldPath, orderFromBody, receiveBatch } from './intake.js';
import type { OrderToRecord } from './requests.js';

/** What an import reports as it goes: bytes checked in the first pass, orders written in the second. */
export type ImportProgress = {
  checking(bytes: number, totalBytes: number): void;
  writing(orders: number, totalOrders: number): void;
};

export type OrderImportSummary = {
  file: string;
  sha256: string;
  orders: number;
  /** Items in all, a data order's accounts counted as its items. */
  items: number;
  /** Batches written (each one transaction), and how many of them had been written before. */
  chunks: number;
  chunksReplayed: number;
  /** Requests created by this run (the orders of the batches not replayed). */
  requestsCreated: number;
};

/** The longest line taken: the API's limit for the body of one order. */
const MAX_LINE_CHARS = 5 * 1024 * 1024;
/** How many bad lines the first pass names before it stops looking. */
const LISTED_BAD_LINES = 20;

type Line = { number: number; text: string };

/** The file's lines, read a piece at a time (backpressure from the consumer), and each piece to `onBytes`. */
async function* linesOf(file: string, onBytes: (chunk: Buffer) => void): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let number = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    onBytes(chunk);
    const parts = (rest + decoder.write(chunk)).split('\n');
    rest = parts.pop()!;
    for (const text of parts) yield { number: ++number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
    if (rest.length > MAX_LINE_CHARS)
      throw new WritError('validation_failed', `line ${number + 1} is longer than the 5 MB the API takes for one order`, 'file');
  }
  rest += decoder.end();
  if (rest !== '') yield { number: ++number, text: rest };
}

/** One line as an order of the contract, or what is wrong with it (with the field, as a batch names it). */
function parseLine(text: string): { order: OrderToRecord } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON (${(error as Error).message})` };
  }
  const unstorable = findUnstorableText(value);
  if (unstorable) return { problem: `${fieldPath([unstorable.field]) || 'order'}: ${unstorable.message}` };
  const parsed = newRequestSchema.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = fieldPath(issue!.path.filter((p): p is string | number => typeof p !== 'symbol')) || 'order';
    const more = parsed.error.issues.length - 1;
    return { problem: `${field}: ${issue!.message}${more > 0 ? ` (and ${more} more)` : ''}` };
  }
  return { order: orderFromBody(parsed.data) };
}

/**
 * Batches as both passes cut them: greedily, up to 1,000 orders and 1,000 items (an order of more
 * items alone); a data order's accounts count as its items.
 */
function batchCutter() {
  let orders = 0;
  let items = 0;
  return {
    /** Whether `order` starts a new batch. */
    startsBatch(order: Parameters<typeof batchEntries>[0]): boolean {
      const entries = batchEntries(order);
      const starts = orders > 0 && (orders + 1 > batchLimits.orders || items + entries > batchLimits.items);
      if (starts) [orders, items] = [0, 0];
      orders += 1;
      items += entries;
      return starts;
    },
  };
}

/**
 * The first pass: every line checked, nothing written. Authorities are looked up once each. Returns
 * the counts and the file's SHA-256, or refuses naming the bad lines (up to 20).
 */
async function checkFile(writ: Writ, file: string, progress: ImportProgress) {
  const totalBytes = (await stat(file)).size;
  const hash = createHash('sha256');
  let bytes = 0;
  const countries = new Map<string, string | undefined>();
  const bad: string[] = [];
  let [orders, items] = [0, 0];
  progress.checking(0, totalBytes);
  for await (const line of linesOf(file, (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
    progress.checking(bytes, totalBytes);
  })) {
    if (line.text.trim() === '') continue;
    const parsed = parseLine(line.text);
    if ('problem' in parsed) {
      bad.push(`line ${line.number}: ${parsed.problem}`);
    } else {
      const { authorityId } = parsed.order;
      if (!countries.has(authorityId)) countries.set(authorityId, (await writ.authorities.find(authorityId))?.country);
      const [problem] = checkBatchOrders(writ, [parsed.order], (id) => countries.get(id)).problems;
      if (problem) bad.push(`line ${line.number}: ${fieldPath([problem.field]) || 'order'}: ${problem.message}`);
      else {
        orders += 1;
        items += batchEntries(parsed.order);
      }
    }
    if (bad.length >= LISTED_BAD_LINES) break;
  }
  if (bad.length > 0)
    throw new WritError(
      'validation_failed',
      `${file}: ${bad.length >= LISTED_BAD_LINES ? `the first ${bad.length} bad lines` : bad.length === 1 ? '1 bad line' : `${bad.length} bad lines`}; nothing was imported\n  ${bad.join('\n  ')}`,
      'file',
    );
  if (orders === 0) throw new WritError('validation_failed', `${file} holds no orders (one JSON order a line)`, 'file');
  return { sha256: hash.digest('hex'), orders, items };
}

/** A batch's refusal with its orders' places in the file (`line 12: receivedAt …`) instead of in the batch. */
function onLines(error: unknown, lineNumbers: readonly number[]): unknown {
  if (!(error instanceof WritError)) return error;
  const inFile = (text: string) => text.replace(/^orders\[(\d+)\]\.?/, (_, n: string) => `line ${lineNumbers[Number(n)]}: `);
  // `orders[10].authorityId` is `line 13: authorityId: …`; `orders[10]` alone is `line 13: …`. Every
  // problem of a batch names its field (the domain's checks always do).
  const place = (field: string) => {
    const where = inFile(field);
    return where.endsWith(': ') ? where : `${where}: `;
  };
  const lines = error.errors?.map((e) => `${place(e.field)}${e.message}`) ?? [inFile(error.message)];
  return new WritError(error.code, `nothing more was imported:\n  ${lines.join('\n  ')}`, 'file');
}

/** Imports FILE (see the top of this file); the summary counts what the file holds and what this run created. */
export async function importOrders(writ: Writ, file: string, progress: ImportProgress): Promise<OrderImportSummary> {
  const checked = await checkFile(writ, file, progress);
  const hash = createHash('sha256');
  let [written, chunkNumber, chunksReplayed, requestsCreated] = [0, 0, 0, 0];
  let batch: { orders: OrderToRecord[]; lines: number[] } = { orders: [], lines: [] };

  const write = async () => {
    chunkNumber += 1;
    const batchKey = `writ-import:${checked.sha256}:${chunkNumber}`;
    try {
      const answer = await receiveBatch(writ, { batchKey, orders: batch.orders }, null);
      if (answer.replayed) chunksReplayed += 1;
      else requestsCreated += answer.requests.length;
    } catch (error) {
      throw onLines(error, batch.lines);
    }
    written += batch.orders.length;
    progress.writing(written, checked.orders);
    batch = { orders: [], lines: [] };
  };

  const cutter = batchCutter();
  progress.writing(0, checked.orders);
  for await (const line of linesOf(file, (chunk) => hash.update(chunk))) {
    if (line.text.trim() === '') continue;
    const parsed = parseLine(line.text);
    if ('problem' in parsed)
      throw new WritError(
        'validation_failed',
        `${file} changed during the import: line ${line.number}: ${parsed.problem}`,
        'file',
      );
    if (cutter.startsBatch(parsed.order)) await write();
    batch.orders.push(parsed.order);
    batch.lines.push(line.number);
  }
  if (batch.orders.length > 0) await write();
  if (hash.digest('hex') !== checked.sha256)
    throw new WritError('validation_failed', `${file} changed during the import; check what was imported`, 'file');
  return {
    file,
    sha256: checked.sha256,
    orders: checked.orders,
    items: checked.items,
    chunks: chunkNumber,
    chunksReplayed,
    requestsCreated,
  };
}
