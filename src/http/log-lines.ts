/**
 * Where Writ's log goes and how it reads. By default one short line per event on standard output
 * (`14:03:07 POST /api/v1/requests 201 12 ms`), so the terminal stays readable beside the start-up
 * banner; `WRIT_LOG_FORMAT=json` keeps pino's JSON lines for log collectors, and `WRIT_LOG_FILE`
 * appends them (always JSON) to a file instead.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

const levelNames: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

type Entry = {
  level?: number;
  time?: number;
  msg?: string;
  method?: string;
  url?: string;
  statusCode?: number;
  responseTime?: number;
  err?: { message?: string; stack?: string };
};

/** One pino JSON line as one short human line (without the newline). */
export function shortLine(json: string): string {
  let entry: Entry;
  try {
    entry = JSON.parse(json) as Entry;
  } catch {
    return json.trimEnd();
  }
  const time = new Date(entry.time ?? Date.now()).toISOString().slice(11, 19);
  const level = entry.level && entry.level >= 40 ? ` ${levelNames[entry.level] ?? entry.level}` : '';
  if (entry.method && entry.url && entry.statusCode !== undefined) {
    const ms = entry.responseTime === undefined ? '' : ` ${Math.round(entry.responseTime)} ms`;
    return `${time}${level} ${entry.method} ${entry.url} ${entry.statusCode}${ms}`;
  }
  const error = entry.err?.stack ?? entry.err?.message;
  return `${time}${level} ${entry.msg ?? ''}${error ? `\n${error}` : ''}`;
}

/** A stream pino can write JSON lines to, which writes short lines to `out`. */
export function shortLineStream(out: Writable): { write(chunk: string): void } {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line.trim()) out.write(`${shortLine(line)}\n`);
    },
  };
}

export type LogSettings = { format: 'line' | 'json'; file: string | undefined };

/** The destination for Fastify's logger. */
export function logDestination(settings: LogSettings): { write(chunk: string): void } | Writable {
  if (settings.file) return createWriteStream(settings.file, { flags: 'a' });
  return settings.format === 'json' ? process.stdout : shortLineStream(process.stdout);
}
