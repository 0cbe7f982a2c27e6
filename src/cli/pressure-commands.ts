/**
 * `writ pressure add|list|show` (issue 15): the pressure record from the command line, through the
 * same use cases and the same validation as `/api/v1/pressure`. An event recorded here has no
 * person in its history ("command line"); the API and the Compliance page record who acted.
 */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { z } from 'zod';
import { listPressure, pressureEvent, recordPressure } from '../app/pressure.js';
import type { Config } from '../config.js';
import { newPressureEventSchema } from '../contracts/pressure.js';
import { WritError } from '../domain/errors.js';
import { type PressureEvent, pressureKinds, pressureStatuses, shutdownScopes } from '../domain/pressure.js';
import { withDatabase } from './database.js';
import { countryOption } from './options.js';
import { formatOption, type OutputFormat, plainTable, print } from './output.js';

type AddOptions = {
  json?: string;
  kind?: string;
  country?: string;
  authority?: string;
  title?: string;
  description?: string;
  scope?: string;
  region?: string;
  announced?: string;
  inForce?: string;
  ended?: string;
  amount?: string;
  currency?: string;
  referenceCurrency?: string;
  rate?: string;
  rateOn?: string;
  regime?: string;
  duty?: string;
  deadlineRule?: string;
  orders?: string;
  status?: string;
  demo?: boolean;
  source: string[];
  quote: string[];
  format: OutputFormat;
};

const collect = (value: string, previous: string[]) => [...previous, value];

/** The options as the API's body: `--json FILE` gives the body itself; options given beside it override its fields. */
export function pressureBody(o: AddOptions): unknown {
  const base: Record<string, unknown> = o.json ? JSON.parse(readFileSync(o.json === '-' ? 0 : o.json, 'utf8')) : {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) base[key] = value;
  };
  set('kind', o.kind);
  set('country', o.country);
  set('authority', o.authority);
  set('title', o.title);
  set('description', o.description);
  set('scope', o.scope);
  set('region', o.region);
  set('announcedOn', o.announced);
  set('inForceOn', o.inForce);
  set('endedOn', o.ended);
  set('amount', o.amount);
  set('currency', o.currency);
  if (o.referenceCurrency || o.rate || o.rateOn)
    base.reference = { currency: o.referenceCurrency, rate: o.rate, rateOn: o.rateOn };
  set('regimeId', o.regime);
  set('dutyId', o.duty);
  set('deadlineRuleId', o.deadlineRule);
  if (o.orders !== undefined) base.orders = o.orders.split(/[\s,]+/).filter(Boolean);
  set('status', o.status);
  if (o.demo) base.demo = true;
  if (o.source.length) base.sources = o.source.map((url, i) => ({ url, quote: o.quote[i] ?? null }));
  return base;
}

/** The schema's verdict, or every problem named by its option path (`reference.rate: …`). */
function parsed(body: unknown): z.output<typeof newPressureEventSchema> {
  const result = newPressureEventSchema.safeParse(body);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ field: i.path.join('/') || 'body', message: i.message }));
  throw new WritError(
    'validation_failed',
    `the event is not recorded:\n${errors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}`,
    errors[0]!.field,
    errors,
  );
}

const money = (e: Pick<PressureEvent, 'amount' | 'currency'>) => (e.amount === null ? '' : `${e.amount} ${e.currency}`);

export function pressureTable(events: readonly PressureEvent[]): string {
  const t = plainTable(['Id', 'Country', 'Kind', 'Began', 'Ended', 'Authority', 'Amount', 'Law', 'Orders', 'Status']);
  for (const e of events)
    t.push([
      e.id,
      e.country,
      `${e.kind}${e.demo ? ' (demo)' : ''}`,
      e.inForceOn ?? e.announcedOn,
      e.endedOn ?? '',
      e.authority,
      money(e),
      [e.regimeId, e.dutyId ?? e.deadlineRuleId].filter(Boolean).join('/'),
      e.orders.length,
      e.status,
    ]);
  return events.length ? t.toString() : 'no pressure events recorded';
}

