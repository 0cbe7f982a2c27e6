/** The one way a command reaches the database: open it, run, close it (also when the command fails). */
import { createWrit, type Writ } from '../app/context.js';
import type { Config } from '../config.js';
import { type Database, type OpenOptions, openDatabase } from '../db/connection.js';

/**
 * Runs `work` with the Writ context over the configured database (the embedded server is started
 * and stopped around it) and the database itself, for the commands that need its pool.
 */
export async function withDatabase<T>(
  config: Config,
  work: (writ: Writ, database: Database) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  // PostgreSQL's own log lines are not the command's output.
  const database = await openDatabase(config, () => undefined, options);
  try {
    return await work(createWrit(database.db, config), database);
  } finally {
    await database.close();
  }
}
