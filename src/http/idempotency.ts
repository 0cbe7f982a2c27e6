/**
 * Idempotency-Key on every write under /api/ (docs/decisions/0042-idempotency-keys.md).
 *
 * A POST, PUT, PATCH or DELETE that carries the header runs in one held transaction
 * (src/db/request-transaction.ts): the key is claimed first (its row stays uncommitted while the
 * call runs, so a concurrent retry waits on it), the handler's writes go into the same transaction,
 * and the answer is stored and committed before it is sent. A 5xx or an exception rolls everything
 * back, so the key is free again; any other answer (a 4xx too) is kept and given to every retry with
 * the same body, marked `Idempotent-Replayed: true`. The same key with another body or another
 * operation is refused with 409 `idempotency_key_reused`.
 *
 * Keys are per principal: `user:<id>` (staff), `officer:<id>`, `key:<id>` (an API key), and
 * `addr:<ip>` for anonymous writes (an agency's application). A route whose answer carries a secret
 * (a new API key, a session token) refuses the header: Writ does not keep secrets in clear to replay
 * them. A route says so with `config: { idempotency: false }`; one whose success answer has a field
 * named token, key, secret or recoveryCodes is taken to say so.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RequestGuards, Writ } from '../app/context.js';
import type { Db } from '../db/connection.js';
import type { IdempotencyClaim } from '../db/idempotency-repository.js';
import { type HeldTransaction, holdTransaction, withinHeldTransaction } from '../db/request-transaction.js';
import { WritError } from '../domain/errors.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route's answer carries a secret, so it refuses an Idempotency-Key (set by itself for an answer with a secret field). */
    idempotency?: boolean;
  }
  interface FastifyRequest {
    idempotency: IdempotentCall | null;
  }
}

type IdempotentCall = { key: string; body: Hash; claim?: IdempotencyClaim; held?: HeldTransaction };

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const printableAscii = /^[\x20-\x7e]{1,255}$/;

/** The key of a write under /api/ that carries one; refuses a malformed one. */
function keyOf(request: FastifyRequest): string | null {
  if (!writes.has(request.method) || !(request.routeOptions.url ?? request.url).startsWith('/api/')) return null;
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !printableAscii.test(value))
    throw new WritError(
      'validation_failed',
      `the ${IDEMPOTENCY_HEADER} header must be 1 to 255 printable ASCII characters (a UUID, say)`,
      IDEMPOTENCY_HEADER,
    );
  if (request.routeOptions.config.idempotency === false)
    throw new WritError(
      'validation_failed',
      `this operation answers with a secret, which Writ does not keep to replay: send it without an ${IDEMPOTENCY_HEADER}`,
      IDEMPOTENCY_HEADER,
    );
  return value;
}

/** Who the key belongs to: two clients never share a key space. */
export function principalOf(request: FastifyRequest): string {
  if (request.user) return `user:${request.user.id}`;
  const agency = request.agencyPrincipal;
  if (agency?.apiKeyId) return `key:${agency.apiKeyId}`;
  if (agency?.officer) return `officer:${agency.officer.id}`;
  return `addr:${request.ip}`;
}

/** Fields of an answer that hold a secret: a session token, a new API key, a TOTP or webhook secret, recovery codes. */
export const secretFields = ['token', 'key', 'secret', 'recoveryCodes'];

/** Whether a success answer of the route (a Zod object) has a secret field at its top level. */
function answersSecret(responses: unknown): boolean {
  if (!responses || typeof responses !== 'object') return false;
  return Object.entries(responses).some(([status, schema]) => {
    if (!/^2/.test(status)) return false;
    const shape = (schema as { shape?: unknown } | null)?.shape;
    return !!shape && typeof shape === 'object' && secretFields.some((field) => field in shape);
  });
}

/** Passes the body through unchanged, hashing it as it goes. */
function hashing(hash: Hash): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
}

function replay(reply: FastifyReply, answer: { statusCode: number; responseBody: string | null; responseType: string | null }) {
  reply.status(answer.statusCode).header(REPLAYED_HEADER, 'true');
  if (answer.responseType) reply.type(answer.responseType);
  return reply.send(answer.responseBody ?? undefined);
}

export const idempotency = fp(
  async (app: FastifyInstance, opts: { writ: Writ; db: Db; guards: RequestGuards }) => {
    const keys = opts.guards.idempotency;
    app.decorateRequest('idempotency', null);
    // A route that does not say is judged by its answer: one with a secret in it refuses the header.
    app.addHook('onRoute', (route) => {
      if (route.config?.idempotency === undefined && answersSecret(route.schema?.response))
        route.config = { ...route.config, idempotency: false };
    });

    app.addHook('preParsing', async (request, _reply, payload) => {
      const key = keyOf(request);
      if (key === null) return payload;
      const body = createHash('sha256');
      request.idempotency = { key, body };
      return payload.pipe(hashing(body));
    });

    // Before validation, so that a body the contract refuses is an answer like any other (a 400, kept).
    app.addHook('preValidation', (request, reply, done) => {
      const call = request.idempotency;
      if (!call) return done();
      const claim: IdempotencyClaim = {
        principal: principalOf(request),
        key: call.key,
        operation: `${request.method} ${request.routeOptions.url}`,
        // The body as read so far: all of it, except on a route that streams its body itself.
        bodyHash: call.body.digest('hex'),
      };
      let held: HeldTransaction | undefined;
      (async () => {
        held = await holdTransaction(opts.db);
        const found = await keys.claim(held.tx, claim);
        if (found.kind === 'claimed') {
          Object.assign(call, { claim, held });
          // The handler, and everything it starts, writes into the held transaction.
          withinHeldTransaction(held, () => done());
          return;
        }
        await held.rollback();
        if (found.operation !== claim.operation || found.bodyHash !== claim.bodyHash)
          return done(
            new WritError(
              'idempotency_key_reused',
              `this ${IDEMPOTENCY_HEADER} was used for another request (${found.operation === claim.operation ? 'another body' : found.operation}); use a new key for a new request`,
              IDEMPOTENCY_HEADER,
            ),
          );
        replay(reply, found.answer);
      })().catch(async (error: unknown) => {
        if (held && !held.ended) await held.rollback().catch(() => undefined);
        done(error as Error);
      });
    });

    // The answer is stored and committed with the call's writes before a byte of it is sent.
    app.addHook('onSend', async (request, reply, payload) => {
      const call = request.idempotency;
      const held = call?.held;
      if (!call?.claim || !held || held.ended) return payload;
      const status = reply.statusCode;
      if (status >= 500) {
        await held.rollback();
        return payload;
      }
      try {
        const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
        const type = reply.getHeader('content-type');
        await keys.answer(held.tx, call.claim, {
          statusCode: status,
          responseBody: body,
          responseType: typeof type === 'string' ? type : null,
        });
        await held.commit();
      } catch (error) {
        if (!held.ended) await held.rollback().catch(() => undefined);
        // A refusal that could not be kept is still the answer (nothing it did was committed); a
        // success that could not be committed is not one.
        if (status >= 400) return payload;
        throw error;
      }
      return payload;
    });

    app.addHook('onResponse', async (request) => {
      const held = request.idempotency?.held;
      if (!held) return;
      // Never left open (a reply that skipped onSend); then forget expired keys, after the answer is out.
      if (!held.ended) await held.rollback().catch(() => undefined);
      await keys.deleteExpired().catch((error: unknown) => request.log.warn({ err: error }, 'expired idempotency keys'));
    });
  },
  { name: 'writ-idempotency', dependencies: ['writ-authentication'] },
);
