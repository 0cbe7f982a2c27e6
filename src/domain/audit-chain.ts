/**
 * The audit log's chains (decision 48), recomputed independently of the database that wrote them.
 *
 * An entry's hash is SHA-256 over UTF-8 `prev_hash '\n' canonical`, in hex; a chain's first entry
 * has 64 zeros as prev_hash. `canonical` is the fixed text layout
 *
 *     writ-audit/1 '\n' chain '\n' seq '\n' at '\n' entry
 *
 * with `at` in UTC as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (microseconds) and `entry` the JSON text in the
 * layout PostgreSQL gives jsonb: object keys ordered by their UTF-8 length, then bytewise; `, `
 * between members and `: ` after a key; strings with `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` and
 * `\u00xx` (lowercase) for the other control characters, every other character as itself; numbers as
 * plain decimals as PostgreSQL's numeric prints them (canonicalNumber). The database computes the same in its trigger
 * (migration 0016); the verifier parses each entry and encodes it again here.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
export const CANONICAL_VERSION = 'writ-audit/1';

/** A JSON value whose numbers keep their text (a double would round big or precise ones). */
export type JsonValue = null | boolean | { number: string } | string | JsonValue[] | { object: [string, JsonValue][] };

/** Parses JSON text, keeping each number's literal text. Throws on anything that is not JSON. */
export function parseJson(text: string): JsonValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`not JSON at ${i}: ${what}`);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    i++; // the opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i++]!;
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[i++];
      if (e === 'u') {
        const hex = text.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 4;
      } else {
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === undefined || !(e in simple)) fail('bad escape');
        out += simple[e!];
      }
    }
  };
  const value = (): JsonValue => {
    space();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{') {
      i++;
      const members: [string, JsonValue][] = [];
      space();
      if (text[i] === '}') {
        i++;
        return { object: members };
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('expected a key');
        const key = string();
        space();
        if (text[i++] !== ':') fail('expected :');
        members.push([key, value()]);
        space();
        const next = text[i++];
        if (next === '}') return { object: members };
        if (next !== ',') fail('expected , or }');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonValue[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value());
        space();
        const next = text[i++];
        if (next === ']') return items;
        if (next !== ',') fail('expected , or ]');
      }
    }
    for (const [word, v] of [
      ['null', null],
      ['true', true],
      ['false', false],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!number) fail('unexpected character');
    i += number![0].length;
    return { number: number![0] };
  };
  const result = value();
  space();
  if (i !== text.length) fail('trailing characters');
  return result;
}

const utf8 = new TextEncoder();

/** PostgreSQL's order of jsonb keys: shorter (in UTF-8 bytes) first, then bytewise. */
export function compareKeys(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  if (x.length !== y.length) return x.length - y.length;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! - y[k]!;
  return 0;
}

function encodeString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A JSON number as PostgreSQL's numeric prints it: plain decimal, no exponent, no negative zero,
 * the fraction's digits kept as written (`1.50` stays `1.50`), an exponent moving the point
 * (`1.5e-3` → `0.0015`, `1e21` → `1000000000000000000000`).
 */
export function canonicalNumber(literal: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!m) throw new Error(`not a JSON number: ${literal}`);
  const [, sign, whole, fraction = '', exponentText = '0'] = m;
  const exponent = Number(exponentText);
  const digits = whole! + fraction;
  const scale = Math.max(0, fraction.length - exponent);
  const point = whole!.length + exponent;
  let integer: string;
  let decimals: string;
  if (point <= 0) {
    integer = '0';
    decimals = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    integer = digits + '0'.repeat(point - digits.length);
    decimals = '';
  } else {
    integer = digits.slice(0, point);
    decimals = digits.slice(point);
  }
  integer = integer.replace(/^0+(?=\d)/, '');
  decimals = decimals.length > scale ? decimals.slice(0, scale) : decimals.padEnd(scale, '0');
  const zero = /^0*$/.test(integer + decimals);
  return `${sign && !zero ? '-' : ''}${integer}${scale ? `.${decimals}` : ''}`;
}

