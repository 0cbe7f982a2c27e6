/** `writ rules check` and `writ deadline` as a person runs them, in a child process (no database needed; the server tier, since it runs Writ as a process). */

import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { scratchDirectory } from '../support/scratch.js';

const run = promisify(execFile);
const writ = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['bin/writ.js', ...args], { env: { ...process.env, ...env, NO_COLOR: '1' } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('writ rules check', () => {
  it('passes on the shipped packs, every one of them', async () => {
    const shipped = readdirSync(shippedRulesDir).filter((name) => name.endsWith('.yaml'));
    const r = await writ(['rules', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${shipped.length} rule packs OK`);
  }, 30_000);

  it('fails naming the file, the line, the path inside it and the reason', async () => {
    const dir = scratchDirectory('writ-rules-');
    cpSync(shippedRulesDir, dir, { recursive: true });
    const file = path.join(dir, 'tr-5651.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^confidence: \w+$/m, 'confidence: certain'));
    const r = await writ(['rules', 'check'], { WRIT_RULES_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:\\d+: confidence: `));
  }, 30_000);
});

describe('writ deadline', () => {
  it("prints the due instant in UTC and in the authority's zone, with the rule version and source", async () => {
    const r = await writ([
      'deadline',
      '--regime',
      'kz-2022-child-cyberbullying',
      '--kind',
      'content_removal',
      '--category',
      'child_cyberbullying',
      '--received',
      '2026-03-10T23:30:00+05:00',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('due (UTC): 2026-03-11T18:30:00.000Z');
    expect(r.stdout).toContain('due (Asia/Almaty): 2026-03-11T23:30:00+05:00');
    expect(r.stdout).toMatch(/kz-2022-child-cyberbullying\/child-cyberbullying-removal, version 1/);
    expect(r.stdout).toMatch(/source: +https:\/\/jjtv\.kz/);
  }, 30_000);

  it('says when the offset given is not the zone offset of that instant (Kazakhstan moved to UTC+5 in 2024)', async () => {
    const r = await writ([
      'deadline',
      '--regime',
      'kz-2022-child-cyberbullying',
      '--kind',
      'content_removal',
      '--category',
      'child_cyberbullying',
      '--received',
      '2026-03-10T23:30:00+06:00',
    ]);
    expect(r.stdout).toContain('due (UTC): 2026-03-11T17:30:00.000Z');
    expect(r.stdout).toMatch(/note: +the offset given \(\+06:00\) is not Asia\/Almaty's offset/);
  }, 30_000);
});
