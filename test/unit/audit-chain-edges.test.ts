/**
 * The audit chain's canonical encoding at its edges (decision 48): what an entry's hash covers, the
 * JSON reader's refusals, the jsonb text layout, numbers as numeric prints them, and instants.
 * The chain walk and checkpoints are in audit-chain-verify-edges.test.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CANONICAL_VERSION,
  canonicalEntry,
  canonicalJson,
  canonicalNumber,
  compareKeys,
  entryHash,
  GENESIS_HASH,
  parseJson,
  utcMicros,
} from '../../src/domain/audit-chain.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const at = 1_796_000_000_123_456n; // 2026-11-30T00:53:20.123456Z

describe("what an entry's hash covers", () => {
  it('a chain starts from 64 zeros and the layout version writ-audit/1', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
    expect(CANONICAL_VERSION).toBe('writ-audit/1');
  });

  it('the canonical text is version, chain, seq, instant and jsonb text, one per line', () => {
    expect(canonicalEntry('order:a', 7, at, '{"type":"note_added",\n "n":1, "ok":true}')).toBe(
      'writ-audit/1\norder:a\n7\n2026-11-30T00:53:20.123456Z\n{"n": 1, "ok": true, "type": "note_added"}',
    );
  });

  it('the hash is SHA-256 in hex of the previous hash, a newline and the canonical text', () => {
    const canonical = canonicalEntry('order:a', 1, at, '{"n":1}');
    expect(entryHash(GENESIS_HASH, canonical)).toBe(sha256(`${'0'.repeat(64)}\n${canonical}`));
    expect(entryHash('ab'.repeat(32), canonical)).toBe(sha256(`${'ab'.repeat(32)}\n${canonical}`));
  });

  it('changing any field changes the hash, and reformatting the JSON does not', () => {
    const hashOf = (chain: string, seq: number, micros: bigint, entry: string, prev = GENESIS_HASH) =>
      entryHash(prev, canonicalEntry(chain, seq, micros, entry));
    const base = hashOf('order:a', 1, at, '{"n": 1, "type": "x"}');
    const changed = [
      hashOf('order:b', 1, at, '{"n": 1, "type": "x"}'),
      hashOf('order:a', 2, at, '{"n": 1, "type": "x"}'),
      hashOf('order:a', 1, at + 1n, '{"n": 1, "type": "x"}'),
      hashOf('order:a', 1, at, '{"n": 2, "type": "x"}'),
      hashOf('order:a', 1, at, '{"n": 1, "type": "y"}'),
      hashOf('order:a', 1, at, '{"n": 1.0, "type": "x"}'),
      hashOf('order:a', 1, at, '{"n": 1, "type": "x"}', `${'0'.repeat(63)}1`),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
    expect(hashOf('order:a', 1, at, '{ "type" : "x" ,"n":1e0 }')).toBe(base);
  });
});

describe('reading JSON', () => {
  it('refuses what is not JSON, saying where and why', () => {
    const cases: [string, string][] = [
      ['"abc', 'not JSON at 4: unterminated string'],
      ['"\\uZZZZ"', 'not JSON at 3: bad \\u escape'],
      ['"\\u12"', 'not JSON at 3: bad \\u escape'],
      ['"\\x"', 'not JSON at 3: bad escape'],
      ['"\\', 'not JSON at 3: bad escape'],
      ['{a:1}', 'not JSON at 1: expected a key'],
      ['{"a" 1}', 'not JSON at 6: expected :'],
      ['{"a":1 "b":2}', 'not JSON at 8: expected , or }'],
      ['[1 2]', 'not JSON at 4: expected , or ]'],
      ['x', 'not JSON at 0: unexpected character'],
      ['x1', 'not JSON at 0: unexpected character'],
      ['-', 'not JSON at 0: unexpected character'],
      ['1 2', 'not JSON at 2: trailing characters'],
      ['01', 'not JSON at 1: trailing characters'],
    ];
    for (const [text, message] of cases) expect(() => parseJson(text), text).toThrow(new Error(message));
  });

  it('decodes every escape JSON has', () => {
    expect(parseJson('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u00C9\\u0001"')).toBe('"\\/\b\f\n\r\té\u00c9\u0001');
    expect(parseJson(' \t\n\r[ "a" , { "k" : null } ] \r\n')).toEqual(['a', { object: [['k', null]] }]);
  });

  it('keeps the text of every JSON number form', () => {
    for (const n of ['0', '-0.5', '1.25', '1e5', '1E5', '1e+5', '1E-5', '1e10', '1.5e+10', '-12.50e-12'])
      expect(parseJson(n), n).toEqual({ number: n });
  });
});

describe('the jsonb text layout', () => {
  it('orders keys shorter first (in UTF-8 bytes), then bytewise', () => {
    const cases: [string, string, number][] = [
      ['a', 'b', -1],
      ['b', 'a', 1],
      ['ab', 'ac', -1],
      ['ac', 'ab', 1],
      ['ab', 'ab', 0],
      ['', '', 0],
      ['z', 'aa', -1],
      ['é', 'z', 1],
      ['é', 'zz', 1],
      ['Z', 'a', -1],
    ];
    for (const [a, b, sign] of cases) expect(Math.sign(compareKeys(a, b)), `${a} vs ${b}`).toBe(sign);
    expect(canonicalJson(parseJson('{"é":1,"zz":2,"b":3,"a":4,"B":5}'))).toBe('{"B": 5, "a": 4, "b": 3, "zz": 2, "é": 1}');
  });

  it('writes true, false and null as words', () => {
    expect(canonicalJson(parseJson('[true,false,null]'))).toBe('[true, false, null]');
  });

  it('escapes quotes, backslashes and control characters, and nothing else', () => {
    const cases: [string, string][] = [
      ['"', '"\\""'],
      ['\\', '"\\\\"'],
      ['\b', '"\\b"'],
      ['\f', '"\\f"'],
      ['\n', '"\\n"'],
      ['\r', '"\\r"'],
      ['\t', '"\\t"'],
      ['\u0000', '"\\u0000"'],
      ['\u001f', '"\\u001f"'],
      [' ', '" "'],
      ['/', '"/"'],
      ['\u007f', '"\u007f"'],
      ['é😀', '"é😀"'],
    ];
    for (const [s, want] of cases) expect(canonicalJson(s), JSON.stringify(s)).toBe(want);
  });

  it('writes numbers as plain decimals, moving the point as the exponent says', () => {
    const cases: [string, string][] = [
      ['5e-1', '0.5'],
      ['-5e-1', '-0.5'],
      ['12e-1', '1.2'],
      ['15e0', '15'],
      ['25e-3', '0.025'],
      ['1.25e1', '12.5'],
      ['-0', '0'],
    ];
    for (const [literal, want] of cases) expect(canonicalNumber(literal), literal).toBe(want);
    for (const bad of ['x1', '1x', '', '1.', '.5']) expect(() => canonicalNumber(bad), bad).toThrow(`not a JSON number: ${bad}`);
  });
});

describe('instants', () => {
  it('are written in UTC with six digits of microseconds, before 1970 too', () => {
    const cases: [bigint, string][] = [
      [0n, '1970-01-01T00:00:00.000000Z'],
      [5n, '1970-01-01T00:00:00.000005Z'],
      [1_500_000n, '1970-01-01T00:00:01.500000Z'],
      [-1n, '1969-12-31T23:59:59.999999Z'],
      [-1_000_000n, '1969-12-31T23:59:59.000000Z'],
      [-1_000_001n, '1969-12-31T23:59:58.999999Z'],
      [at, '2026-11-30T00:53:20.123456Z'],
    ];
    for (const [micros, want] of cases) expect(utcMicros(micros), String(micros)).toBe(want);
  });
});
