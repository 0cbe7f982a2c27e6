/**
 * buildApp: the Fastify application, assembled in a fixed order — schema compilers, OpenAPI,
 * error handling, cookies and authentication, then routes by audience, then the web UI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createRequestGuards, createWrit } from '../app/context.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import { requestScoped } from '../db/request-transaction.js';
import type { RuleBook } from '../domain/regimes/rule-book.js';
import { loadRuleBook } from '../rules/packs.js';
import { accountRoutes } from './admin/account-routes.js';
import { agencyAdminRoutes } from './admin/agency-routes.js';
import { auditRoutes } from './admin/audit-routes.js';
import { outboxRoutes } from './admin/outbox-routes.js';
import { reviewPolicyRoutes } from './admin/review-policy-routes.js';
import { authentication } from './authentication.js';
import { apiKeyRoutes } from './authority/api-key-routes.js';
import { officerRoutes } from './authority/officer-routes.js';
import { authorityOrderRoutes } from './authority/order-routes.js';
import { passkeyRoutes } from './authority/passkey-routes.js';
import { authorityPreservationRoutes } from './authority/preservation-routes.js';
import { authorityProductionRoutes } from './authority/production-routes.js';
import { authorityPushbackRoutes } from './authority/pushback-routes.js';
import { orderThreadRoutes } from './authority/thread-routes.js';
import { webhookRoutes } from './authority/webhook-routes.js';
import { bodyLimits } from './body-limits.js';
import { obligationRoutes } from './compliance/obligation-routes.js';
import { pressureRoutes } from './compliance/pressure-routes.js';
import { guards } from './guards.js';
import { healthRoutes } from './health-routes.js';
import { idempotency } from './idempotency.js';
import { logDestination } from './log-lines.js';
import { oidcRoutes } from './oidc-routes.js';
import { openApiOptions, servedDocument } from './openapi.js';
import { permissions } from './permissions.js';
import { errorHandler, notFoundHandler } from './problem.js';
import { appealRoutes } from './public/appeal-routes.js';
import { dataReportRoutes } from './public/data-report-routes.js';
import { datasetRoutes } from './public/dataset-routes.js';
import { exportRoutes } from './public/export-routes.js';
import { transparencyLogRoutes } from './public/log-routes.js';
import { publicPressureRoutes } from './public/pressure-routes.js';
import { publicRecordRoutes } from './public/record-routes.js';
import { regimeRoutes } from './public/regime-routes.js';
import { reportRoutes } from './public/report-routes.js';
import { publicSiteRoutes } from './public/site-routes.js';
import { rateLimits } from './rate-limits.js';
import { requestAttachmentRoutes } from './review/attachment-routes.js';
import { authorityRoutes } from './review/authority-routes.js';
import { batchRoutes } from './review/batch-routes.js';
import { dataRequestRoutes } from './review/data-request-routes.js';
import { deadlinePreviewRoutes } from './review/deadline-preview-routes.js';
import { enforcementRoutes } from './review/enforcement-routes.js';
import { noticeRoutes } from './review/notice-routes.js';
import { preservationRoutes } from './review/preservation-routes.js';
import { productionRoutes } from './review/production-routes.js';
import { publicationRoutes } from './review/publication-routes.js';
import { pushbackRoutes } from './review/pushback-routes.js';
import { queueWorkRoutes } from './review/queue-work-routes.js';
import { requestRoutes } from './review/request-routes.js';
import { stageRoutes } from './review/stage-routes.js';
import { reviewThreadRoutes } from './review/thread-routes.js';
import { securityHeaders } from './security-headers.js';
import { sessionRoutes } from './session-routes.js';
import { webApp } from './web-app.js';

export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type AppOptions = {
  config: Config;
  database: Database;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** The rule packs, when the caller has loaded them already; otherwise loaded from config.rulesDir. */
  rules?: RuleBook;
  logger?: boolean;
  /** The built web UI; tests pass one of their own. */
  webRoot?: string;
};

