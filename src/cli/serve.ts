/** `writ serve`: open the database, seed demo data on first start, and serve HTTP until stopped. */
import { createWrit } from '../app/context.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { demoReviewer } from '../demo/demo-data.js';
import { demoStaff } from '../demo/demo-staff.js';
import { seedDemoDataOnce } from '../demo/seed.js';
import { buildApp } from '../http/app.js';
import { prepareJobTables } from '../jobs/queues.js';
import { type Jobs, startJobs } from '../jobs/runner.js';
import { loadRuleBook } from '../rules/packs.js';

export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  // A broken rule pack stops start-up before anything else is started.
  const rules = loadRuleBook(config.rulesDir);
  // Writ's own messages about its database (a restart of the embedded server) go to the log once there is one.
  let notice = (message: string) => console.error(`[writ] ${message}`);
  const database = await openDatabase(
    config,
    (line) => {
      if (/FATAL|PANIC|ERROR/.test(line)) console.error(`[postgres] ${line}`);
    },
    { notice: (message) => notice(message), prepare: config.jobs.enabled ? prepareJobTables : undefined },
  );
  const app = await buildApp({ config, database, rules });
  if (database.servesAsOwner)
    app.log.warn('serving as the role that owns the tables: set WRIT_APP_DATABASE_URL to a role of its own (docs/security.md)');
  notice = (message) => app.log.warn(message);
  // Mail and webhook deliveries (docs/decisions/0041-durable-jobs.md); off with WRIT_JOBS=false.
  let jobs: Jobs | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    await app.close().catch(() => undefined);
    await jobs?.stop().catch((e: unknown) => console.error(e));
    await database.close().catch((e: unknown) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // While stopping, a job cut off by the closing pool may reject late: log it, and still stop cleanly
  // (its row stays claimed and is retried after the lease, decision 41). Before that, it is fatal as ever.
  process.on('unhandledRejection', (reason) => {
    if (!stopping) throw reason;
    console.error('[writ] while stopping:', reason);
  });
  try {
    if (
      config.seedDemo &&
      (await seedDemoDataOnce(database.db, { rules, policy: config.policyTargets, dataRequests: config.dataRequests, config }))
    )
      app.log.info('seeded demo data');
    if (config.jobs.enabled)
      jobs = await startJobs({
        pool: database.pool,
        writ: createWrit(database.db, config, { rules }),
        log: (m) => app.log.warn(m),
      });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(
    [
      '',
      `Writ is running on http://${shownHost}:${config.port}  (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  database:  ${database.description}`,
      `  API docs:  http://${shownHost}:${config.port}/docs`,
      config.seedDemo ? `  demo sign-in: ${demoReviewer.email} / ${demoReviewer.password}` : '',
      config.seedDemo ? `  other roles, same password: ${demoStaff.map((s) => s.email).join(', ')}` : '',
      '  Stop with Ctrl+C.',
      '',
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
}
