/**
 * Text Writ can store faithfully. PostgreSQL refuses the NUL character in text and JSON, and a lone
 * UTF-16 surrogate (half of a pair) has no UTF-8 form: it is either refused (jsonb) or silently
 * replaced by U+FFFD (text). Neither may reach the database, so input carrying them is refused,
 * naming where it sits, before anything is changed.
 */
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this string cannot be stored as it is, or null when it can. */
export function unstorableText(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (loneSurrogate.test(value)) return 'must not contain a lone UTF-16 surrogate (text that is not valid Unicode)';
  return null;
}

/**
 * The first string (or object key) in a parsed value that cannot be stored, with its path in the
 * `items/0/target` form problems use; null when every string can be stored. It walks with a stack
 * of its own, not by recursion, so a body nested thousands of levels deep cannot overflow it.
 */
export function findUnstorableText(value: unknown, path = ''): { field: string; message: string } | null {
  const pending: [unknown, string][] = [[value, path]];
  while (pending.length > 0) {
    const [current, at] = pending.pop()!;
    if (typeof current === 'string') {
      const message = unstorableText(current);
      if (message) return { field: at, message };
    } else if (current && typeof current === 'object') {
      const members = Array.isArray(current) ? current.map((m, i) => [String(i), m] as const) : Object.entries(current);
      // Pushed in reverse, so the first member is looked at first and the first problem is named.
      for (let i = members.length - 1; i >= 0; i--) {
        const [key, member] = members[i]!;
        const memberPath = at ? `${at}/${key}` : key;
        if (!Array.isArray(current)) {
          const keyProblem = unstorableText(key);
          if (keyProblem) return { field: memberPath, message: `a key ${keyProblem}` };
        }
        pending.push([member, memberPath]);
      }
    }
  }
  return null;
}