/** The canonical JSON text of a value (the layout above). */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return encodeString(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(', ')}]`;
  if ('number' in value) return canonicalNumber(value.number);
  // The last of duplicate keys wins, as in jsonb.
  const members = new Map(value.object);
  const keys = [...members.keys()].sort(compareKeys);
  return `{${keys.map((k) => `${encodeString(k)}: ${canonicalJson(members.get(k)!)}`).join(', ')}}`;
}

/** Microseconds since 1970 (UTC) as `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
export function utcMicros(micros: bigint): string {
  const seconds = micros >= 0n ? micros / 1_000_000n : -((-micros + 999_999n) / 1_000_000n);
  const fraction = micros - seconds * 1_000_000n;
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${whole}.${fraction.toString().padStart(6, '0')}Z`;
}

/** The text an entry's hash is computed over, besides the previous hash. */
export function canonicalEntry(chain: string, seq: number, atMicros: bigint, entryJson: string): string {
  return `${CANONICAL_VERSION}\n${chain}\n${seq}\n${utcMicros(atMicros)}\n${canonicalJson(parseJson(entryJson))}`;
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function entryHash(prevHash: string, canonical: string): string {
  return sha256Hex(`${prevHash}\n${canonical}`);
}

/** One audit row as read for verification: `at` in microseconds, the entry as JSON text. */
export type AuditRow = { chain: string; seq: number; atMicros: bigint; entry: string; prevHash: string; hash: string };
export type AuditHead = { chain: string; seq: number; hash: string };

export const auditProblemKinds = [
  'edited',
  'link_broken',
  'seq_gap',
  'head_mismatch',
  'head_missing',
  'chain_missing',
  'checkpoint',
] as const;
export type AuditProblemKind = (typeof auditProblemKinds)[number];
/** The first thing wrong: its chain, the seq of the row named (null when a whole chain is missing), what. */
export type AuditProblem = { chain: string; seq: number | null; kind: AuditProblemKind; detail: string };

/**
 * Walks the log in (chain, seq) order, one row at a time, against the heads: remembers only the
 * current chain's last row, so the log is never held in memory.
 */
export class ChainVerifier {
  chains = 0;
  entries = 0;
  private last: AuditRow | null = null;
  private readonly seen = new Set<string>();

  constructor(private readonly heads: ReadonlyMap<string, { seq: number; hash: string }>) {}

  /** The problem this row shows (the first one found), or null. */
  add(row: AuditRow): AuditProblem | null {
    const previous = this.last && this.last.chain === row.chain ? this.last : null;
    if (!previous) {
      const closed = this.closeChain();
      if (closed) return closed;
      this.chains++;
      this.seen.add(row.chain);
    }
    this.entries++;
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (row.seq !== expectedSeq)
      return {
        chain: row.chain,
        seq: row.seq,
        kind: 'seq_gap',
        detail: previous
          ? `seq ${row.seq} follows seq ${previous.seq}: an entry is missing (deleted) or was inserted`
          : `the chain starts at seq ${row.seq}, not 1: its first entries are missing`,
      };
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    if (row.prevHash !== expectedPrev)
      return {
        chain: row.chain,
        seq: row.seq,
        kind: 'link_broken',
        detail: `prev_hash ${row.prevHash} is not the hash of the entry before it (${expectedPrev}): an entry was removed, inserted or replaced`,
      };
    const hash = entryHash(row.prevHash, canonicalEntry(row.chain, row.seq, row.atMicros, row.entry));
    if (hash !== row.hash)
      return {
        chain: row.chain,
        seq: row.seq,
        kind: 'edited',
        detail: `the entry's content hashes to ${hash}, not to its recorded hash ${row.hash}: it was edited`,
      };
    this.last = row;
    return null;
  }

  /** After the last row: the last chain's head, and heads of chains the log does not have. */
  finish(): AuditProblem | null {
    const closed = this.closeChain();
    if (closed) return closed;
    this.last = null;
    for (const [chain, head] of [...this.heads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      if (!this.seen.has(chain))
        return {
          chain,
          seq: head.seq,
          kind: 'chain_missing',
          detail: `the head says seq ${head.seq}, but the log has no entry of this chain: its entries were deleted`,
        };
    return null;
  }

  private closeChain(): AuditProblem | null {
    const last = this.last;
    if (!last) return null;
    const head = this.heads.get(last.chain);
    if (!head)
      return {
        chain: last.chain,
        seq: last.seq,
        kind: 'head_missing',
        detail: 'the chain has no head: its head was deleted, or the chain was written without the trigger',
      };
    if (head.seq !== last.seq || head.hash !== last.hash)
      return {
        chain: last.chain,
        seq: Math.max(head.seq, last.seq),
        kind: 'head_mismatch',
        detail:
          head.seq > last.seq
            ? `the head says seq ${head.seq}, but the log ends at seq ${last.seq}: its newest entries were deleted`
            : head.seq < last.seq
              ? `the log goes on to seq ${last.seq} past its head (seq ${head.seq}): an entry was appended without the trigger`
              : `the head's hash ${head.hash} is not the hash of the last entry (${last.hash})`,
      };
    return null;
  }
}

/** The heads listing whose SHA-256 is the root: `chain seq hash` lines, by chain (code point order). */
export function headsListing(heads: Iterable<AuditHead>): string {
  return [...heads]
    .sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0))
    .map((h) => `${h.chain} ${h.seq} ${h.hash}\n`)
    .join('');
}