export function describePressure({ event: e, history }: Awaited<ReturnType<typeof pressureEvent>>): string {
  const out = [`${e.title}${e.demo ? ' [demo]' : ''}`, `${e.kind} · ${e.country} · ${e.authority} · ${e.status}`];
  out.push(
    `Announced ${e.announcedOn}${e.inForceOn ? `, in force ${e.inForceOn}` : ''}${e.endedOn ? `, ended ${e.endedOn}` : ''}`,
  );
  if (e.scope) out.push(`Scope: ${e.scope}${e.region ? ` (${e.region})` : ''}`);
  if (e.amount !== null)
    out.push(
      `Amount: ${money(e)}${e.reference ? ` = ${e.referenceAmount} ${e.reference.currency} at ${e.reference.rate} on ${e.reference.rateOn}` : ''}`,
    );
  if (e.regimeId)
    out.push(
      `Law: ${e.regimeId}${e.dutyId ? `, duty ${e.dutyId}` : ''}${e.deadlineRuleId ? `, deadline ${e.deadlineRuleId}` : ''}`,
    );
  if (e.orders.length) out.push(`Orders: ${e.orders.map((o) => `${o.reference} (${o.status})`).join(', ')}`);
  if (e.description) out.push('', e.description);
  out.push('', 'Sources:');
  for (const s of e.sources) out.push(`  ${s.url}${s.quote ? `\n    "${s.quote}"` : ''}`);
  if (!e.sources.length) out.push('  none (demo)');
  out.push('', 'History:');
  for (const h of history) out.push(`  ${h.at.toISOString()} ${h.type} by ${h.actor?.name ?? 'command line'}`);
  return out.join('\n');
}

export function registerPressureCommands(program: Command, config: () => Config): void {
  const pressure = program
    .command('pressure')
    .description('the pressure record: fines, blocks, throttling, shutdowns … and the orders and laws behind them');

  pressure
    .command('add')
    .description('record a state action against the platform (or give the API body with --json FILE, - for standard input)')
    .option('--json <file>', 'the event as the API takes it (POST /api/v1/pressure)')
    .addOption(new Option('--kind <kind>').choices([...pressureKinds]))
    .option('--country <code>', 'ISO country code')
    .option('--authority <name>', 'the authority or court that acted')
    .option('--title <text>')
    .option('--description <text>')
    .addOption(new Option('--scope <scope>', 'for a shutdown').choices([...shutdownScopes]))
    .option('--region <name>', 'for a regional shutdown')
    .option('--announced <day>', 'YYYY-MM-DD')
    .option('--in-force <day>', 'YYYY-MM-DD')
    .option('--ended <day>', 'YYYY-MM-DD')
    .option('--amount <decimal>', 'for a fine or judgment')
    .option('--currency <code>', 'ISO 4217, e.g. RUB')
    .option('--reference-currency <code>', 'convert the amount into this currency …')
    .option('--rate <decimal>', '… at this rate (units of the reference currency per unit) …')
    .option('--rate-on <day>', '… of this date')
    .option('--regime <id>', 'the rule pack whose law it enforces')
    .option('--duty <id>', "a duty of that regime's pack")
    .option('--deadline-rule <id>', "a deadline rule of that regime's pack")
    .option('--orders <references>', 'the orders it concerns, e.g. WR-000012,WR-000013')
    .addOption(new Option('--status <status>').choices([...pressureStatuses]))
    .option('--demo', 'made up, for a demonstration')
    .option('--source <url>', 'a source (repeat for several)', collect, [])
    .option('--quote <text>', 'the words quoted from the source of the same position', collect, [])
    .addOption(formatOption())
    .action(async (options: AddOptions) => {
      if (options.country) options.country = countryOption(options.country);
      const input = parsed(pressureBody(options));
      const event = await withDatabase(config(), (writ) => recordPressure(writ, input, null));
      print(options.format, event, (e) => `recorded ${e.kind} ${e.id} (${e.country}, ${e.inForceOn ?? e.announcedOn})`);
    });

  pressure
    .command('list')
    .description('the recorded events, oldest first')
    .option('--country <code>', 'only this country', countryOption)
    .option('--regime <id>', 'only those enforcing this regime')
    .option('--from <day>', 'only those going on or after this day')
    .option('--to <day>', 'only those that began on or before this day')
    .addOption(formatOption())
    .action(async (options: { country?: string; regime?: string; from?: string; to?: string; format: OutputFormat }) => {
      const events = await withDatabase(config(), (writ) =>
        listPressure(writ, { country: options.country, regimeId: options.regime, from: options.from, to: options.to }),
      );
      print(options.format, events, pressureTable);
    });

  pressure
    .command('show <id>')
    .description('one event with its orders, sources and history')
    .addOption(formatOption())
    .action(async (id: string, options: { format: OutputFormat }) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new WritError('validation_failed', `${id} is not an event id (a UUID)`, 'id');
      const detail = await withDatabase(config(), (writ) => pressureEvent(writ, id));
      print(options.format, detail, describePressure);
    });
}
