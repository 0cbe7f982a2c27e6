/** Rules between rule packs, checked once every pack of the folder has been read. */
import type { PackProblem, RegimePack } from './pack.js';

export type PackLinkProblem = PackProblem & { packId: string };

/**
 * Rules between packs: a duty's `supersededBy` names a duty of another shipped regime, of the
 * same jurisdiction, that is in the law on the day the supersession starts.
 */
export function checkPackLinks(packs: readonly RegimePack[]): PackLinkProblem[] {
  const problems: PackLinkProblem[] = [];
  const byId = new Map(packs.map((p) => [p.id, p]));
  for (const pack of packs) {
    for (const [vi, v] of pack.versions.entries()) {
      for (const [di, d] of v.duties.entries()) {
        if (!d.supersededBy) continue;
        const path = ['versions', vi, 'duties', di, 'supersededBy', 'duty'];
        const [regimeId, dutyId] = d.supersededBy.duty.split('/') as [string, string];
        const other = byId.get(regimeId);
        const from = d.supersededBy.from;
        const inForce = other?.versions.find((o) => o.from <= from && (!o.until || from <= o.until));
        const message = !other
          ? `no regime ${regimeId} among the rule packs`
          : other.jurisdiction !== pack.jurisdiction
            ? `${regimeId} is a regime of ${other.jurisdiction}, not ${pack.jurisdiction}`
            : !inForce?.duties.some((o) => o.id === dutyId)
              ? `${regimeId} has no duty ${dutyId} in force on ${from} (the day this duty is superseded)`
              : null;
        if (message) problems.push({ packId: pack.id, path, message });
      }
    }
  }
  return problems;
}