export async function buildApp({
  config,
  database,
  now,
  logger,
  rules,
  webRoot: web = webRoot,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { level: config.logLevel, stream: logDestination(config.log) },
    // One line per request (onResponse below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 5 * 1024 * 1024,
    // Receiving a request (a slow client); time spent on the database is bounded by its own timeouts.
    requestTimeout: config.requestTimeoutMs,
    // A malformed URL (`%zz`) or an over-long path parameter is refused by the router before any
    // route runs; without this it answers plain JSON instead of a problem.
    frameworkErrors: errorHandler,
    // Behind a trusted proxy request.ip is the client's address (X-Forwarded-For), which sign-in limits key on.
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifySwagger, openApiOptions);
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    // Swagger UI injects one <style> element; only its pages may (the rest of Writ allows none).
    transformStaticCSP: (header) => header.replace("style-src-elem 'self'", "style-src-elem 'self' 'unsafe-inline'"),
  });

  app.setErrorHandler(errorHandler);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime },
      'request',
    );
  });
  app.setNotFoundHandler(notFoundHandler);
  await app.register(securityHeaders, { https: config.cookieSecure });
  // Brotli or gzip for answers and assets over 1 KB, as the client accepts (the UI's JavaScript shrinks
  // to about a quarter). Registered before any route, so that every route is covered.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(guards, { allowedOrigins: config.allowedOrigins });

  // A broken rule pack stops the server here, before it serves anything.
  // requestScoped: an idempotent write's statements all go into its one transaction (src/http/idempotency.ts).
  const writ = createWrit(requestScoped(database.db), config, { now, rules: rules ?? loadRuleBook(config.rulesDir) });
  await app.register(fastifyCookie);
  await app.register(authentication, { users: writ.users, officerSessions: writ.officerSessions });
  await app.register(permissions);
  const requestGuards = createRequestGuards(database.db, config, writ.now);
  await app.register(rateLimits, { writ, guards: requestGuards });
  await app.register(idempotency, { writ, db: database.db, guards: requestGuards });
  await app.register(bodyLimits, { authorityBodyLimitBytes: config.authorityBodyLimitBytes });

  await app.register(healthRoutes, { database });
  app.get('/openapi.json', { schema: { hide: true } }, async (request) => servedDocument(app.swagger(), request));

  await app.register(sessionRoutes, { writ });
  await app.register(authorityRoutes, { writ });
  await app.register(requestRoutes, { writ });
  await app.register(batchRoutes, { writ });
  await app.register(reportRoutes, { writ });
  await app.register(datasetRoutes, { writ });
  await app.register(regimeRoutes, { writ });
  await app.register(deadlinePreviewRoutes, { writ });
  await app.register(obligationRoutes, { writ });
  // The pressure record (issue 15): compliance leads record it; the public reads it.
  await app.register(pressureRoutes, { writ });
  await app.register(publicPressureRoutes, { writ });
  await app.register(accountRoutes, { writ });
  await app.register(agencyAdminRoutes, { writ });
  await app.register(outboxRoutes, { writ });
  await app.register(reviewThreadRoutes, { writ });
  await app.register(requestAttachmentRoutes, { writ });
  // User-data requests (issue 11).
  await app.register(dataRequestRoutes, { writ });
  await app.register(preservationRoutes, { writ });
  await app.register(productionRoutes, { writ });
  await app.register(dataReportRoutes, { writ });

  // The authority channel (issue 10): the same routes for every agency of every country.
  await app.register(officerRoutes, { writ });
  await app.register(passkeyRoutes, { writ });
  await app.register(apiKeyRoutes, { writ });
  await app.register(authorityOrderRoutes, { writ });
  await app.register(orderThreadRoutes, { writ });
  await app.register(webhookRoutes, { writ });
  await app.register(authorityProductionRoutes, { writ });
  await app.register(authorityPreservationRoutes, { writ });
  // The review workflow (issue 12).
  await app.register(oidcRoutes, { writ });
  await app.register(queueWorkRoutes, { writ });
  await app.register(stageRoutes, { writ });
  await app.register(reviewPolicyRoutes, { writ });
  await app.register(pushbackRoutes, { writ });
  await app.register(authorityPushbackRoutes, { writ });
  await app.register(noticeRoutes, { writ });
  await app.register(appealRoutes, { writ });
  await app.register(enforcementRoutes, { writ });
  await app.register(auditRoutes, { writ });
  // Transparency publishing (issue 13).
  await app.register(publicationRoutes, { writ });
  await app.register(publicRecordRoutes, { writ });
  await app.register(transparencyLogRoutes, { writ });
  await app.register(publicSiteRoutes, { writ });
  await app.register(exportRoutes, { writ });

  if (existsSync(path.join(web, 'index.html'))) await webApp(app, { root: web });
  return app;
}
