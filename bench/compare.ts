/** Whether two JSON-like values hold the same figures, whatever the order of their keys. */

function leaves(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, into);
  } else into.set(prefix, value);
  return into;
}

/**
 * The fields where `measured` and `baseline` differ (after a JSON round trip, so that dates and
 * undefined compare as they travel), at most `limit` of them; empty when they are equal.
 */
export function differences(measured: unknown, baseline: unknown, limit = 20): string[] {
  const a = leaves(JSON.parse(JSON.stringify(measured)), '', new Map());
  const b = leaves(JSON.parse(JSON.stringify(baseline)), '', new Map());
  const found: string[] = [];
  for (const field of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (a.get(field) === b.get(field)) continue;
    found.push(
      `${field || '(value)'}: ${JSON.stringify(a.get(field))} measured, ${JSON.stringify(b.get(field))} by the baseline`,
    );
    if (found.length >= limit) break;
  }
  return found;
}
