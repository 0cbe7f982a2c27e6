/**
 * The rule packs over HTTP: the regimes Writ knows, one pack in full, a deadline computed without
 * storing anything (for the intake form), and the public deadline figures of a report.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../contracts/common.js';
import {
  deadlineQuerySchema,
  deadlineResultSchema,
  regimeIdParam,
  regimeListQuery,
  regimeListSchema,
} from '../../contracts/regimes.js';
import { computeDeadline } from '../../domain/regimes/deadline-engine.js';
import { type RegimePack, regimePackSchema } from '../../domain/regimes/pack.js';
import { currentVersion } from '../../domain/regimes/rule-book.js';
import { formatInZone } from '../../domain/regimes/time.js';
import { requireUser } from '../authentication.js';
import type { Services } from '../services.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

export function summariseRegime(pack: RegimePack, now: Date) {
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

export const regimeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get('/api/v1/regimes', {
    schema: {
      tags: ['regimes'],
      security: [],
      summary: 'The legal regimes of the rule packs, with their versions and deadline categories',
      querystring: regimeListQuery,
      response: { 200: regimeListSchema, ...errors },
    },
    handler: async (request) => ({
      regimes: services.rules.packs
        .filter((p) => !request.query.jurisdiction || p.jurisdiction === request.query.jurisdiction)
        .map((p) => summariseRegime(p, services.now())),
    }),
  });

  app.get('/api/v1/regimes/:id', {
    schema: {
      tags: ['regimes'],
      security: [],
      summary: 'One rule pack in full: versions, coverage, duties, deadlines, sources with quotes',
      params: regimeIdParam,
      response: { 200: regimePackSchema, ...errors },
    },
    handler: async (request) => services.rules.get(request.params.id),
  });

  app.get('/api/v1/regimes/:id/deadline', {
    schema: {
      tags: ['regimes'],
      summary: 'The deadline an order would get (nothing is stored)',
      params: regimeIdParam,
      querystring: deadlineQuerySchema,
      response: { 200: deadlineResultSchema, ...errors },
    },
    onRequest: requireUser,
    handler: async (request) => {
      const q = request.query;
      services.rules.get(request.params.id);
      const result = computeDeadline(
        services.rules,
        {
          regimeId: request.params.id,
          kind: q.kind,
          category: q.category ?? '',
          receivedAt: new Date(q.receivedAt),
          periodSetInOrderHours: q.periodSetInOrderHours ?? null,
        },
        services.config.policyTargets,
      );
      return {
        ...result,
        dueAt: result.dueAt.toISOString(),
        dueAtAuthorityTime: formatInZone(result.dueAt, result.timeZone),
      };
    },
  });
};
