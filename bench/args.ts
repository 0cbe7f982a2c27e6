/** `npm run bench -- [options]`: what the run measures, and at what scale. */
import { parseArgs } from 'node:util';

export type BenchOptions = {
  items: number;
  clients: number;
  callsPerClient: number;
  startRuns: number;
  datasetImport: boolean;
  importRuns: number;
  /** Public records loaded for the search figure (0: left out). */
  searchRecords: number;
  /** Only this figure (`search`), or every figure. */
  only: 'search' | null;
};

const usage = `npm run bench -- [options]

  --items N            items generated and loaded before measuring (default 1000000; the issue's full size is 10000000)
  --clients N          concurrent intake clients (default 8)
  --intake-calls N     measured batch calls of 1,000 items per client, for each order size (default 8)
  --start-runs N       runs of each embedded start (default 2)
  --no-dataset-import  leave out timing the import of Google's archive from ../shared/data (about 25 s)
  --import-runs N      runs of that import, from the zip and from the folder (default 5)
  --search-records N   public records loaded for the search figure (default 1000000; 0 leaves the figure out)
  --only search        the search figure alone, on a database of public records only

Against the server in DATABASE_URL when it is set (a scratch database is created and dropped),
otherwise against an embedded PostgreSQL in a temporary directory.`;

function whole(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < min) {
    console.error(`bench: --${name} must be a whole number, at least ${min} (got ${text})\n\n${usage}`);
    process.exit(2);
  }
  return n;
}

export function benchOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  const v = parsed.values;
  if (v.help) {
    console.log(usage);
    process.exit(0);
  }
  return {
    items: whole('items', v.items, 1_000_000, 1_000),
    clients: whole('clients', v.clients, 8, 1),
    callsPerClient: whole('intake-calls', v['intake-calls'], 8, 1),
    startRuns: whole('start-runs', v['start-runs'], 2, 0),
    datasetImport: !v['no-dataset-import'],
    importRuns: whole('import-runs', v['import-runs'], 5, 1),
    searchRecords: whole('search-records', v['search-records'], 1_000_000, 0),
    only: onlyOf(v.only),
  };
}

function onlyOf(text: string | undefined): 'search' | null {
  if (text === undefined) return null;
  if (text === 'search') return text;
  console.error(`bench: --only takes search (got ${text})\n\n${usage}`);
  process.exit(2);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      items: { type: 'string' },
      clients: { type: 'string' },
      'intake-calls': { type: 'string' },
      'start-runs': { type: 'string' },
      'no-dataset-import': { type: 'boolean' },
      'import-runs': { type: 'string' },
      'search-records': { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}
