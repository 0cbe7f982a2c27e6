/** The `writ` command line. */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { createAccount, MIN_PASSWORD_LENGTH } from '../app/accounts.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { WritError } from '../domain/errors.js';
import { type StaffRole, staffRoles } from '../domain/permissions.js';
import { RulePackError } from '../rules/packs.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerBackupCommands } from './backup-commands.js';
import { withDatabase } from './database.js';
import { registerDatasetsCommands } from './datasets-commands.js';
import { registerExportCommand } from './export-command.js';
import { registerImportCommands } from './import-commands.js';
import { registerMailCommands } from './mail-commands.js';
import { registerPressureCommands } from './pressure-commands.js';
import { registerPublishCommand } from './publish-command.js';
import { registerReportCommand } from './report-command.js';
import { registerRollupCommands } from './rollup-commands.js';
import { registerRulesCommands } from './rules-commands.js';
import { serve } from './serve.js';
import { registerVerifyCommand } from './verify-command.js';

function config(): Config {
  return loadConfig();
}

const program = new Command()
  .name('writ')
  .description('Writ: receive, decide and publicly account for government orders to remove content or hand over user data.')
  .showHelpAfterError();

program
  .command('serve', { isDefault: true })
  .description('run the server (embedded PostgreSQL unless DATABASE_URL is set; demo data on first start)')
  .action(async () => serve(config()));

const db = program.command('db').description('database maintenance');
db.command('migrate')
  .description('apply pending migrations (start-up does this too)')
  // Opening the database migrates it.
  .action(async () =>
    withDatabase(config(), async (_writ, database) => console.log(`migrations applied: ${database.description}`)),
  );

registerRollupCommands(db, config);
registerReportCommand(program, config);

const users = program.command('users').description('reviewer accounts');
users
  .command('add')
  .description('create a staff account of any role (admin to manage accounts); the password is read from standard input')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .addOption(new Option('--role <role>').choices([...staffRoles]).default('reviewer'))
  .action(async (options: { email: string; name: string; role: StaffRole }) => {
    const password = readFileSync(0, 'utf8').split('\n')[0] ?? '';
    if (password.length < MIN_PASSWORD_LENGTH)
      throw new WritError(
        'validation_failed',
        `the password (standard input) must have at least ${MIN_PASSWORD_LENGTH} characters`,
        'password',
      );
    const user = await withDatabase(config(), (writ) => createAccount(writ.users, { ...options, password }));
    console.log(`created ${user.role} ${user.email} (${user.id})`);
  });

registerRulesCommands(program, config);
registerDatasetsCommands(program, config);
registerBackupCommands(program, config);
registerImportCommands(program, config);
registerMailCommands(program, config);
registerAuditCommands(program, config);
registerExportCommand(program, config);
registerPublishCommand(program, config);
registerVerifyCommand(program, config);
registerPressureCommands(program, config);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RulePackError) console.error(error.message);
  else if (error instanceof WritError) console.error(`writ: ${error.message}`);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `writ: ${(error as Error).message.replace('listen EADDRINUSE: address already in use', 'the address')} is already in use; stop the other server or set PORT`,
    );
  } else console.error(error);
  process.exit(1);
});
