/** Rule packs and previewed deadlines to their wire shapes (contracts/regimes.ts). */
import type { DeadlineResult } from '../../domain/regimes/deadline-engine.js';
import type { RegimePack } from '../../domain/regimes/pack.js';
import { currentVersion } from '../../domain/regimes/rule-book.js';
import { formatInZone } from '../../domain/regimes/time.js';
import { iso } from './instants.js';

/** A regime in a list: the version in force at `now` (null once it has ended) and its deadline categories. */
export function presentRegimeSummary(pack: RegimePack, now: Date) {
  const current = currentVersion(pack, now);
  const shown = current ?? pack.versions.at(-1)!;
  const span = (v: RegimePack['versions'][number]) => ({ version: v.version, from: v.from, until: v.until ?? null });
  return {
    id: pack.id,
    jurisdiction: pack.jurisdiction,
    jurisdictionKind: pack.jurisdictionKind,
    name: pack.name,
    confidence: pack.confidence,
    timeZone: pack.timeZone,
    currentVersion: current ? span(current) : null,
    versions: pack.versions.map(span),
    categories: shown.deadlines.flatMap((r) =>
      r.kinds.flatMap((kind) => (r.categories ?? [null]).map((category) => ({ kind, category, clock: r.clock }))),
    ),
    sourceCount: pack.sources.length,
  };
}

/** A deadline computed without storing anything: the due instant in UTC and as the authority reads it. */
export function presentDeadline(result: DeadlineResult) {
  return { ...result, dueAt: iso(result.dueAt), dueAtAuthorityTime: formatInZone(result.dueAt, result.timeZone) };
}
