/**
 * Issue 10, acceptance: "Restarting the server while mail and webhooks are queued loses none and
 * sends none twice." `writ serve` runs as a child process (through a serving role of its own) with
 * the SMTP server and the agency's webhook receiver down; mails and webhook events are queued and
 * tried at least once; the server is stopped (SIGTERM, and once SIGKILL) and started again with the
 * receivers up: every mail and delivery arrives exactly once (counted by Message-ID and webhook-id).
 * Then two processes share the database: each mail is sent once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueAgencyEvent } from '../../src/db/agency-events.js';
import { connect, type Db } from '../../src/db/connection.js';
import { type EmbeddedServer, startEmbeddedServer } from '../../src/db/embedded-server.js';
import { enqueueMail } from '../../src/db/outbox-repository.js';
import { urlAs } from '../../src/db/roles.js';
import { agencies, webhookEndpoints } from '../../src/db/schema/index.js';
import { freeLoopbackPort } from '../../src/loopback.js';
import {
  eventually,
  type SmtpReceiver,
  startSmtpReceiver,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/receivers.js';

const secret = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;
let postgres: EmbeddedServer;
let ownerUrl: string;
let servingUrl: string;
let pool: pg.Pool;
let db: Db;
let smtpPort: number;
let hookPort: number;
let agencyId: string;
let smtp: SmtpReceiver | undefined;
let hooks: WebhookReceiver | undefined;
const children: ChildProcess[] = [];

type Writ = { child: ChildProcess; port: number; output: () => string; exited: Promise<void> };

async function startWrit(): Promise<Writ> {
  const port = await freeLoopbackPort();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'writ-restart-'));
  const child = spawn('node', ['bin/writ.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      WRIT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      WRIT_SEED_DEMO: 'false',
      DATABASE_URL: ownerUrl,
      WRIT_APP_DATABASE_URL: servingUrl,
      WRIT_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      WRIT_MAIL_FROM: 'Writ <writ@platform.example>',
      WRIT_MAIL_ATTEMPTS: '30',
      WRIT_WEBHOOK_ATTEMPTS: '30',
      WRIT_WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true',
      WRIT_JOBS_RETRY_SECONDS: '1',
      WRIT_JOBS_SWEEP_SECONDS: '1',
      // A job whose process was killed is taken over after this lease (and pg-boss's maintenance).
      WRIT_JOBS_LEASE_SECONDS: '3',
      WRIT_JOBS_MAINTENANCE_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await eventually(
    `writ serve on port ${port} to be ready`,
    async () => {
      if (child.exitCode !== null) throw new Error(`writ serve exited:\n${output}`);
      return fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
    },
    60_000,
  );
  return { child, port, output: () => output, exited };
}

async function stopWrit(writ: Writ, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  writ.child.kill(signal);
  await writ.exited;
  if (signal === 'SIGTERM') expect(writ.child.exitCode, writ.output()).toBe(0);
}

async function queue(count: number, label: string): Promise<{ label: string; mails: string[] }> {
  const mails: string[] = [];
  for (let i = 0; i < count; i++) {
    await db.transaction(async (tx) => {
      const { id } = await enqueueMail(tx, {
        kind: 'receipt',
        to: `officer${i}@gov.example`,
        subject: `${label} ${i}`,
        body: `Order ${label} ${i} received.`,
      });
      mails.push(id);
      await enqueueAgencyEvent(tx, { agencyId, requestId: null, eventType: 'order.received', payload: { label, i } });
    });
  }
  return { label, mails };
}

const rows = async (sql: string) => (await pool.query(sql)).rows;

/** Waits until every mail and delivery queued so far has been tried at least once; none got through (the receivers are down). */
async function triedOnce(batch: { mails: string[] }): Promise<void> {
  await eventually(
    'every mail and delivery to be tried once',
    async () => {
      const [m] = await rows("SELECT count(*)::int AS n FROM mail_outbox WHERE status <> 'sent' AND attempts = 0");
      const [d] = await rows("SELECT count(*)::int AS n FROM webhook_deliveries WHERE status <> 'delivered' AND attempts = 0");
      return m.n === 0 && d.n === 0;
    },
    60_000,
  );
  const statuses = await pool.query('SELECT DISTINCT status FROM mail_outbox WHERE id = ANY($1)', [batch.mails]);
  expect(statuses.rows).toEqual([{ status: 'sending' }]);
  const [d] = await rows("SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'delivering'");
  expect(d.n).toBe(batch.mails.length);
}

/** Servers on the receivers' ports that accept a connection and never answer: an attempt hangs, its job stays active. */
async function blackHoles(): Promise<() => Promise<void>> {
  const sockets: net.Socket[] = [];
  const servers = [smtpPort, hookPort].map((port) => {
    const server = net.createServer((socket) => sockets.push(socket));
    server.listen(port, '127.0.0.1');
    return server;
  });
  await Promise.all(servers.map((server) => once(server, 'listening')));
  return async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
}

