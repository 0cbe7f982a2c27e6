/** The processes of an embedded PostgreSQL server, for tests that kill or stop it. */
import fs from 'node:fs/promises';
import path from 'node:path';

/** The server's own directory inside a Writ data directory (see serverDirectory in src/db/embedded-server.ts). */
export async function serverDirectory(dataDir: string): Promise<string> {
  const recorded = (await fs.readFile(path.join(dataDir, 'pg-location'), 'utf8').catch(() => '')).trim();
  return recorded || path.join(dataDir, 'pg');
}

/** The running postmaster's pid and port, from its postmaster.pid. */
export async function postmaster(dataDir: string): Promise<{ pid: number; port: number }> {
  const lines = (await fs.readFile(path.join(await serverDirectory(dataDir), 'postmaster.pid'), 'utf8')).split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/** The postmaster and every process it started (backends, checkpointer, …). */
export async function serverProcesses(postmasterPid: number): Promise<number[]> {
  const pids = [postmasterPid];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === postmasterPid) pids.push(Number(entry));
  }
  return pids;
}

/** Sends a signal to the server and all its processes, as a stall of the whole server (SIGSTOP, SIGCONT). */
export async function signalServer(postmasterPid: number, signal: NodeJS.Signals): Promise<number[]> {
  const pids = await serverProcesses(postmasterPid);
  for (const pid of pids) process.kill(pid, signal);
  return pids;
}
