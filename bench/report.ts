/**
 * What a run found: every figure beside its baseline, the ratio and the target, as a table on
 * standard output and as JSON in bench/results/<date>-<items>-<server>.json (with the machine).
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Table from 'cli-table3';
import type { Latency } from './stats.js';

/** A measurement: a latency (milliseconds, p50/p95), a rate (items/s), a size (MB) or a duration (s). */
export type Measure =
  | { kind: 'latency'; latency: Latency }
  | { kind: 'rate'; perSecond: number; items: number; seconds: number }
  | { kind: 'memory'; mb: number }
  | { kind: 'duration'; seconds: number; runs?: number[] };

export type Target = {
  /** e.g. `p95 ≤ 50 ms`. */
  text: string;
  met: boolean;
  /** Where missed: by how much, e.g. `p95 is 12.4 ms over (+25%)`. */
  missedBy?: string;
};

export type Figure = {
  id: string;
  name: string;
  measured: Measure;
  baseline?: { name: string; measured: Measure };
  /** The ratio as the target states it: `52× faster`, `31% of COPY`. */
  ratio?: { value: number; text: string };
  targets: Target[];
  /** The figures were checked equal to the baseline's (null: nothing to compare). */
  checkedEqual: boolean | null;
  notes?: string[];
};

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const thousands = (v: number) => Math.round(v).toLocaleString('en-US');

export function describe(m: Measure): string {
  switch (m.kind) {
    case 'latency':
      return `p50 ${ms(m.latency.p50)} ms\np95 ${ms(m.latency.p95)} ms\n(${m.latency.runs} runs)`;
    case 'rate':
      return `${thousands(m.perSecond)} items/s\n(${thousands(m.items)} in ${m.seconds.toFixed(1)} s)`;
    case 'memory':
      return `${m.mb.toFixed(0)} MB`;
    case 'duration':
      return m.runs && m.runs.length > 1
        ? `${m.seconds.toFixed(2)} s (median)\n(${m.runs.map((r) => r.toFixed(2)).join(', ')})`
        : `${m.seconds.toFixed(2)} s`;
  }
}

/** An upper bound on a value: met, or missed by how much. */
export function atMost(label: string, value: number, limit: number, unit: string, format = ms): Target {
  const met = value <= limit;
  return {
    text: `${label ? `${label} ` : ''}≤ ${format(limit)} ${unit}`,
    met,
    ...(met ? {} : { missedBy: `${format(value - limit)} ${unit} over (+${(((value - limit) / limit) * 100).toFixed(0)}%)` }),
  };
}

/** A lower bound on a value: met, or missed by how much. */
export function atLeast(
  label: string,
  value: number,
  floor: number,
  unit: string,
  format: (v: number) => string = thousands,
): Target {
  const met = value >= floor;
  return {
    text: `${label ? `${label} ` : ''}≥ ${format(floor)}${unit}`,
    met,
    ...(met ? {} : { missedBy: `${format(floor - value)}${unit} short (${((value / floor) * 100).toFixed(0)}% of the target)` }),
  };
}

export function printTable(figures: Figure[]): string {
  const table = new Table({
    head: ['figure', 'measured', 'baseline', 'ratio', 'target', 'result'],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [30, 22, 30, 14, 24, 26],
  });
  for (const f of figures) {
    const result = [
      ...f.targets.map((t) => (t.met ? 'met' : `MISSED: ${t.missedBy}`)),
      ...(f.checkedEqual === false ? ['FIGURES DIFFER from the baseline'] : []),
    ];
    table.push([
      f.name,
      describe(f.measured),
      f.baseline ? `${f.baseline.name}:\n${describe(f.baseline.measured)}` : '—',
      f.ratio?.text ?? '—',
      f.targets.map((t) => t.text).join('\n') || '—',
      result.join('\n') || (f.checkedEqual ? 'equal figures' : '—'),
    ]);
  }
  return table.toString();
}

export type RunInfo = {
  items: number;
  seed: number;
  server: 'embedded' | 'DATABASE_URL';
  postgresql: string;
  startedAt: Date;
  seconds: number;
  data: Record<string, number>;
  setup: Record<string, number>;
  options: Record<string, unknown>;
  /** os.loadavg() as the run began: this machine may be shared, and a busy one slows every figure. */
  loadAverageAtStart: number[];
};

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtEnd: os.loadavg(),
  };
}

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** Writes the run's JSON and returns its path. */
export async function writeResults(run: RunInfo, figures: Figure[]): Promise<string> {
  const date = run.startedAt.toISOString().slice(0, 10);
  // The search figure alone (`--only search`) loads no items: named by its records instead.
  const size = run.items === 0 && run.data?.publicRecords ? `search-${run.data.publicRecords}` : String(run.items);
  const file = path.join(resultsDir, `${date}-${size}-${run.server === 'embedded' ? 'embedded' : 'external'}.json`);
  const missed = figures.flatMap((f) =>
    f.targets.filter((t) => !t.met).map((t) => ({ figure: f.id, target: t.text, missedBy: t.missedBy })),
  );
  const body = {
    ...run,
    startedAt: run.startedAt.toISOString(),
    machine: { ...machine(), postgresql: run.postgresql, server: run.server },
    summary: {
      targets: figures.reduce((n, f) => n + f.targets.length, 0),
      met: figures.reduce((n, f) => n + f.targets.filter((t) => t.met).length, 0),
      missed,
      figuresDiffer: figures.filter((f) => f.checkedEqual === false).map((f) => f.id),
    },
    figures,
  };
  await mkdir(resultsDir, { recursive: true });
  // Milliseconds to the microsecond, ratios to three decimals: enough, and a diff between runs stays readable.
  const rounded = (_: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v);
  await writeFile(file, `${JSON.stringify(body, rounded, 2)}\n`);
  // In the repository's own format, so that a committed result passes `npm run lint` (when Biome is installed).
  await promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/biome'), ['format', '--write', file], { cwd: repoRoot }).catch(
    () => undefined,
  );
  return file;
}