async function receiversUp(): Promise<void> {
  smtp = await startSmtpReceiver(smtpPort);
  hooks = await startWebhookReceiver(() => secret, hookPort);
}

async function receiversDown(): Promise<void> {
  await smtp?.close();
  await hooks?.close();
  smtp = undefined;
  hooks = undefined;
}

/**
 * Waits until everything is sent and delivered; then every mail and delivery of `batch` arrived
 * exactly once (by Message-ID and webhook-id), and nothing else arrived at the receivers since they started.
 */
async function everythingArrivedOnce(batch: { label: string; mails: string[] }): Promise<void> {
  await eventually(
    'every mail to be sent and every delivery delivered',
    async () => {
      const [m] = await rows("SELECT count(*)::int AS n FROM mail_outbox WHERE status <> 'sent'");
      const [d] = await rows("SELECT count(*)::int AS n FROM webhook_deliveries WHERE status <> 'delivered'");
      return m.n === 0 && d.n === 0;
    },
    90_000,
  );
  // Another sweep and poll or two: nothing more may arrive.
  await new Promise((r) => setTimeout(r, 3000));
  const deliveries = await pool.query("SELECT id FROM webhook_deliveries WHERE payload->>'label' = $1", [batch.label]);
  expect(smtp!.mails.map((m) => m.headers['message-id']).sort()).toEqual(
    batch.mails.map((id) => `<${id}@platform.example>`).sort(),
  );
  expect(hooks!.calls.every((c) => c.verified)).toBe(true);
  expect(hooks!.calls.map((c) => c.id).sort()).toEqual(deliveries.rows.map((r) => r.id).sort());
}

beforeAll(async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'writ-restart-pg-'));
  postgres = await startEmbeddedServer(dataDir, () => undefined, { persistent: false });
  const admin = new pg.Client({ connectionString: postgres.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE writ_restart');
  await admin.query("CREATE ROLE writ_restart_app LOGIN PASSWORD 'serving-role-password'");
  await admin.end();
  ownerUrl = postgres.url('writ_restart');
  servingUrl = urlAs(ownerUrl, 'writ_restart_app', 'serving-role-password');
  smtpPort = await freeLoopbackPort();
  hookPort = await freeLoopbackPort();
  // The first start migrates the database; then an agency with an endpoint at the (down) receiver.
  const first = await startWrit();
  ({ db, pool } = connect(ownerUrl, 3));
  const [agency] = await db
    .insert(agencies)
    .values({
      country: 'KZ',
      name: 'Agency',
      kind: 'communications_regulator',
      domain: 'agency.kz.example',
      legalMandate: 'Law on Online Platforms, Art. 19',
      contactName: 'First Officer',
      contactEmail: 'first@agency.kz.example',
      status: 'verified',
    })
    .returning({ id: agencies.id });
  agencyId = agency!.id;
  await db.insert(webhookEndpoints).values({ agencyId, url: `http://127.0.0.1:${hookPort}/hooks`, secret });
  await stopWrit(first, 'SIGTERM');
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await receiversDown();
  await pool?.end();
  await postgres?.stop();
});

describe('queued mail and webhooks across restarts', () => {
  it('loses none and sends none twice when the server is stopped (SIGTERM) while they wait', async () => {
    const writ = await startWrit();
    const batch = await queue(5, 'before SIGTERM');
    await triedOnce(batch);
    await stopWrit(writ, 'SIGTERM');
    await receiversUp();
    const again = await startWrit();
    await everythingArrivedOnce(batch);
    await stopWrit(again, 'SIGTERM');
  });

  it('loses none and sends none twice when the server is killed (SIGKILL) in the middle of attempts', async () => {
    await receiversDown();
    // The receivers accept and never answer: the attempts hang, their jobs are active when the process dies,
    // and only the lease (pg-boss failing a job that outlived it) brings them back.
    const closeBlackHoles = await blackHoles();
    const writ = await startWrit();
    const batch = await queue(3, 'before SIGKILL');
    await triedOnce(batch);
    await stopWrit(writ, 'SIGKILL');
    await closeBlackHoles();
    await receiversUp();
    const again = await startWrit();
    await everythingArrivedOnce(batch);
    await stopWrit(again, 'SIGTERM');
  });

  it('sends each mail and delivery once when two processes share the database', async () => {
    await receiversDown();
    await receiversUp();
    const [one, two] = await Promise.all([startWrit(), startWrit()]);
    const batch = await queue(20, 'two processes');
    await everythingArrivedOnce(batch);
    await Promise.all([stopWrit(one!, 'SIGTERM'), stopWrit(two!, 'SIGTERM')]);
  });
});
