/**
 * A reference receiver of Writ's enforcement calls: the contract between Writ and a platform's
 * content system, runnable as is (plain Node, no build step). It verifies each call's Standard
 * Webhooks signature, applies the action to an in-memory store once per webhook-id, answers 200,
 * then confirms to Writ, signed with the same secret, with the instant the action took effect.
 *
 *   WRIT_URL=http://127.0.0.1:8080 SECRET=whsec_... PORT=8090 node examples/content-system/receiver.mjs
 *
 * Tests import startReceiver() and run it on loopback. See README.md.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';

/**
 * @param {{ port?: number, host?: string, secret: string, writUrl: string, failFirst?: number, refuse?: boolean, log?: (line: string) => void }} options
 *   failFirst: answer 503 to the first n signed calls (to see Writ's back-off);
 *   refuse: confirm every action as `failed` (the content system could not apply it).
 */
export async function startReceiver(options) {
  const webhook = new Webhook(options.secret);
  const log = options.log ?? (() => undefined);
  let failuresLeft = options.failFirst ?? 0;
  /** What the content system holds: per item, its state now. */
  const store = new Map();
  /** Every call received, signed or not, in order. */
  const calls = [];
  /** webhook-ids already applied: a repeat is answered 200 and not applied again. */
  const seen = new Set();
  /** Confirmations sent to Writ and the status Writ answered. */
  const confirmations = [];

  async function confirm(data, appliedAt) {
    const body = JSON.stringify(
      options.refuse
        ? {
            actionId: data.actionId,
            status: 'failed',
            effectiveAt: appliedAt.toISOString(),
            detail: 'the reference receiver refuses every action',
          }
        : { actionId: data.actionId, status: 'applied', effectiveAt: appliedAt.toISOString() },
    );
    const id = `confirm_${randomUUID()}`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = new Date();
      try {
        const response = await fetch(new URL('/api/v1/enforcement/confirmations', options.writUrl), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
            'webhook-signature': webhook.sign(id, now, body),
          },
          body,
        });
        confirmations.push({ actionId: data.actionId, status: response.status });
        if (response.ok || (response.status >= 400 && response.status < 500)) return;
      } catch (error) {
        log(`confirmation of ${data.actionId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }

  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const id = String(request.headers['webhook-id'] ?? '');
      let event;
      try {
        event = webhook.verify(body, request.headers);
      } catch {
        calls.push({ id, verified: false, status: 401 });
        response.writeHead(401).end();
        return;
      }
      if (failuresLeft > 0) {
        failuresLeft--;
        calls.push({ id, type: event.type, data: event.data, verified: true, status: 503 });
        response.writeHead(503).end();
        return;
      }
      const repeat = seen.has(id);
      calls.push({ id, type: event.type, data: event.data, verified: true, status: 200, repeat });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      if (repeat || event.type !== 'enforcement.requested') return;
      seen.add(id);
      const data = event.data;
      const appliedAt = new Date();
      // Calls for one item may arrive out of order (they are sent in parallel, retried apart): the
      // latest decision wins, and an older call arriving late is confirmed but changes nothing.
      const held = store.get(data.itemId);
      const stale = held && held.decidedAt > data.decidedAt;
      if (!options.refuse && !stale)
        store.set(data.itemId, {
          decidedAt: data.decidedAt,
          target: data.target,
          state: data.action === 'restore' ? 'visible' : data.action === 'remove_globally' ? 'removed' : 'restricted',
          countries: data.scopeCountries,
          at: appliedAt.toISOString(),
        });
      log(`${data.action} ${data.target ?? data.itemId} ${data.scopeCountries ? data.scopeCountries.join(',') : 'everywhere'}`);
      void confirm(data, appliedAt);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    port,
    url: `http://127.0.0.1:${port}/writ`,
    store,
    calls,
    confirmations,
    /** Answers 503 to the next n signed calls. */
    failNext(n) {
      failuresLeft = n;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { WRIT_URL, SECRET, PORT, HOST } = process.env;
  if (!WRIT_URL || !SECRET) {
    console.error('set WRIT_URL (Writ’s address) and SECRET (WRIT_ENFORCEMENT_WEBHOOK_SECRET); PORT defaults to 8090');
    process.exit(2);
  }
  const receiver = await startReceiver({
    port: Number(PORT ?? 8090),
    host: HOST ?? '127.0.0.1',
    secret: SECRET,
    writUrl: WRIT_URL,
    log: (line) => console.log(line),
  });
  console.log(`content system listening on ${receiver.url}`);
}
