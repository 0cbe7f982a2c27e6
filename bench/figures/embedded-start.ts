/**
 * Figure d: how long `writ serve` takes, without DATABASE_URL, to answer /readyz on a new data
 * folder (initdb, start, database, migrations, roles) and on the same folder again; baseline: the
 * embedded PostgreSQL alone (startEmbeddedServer) on a new and on an existing folder, so that the
 * ratio is what Writ adds to PostgreSQL's own start.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedServer } from '../../src/db/embedded-server.js';
import { step } from '../progress.js';
import type { Figure } from '../report.js';
import { startWrit } from '../server.js';
import { latency } from '../stats.js';

// In the system's temp directory itself: as root the embedded server runs as postgres, which must reach it.
const freshDir = (what: string) => path.join(os.tmpdir(), `writ-bench-${what}-${randomBytes(4).toString('hex')}`);

async function writStarts(): Promise<[number, number]> {
  const dir = freshDir('start');
  try {
    const first = await startWrit({ WRIT_DATA_DIR: dir });
    await first.stop();
    const again = await startWrit({ WRIT_DATA_DIR: dir });
    await again.stop();
    return [first.readyMs, again.readyMs];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function postgresStarts(): Promise<[number, number]> {
  const dir = freshDir('pg-start');
  try {
    let start = performance.now();
    const first = await startEmbeddedServer(dir, () => undefined);
    const newMs = performance.now() - start;
    await first.stop();
    start = performance.now();
    const again = await startEmbeddedServer(dir, () => undefined);
    const existingMs = performance.now() - start;
    await again.stop();
    return [newMs, existingMs];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function embeddedStartFigures(runs: number): Promise<Figure[]> {
  const writ: [number, number][] = [];
  const postgres: [number, number][] = [];
  for (let i = 0; i < runs; i++) {
    writ.push(await writStarts());
    postgres.push(await postgresStarts());
  }
  const figure = (which: 0 | 1, id: string, name: string): Figure => {
    const measured = latency(writ.map((w) => w[which]));
    const baseline = latency(postgres.map((p) => p[which]));
    return {
      id,
      name,
      measured: { kind: 'latency', latency: measured },
      baseline: { name: 'embedded PostgreSQL alone', measured: { kind: 'latency', latency: baseline } },
      ratio: { value: measured.p50 / baseline.p50, text: `${(measured.p50 / baseline.p50).toFixed(1)}× PostgreSQL's` },
      targets: [],
      checkedEqual: null,
    };
  };
  const figures = [
    figure(0, 'embedded-start-new', 'writ serve to /readyz,\nnew data folder (embedded)'),
    figure(1, 'embedded-start-existing', 'writ serve to /readyz,\nexisting data folder (embedded)'),
  ];
  for (const f of figures)
    if (f.measured.kind === 'latency') step(`${f.name.replace('\n', ' ')}: p50 ${(f.measured.latency.p50 / 1000).toFixed(2)} s`);
  return figures;
}
