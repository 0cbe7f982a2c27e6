/**
 * Writ's configuration: every environment variable it reads, validated once at start-up.
 * Nothing else in the code base reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (what: string) =>
  z.coerce
    .number({ message: `must be ${what}` })
    .int({ message: `must be ${what}` })
    .positive({ message: `must be ${what}` });

const envSchema = z.object({
  PORT: positiveInt('a port number from 1 to 65535').max(65535, 'must be a port number from 1 to 65535').default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  WRIT_DATA_DIR: z.string().min(1).default('./data'),
  WRIT_SEED_DEMO: booleanFlag.default(true),
  WRIT_SESSION_TTL_HOURS: positiveInt('a whole number of hours')
    .max(24 * 30)
    .default(12),
  WRIT_COOKIE_SECURE: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  /** An external PostgreSQL server; when absent Writ runs its own embedded server. */
  databaseUrl: string | undefined;
  /** Absolute path of the embedded server's data (and anything else Writ keeps on disk). */
  dataDir: string;
  seedDemo: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
};

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Blank values count as unset, so `PORT= npm start` behaves like no PORT at all. */
function withoutBlanks(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '?'),
        message: `${issue.message} (got ${JSON.stringify(env[String(issue.path[0])] ?? '')})`,
      })),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.WRIT_DATA_DIR),
    seedDemo: e.WRIT_SEED_DEMO,
    sessionTtlHours: e.WRIT_SESSION_TTL_HOURS,
    cookieSecure: e.WRIT_COOKIE_SECURE,
    logLevel: e.LOG_LEVEL,
  };
}

/** Settings read only by the test suite. */
export function loadTestSettings(env: Env = process.env): { externalDatabaseUrl: string | undefined } {
  const url = withoutBlanks(env).TEST_DATABASE_URL;
  return { externalDatabaseUrl: url };
}
