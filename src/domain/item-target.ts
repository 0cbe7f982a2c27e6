/**
 * What an item's target must look like for its kind. Browser-safe: the API's schema and the intake
 * form's bulk paste use the same check. Only `url` has a shape; accounts and content ids are the
 * platform's own words.
 */

export const webUrlMessage = 'must be an absolute http(s) URL such as https://example.com/post/1';

/** `https://example.com/p/1` yes; `not a url`, `example.com/p/1`, `ftp://…`, `https:foo` and `https://a b` no. */
export function isWebUrl(text: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}
