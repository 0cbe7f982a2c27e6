/**
 * `writ rules check` and `writ deadline`, run in this process through the same command
 * registration bin/writ.js uses (src/cli/rules-commands.ts), with what they print captured from
 * console.log. rules-cli.test.ts runs the binary itself; these run the commands' code where a
 * change to it is seen.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerRulesCommands } from '../../src/cli/rules-commands.js';
import { loadConfig, shippedRulesDir } from '../../src/config.js';
import { WritError } from '../../src/domain/errors.js';
import { RulePackError } from '../../src/rules/packs.js';
import { scratchDirectory } from '../support/scratch.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `writ <args>` in this process; `printed` is everything the command wrote to standard output. */
async function writ(args: string[], env: Record<string, string> = {}): Promise<{ printed: string; error: unknown }> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    lines.push(parts.map(String).join(' '));
  });
  const program = new Command().name('writ').exitOverride();
  registerRulesCommands(program, () => loadConfig(env));
  let error: unknown = null;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    error = e;
  }
  vi.restoreAllMocks();
  return { printed: lines.join('\n'), error };
}

const kzCyberbullying = (received: string) => [
  'deadline',
  '--regime',
  'kz-2022-child-cyberbullying',
  '--kind',
  'content_removal',
  '--category',
  'child_cyberbullying',
  '--received',
  received,
];

const kzSource = [
  'source:    https://jjtv.kz/en/news/politics/19541-senate-returns-cyberbullying-bill-to-mazhilis',
  '           "In this case, the content must be deleted within 24 hours after the official representative of the Internet resources receives a notification from the authorized body"',
];

describe('writ rules check, in process', () => {
  it('passes on the shipped packs, counting every one of them and naming the folder', async () => {
    const shipped = readdirSync(shippedRulesDir).filter((name) => name.endsWith('.yaml'));
    expect(shipped.length).toBeGreaterThan(1);
    const r = await writ(['rules', 'check']);
    expect(r.error).toBeNull();
    expect(r.printed).toBe(`writ rules check: ${shipped.length} rule packs OK (${shippedRulesDir})`);
  });

  it('fails naming the file, the line, the path inside it and the reason', async () => {
    const dir = scratchDirectory('writ-rules-');
    cpSync(shippedRulesDir, dir, { recursive: true });
    const file = path.join(dir, 'tr-5651.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => /^confidence: \w+$/.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    writeFileSync(file, text.replace(/^confidence: \w+$/m, 'confidence: certain'));
    const files = readdirSync(dir).filter((name) => name.endsWith('.yaml')).length;

    const r = await writ(['rules', 'check'], { WRIT_RULES_DIR: dir });
    expect(r.printed).toBe('');
    expect(r.error).toBeInstanceOf(RulePackError);
    const error = r.error as RulePackError;
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file, line, path: 'confidence' });
    expect(error.problems[0]!.reason).toMatch(/\S/);
    // What main prints on standard error before it exits with status 1.
    expect(error.message).toBe(
      `writ rules check: 1 problem(s) in ${files} file(s):\n  ${file}:${line}: confidence: ${error.problems[0]!.reason}`,
    );
  });

  it('fails on a folder without rule packs, naming the folder', async () => {
    const dir = scratchDirectory('writ-rules-empty-');
    const r = await writ(['rules', 'check'], { WRIT_RULES_DIR: dir });
    expect(r.printed).toBe('');
    expect(r.error).toBeInstanceOf(RulePackError);
    expect((r.error as RulePackError).message).toBe(
      `writ rules check: 1 problem(s) in 0 file(s):\n  ${dir}: (file): no rule packs (*.yaml) in this folder`,
    );
  });
});

