/**
 * `writ audit verify` and `writ audit checkpoint` (issue 12, decision 48): check every chain of the
 * audit log from its first entry to its head (and, given one, against a published checkpoint), and
 * export the log's head, signed with the configured Ed25519 key, for anchoring outside Writ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createCheckpoint, verifyAuditLog } from '../app/audit.js';
import type { Config } from '../config.js';
import { withDatabase } from './database.js';

export function registerAuditCommands(program: Command, config: () => Config): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('recompute every hash and link of the audit log; exit 1 naming the first broken row')
    .option('--chain <name>', 'only this chain (e.g. order:<id>, staff:<id>)')
    .option('--checkpoint <file>', 'also check that the log still extends this checkpoint')
    .option('--public-key <file>', "the checkpoint signer's Ed25519 public key (PEM), to check its signature")
    .action(async (options: { chain?: string; checkpoint?: string; publicKey?: string }) => {
      const checkpoint = options.checkpoint ? readFileSync(options.checkpoint, 'utf8') : null;
      const publicKey = options.publicKey ? readFileSync(options.publicKey, 'utf8') : null;
      const result = await withDatabase(config(), (writ) =>
        verifyAuditLog(writ, { chain: options.chain ?? null, checkpoint, publicKey }),
      );
      if (!result.ok) {
        const p = result.problem!;
        console.error(`writ audit verify: ${p.chain}${p.seq === null ? '' : ` seq ${p.seq}`}: ${p.kind}: ${p.detail}`);
        process.exitCode = 1;
        return;
      }
      const extra = result.checkpoint
        ? `; it extends the checkpoint${result.checkpoint.signed ? ', whose signature is good' : ' (signature not checked: no --public-key)'}`
        : '';
      console.log(`the audit log verifies: ${result.chains} chains, ${result.entries} entries, root ${result.rootHash}${extra}`);
    });
  audit
    .command('checkpoint')
    .description('verify the log, record its head and sign it with WRIT_AUDIT_SIGNING_KEY; print the checkpoint')
    .option('--out <file>', 'write the checkpoint to this file too')
    .action(async (options: { out?: string }) => {
      const checkpoint = await withDatabase(config(), (writ) => createCheckpoint(writ));
      if (options.out) writeFileSync(options.out, checkpoint.text);
      process.stdout.write(checkpoint.text);
      if (checkpoint.publicKeyFingerprint)
        console.error(
          `signed by ${checkpoint.row.keyId}, public key ${checkpoint.publicKeyFingerprint}:\n${checkpoint.publicKeyPem}`,
        );
      else console.error('not signed: no WRIT_AUDIT_SIGNING_KEY is configured');
    });
}
