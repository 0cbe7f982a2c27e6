/**
 * The obligations register, the same from `/api/v1/obligations` and `writ obligations`: the
 * platform's user figures and duty records (compliance-repository.ts) run through the rule packs
 * (src/domain/regimes/obligations.ts) as of now; and the changes a compliance lead makes to it.
 */
import type { DutyKey, DutyUpdate, NewUserFigure } from '../db/compliance-repository.js';
import { WritError } from '../domain/errors.js';
import type { PressureEvent } from '../domain/pressure.js';
import {
  type ApplicableRegime,
  type CountryObligations,
  type DutyView,
  type EvidenceSummary,
  hasDuty,
  obligationsRegister,
  type UserFigure,
} from '../domain/regimes/obligations.js';
import type { Actor } from '../domain/request.js';
import type { Writ } from './context.js';

type RegisterPorts = Pick<Writ, 'compliance' | 'pressure' | 'rules' | 'config' | 'now'>;

/** A sanction recorded under a duty (a pressure event that names it), as the register lists it. */
export type Sanction = Pick<
  PressureEvent,
  'id' | 'kind' | 'title' | 'authority' | 'status' | 'announcedOn' | 'amount' | 'currency' | 'demo'
> & { orders: number };
export type RegisterDuty = DutyView & { sanctions: Sanction[] };
export type RegisterCountry = Omit<CountryObligations, 'regimes'> & {
  regimes: (Omit<ApplicableRegime, 'duties'> & { duties: RegisterDuty[] })[];
};

/** The register as of now, for one jurisdiction or every one with a figure or a duty record; each duty with its sanctions. */
export async function currentRegister(writ: RegisterPorts, country?: string): Promise<RegisterCountry[]> {
  const [figures, records, events] = await Promise.all([
    writ.compliance.figures(country),
    writ.compliance.records({ country }),
    writ.pressure.list(),
  ]);
  const register = obligationsRegister({
    packs: writ.rules.packs,
    figures,
    records,
    now: writ.now(),
    approachingShare: writ.config.approachingThresholdShare,
    country,
  });
  return register.map((c) => ({
    ...c,
    regimes: c.regimes.map((r) => ({
      ...r,
      duties: r.duties.map((d) => ({
        ...d,
        // An EU regime's duties are recorded EU-wide; its sanctions come from the member states.
        sanctions: events
          .filter((e) => e.regimeId === r.regimeId && e.dutyId === d.dutyId && (c.country === 'EU' || e.country === c.country))
          .map((e) => ({
            id: e.id,
            kind: e.kind,
            title: e.title,
            authority: e.authority,
            status: e.status,
            announcedOn: e.announcedOn,
            amount: e.amount,
            currency: e.currency,
            demo: e.demo,
            orders: e.orders.length,
          })),
      })),
    })),
  }));
}

/** One jurisdiction's part of the register (after a change to it, so that the caller sees the outcome). */
async function registerOf(writ: RegisterPorts, country: string): Promise<RegisterCountry> {
  const [obligations] = await currentRegister(writ, country);
  return obligations!;
}

/** Records a user figure (not one measured in the future) and returns its jurisdiction's register. */
export async function recordUserFigure(
  writ: RegisterPorts,
  figure: NewUserFigure,
  actor: Actor | null,
): Promise<{ figure: UserFigure; country: RegisterCountry }> {
  if (figure.measuredOn > writ.now().toISOString().slice(0, 10))
    throw new WritError('validation_failed', 'measuredOn is in the future', 'measuredOn');
  const recorded = await writ.compliance.recordFigure(figure, actor);
  return { figure: recorded, country: await registerOf(writ, figure.country) };
}

/** A duty of one of the rule packs, in the jurisdiction of its regime. */
function checkDuty(writ: Pick<Writ, 'rules'>, duty: DutyKey): void {
  const pack = writ.rules.get(duty.regimeId);
  if (!hasDuty(pack, duty.dutyId))
    throw new WritError(
      'not_found',
      `${duty.regimeId} has no duty ${duty.dutyId} (its duties: ${[...new Set(pack.versions.flatMap((v) => v.duties.map((d) => d.id)))].join(', ') || 'none'})`,
    );
  if (pack.jurisdiction !== duty.country)
    throw new WritError(
      'validation_failed',
      `${duty.regimeId} is a regime of ${pack.jurisdiction}, not ${duty.country}`,
      'country',
    );
}

/** Sets a duty's status, owner and note; returns its jurisdiction's register. */
export async function updateDuty(writ: RegisterPorts, duty: DutyKey, update: DutyUpdate, actor: Actor): Promise<RegisterCountry> {
  checkDuty(writ, duty);
  await writ.compliance.updateDuty(duty, update, actor);
  return registerOf(writ, duty.country);
}

/** Evidence as handed over: a note, and optionally a file's bytes with its name and media type. */
export type EvidenceToAdd = {
  note: string;
  file: { name: string | undefined; contentType: string | undefined; content: Buffer } | null;
};

export async function addEvidence(
  writ: Pick<Writ, 'compliance' | 'rules'>,
  duty: DutyKey,
  evidence: EvidenceToAdd,
  actor: Actor,
): Promise<EvidenceSummary> {
  checkDuty(writ, duty);
  const { file } = evidence;
  if (file && !file.name) throw new WritError('validation_failed', 'a file needs a fileName', 'fileName');
  return writ.compliance.addEvidence(
    duty,
    {
      note: evidence.note,
      file: file && { name: file.name!, contentType: file.contentType ?? 'application/octet-stream', content: file.content },
    },
    actor,
  );
}