describe('writ deadline, in process', () => {
  it("prints the due instant in UTC and in the authority's zone, with the rule version and source", async () => {
    const r = await writ(kzCyberbullying('2026-03-10T23:30:00+05:00'));
    expect(r.error).toBeNull();
    // The offset given is Almaty's own, so there is no note.
    expect(r.printed.split('\n')).toEqual([
      'received:  2026-03-10T18:30:00.000Z  (2026-03-10T23:30:00+05:00 Asia/Almaty)',
      'due (UTC): 2026-03-11T18:30:00.000Z',
      'due (Asia/Almaty): 2026-03-11T23:30:00+05:00',
      'rule:      kz-2022-child-cyberbullying/child-cyberbullying-removal, version 1 (in force from 2022-05-03); 24 h, law',
      ...kzSource,
    ]);
  });

  it('says when the offset given is not the zone offset of that instant (Kazakhstan moved to UTC+5 in 2024)', async () => {
    const r = await writ(kzCyberbullying('2026-03-10T23:30:00+06:00'));
    expect(r.error).toBeNull();
    expect(r.printed.split('\n')).toEqual([
      'received:  2026-03-10T17:30:00.000Z  (2026-03-10T22:30:00+05:00 Asia/Almaty)',
      'due (UTC): 2026-03-11T17:30:00.000Z',
      'due (Asia/Almaty): 2026-03-11T22:30:00+05:00',
      'rule:      kz-2022-child-cyberbullying/child-cyberbullying-removal, version 1 (in force from 2022-05-03); 24 h, law',
      ...kzSource,
      "note:      the offset given (+06:00) is not Asia/Almaty's offset at that instant (+05:00); the instant is taken as written",
    ]);
  });

  it('marks a deadline the law leaves open as the platform policy target, not law (DSA Art. 9)', async () => {
    const r = await writ([
      'deadline',
      '--regime',
      'eu-dsa',
      '--kind',
      'content_removal',
      '--received',
      '2026-03-10T23:30:00+01:00',
    ]);
    expect(r.error).toBeNull();
    const lines = r.printed.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'received:  2026-03-10T22:30:00.000Z  (2026-03-10T23:30:00+01:00 Europe/Brussels)',
      'due (UTC): 2026-03-11T22:30:00.000Z',
      'due (Europe/Brussels): 2026-03-11T23:30:00+01:00',
      'rule:      eu-dsa/order-to-act-art-9, version 1 (in force from 2024-02-17); 24 h, policy (platform policy target, not law)',
    ]);
    expect(lines[4]).toBe('source:    https://www.eu-digital-services-act.com/Digital_Services_Act_Article_9.html');
    expect(lines.some((l) => l.startsWith('note:'))).toBe(false);
  });

  it('takes the period an order sets from --period-hours, where the law leaves it to the order (Ofcom information notice)', async () => {
    const ofcom = ['deadline', '--regime', 'gb-osa', '--kind', 'user_data', '--category', 'ofcom_information_notice'];
    const r = await writ([...ofcom, '--received', '2026-03-10T09:00:00+00:00', '--period-hours', '72']);
    expect(r.error).toBeNull();
    const lines = r.printed.split('\n');
    expect(lines[1]).toBe('due (UTC): 2026-03-13T09:00:00.000Z');
    expect(lines[3]).toMatch(/^rule: {6}gb-osa\/ofcom-information-notice, version \d+ \(in force from [\d-]+\); 72 h, order$/);

    const without = await writ([...ofcom, '--received', '2026-03-10T09:00:00+00:00']);
    expect(without.printed).toBe('');
    expect(without.error).toMatchObject({
      code: 'validation_failed',
      message: 'under ofcom-information-notice the order itself sets the period: give periodSetInOrderHours',
    });
  });

  it('refuses a receipt instant without an offset, printing nothing', async () => {
    const r = await writ(kzCyberbullying('2026-03-10T23:30:00'));
    expect(r.printed).toBe('');
    expect(r.error).toBeInstanceOf(WritError);
    expect(r.error).toMatchObject({
      code: 'validation_failed',
      field: 'received',
      message: '--received must be ISO-8601 with an offset (got 2026-03-10T23:30:00)',
    });
  });
});
