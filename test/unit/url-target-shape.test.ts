/** The shape of an item's url target: the whole text is one absolute http(s) URL (src/domain/item-target.ts). */
import { describe, expect, it } from 'vitest';
import { isWebUrl } from '../../src/domain/item-target.js';

describe('a url target', () => {
  it('starts with its http(s) scheme: a URL of another scheme that merely ends in a web address is not one', () => {
    expect(isWebUrl('ftp://files.example/https://video.example/1')).toBe(false);
  });

  it('has no whitespace anywhere, not even in its path', () => {
    expect(isWebUrl('https://video.example/watch this')).toBe(false);
    expect(isWebUrl('https://video.example/watch%20this')).toBe(true);
  });

  it('is refused when it looks like a URL but does not parse as one', () => {
    for (const bad of ['https://video.example:port/1', 'http://[::1', 'https://?v=1']) expect(isWebUrl(bad), bad).toBe(false);
  });
});
