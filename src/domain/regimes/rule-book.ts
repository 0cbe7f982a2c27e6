/** The rule packs Writ runs with, looked up by regime id, and the version of a regime in force at an instant. */
import { notFound } from '../errors.js';
import type { RegimePack, RegimeVersion } from './pack.js';
import { addDays, startOfDayInZone } from './time.js';

export type RuleBook = {
  packs: readonly RegimePack[];
  /** The pack, or a not_found WritError naming the known ids. */
  get(id: string): RegimePack;
  find(id: string): RegimePack | undefined;
};

export function ruleBook(packs: readonly RegimePack[]): RuleBook {
  const byId = new Map(packs.map((p) => [p.id, p]));
  const sorted = [...packs].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.id.localeCompare(b.id));
  return {
    packs: sorted,
    find: (id) => byId.get(id),
    get(id) {
      const pack = byId.get(id);
      if (!pack) throw notFound('regime', `${id} (known regimes: ${sorted.map((p) => p.id).join(', ')})`);
      return pack;
    },
  };
}

/** [start, end) of a version as instants: its dates are read in the regime's zone. */
export function versionInterval(pack: RegimePack, version: RegimeVersion): { start: Date; end: Date | null } {
  return {
    start: startOfDayInZone(version.from, pack.timeZone),
    end: version.until ? startOfDayInZone(addDays(version.until, 1), pack.timeZone) : null,
  };
}

export function versionAt(pack: RegimePack, instant: Date): RegimeVersion | undefined {
  return pack.versions.find((v) => {
    const { start, end } = versionInterval(pack, v);
    return instant >= start && (end === null || instant < end);
  });
}

export function currentVersion(pack: RegimePack, now: Date): RegimeVersion | undefined {
  return versionAt(pack, now);
}

export function describeVersions(pack: RegimePack): string {
  return pack.versions.map((v) => `v${v.version} ${v.from}–${v.until ?? 'today'}`).join(', ');
}