export function rootHash(listing: string): string {
  return sha256Hex(listing);
}

/** What a checkpoint says, signed (its body) — the tlog-checkpoint shape (C2SP). */
export type CheckpointBody = { origin: string; entries: number; rootHex: string; chains: number; at: string };

export function checkpointBody(c: CheckpointBody): string {
  return `${c.origin}\n${c.entries}\n${Buffer.from(c.rootHex, 'hex').toString('base64')}\nchains ${c.chains}\ntime ${c.at}\n`;
}

/** The signed-note key hint: the first 4 bytes of SHA-256(key name || 0x0A || 0x01 || public key). */
export function keyHint(keyName: string, rawPublicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${keyName}\n`, 'utf8'), Buffer.from([1]), rawPublicKey]))
    .digest()
    .subarray(0, 4);
}

/**
 * The checkpoint file: the body, a blank line, the signature line (`— <key> <base64(hint || sig)>`)
 * when signed, a blank line, then the heads listing (not signed itself: its SHA-256 is the signed root).
 */
export function checkpointText(body: string, signatureLine: string | null, listing: string): string {
  return `${body}\n${signatureLine ? `${signatureLine}\n\n` : ''}${listing}`;
}

export type ParsedCheckpoint = {
  body: string;
  fields: CheckpointBody;
  signatures: { keyName: string; hint: Buffer; signature: Buffer }[];
  heads: AuditHead[];
};

export function parseCheckpoint(text: string): ParsedCheckpoint {
  const lines = text.split('\n');
  const blank = lines.indexOf('');
  if (blank < 5) throw new Error('not a checkpoint: its body must have origin, size, root, chains and time lines');
  const bodyLines = lines.slice(0, blank);
  const body = `${bodyLines.join('\n')}\n`;
  const [origin, size, root, chainsLine, timeLine] = bodyLines;
  const entries = Number(size);
  const rootBytes = Buffer.from(root!, 'base64');
  const chains = Number(/^chains (\d+)$/.exec(chainsLine!)?.[1] ?? Number.NaN);
  const at = /^time (.+)$/.exec(timeLine!)?.[1];
  if (!Number.isSafeInteger(entries) || rootBytes.length !== 32 || !Number.isSafeInteger(chains) || !at)
    throw new Error('not a checkpoint: its size, root, chains or time line is malformed');
  let i = blank + 1;
  const signatures: ParsedCheckpoint['signatures'] = [];
  while (i < lines.length && lines[i]!.startsWith('— ')) {
    const [, keyName, sig] = /^— (\S+) (\S+)$/.exec(lines[i]!) ?? [];
    const bytes = Buffer.from(sig ?? '', 'base64');
    if (!keyName || bytes.length !== 68) throw new Error(`not a checkpoint: malformed signature line ${i + 1}`);
    signatures.push({ keyName, hint: bytes.subarray(0, 4), signature: bytes.subarray(4) });
    i++;
  }
  if (lines[i] === '') i++;
  const heads: AuditHead[] = [];
  for (; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const [chain, seq, hash] = lines[i]!.split(' ');
    if (!chain || !/^\d+$/.test(seq ?? '') || !/^[0-9a-f]{64}$/.test(hash ?? ''))
      throw new Error(`not a checkpoint: heads line ${i + 1} is not "chain seq hash"`);
    heads.push({ chain, seq: Number(seq), hash: hash! });
  }
  return {
    body,
    fields: { origin: origin!, entries, rootHex: rootBytes.toString('hex'), chains, at },
    signatures,
    heads,
  };
}
