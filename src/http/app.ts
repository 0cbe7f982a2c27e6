/**
 * buildApp: the Fastify application, assembled in a fixed order — schema compilers, OpenAPI,
 * error handling, cookies and authentication, then routes by audience, then the web UI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import type { RuleBook } from '../domain/regimes/rule-book.js';
import { accountRoutes } from './admin/account-routes.js';
import { obligationRoutes } from './admin/obligation-routes.js';
import { regimeRoutes } from './admin/regime-routes.js';
import { authentication } from './authentication.js';
import { guards } from './guards.js';
import { healthRoutes } from './health-routes.js';
import { logDestination } from './log-lines.js';
import { errorHandler, notFoundHandler } from './problem.js';
import { datasetRoutes } from './public/dataset-routes.js';
import { reportRoutes } from './public/report-routes.js';
import { authorityRoutes } from './review/authority-routes.js';
import { requestRoutes } from './review/request-routes.js';
import { securityHeaders } from './security-headers.js';
import { createServices } from './services.js';
import { sessionRoutes } from './session-routes.js';

export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type AppOptions = {
  config: Config;
  database: Database;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** The rule packs, when the caller has loaded them already; otherwise loaded from config.rulesDir. */
  rules?: RuleBook;
  logger?: boolean;
};

export async function buildApp({ config, database, now, logger, rules }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { level: config.logLevel, stream: logDestination(config.log) },
    // One line per request (onResponse below), instead of Fastify's two.
    disableRequestLogging: true,
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

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Writ API',
        version: '1',
        description: 'Receive, decide and publicly account for government orders to remove content or hand over user data.',
      },
      components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
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
  await app.register(guards, { allowedOrigins: config.allowedOrigins });

  const services = createServices(database.db, config, now, rules);
  await app.register(fastifyCookie);
  await app.register(authentication, { users: services.users });

  await app.register(healthRoutes, { database });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(sessionRoutes, { services });
  await app.register(authorityRoutes, { services });
  await app.register(requestRoutes, { services });
  await app.register(reportRoutes, { services });
  await app.register(datasetRoutes, { services });
  await app.register(regimeRoutes, { services });
  await app.register(obligationRoutes, { services });
  await app.register(accountRoutes, { services });

  if (existsSync(webRoot)) {
    // Hashed asset files, looked up on each request so that a rebuild needs no restart.
    await app.register(fastifyStatic, {
      root: path.join(webRoot, 'assets'),
      prefix: '/assets/',
      index: false,
      maxAge: '1y',
      immutable: true,
    });
    const spaRoutes = [
      '/',
      '/signin',
      '/review',
      '/review/*',
      '/reports',
      '/reports/*',
      '/compliance',
      '/compliance/*',
      '/compare',
      '/compare/*',
      '/methodology',
    ];
    for (const url of spaRoutes) {
      app.get(url, { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html', webRoot, { maxAge: 0 }));
    }
  }
  return app;
}
