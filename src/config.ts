/**
 * Writ's configuration: every environment variable it reads, validated once at start-up.
 * Nothing else in the code base reads process.env.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The rule packs shipped with Writ (rules/ at the root of the package). */
export const shippedRulesDir = fileURLToPath(new URL('../rules', import.meta.url));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (what: string) =>
  z.coerce
    .number({ message: `must be ${what}` })
    .int({ message: `must be ${what}` })
    .positive({ message: `must be ${what}` });

const positiveHours = z.coerce
  .number({ message: 'must be a number of hours greater than 0' })
  .positive({ message: 'must be a number of hours greater than 0' })
  .max(24 * 365, 'must be at most 8760 hours');

const share = (what: string) =>
  z.coerce
    .number({ message: `must be ${what}` })
    .gt(0, `must be ${what}`)
    .lt(1, `must be ${what}`);

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
  WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: positiveInt('a whole number of attempts').max(10_000).default(10),
  WRIT_COOKIE_SECURE: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WRIT_RULES_DIR: z.string().min(1).optional(),
  WRIT_POLICY_IMMEDIATE_HOURS: positiveHours.default(1),
  WRIT_POLICY_WITHOUT_UNDUE_DELAY_HOURS: positiveHours.default(24),
  WRIT_SLA_DUE_SOON_SHARE: share('a share between 0 and 1, e.g. 0.75').default(0.75),
  WRIT_APPROACHING_THRESHOLD_SHARE: share('a share between 0 and 1, e.g. 0.2').default(0.2),
  WRIT_SURGE_WINDOW: positiveInt('a whole number of half-years').max(40, 'must be at most 40 half-years').default(6),
  WRIT_SURGE_MIN_HISTORY: positiveInt('a whole number of half-years').max(40, 'must be at most 40 half-years').default(4),
  WRIT_SURGE_THRESHOLD: z.coerce
    .number({ message: 'must be a number greater than 0, e.g. 3.5' })
    .positive({ message: 'must be a number greater than 0, e.g. 3.5' })
    .default(3.5),
  WRIT_SURGE_MIN_REQUESTS: z.coerce
    .number({ message: 'must be a whole number of requests' })
    .int({ message: 'must be a whole number of requests' })
    .min(0, 'must be a whole number of requests')
    .default(10),
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
  /** Sign-in attempts one client address may make per minute, against password guessing. */
  signInAttemptsPerMinute: number;
  cookieSecure: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Absolute path of the rule packs (one YAML file per legal regime). */
  rulesDir: string;
  /** Platform policy targets for laws that set no hours ("immediately", "without undue delay"). */
  policyTargets: { immediateHours: number; withoutUndueDelayHours: number };
  /** Share of a request's time after which it is `due_soon`. */
  dueSoonShare: number;
  /** A user figure this share (or less) below a threshold raises an "approaching threshold" warning. */
  approachingThresholdShare: number;
  /** Surge detection in published datasets (src/domain/datasets/surges.ts, docs/methodology.md). */
  surges: { window: number; minHistory: number; threshold: number; minRequests: number };
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
  if (e.WRIT_SURGE_MIN_HISTORY > e.WRIT_SURGE_WINDOW)
    throw new ConfigError([
      {
        variable: 'WRIT_SURGE_MIN_HISTORY',
        message: `must be at most WRIT_SURGE_WINDOW (${e.WRIT_SURGE_WINDOW}) (got ${JSON.stringify(env.WRIT_SURGE_MIN_HISTORY ?? '')})`,
      },
    ]);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.WRIT_DATA_DIR),
    seedDemo: e.WRIT_SEED_DEMO,
    sessionTtlHours: e.WRIT_SESSION_TTL_HOURS,
    signInAttemptsPerMinute: e.WRIT_SIGNIN_ATTEMPTS_PER_MINUTE,
    cookieSecure: e.WRIT_COOKIE_SECURE,
    logLevel: e.LOG_LEVEL,
    rulesDir: e.WRIT_RULES_DIR ? path.resolve(cwd, e.WRIT_RULES_DIR) : shippedRulesDir,
    policyTargets: {
      immediateHours: e.WRIT_POLICY_IMMEDIATE_HOURS,
      withoutUndueDelayHours: e.WRIT_POLICY_WITHOUT_UNDUE_DELAY_HOURS,
    },
    dueSoonShare: e.WRIT_SLA_DUE_SOON_SHARE,
    approachingThresholdShare: e.WRIT_APPROACHING_THRESHOLD_SHARE,
    surges: {
      window: e.WRIT_SURGE_WINDOW,
      minHistory: e.WRIT_SURGE_MIN_HISTORY,
      threshold: e.WRIT_SURGE_THRESHOLD,
      minRequests: e.WRIT_SURGE_MIN_REQUESTS,
    },
  };
}

/** Settings read only by the test suite. */
export function loadTestSettings(env: Env = process.env): { externalDatabaseUrl: string | undefined } {
  const url = withoutBlanks(env).TEST_DATABASE_URL;
  return { externalDatabaseUrl: url };
}
