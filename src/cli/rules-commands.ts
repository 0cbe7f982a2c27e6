/**
 * `writ rules list|show|check`, `writ deadline` and `writ obligations`: the rule packs, the deadline
 * engine and the obligations register from the command line.
 */
import { type Command, Option } from 'commander';
import { currentRegister } from '../app/obligations.js';
import { listRegimes, previewDeadline, regime } from '../app/regimes.js';
import type { Config } from '../config.js';
import { WritError } from '../domain/errors.js';
import type { CountryObligations } from '../domain/regimes/obligations.js';
import type { RegimePack } from '../domain/regimes/pack.js';
import { currentVersion } from '../domain/regimes/rule-book.js';
import { formatInZone, offsetMinutes, statedOffsetMinutes } from '../domain/regimes/time.js';
import { requestKinds } from '../domain/vocabulary.js';
import { checkRulePacks, loadRuleBook, RulePackError } from '../rules/packs.js';
import { withDatabase } from './database.js';
import { jurisdictionOption } from './options.js';
import { formatOption, type OutputFormat, plainTable, print } from './output.js';

export function regimesTable(packs: readonly RegimePack[], now: Date): string {
  const t = plainTable(['Regime', 'Where', 'Name', 'In force', 'Confidence', 'Sources']);
  for (const p of packs) {
    const v = currentVersion(p, now);
    t.push([p.id, p.jurisdiction, p.name.en, v ? `v${v.version} since ${v.from}` : 'ended', p.confidence, p.sources.length]);
  }
  return t.toString();
}

export function describePack(p: RegimePack): string {
  const out: string[] = [`${p.id} — ${p.name.en}${p.name.local ? ` (${p.name.local})` : ''}`];
  out.push(`Jurisdiction: ${p.jurisdiction} (${p.jurisdictionKind})   Time zone: ${p.timeZone}   Confidence: ${p.confidence}`);
  out.push(`Law: ${p.law}`, `Penalties: ${p.penalties}`);
  for (const note of p.notes ?? []) out.push(`Note: ${note}`);
  for (const v of p.versions) {
    out.push('', `Version ${v.version}: ${v.from} – ${v.until ?? 'in force'} — ${v.summary}`);
    out.push(
      v.coverage
        ? `  Coverage: ${v.coverage.comparison.replace('_', ' ')} ${v.coverage.threshold} ${v.coverage.metric}${v.coverage.where ? ` (${v.coverage.where})` : ''}`
        : '  Coverage: no threshold',
    );
    for (const d of v.duties) {
      const window = d.complianceWindowDays === null ? 'no window stated' : `${d.complianceWindowDays} days`;
      out.push(`  Duty ${d.id} [${d.kind}, ${window}]: ${d.summary}`);
      if (d.readings) out.push(`    Sources disagree; applied reading: ${d.appliedReading} — ${d.appliedBecause ?? ''}`);
    }
    for (const r of v.deadlines) {
      const when = r.clock === 'elapsed_hours_from_receipt' ? `${r.hours} h` : r.clock;
      out.push(`  Deadline ${r.id}: ${r.kinds.join(', ')} / ${r.categories?.join(', ') ?? 'any category'}: ${when}`);
    }
  }
  out.push('', 'Sources:');
  for (const s of p.sources) out.push(`  [${s.id}] ${s.url}`, `    "${s.quote}"${s.note ? ` (${s.note})` : ''}`);
  return out.join('\n');
}

export function obligationsTable(countries: CountryObligations[]): string {
  const out: string[] = [];
  for (const c of countries) {
    out.push(
      `${c.country}: ${c.latestFigures.map((f) => `${f.value} ${f.metric} (${f.measuredOn})`).join('; ') || 'no figures'}`,
    );
    const t = plainTable(['Regime', 'Duty', 'Kind', 'Due', 'Status', 'Owner', 'Evidence']);
    for (const r of c.regimes)
      for (const d of r.duties)
        t.push([
          r.regimeId,
          d.dutyId,
          d.kind,
          `${d.dueOn}${d.overdue ? ' OVERDUE' : ''}`,
          d.status,
          d.owner ?? '',
          d.evidence.length,
        ]);
    if (t.length) out.push(t.toString());
    for (const w of c.warnings)
      out.push(
        w.kind === 'approaching_threshold'
          ? `  warning: ${w.regimeId}${w.dutyId ? `/${w.dutyId}` : ''} — ${w.value} ${w.metric} is ${Math.round(w.shareOfThreshold * 100)}% of the ${w.threshold} threshold`
          : `  warning: ${w.message}`,
      );
    for (const n of c.notApplying) out.push(`  not applying: ${n.regimeId} — ${n.reason}`);
    out.push('');
  }
  return out.join('\n').trimEnd() || 'No user figures recorded yet.';
}

