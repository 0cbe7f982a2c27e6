/**
 * What a hostile client can put on the wire: text that has broken things before, JSON values of the
 * wrong kind, broken URL escapes, odd content types and headers, and bodies that are not what they say.
 */
import fc from 'fast-check';

const codeUnits = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));

/**
 * One hostile value and the kind of field it is aimed at. A body is poisoned with one value at a
 * time (in some of the fields it fits, or all), so that it stays valid in every other way and
 * reaches the code, and the database, behind validation.
 */
export type Poison = { kind: 'text'; value: string } | { kind: 'date'; value: string } | { kind: 'number'; value: number };

const text = (...values: string[]) => values.map((value): Poison => ({ kind: 'text', value }));
export const poisons: Poison[] = [
  ...text('a\u0000b', '\u0000', 'Приказ\u0000.pdf'),
  ...text('\ud800', 'x\udfffy', '\udc00\ud800', 'a\ud83d'),
  ...text('\u0001\u001f', '\u007f\u0085', '\u001b[31mred', '\u2028\u2029'),
  ...text('Приказ.pdf', '🙂👨‍👩‍👧', '\u202eevil.pdf', '\ufeffBOM', 'e\u0301'),
  ...text(
    "'; DROP TABLE requests; --",
    '<img src=x onerror=alert(1)>',
    '../../../../etc/passwd',
    '%s%n\x24{7*7}{{7*7}}',
    '__proto__',
  ),
  ...text('a'.repeat(70_000), '𝕏'.repeat(5_000), '   ', ''),
  ...[
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '1900-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-03-10T23:30:00+99:00',
    '0000-01-01',
    '0001-01-01',
    '9999-12-31',
  ].map((value): Poison => ({ kind: 'date', value })),
  ...[1e308, -1e308, -0, -1, 5e-324, 2 ** 53 + 2, 10_000_000_001].map((value): Poison => ({ kind: 'number', value })),
];

/** Any hostile text, for path segments, query values and single mutated fields. */
export const adversarialText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...poisons.map((p) => String(p.value)), '1900-H1', '0-H1', '99999-H2', 'NaN', 'null') },
  // Any UTF-16 code unit: lone surrogates and control characters included.
  fc.string({ unit: codeUnits(0, 0xffff), minLength: 1, maxLength: 30 }),
  fc.string({ unit: fc.oneof(codeUnits(1, 0x1f), codeUnits(0x7f, 0x9f)), minLength: 1, maxLength: 8 }),
);

function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** A JSON value of any kind that is rarely what a field expects. */
export const adversarialValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: adversarialText },
  fc.constantFrom(1e308, -1e308, -0, 0, -1, 0.5, 5e-324, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 10_000_000_001),
  fc.constantFrom(null, true, false, [], {}, [null], { '': '' }),
  fc.constantFrom(
    nested(500),
    Array.from({ length: 6000 }, (_, i) => i),
    Array(6000).fill('\u0000'),
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * Percent-encodes as a client would on the wire; a lone surrogate (which encodeURIComponent
 * refuses) is sent as the three bytes WTF-8 gives it.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out +=
      c >= 0xd800 && c <= 0xdfff
        ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
        : encodeURIComponent(ch);
  }
  return out;
}

/** Pieces of URL sent as they are: broken escapes, overlong NUL, separators. */
export const rawUrlPiece = fc.constantFrom(
  '%',
  '%zz',
  '%00',
  '%C0%80',
  '%ED%A0%80',
  '%FF%FE',
  '..',
  '.',
  '..%2F..%2F',
  '%2e%2e',
  ';',
  '+',
);

/** A header value a real HTTP client could send: visible ASCII and Latin-1 bytes (Node refuses the rest). */
export const headerValue = fc.string({
  unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff })).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});

/** Over Writ's 5 MB body limit. */
const HUGE_BODY = 'x'.repeat(6 * 1024 * 1024);

/** Content types a body may claim, mostly not what it is. */
export const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/json, text/plain',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zz',
  'application/problem+json',
  'a/b/c',
  ';;;',
  '',
);
export const jsonContentType = fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, contentTypes);
/** Bodies that are not what a route expects: any JSON, text, bytes, broken or poisoned JSON, nesting, bulk. */
export const rawBody = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc.constantFrom(
    '',
    '{',
    'null',
    '"x"',
    '\ufeff{}',
    '{"__proto__":{"role":"admin"}}',
    '{"constructor":{"prototype":{"role":"admin"}}}',
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    HUGE_BODY,
  ),
);

/** What a caller without a session may send instead of one. */
export const hostileCredentials = fc.constantFrom<Record<string, string>>(
  {},
  { authorization: 'Bearer nope' },
  { authorization: 'Bearer ' },
  { authorization: 'Basic YW5hOnB3' },
  { authorization: `Bearer ${'t'.repeat(8000)}` },
  { cookie: 'writ_session=%00' },
  { cookie: 'writ_session=%ED%A0%80' },
  { cookie: 'writ_session=' },
);

/** Foreign and malformed origins, spoofed client addresses, odd Accept values, a header near Node's size limit. */
export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    origin: fc.constantFrom('null', 'https://evil.example', 'http://localhost', 'http://127.0.0.1:3000', 'file://', ''),
    'sec-fetch-site': fc.constantFrom('cross-site', 'same-origin', 'none'),
    accept: fc.constantFrom('*/*', 'application/json', 'text/html', 'application/xml', 'application/problem+json;q=0'),
    'x-forwarded-for': fc.oneof(fc.constantFrom('203.0.113.7', '::1', 'unknown, 10.0.0.1'), headerValue),
    'accept-language': headerValue,
    'x-huge': fc.constant('h'.repeat(8000)),
  },
  { requiredKeys: [] },
);

/** What a browser on Writ's own origin, or an API client, would send. */
export const politeHeaders = fc.constantFrom<Record<string, string>>(
  {},
  { host: 'writ.example', origin: 'http://writ.example', 'sec-fetch-site': 'same-origin' },
  { accept: 'application/json' },
);

/** Shortens long strings so that a failure report stays readable. */
export function abbreviate(text: string, max = 300): string {
  const shown = JSON.stringify(text).slice(1, -1);
  return shown.length <= max ? shown : `${shown.slice(0, max)}… (${text.length} chars)`;
}
