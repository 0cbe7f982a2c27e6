/**
 * `npm run bench`: Writ's figures of issue 9, each beside its baseline measured in the same run on
 * the same machine, on data generated from a fixed seed (bench/generate.ts; 1 M items by default,
 * `-- --items 10000000` for the full size). See bench/README.md for what each figure means.
 *
 * Against the server in DATABASE_URL when it is set (a scratch database created and dropped),
 * otherwise against an embedded PostgreSQL in a temporary directory. Progress goes to standard
 * error; the table to standard output; the JSON to bench/results/. Exits 1 when a page's figures
 * differ from the GROUP BY's (a missed target is reported, not an error).
 */
import os from 'node:os';
import { createAccount } from '../src/app/accounts.js';
import { loadConfig } from '../src/config.js';
import { usersRepository } from '../src/db/users-repository.js';
import { benchOptions } from './args.js';
import { type ScratchDatabase, scratchDatabase } from './database.js';
import { archiveDir, archivePresent, datasetImportFigures } from './figures/dataset-import.js';
import { embeddedStartFigures } from './figures/embedded-start.js';
import { intakeFigure } from './figures/intake.js';
import { memoryFigure } from './figures/memory.js';
import { queueFigure } from './figures/queue.js';
import { reportFigures } from './figures/reports.js';
import { buildWorld, seed } from './generate.js';
import { WritClient } from './http.js';
import { loadAuthorities, loadDataset } from './load.js';
import { seededRandom } from './prng.js';
import { count, step } from './progress.js';
import { type Figure, printTable, writeResults } from './report.js';
import { loadPublicRecords, searchFigure } from './search.js';
import { searchOnly } from './search-run.js';
import { startWrit, type WritServer } from './server.js';

const reviewer = { email: 'bench-reviewer@example.org', name: 'Bench reviewer', password: 'bench-reviewer-password' };

async function main(): Promise<number> {
  const options = benchOptions();
  if (options.only === 'search') return searchOnly(options);
  const config = loadConfig();
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  const t0 = performance.now();
  const figures: Figure[] = [];
  const setup: Record<string, number> = {};
  const dataset = options.datasetImport && archivePresent();
  if (options.datasetImport && !dataset)
    step(`${archiveDir} is absent: the dataset import is left out (the timeline then has this platform's series only)`);
  step(
    `bench: ${count(options.items)} items, seed ${seed}, ${config.databaseUrl ? 'the server in DATABASE_URL' : 'embedded PostgreSQL'}` +
      `${dataset ? ', with the dataset import' : ''}`,
  );

  if (options.startRuns > 0) figures.push(...(await embeddedStartFigures(options.startRuns)));

  let database: ScratchDatabase | undefined;
  let server: WritServer | undefined;
  let client: WritClient | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () => {
    cleaned ??= (async () => {
      client?.close();
      await server?.stop();
      await database?.drop();
    })();
    return cleaned;
  };
  // Interrupted: the server child, the scratch database (and an embedded server) go all the same.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      step(`${signal}: stopping the server and dropping the scratch database`);
      void cleanup().finally(() => process.exit(130));
    });
  try {
    database = await scratchDatabase(config.databaseUrl);
    step(`scratch database ready (${database.server}, PostgreSQL ${database.version})`);
    const random = seededRandom(seed);
    const world = buildWorld(random);
    const account = await createAccount(usersRepository(database.db), { ...reviewer, role: 'reviewer' });
    await loadAuthorities(database, world);
    const loaded = await loadDataset(database, world, random, { items: options.items, reviewerId: account.id });
    Object.assign(setup, {
      copySeconds: loaded.copySeconds,
      rollupSeconds: loaded.rollupSeconds,
      vacuumSeconds: loaded.vacuumSeconds,
    });

    if (options.searchRecords > 0) {
      const records = await loadPublicRecords(database.db, database.pool, options.searchRecords, seed);
      Object.assign(setup, { publicRecordsSeconds: records.seconds, publicRecordsVacuumSeconds: records.vacuumSeconds });
    }
    if (dataset) figures.push(...(await datasetImportFigures(database.db, options.importRuns, true)));

    server = await startWrit({ DATABASE_URL: database.url });
    const idle = await server.memory();
    setup.serverReadySeconds = server.readyMs / 1000;
    step(
      `writ serve ready on the loaded database in ${(server.readyMs / 1000).toFixed(1)} s (pid ${server.pid}, ${idle.residentMb.toFixed(0)} MB)`,
    );
    client = new WritClient(server.baseUrl);
    await client.signIn(reviewer.email, reviewer.password);

    figures.push(...(await reportFigures(database.db, client, config.surges)));
    figures.push(await queueFigure(database.db, database.pool, client));
    if (options.searchRecords > 0) figures.push(await searchFigure(database.db, client, options.searchRecords));
    const intake = {
      database,
      client,
      world,
      random,
      reviewerId: account.id,
      clients: options.clients,
      callsPerClient: options.callsPerClient,
    };
    const beforeIntake = await server.memory();
    figures.push(await intakeFigure(intake, 100));
    const afterLarge = await server.memory();
    figures.push(await intakeFigure(intake, 1));
    const loadedMemory = await server.memory();
    figures.push(
      memoryFigure(idle.peakMb, loadedMemory.peakMb, `the intake load (${options.clients} clients)`, [
        `peak ${beforeIntake.peakMb.toFixed(0)} MB after the pages and the queue, ${afterLarge.peakMb.toFixed(0)} MB after the ` +
          `100-item orders, ${loadedMemory.peakMb.toFixed(0)} MB after the 1-item orders (resident now ${loadedMemory.residentMb.toFixed(0)} MB)`,
      ]),
    );
    step(`server peak memory ${loadedMemory.peakMb.toFixed(0)} MB (idle ${idle.peakMb.toFixed(0)} MB)`);

    const seconds = (performance.now() - t0) / 1000;
    const file = await writeResults(
      {
        items: options.items,
        seed,
        server: database.server,
        postgresql: database.version,
        startedAt,
        seconds,
        data: {
          requests: loaded.requests,
          items: loaded.items,
          decisions: loaded.decisions,
          authorities: world.authorities.length,
        },
        setup,
        options: { ...options },
        loadAverageAtStart,
      },
      figures,
    );
    console.log(printTable(figures));
    const missed = figures.flatMap((f) => f.targets.filter((t) => !t.met).map(() => f.id));
    console.log(
      `${count(options.items)} items (${count(loaded.requests)} requests) on ${database.server === 'embedded' ? 'embedded' : 'DATABASE_URL'} ` +
        `PostgreSQL ${database.version}; whole run ${seconds.toFixed(0)} s; targets met ` +
        `${figures.reduce((n, f) => n + f.targets.filter((t) => t.met).length, 0)} of ${figures.reduce((n, f) => n + f.targets.length, 0)}` +
        `${missed.length ? ` (missed: ${[...new Set(missed)].join(', ')})` : ''}\nresults: ${file}`,
    );
    const differ = figures.filter((f) => f.checkedEqual === false);
    if (differ.length) console.error(`bench: FIGURES DIFFER from the GROUP BY in ${differ.map((f) => f.id).join(', ')}`);
    return differ.length ? 1 : 0;
  } finally {
    await cleanup();
  }
}

process.exitCode = await main();
