/**
 * An audit checkpoint read back (decision 48): its heads re-list to exactly the listing it was read
 * from, so that the root recomputed from them is the one signed, and its signature lines have exactly
 * the signed-note shape `— <key name> <base64>`, nothing before or after.
 */
import { describe, expect, it } from 'vitest';
import { checkpointBody, checkpointText, headsListing, parseCheckpoint, rootHash } from '../../src/domain/audit-chain.js';

const hex = (c: string) => c.repeat(64);
const signature = Buffer.alloc(68, 7).toString('base64');
const bodyOver = (listing: string, chains: number) =>
  checkpointBody({ origin: 'writ-audit', entries: 9, rootHex: rootHash(listing), chains, at: '2026-11-30T00:00:00.000000Z' });

describe('heads listed by chain', () => {
  it('keep the order they came in when a chain comes twice (the sort is stable)', () => {
    const first = { chain: 'order:a', seq: 1, hash: hex('a') };
    const second = { chain: 'order:a', seq: 2, hash: hex('b') };
    const other = { chain: 'order:0', seq: 5, hash: hex('c') };
    expect(headsListing([first, second, other])).toBe(`order:0 5 ${hex('c')}\norder:a 1 ${hex('a')}\norder:a 2 ${hex('b')}\n`);
    expect(headsListing([second, first])).toBe(`order:a 2 ${hex('b')}\norder:a 1 ${hex('a')}\n`);
  });

  it('of a checkpoint re-list to the very listing it was read from, so its root is the one signed', () => {
    const listing = `order:a 3 ${hex('a')}\norder:a 4 ${hex('b')}\norder:b 1 ${hex('c')}\nstaff:x 2 ${hex('d')}\n`;
    const body = bodyOver(listing, 4);
    const parsed = parseCheckpoint(checkpointText(body, `— writ-audit ${signature}`, listing));
    expect(parsed.heads.map((h) => `${h.chain} ${h.seq}`)).toEqual(['order:a 3', 'order:a 4', 'order:b 1', 'staff:x 2']);
    expect(headsListing(parsed.heads)).toBe(listing);
    expect(rootHash(headsListing(parsed.heads))).toBe(parsed.fields.rootHex);
  });
});

describe('a signature line', () => {
  const listing = `order:a 3 ${hex('a')}\n`;
  const body = bodyOver(listing, 1);

  it('is read as key name and base64 when it is exactly "— <key> <base64>"', () => {
    const parsed = parseCheckpoint(checkpointText(body, `— writ-audit ${signature}`, listing));
    expect(parsed.signatures.map((s) => s.keyName)).toEqual(['writ-audit']);
    expect(parsed.signatures[0]!.hint).toEqual(Buffer.alloc(4, 7));
    expect(parsed.signatures[0]!.signature).toEqual(Buffer.alloc(64, 7));
  });

  it('is refused when a well-formed signature only ends it, after other words', () => {
    for (const line of [`— note — writ-audit ${signature}`, `— x y — writ-audit ${signature}`])
      expect(() => parseCheckpoint(checkpointText(body, line, listing)), line).toThrow(
        'not a checkpoint: malformed signature line 7',
      );
  });
});
