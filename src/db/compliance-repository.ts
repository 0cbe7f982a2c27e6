/**
 * The obligations register's storage (user figures, duty statuses, evidence files, history) and
 * the deadline figures of the report. Each change is one transaction with its history event.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { notFound, WritError } from '../domain/errors.js';
import type { DutyRecord, EvidenceSummary, UserFigure } from '../domain/regimes/obligations.js';
import type { CoverageMetric, DutyStatus } from '../domain/regimes/vocabulary.js';
import type { Actor } from '../domain/request.js';
import type { Db } from './connection.js';
import { dutyEvidence, dutyRecords, MAX_EVIDENCE_BYTES, obligationEvents, userFigures, users } from './schema/index.js';

export type NewUserFigure = { country: string; metric: CoverageMetric; value: number; measuredOn: string; note: string | null };
export type DutyKey = { country: string; regimeId: string; dutyId: string };
export type DutyUpdate = { status: DutyStatus; owner: string | null; note: string | null; notApplicableReason: string | null };
export type NewEvidence = { note: string; file: { name: string; contentType: string; content: Buffer } | null };
export type EvidenceFile = { fileName: string; contentType: string; content: Buffer; sha256: string };

const evidenceColumns = {
  id: dutyEvidence.id,
  dutyRecordId: dutyEvidence.dutyRecordId,
  note: dutyEvidence.note,
  fileName: dutyEvidence.fileName,
  contentType: dutyEvidence.contentType,
  size: dutyEvidence.size,
  sha256: dutyEvidence.sha256,
  addedAt: dutyEvidence.addedAt,
  addedById: users.id,
  addedByName: users.name,
};

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function complianceRepository(db: Db) {
  async function records(filter: { country?: string; key?: DutyKey } = {}): Promise<DutyRecord[]> {
    const where = filter.key
      ? and(
          eq(dutyRecords.country, filter.key.country),
          eq(dutyRecords.regimeId, filter.key.regimeId),
          eq(dutyRecords.dutyId, filter.key.dutyId),
        )
      : filter.country
        ? eq(dutyRecords.country, filter.country)
        : undefined;
    const rows = await db
      .select({
        id: dutyRecords.id,
        country: dutyRecords.country,
        regimeId: dutyRecords.regimeId,
        dutyId: dutyRecords.dutyId,
        status: dutyRecords.status,
        owner: dutyRecords.owner,
        note: dutyRecords.note,
        notApplicableReason: dutyRecords.notApplicableReason,
        updatedAt: dutyRecords.updatedAt,
        updatedById: users.id,
        updatedByName: users.name,
      })
      .from(dutyRecords)
      .leftJoin(users, eq(users.id, dutyRecords.updatedBy))
      .where(where);
    const evidenceRows = rows.length
      ? await db
          .select(evidenceColumns)
          .from(dutyEvidence)
          .leftJoin(users, eq(users.id, dutyEvidence.addedBy))
          .where(
            inArray(
              dutyEvidence.dutyRecordId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(dutyEvidence.addedAt))
      : [];
    return rows.map(({ id, updatedById, updatedByName, ...r }) => ({
      ...r,
      updatedBy: updatedById ? { id: updatedById, name: updatedByName ?? '' } : null,
      evidence: evidenceRows.filter((e) => e.dutyRecordId === id).map(toEvidenceSummary),
    }));
  }

  /** The record of a duty, created (not_started) when it has none yet; locked for the transaction. */
  async function lockRecord(tx: Tx, key: DutyKey) {
    await tx.insert(dutyRecords).values(key).onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(dutyRecords)
      .where(
        and(eq(dutyRecords.country, key.country), eq(dutyRecords.regimeId, key.regimeId), eq(dutyRecords.dutyId, key.dutyId)),
      )
      .for('update');
    return row!;
  }

  return {
    async figures(country?: string): Promise<UserFigure[]> {
      const rows = await db
        .select({
          id: userFigures.id,
          country: userFigures.country,
          metric: userFigures.metric,
          value: userFigures.value,
          measuredOn: userFigures.measuredOn,
          note: userFigures.note,
        })
        .from(userFigures)
        .where(country ? eq(userFigures.country, country) : undefined)
        .orderBy(asc(userFigures.country), asc(userFigures.metric), asc(userFigures.measuredOn), asc(userFigures.createdAt));
      return rows;
    },

    async recordFigure(figure: NewUserFigure, actor: Actor | null): Promise<UserFigure> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(userFigures)
          .values({ ...figure, recordedBy: actor?.id ?? null })
          .returning({
            id: userFigures.id,
            country: userFigures.country,
            metric: userFigures.metric,
            value: userFigures.value,
            measuredOn: userFigures.measuredOn,
            note: userFigures.note,
          });
        await tx
          .insert(obligationEvents)
          .values({ country: figure.country, type: 'figure_recorded', actorId: actor?.id ?? null, after: row });
        return row!;
      });
    },

    records,

    async updateDuty(key: DutyKey, update: DutyUpdate, actor: Actor): Promise<void> {
      if (update.status === 'not_applicable' && !update.notApplicableReason)
        throw new WritError('validation_failed', 'say why the duty does not apply', 'notApplicableReason');
      await db.transaction(async (tx) => {
        const before = await lockRecord(tx, key);
        const values = {
          ...update,
          notApplicableReason: update.status === 'not_applicable' ? update.notApplicableReason : null,
          updatedBy: actor.id,
          updatedAt: new Date(),
        };
        await tx.update(dutyRecords).set(values).where(eq(dutyRecords.id, before.id));
        const shape = (r: DutyUpdate) => ({
          status: r.status,
          owner: r.owner,
          note: r.note,
          notApplicableReason: r.notApplicableReason,
        });
        await tx
          .insert(obligationEvents)
          .values({ ...key, type: 'duty_updated', actorId: actor.id, before: shape(before), after: shape(values) });
      });
    },

    async addEvidence(key: DutyKey, evidence: NewEvidence, actor: Actor): Promise<EvidenceSummary> {
      const file = evidence.file;
      if (file && file.content.length > MAX_EVIDENCE_BYTES)
        throw new WritError(
          'validation_failed',
          `the file has ${file.content.length} bytes; evidence files are limited to ${MAX_EVIDENCE_BYTES} bytes (5 MB)`,
          'contentBase64',
        );
      const id = await db.transaction(async (tx) => {
        const record = await lockRecord(tx, key);
        const [row] = await tx
          .insert(dutyEvidence)
          .values({
            dutyRecordId: record.id,
            note: evidence.note,
            fileName: file?.name ?? null,
            contentType: file?.contentType ?? null,
            content: file?.content ?? null,
            size: file ? file.content.length : null,
            sha256: file ? createHash('sha256').update(file.content).digest('hex') : null,
            addedBy: actor.id,
          })
          .returning({
            id: dutyEvidence.id,
            size: dutyEvidence.size,
            sha256: dutyEvidence.sha256,
            fileName: dutyEvidence.fileName,
          });
        await tx.insert(obligationEvents).values({
          ...key,
          type: 'evidence_added',
          actorId: actor.id,
          after: { evidenceId: row!.id, note: evidence.note, fileName: row!.fileName, size: row!.size, sha256: row!.sha256 },
        });
        return row!.id;
      });
      const [row] = await db
        .select(evidenceColumns)
        .from(dutyEvidence)
        .leftJoin(users, eq(users.id, dutyEvidence.addedBy))
        .where(eq(dutyEvidence.id, id));
      return toEvidenceSummary(row!);
    },

    async evidenceFile(id: string): Promise<EvidenceFile> {
      const [row] = await db
        .select({
          fileName: dutyEvidence.fileName,
          contentType: dutyEvidence.contentType,
          content: dutyEvidence.content,
          sha256: dutyEvidence.sha256,
        })
        .from(dutyEvidence)
        .where(eq(dutyEvidence.id, id));
      if (!row?.content) throw notFound('evidence file', id);
      return {
        fileName: row.fileName ?? 'evidence',
        contentType: row.contentType ?? 'application/octet-stream',
        content: row.content,
        sha256: row.sha256 ?? '',
      };
    },

    async history(key: DutyKey) {
      return db
        .select({
          id: obligationEvents.id,
          type: obligationEvents.type,
          at: obligationEvents.at,
          before: obligationEvents.before,
          after: obligationEvents.after,
          actorId: users.id,
          actorName: users.name,
        })
        .from(obligationEvents)
        .leftJoin(users, eq(users.id, obligationEvents.actorId))
        .where(
          and(
            eq(obligationEvents.country, key.country),
            eq(obligationEvents.regimeId, key.regimeId),
            eq(obligationEvents.dutyId, key.dutyId),
          ),
        )
        .orderBy(asc(obligationEvents.id));
    },
  };
}
export type ComplianceRepository = ReturnType<typeof complianceRepository>;

function toEvidenceSummary(e: {
  id: string;
  note: string;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  addedAt: Date;
  addedById: string | null;
  addedByName: string | null;
}): EvidenceSummary {
  return {
    id: e.id,
    note: e.note,
    fileName: e.fileName,
    contentType: e.contentType,
    size: e.size,
    sha256: e.sha256,
    addedAt: e.addedAt,
    addedBy: e.addedById ? { id: e.addedById, name: e.addedByName ?? '' } : null,
  };
}