export function registerRulesCommands(program: Command, config: () => Config): void {
  // The rule packs alone: these commands need no database.
  const rulePorts = () => {
    const c = config();
    return { config: c, rules: loadRuleBook(c.rulesDir) };
  };
  const rules = program.command('rules').description('the legal rule packs in rules/ (one YAML file per regime)');
  rules
    .command('list')
    .description('list the regimes with the version in force today')
    .action(() => console.log(regimesTable(listRegimes(rulePorts()), new Date())));
  rules
    .command('show')
    .description('show one regime: versions, coverage, duties, deadlines and quoted sources')
    .argument('<id>', 'regime id, e.g. kz-2022-child-cyberbullying')
    .addOption(formatOption())
    .action((id: string, options: { format: OutputFormat }) => print(options.format, regime(rulePorts(), id), describePack));
  rules
    .command('check')
    .description('validate every rule pack; fails naming the file, the path inside it and the reason')
    .action(() => {
      const dir = config().rulesDir;
      const { packs, problems, files } = checkRulePacks(dir);
      // Thrown, so that main prints it and exits with status 1.
      if (problems.length)
        throw new RulePackError(problems, `writ rules check: ${problems.length} problem(s) in ${files.length} file(s)`);
      console.log(`writ rules check: ${packs.length} rule packs OK (${dir})`);
    });

  program
    .command('deadline')
    .description("compute an order's due instant (UTC and the authority's zone) with the rule version and source")
    .requiredOption('--regime <id>', 'regime id (writ rules list)')
    .addOption(new Option('--kind <kind>', 'request kind').choices([...requestKinds]).makeOptionMandatory())
    .option('--category <category>', "the regime's category (writ rules show ID)")
    .requiredOption('--received <iso>', 'receipt instant, ISO-8601 with offset, e.g. 2026-03-10T23:30:00+05:00')
    .option('--period-hours <hours>', 'the period the order sets, where the law leaves it to the order', Number)
    .action(
      (o: { regime: string; kind: (typeof requestKinds)[number]; category?: string; received: string; periodHours?: number }) => {
        const stated = statedOffsetMinutes(o.received);
        const receivedAt = new Date(o.received);
        if (stated === null || Number.isNaN(receivedAt.getTime()))
          throw new WritError('validation_failed', `--received must be ISO-8601 with an offset (got ${o.received})`, 'received');
        const r = previewDeadline(rulePorts(), {
          regimeId: o.regime,
          kind: o.kind,
          category: o.category ?? '',
          receivedAt,
          periodSetInOrderHours: o.periodHours ?? null,
        });
        const lines = [
          `received:  ${receivedAt.toISOString()}  (${formatInZone(receivedAt, r.timeZone)} ${r.timeZone})`,
          `due (UTC): ${r.dueAt.toISOString()}`,
          `due (${r.timeZone}): ${formatInZone(r.dueAt, r.timeZone)}`,
          `rule:      ${r.ruleId}, version ${r.ruleVersion} (in force from ${r.versionFrom}); ${r.hours} h, ${r.basis}${r.basis === 'policy' ? ' (platform policy target, not law)' : ''}`,
          `source:    ${r.source.url}`,
          `           "${r.source.quote}"`,
        ];
        const zoneOffset = offsetMinutes(receivedAt, r.timeZone);
        if (stated !== zoneOffset)
          lines.push(
            `note:      the offset given (${o.received.slice(-6)}) is not ${r.timeZone}'s offset at that instant (${formatInZone(receivedAt, r.timeZone).slice(-6)}); the instant is taken as written`,
          );
        console.log(lines.join('\n'));
      },
    );

  program
    .command('obligations')
    .description('print the obligations register: regimes that apply per country, duties, due dates, status, warnings')
    .option('--country <CC>', 'one jurisdiction (ISO code, or EU)')
    .addOption(formatOption())
    .action(async (o: { country?: string; format: OutputFormat }) => {
      const country = o.country === undefined ? undefined : jurisdictionOption(o.country);
      const register = await withDatabase(config(), (writ) => currentRegister(writ, country));
      print(o.format, register, obligationsTable);
    });
}
