/** `writ serve`: open the database, seed demo data on first start, and serve HTTP until stopped. */
import type { Config } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { demoReviewer } from '../demo/demo-data.js';
import { seedDemoDataOnce } from '../demo/seed.js';
import { buildApp } from '../http/app.js';
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
    { notice: (message) => notice(message) },
  );
  const app = await buildApp({ config, database, rules });
  if (database.servesAsOwner)
    app.log.warn('serving as the role that owns the tables: set WRIT_APP_DATABASE_URL to a role of its own (docs/security.md)');
  notice = (message) => app.log.warn(message);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    await app.close().catch(() => undefined);
    await database.close().catch((e: unknown) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    if (config.seedDemo && (await seedDemoDataOnce(database.db, { rules, policy: config.policyTargets })))
      app.log.info('seeded demo data');
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
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
      '  Stop with Ctrl+C.',
      '',
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
}
