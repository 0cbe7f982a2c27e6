/**
 * Keeps Writ's embedded PostgreSQL running. When its process dies (killed, crashed) it is started
 * again on the same port and data, after a pause that doubles with every restart (0.5 s up to
 * 30 s) and falls back to the first once the server has stayed up for a minute; the pool
 * reconnects by itself. A stopped (SIGSTOP) server has not died: the pool's timeouts deal with it.
 * A clean exit (code 0) is somebody's deliberate shutdown, which Writ does not fight.
 */
import type { ServerExit, ServerLog, ServerProcess } from './embedded-server.js';

export type BackOff = { firstMs: number; maxMs: number; healthyAfterMs: number };
export const defaultBackOff: BackOff = { firstMs: 500, maxMs: 30_000, healthyAfterMs: 60_000 };

export type Supervisor = {
  /** Stops watching (before Writ stops the server itself); waits for a restart under way. */
  stop(): Promise<void>;
};

const how = (exit: ServerExit) => (exit.signal ? `was killed (${exit.signal})` : `exited with code ${exit.code}`);

export function superviseServer(server: ServerProcess, log: ServerLog, backOff: BackOff = defaultBackOff): Supervisor {
  let stopped = false;
  let stopNow = () => {};
  const stopping = new Promise<undefined>((resolve) => {
    stopNow = () => resolve(undefined);
  });
  let restarting: Promise<unknown> = Promise.resolve();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      void stopping.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  async function watch(): Promise<void> {
    let delay = backOff.firstMs;
    let upSince = Date.now();
    for (;;) {
      const exit = await Promise.race([server.exited(), stopping]);
      if (stopped || !exit) return;
      if (exit.code === 0) {
        log(`PostgreSQL (process ${exit.pid}) was shut down cleanly from outside Writ; it stays stopped until Writ restarts`);
        return;
      }
      if (Date.now() - upSince >= backOff.healthyAfterMs) delay = backOff.firstMs;
      log(`PostgreSQL (process ${exit.pid}) ${how(exit)}; starting it again in ${delay} ms`);
      for (;;) {
        await pause(delay);
        if (stopped) return;
        const attempt = server.restart();
        restarting = attempt.catch(() => undefined);
        try {
          await attempt;
          upSince = Date.now();
          delay = Math.min(delay * 2, backOff.maxMs);
          log('PostgreSQL is running again');
          break;
        } catch (error) {
          delay = Math.min(delay * 2, backOff.maxMs);
          log(`${error instanceof Error ? error.message : String(error)}; next attempt in ${delay} ms`);
        }
      }
    }
  }

  void watch().catch((error: unknown) => log(`supervision of PostgreSQL ended: ${String(error)}`));
  return {
    async stop() {
      stopped = true;
      stopNow();
      await restarting;
    },
  };
}
