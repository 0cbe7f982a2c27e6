/**
 * The OpenAPI 3.1 document, generated from the routes' Zod schemas (src/contracts/). It is meant
 * for client generators as much as for people: every operation has an operationId, a summary, a
 * description and a tag declared here (test/integration/openapi-document.test.ts holds every
 * route to that, and lints the document with Spectral's `spectral:oas` ruleset).
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifyRequest } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { withIdempotencyKeyHeader } from './idempotency-openapi.js';

/** The groups of operations, in the order the documentation shows them. */
export const apiTags = [
  { name: 'session', description: 'Signing in and out: a session cookie for the browser, a bearer token for API clients.' },
  {
    name: 'requests',
    description:
      'Orders from authorities: record them, list and read them, decide their items, move them along, recompute deadlines.',
  },
  { name: 'authorities', description: 'The register of the authorities that send orders.' },
  {
    name: 'regimes',
    description: 'The legal regimes of the rule packs (public), and the deadline an order would get under one.',
  },
  {
    name: 'obligations',
    description: 'The obligations register: user figures, the duties that apply, their status and evidence.',
  },
  {
    name: 'pressure',
    description:
      'The pressure record: fines, blocks, throttling, shutdowns and other state actions, tied to the law and the orders behind them.',
  },
  {
    name: 'reports',
    description: 'The public transparency report: requests by country and half-year, and deadlines met. Public.',
  },
  {
    name: 'datasets',
    description: "Google's and Meta's published transparency data beside this platform's own figures. Public.",
  },
  {
    name: 'agencies',
    description:
      'The authority channel: agencies apply and are verified; their officers are invited and sign in with a second factor; API keys and webhooks.',
  },
  {
    name: 'authority-orders',
    description:
      "The authority channel: an agency's officers and API clients submit orders, follow them item by item, answer clarifications and withdraw them. The same for every agency of every country.",
  },
  { name: 'admin', description: 'Account administration, agency verification and the mail outbox: the admin role only.' },
  {
    name: 'enforcement',
    description:
      "Enforcement: the actions sent to the platform's content system and its signed confirmations; the calls to the platform's systems and their dead-letter list.",
  },
  {
    name: 'notices',
    description:
      'Notices to affected users (held while a non-disclosure order runs) and their appeals, decided by a second person.',
  },
  { name: 'meta', description: 'Liveness and readiness probes for operators and load balancers. Public.' },
  { name: 'audit', description: 'The tamper-evident audit log: its verification and signed checkpoints (admins and auditors).' },
  {
    name: 'publications',
    description: 'Preparing, approving, correcting and withdrawing the public records of decided orders (issue 13).',
  },
  {
    name: 'site',
    description:
      'The public site (issue 13): requests per country over time, case studies, the methodology from the code, downloads of every table. Public.',
  },
  {
    name: 'exports',
    description:
      "Exports (issue 13) in the formats others read: Google's removal CSVs, Meta's user-data CSV, the EU report's Part 3, DSA statements of reasons, Lumen notices. Public.",
  },
  {
    name: 'records',
    description:
      'The public request database (issue 13): full-text search with facets, each record at its stable URL with a citation, tombstones of withdrawn records (410), Atom feeds. Public.',
  },
  {
    name: 'transparency-log',
    description:
      'The transparency log (issue 13): an RFC 9162 Merkle tree of every published record, correction and withdrawal, its signed checkpoints (C2SP), inclusion and consistency proofs and the verifier key. Public.',
  },
];

export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Writ API',
      version: '1',
      description: 'Receive, decide and publicly account for government orders to remove content or hand over user data.',
      // Writ is run by the platform that receives the orders: the contact is whoever runs this server.
      contact: { name: 'The operator of this Writ server' },
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags: apiTags,
    components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
    security: [{ session: [] }],
  },
  transform: jsonSchemaTransform,
  // Every write that takes it names the Idempotency-Key header (src/http/idempotency-openapi.ts).
  transformObject: (document) => withIdempotencyKeyHeader(withoutUnusedSchemas(jsonSchemaTransformObject(document))),
};

/** The document as /openapi.json serves it: with this server's own address, so a generated client knows where to call. */
export function servedDocument(document: object, request: FastifyRequest): object {
  return {
    ...document,
    servers: [{ url: `${request.protocol}://${request.host}`, description: 'The server that served this document' }],
  };
}

type Schemas = Record<string, unknown>;

/**
 * Drops the component schemas no operation refers to, directly or through another component. The
 * Zod transform emits an input and an output variant of every named schema; most are used one way
 * only, and an unused component tells a generator to create a type nobody needs.
 */
export function withoutUnusedSchemas<D extends object>(document: D): D {
  const { paths, components } = document as { paths?: unknown; components?: { schemas?: Schemas } };
  const schemas = components?.schemas;
  if (!schemas) return document;
  const prefix = '#/components/schemas/';
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (key === '$ref' && typeof v === 'string' && v.startsWith(prefix)) {
          const name = v.slice(prefix.length);
          if (!used.has(name)) {
            used.add(name);
            visit(schemas[name]);
          }
        } else visit(v);
      }
  };
  visit(paths);
  return {
    ...document,
    components: {
      ...components,
      schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name))),
    },
  };
}
