/**
 * The Writ server under test, as a child process (`node bin/writ.js serve`), so that its memory is
 * its own: started with the environment given, ready when /readyz answers 200, stopped with SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort as freePort } from '../src/loopback.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export type WritServer = {
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawning the process to the first 200 from /readyz. */
  readyMs: number;
  /** VmHWM (peak resident memory) and VmRSS of the process, in MB, from /proc/<pid>/status. */
  memory(): Promise<{ peakMb: number; residentMb: number }>;
  stop(): Promise<void>;
};

async function memoryOf(pid: number): Promise<{ peakMb: number; residentMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakMb: kb('VmHWM') / 1024, residentMb: kb('VmRSS') / 1024 };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `writ serve` with `env` over the bench's own environment (DATABASE_URL removed unless given)
 * and waits for /readyz (`nodeArgs` go to Node, e.g. --cpu-prof); its standard output (one line per request) goes nowhere, its errors are kept.
 */
export async function startWrit(env: Record<string, string>, nodeArgs: string[] = [], timeoutMs = 120_000): Promise<WritServer> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, 'bin/writ.js', 'serve'], {
    cwd: repoRoot,
    env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), WRIT_SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-4000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited(child);
    clearTimeout(timer);
  };
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`writ serve exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${errors}`);
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`writ serve was not ready after ${timeoutMs / 1000} s:\n${errors}`);
    }
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const readyMs = performance.now() - started;
  return { pid: child.pid!, baseUrl, readyMs, memory: () => memoryOf(child.pid!), stop };
}
