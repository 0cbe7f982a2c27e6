/**
 * The web UI, built by Vite into dist/web: hashed assets under /assets/, the files of web/public
 * (favicon) at the top, and index.html for every other GET outside the API — with 200 for the
 * app's pages (src/contracts/pages.ts) and 404 for any other path, where the app shows its Not
 * found page (crawlers see the status, people see the page). A page with a trailing slash is
 * redirected to its one address. Unknown /api/ paths stay problem+json.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPage } from '../contracts/pages.js';
import { notFoundHandler } from './problem.js';

/** A file at the top of dist/web (copied from web/public), such as favicon.ico. */
const topLevelFile = /^\/([\w-]+\.[a-z0-9]+)$/;

export async function webApp(app: FastifyInstance, { root }: { root: string }) {
  // Hashed asset files, looked up on each request so that a rebuild needs no restart.
  await app.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    index: false,
    maxAge: '1y',
    immutable: true,
  });

  app.get('/*', { schema: { hide: true } }, (request: FastifyRequest, reply: FastifyReply) => {
    const [pathname = '/', query] = request.url.split(/\?(.*)/s, 2);
    // The API and the feeds answer machines: a path of theirs that matches no route is a problem, not the app.
    if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/feeds/'))
      return notFoundHandler(request, reply);
    const file = topLevelFile.exec(pathname)?.[1];
    if (file && file !== 'index.html' && existsSync(path.join(root, file))) return reply.sendFile(file, root, { maxAge: '1d' });
    if (isPage(pathname)) return reply.sendFile('index.html', root, { maxAge: 0 });
    const canonical = pathname.replace(/\/+$/, '');
    if (canonical !== pathname && isPage(canonical)) return reply.redirect(query ? `${canonical}?${query}` : canonical, 308);
    return reply.code(404).sendFile('index.html', root, { maxAge: 0 });
  });
}
