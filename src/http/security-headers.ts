/**
 * Security headers on every response (@fastify/helmet). The policy is strict where it matters:
 * scripts only from Writ's own origin (no inline script, no eval), no plugins, no framing by any
 * other page (clickjacking), forms and fetches only to Writ itself. Styles may also be set inline
 * through attributes (`style-src-attr`), because ECharts positions its tooltips and draws its
 * markers with style attributes; stylesheets themselves come only from Writ (Vite emits files).
 * HSTS is sent only when Writ is told it is served over HTTPS (WRIT_COOKIE_SECURE), so that a
 * plain-HTTP local install never pins itself to HTTPS. Decision 0032 says why.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'style-src-elem': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

export const securityHeaders = fp(
  async (app: FastifyInstance, opts: { https: boolean }) => {
    await app.register(fastifyHelmet, {
      global: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          ...Object.fromEntries(Object.entries(contentSecurityPolicy).map(([k, v]) => [k, [...v]])),
          ...(opts.https ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      // Writ's pages open no cross-origin windows and embed nothing cross-origin.
      crossOriginEmbedderPolicy: false,
    });
  },
  { name: 'writ-security-headers' },
);
