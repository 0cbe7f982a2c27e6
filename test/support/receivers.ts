/**
 * Real receivers for what Writ sends: an SMTP server (smtp-server) that keeps every message it
 * accepted, and an HTTP server that checks Standard Webhooks signatures and answers as told.
 */
import http from 'node:http';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { freeLoopbackPort } from '../../src/loopback.js';

export type ReceivedMail = { from: string; to: string[]; headers: Record<string, string>; body: string; raw: string };

/** Splits a message into unfolded headers (lower-case names) and its body. */
export function parseMessage(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.slice(split + 4) };
}

export type SmtpReceiver = {
  port: number;
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
};

/** Refuses any recipient whose address starts with `refuse` (550), accepts the rest. */
export async function startSmtpReceiver(port?: number): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refuse')) {
        const error = Object.assign(new Error('mailbox unavailable: refused by the test receiver'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(raw),
          raw,
        });
        callback();
      });
    },
  });
  const listenPort = port ?? (await freeLoopbackPort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });
  return {
    port: listenPort,
    url: `smtp://127.0.0.1:${listenPort}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ReceivedCall = { id: string; type: string; data: unknown; verified: boolean; status: number };

export type WebhookReceiver = {
  port: number;
  url(path?: string): string;
  calls: ReceivedCall[];
  /** The status each next call gets, in order; 200 once they are used up. */
  answers: number[];
  close(): Promise<void>;
};

/** Verifies each call with `secret()` (Webhook.verify) and answers with the next of `answers`. */
export async function startWebhookReceiver(secret: () => string, port?: number): Promise<WebhookReceiver> {
  const calls: ReceivedCall[] = [];
  const answers: number[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      let verified = false;
      let parsed: { type?: string; data?: unknown } = {};
      try {
        parsed = new Webhook(secret()).verify(body, request.headers as Record<string, string>) as typeof parsed;
        verified = true;
      } catch {}
      const status = verified ? (answers.shift() ?? 200) : 401;
      calls.push({ id: String(request.headers['webhook-id']), type: String(parsed.type), data: parsed.data, verified, status });
      response.writeHead(status).end();
    });
  });
  const listenPort = port ?? (await freeLoopbackPort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });
  return {
    port: listenPort,
    url: (path = '/hooks') => `http://127.0.0.1:${listenPort}${path}`,
    calls,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it returns something truthy, or fails after `timeoutMs` saying what it waited for. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
