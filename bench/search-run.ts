/**
 * `npm run bench -- --only search`: the search figure alone (issue 13), on a scratch database holding
 * only the generated public records — what `npm run bench` measures among the others, in a minute or
 * two instead of five.
 */
import os from 'node:os';
import { createAccount } from '../src/app/accounts.js';
import { loadConfig } from '../src/config.js';
import { usersRepository } from '../src/db/users-repository.js';
import type { BenchOptions } from './args.js';
import { type ScratchDatabase, scratchDatabase } from './database.js';
import { seed } from './generate.js';
import { WritClient } from './http.js';
import { count, step } from './progress.js';
import { type Figure, printTable, writeResults } from './report.js';
import { loadPublicRecords, searchFigure } from './search.js';
import { startWrit, type WritServer } from './server.js';

const reader = { email: 'bench-search@example.org', name: 'Bench search', password: 'bench-search-password' };

export async function searchOnly(options: BenchOptions): Promise<number> {
  const config = loadConfig();
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  const t0 = performance.now();
  let database: ScratchDatabase | undefined;
  let server: WritServer | undefined;
  let client: WritClient | undefined;
  try {
    database = await scratchDatabase(config.databaseUrl);
    step(
      `scratch database ready (${database.server}, PostgreSQL ${database.version}); ${count(options.searchRecords)} public records`,
    );
    await createAccount(usersRepository(database.db), { ...reader, role: 'reviewer' });
    const loaded = await loadPublicRecords(database.db, database.pool, options.searchRecords, seed);
    server = await startWrit({ DATABASE_URL: database.url });
    client = new WritClient(server.baseUrl);
    await client.signIn(reader.email, reader.password);
    const figures: Figure[] = [await searchFigure(database.db, client, options.searchRecords)];
    const seconds = (performance.now() - t0) / 1000;
    const file = await writeResults(
      {
        items: 0,
        seed,
        server: database.server,
        postgresql: database.version,
        startedAt,
        seconds,
        data: { publicRecords: options.searchRecords },
        setup: { publicRecordsSeconds: loaded.seconds, publicRecordsVacuumSeconds: loaded.vacuumSeconds },
        options: { ...options },
        loadAverageAtStart,
      },
      figures,
    );
    console.log(printTable(figures));
    console.log(`search figure only; whole run ${seconds.toFixed(0)} s\nresults: ${file}`);
    return 0;
  } finally {
    client?.close();
    await server?.stop();
    await database?.drop();
  }
}
