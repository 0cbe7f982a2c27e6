/**
 * The obligations register, the same from `/api/v1/obligations` and `writ obligations`: the
 * platform's user figures and duty records (compliance-repository.ts) run through the rule packs
 * (src/domain/regimes/obligations.ts) as of now; and the changes a compliance lead makes to it.
 */
import type { DutyKey, DutyUpdate, NewUserFigure } from '../db/compliance-repository.js';
import { WritError } from '../domain/errors.js';
import {
  type CountryObligations,
  type EvidenceSummary,
  hasDuty,
  obligationsRegister,
  type UserFigure,
} from '../domain/regimes/obligations.js';
import type { Actor } from '../domain/request.js';
import type { Writ } from './context.js';

type RegisterPorts = Pick<Writ, 'compliance' | 'rules' | 'config' | 'now'>;

/** The register as of now, for one jurisdiction or every one with a figure or a duty record. */
export async function currentRegister(writ: RegisterPorts, country?: string): Promise<CountryObligations[]> {
  const [figures, records] = await Promise.all([writ.compliance.figures(country), writ.compliance.records({ country })]);
  return obligationsRegister({
    packs: writ.rules.packs,
    figures,
    records,
    now: writ.now(),
    approachingShare: writ.config.approachingThresholdShare,
    country,
  });
}

/** One jurisdiction's part of the register (after a change to it, so that the caller sees the outcome). */
async function registerOf(writ: RegisterPorts, country: string): Promise<CountryObligations> {
  const [obligations] = await currentRegister(writ, country);
  return obligations!;
}

/** Records a user figure (not one measured in the future) and returns its jurisdiction's register. */
export async function recordUserFigure(
  writ: RegisterPorts,
  figure: NewUserFigure,
  actor: Actor | null,
): Promise<{ figure: UserFigure; country: CountryObligations }> {
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
export async function updateDuty(
  writ: RegisterPorts,
  duty: DutyKey,
  update: DutyUpdate,
  actor: Actor,
): Promise<CountryObligations> {
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
