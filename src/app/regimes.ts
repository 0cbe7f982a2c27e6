/**
 * The rule packs as Writ's users consult them, the same from `/api/v1/regimes…` and `writ rules` /
 * `writ deadline`: the regimes of a jurisdiction, one pack, and the deadline an order would get.
 * They need the rule packs only, no database.
 */
import { computeDeadline, type DeadlineQuery, type DeadlineResult } from '../domain/regimes/deadline-engine.js';
import type { RegimePack } from '../domain/regimes/pack.js';
import type { Writ } from './context.js';

/** Every regime, or a jurisdiction's (ordered by jurisdiction, then id). */
export function listRegimes(writ: Pick<Writ, 'rules'>, jurisdiction?: string): readonly RegimePack[] {
  return writ.rules.packs.filter((p) => !jurisdiction || p.jurisdiction === jurisdiction);
}

/** One pack; an unknown id is not_found, naming the known ones. */
export function regime(writ: Pick<Writ, 'rules'>, id: string): RegimePack {
  return writ.rules.get(id);
}

/** The deadline an order under a regime would get, with the rule, its version and its source; nothing is stored. */
export function previewDeadline(writ: Pick<Writ, 'rules' | 'config'>, query: DeadlineQuery): DeadlineResult {
  regime(writ, query.regimeId);
  return computeDeadline(writ.rules, query, writ.config.policyTargets);
}
