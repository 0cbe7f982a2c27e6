/** The obligations register to its wire shape (contracts/obligations.ts): instants in UTC, evidence with its download URL. */
import type { RegisterCountry } from '../../app/obligations.js';
import type { EvidenceSummary } from '../../domain/regimes/obligations.js';
import { iso } from './instants.js';

export function presentEvidence(e: EvidenceSummary) {
  return {
    ...e,
    addedAt: iso(e.addedAt),
    downloadUrl: e.fileName ? `/api/v1/obligations/evidence/${e.id}` : null,
  };
}

export function presentCountry(c: RegisterCountry) {
  return {
    ...c,
    regimes: c.regimes.map((r) => ({
      ...r,
      duties: r.duties.map((d) => ({
        ...d,
        updatedAt: d.updatedAt ? iso(d.updatedAt) : null,
        evidence: d.evidence.map(presentEvidence),
      })),
    })),
  };
}

export function presentRegister(countries: RegisterCountry[], asOf: Date) {
  return { asOf: iso(asOf), countries: countries.map(presentCountry) };
}
