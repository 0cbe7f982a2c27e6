/**
 * Writ's configuration: every environment variable it reads, validated once at start-up.
 * Nothing else in the code base reads process.env.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type PublishingSettings, publishingEnvShape, publishingSettings } from './config-publishing.js';
import { type ReviewSettings, reviewEnvShape, reviewSettings } from './config-review.js';

/** The rule packs shipped with Writ (rules/ at the root of the package). */
export const shippedRulesDir = fileURLToPath(new URL('../rules', import.meta.url));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * WRIT_TRUST_PROXY: `false`, `true` (any peer), or a comma list of proxy addresses, CIDR ranges and
 * proxy-addr's names (loopback, linklocal, uniquelocal); Fastify's `trustProxy`. No hop counts:
 * Fastify ignores them, as they cannot tell a proxy from a client that sends the header itself.
 */
const trustProxySetting = z.string().transform((value, ctx): boolean | string[] => {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'false') return v === 'true';
  const entries = v.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isProxyAddress(entry));
  if (bad === undefined) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `must be true, false, or the proxies' addresses/CIDRs such as 10.0.0.1,192.168.0.0/16 (${JSON.stringify(bad)} is none)`,
  });
  return z.NEVER;
});

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

const positiveInt = (what: string) =>
  z.coerce
    .number({ message: `must be ${what}` })
    .int({ message: `must be ${what}` })
    .positive({ message: `must be ${what}` });

const milliseconds = (min: number) =>
  z.coerce
    .number({ message: `must be a whole number of milliseconds, at least ${min}` })
    .int({ message: `must be a whole number of milliseconds, at least ${min}` })
    .min(min, `must be a whole number of milliseconds, at least ${min}`)
    .max(3_600_000, 'must be at most 3600000 (an hour)');

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
  WRIT_APP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  WRIT_DATA_DIR: z.string().min(1).default('./data'),
  WRIT_DB_CONNECT_TIMEOUT_MS: milliseconds(1).default(5_000),
  WRIT_DB_STATEMENT_TIMEOUT_MS: milliseconds(0).default(5_000),
  WRIT_REQUEST_TIMEOUT_MS: milliseconds(1).default(60_000),
  WRIT_SEED_DEMO: booleanFlag.default(true),
  WRIT_SESSION_TTL_HOURS: positiveInt('a whole number of hours')
    .max(24 * 30)
    .default(12),
  WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: positiveInt('a whole number of attempts').max(10_000).default(10),
  WRIT_SIGNIN_ACCOUNT_FAILURES: positiveInt('a whole number of failures').max(1000).default(5),
  WRIT_TRUST_PROXY: trustProxySetting.default(false),
  WRIT_COOKIE_SECURE: booleanFlag.default(false),
  WRIT_PUBLIC_URL: z
    .url({ message: 'must be the URL people open Writ at, such as https://writ.example.org' })
    .transform((u) => new URL(u).origin)
    .optional(),
  WRIT_INVITATION_TTL_HOURS: positiveInt('a whole number of hours')
    .max(24 * 30)
    .default(72),
  WRIT_WEBAUTHN_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a host name such as writ.example.org')
    .optional(),
  WRIT_ALLOWED_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'must be a comma-separated list of origins such as https://writ.example.org' })))
    .transform((list) => list.map((o) => new URL(o).origin))
    .default([]),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WRIT_LOG_FORMAT: z.enum(['line', 'json']).default('line'),
  WRIT_LOG_FILE: z.string().min(1).optional(),
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
  WRIT_CLARIFICATION_CLOCK: z.enum(['runs', 'stops'], { message: 'must be runs or stops' }).default('runs'),
  WRIT_ATTACHMENT_MAX_BYTES: positiveInt('a whole number of bytes')
    .max(1024 * 1024 * 1024, 'must be at most 1073741824 (1 GiB)')
    .default(20 * 1024 * 1024),
  WRIT_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must be an smtp:// or smtps:// URL such as smtp://mail.example.org:587')
    .optional(),
  WRIT_MAIL_FROM: z
    .string()
    .regex(/@/, 'must be a mail address such as Writ <writ@example.org>')
    .default('Writ <writ@localhost>'),
  WRIT_MAIL_ATTEMPTS: positiveInt('a whole number of attempts').max(100, 'must be at most 100').default(8),
  WRIT_WEBHOOK_ATTEMPTS: positiveInt('a whole number of attempts').max(100, 'must be at most 100').default(8),
  WRIT_WEBHOOK_TIMEOUT_SECONDS: positiveInt('a whole number of seconds').max(300, 'must be at most 300').default(10),
  WRIT_WEBHOOK_ALLOW_LOOPBACK_HTTP: booleanFlag.default(false),
  WRIT_JOBS: booleanFlag.default(true),
  WRIT_JOBS_RETRY_SECONDS: positiveInt('a whole number of seconds').max(3600, 'must be at most 3600').default(30),
  WRIT_JOBS_LEASE_SECONDS: positiveInt('a whole number of seconds').max(3600, 'must be at most 3600').default(300),
  WRIT_JOBS_SWEEP_SECONDS: positiveInt('a whole number of seconds').max(3600, 'must be at most 3600').default(5),
  WRIT_JOBS_MAINTENANCE_SECONDS: positiveInt('a whole number of seconds').max(3600, 'must be at most 3600').default(60),
  WRIT_IDEMPOTENCY_KEY_TTL_HOURS: positiveInt('a whole number of hours')
    .max(24 * 30, 'must be at most 720')
    .default(24),
  WRIT_RATE_LIMIT_KEY_WRITES: positiveInt('a whole number of requests per minute').default(120),
  WRIT_RATE_LIMIT_ADDRESS_WRITES: positiveInt('a whole number of requests per minute').default(60),
  WRIT_RATE_LIMIT_KEY_READS: positiveInt('a whole number of requests per minute').default(1200),
  WRIT_RATE_LIMIT_ADDRESS_READS: positiveInt('a whole number of requests per minute').default(600),
  WRIT_AUTHORITY_BODY_LIMIT_BYTES: positiveInt('a whole number of bytes').default(1024 * 1024),
  WRIT_PRESERVATION_DAYS: positiveInt('a whole number of days').max(3650, 'must be at most 3650').default(90),
  WRIT_PRESERVATION_EXTENSION_DAYS: positiveInt('a whole number of days').max(3650, 'must be at most 3650').default(90),
  WRIT_PRESERVATION_EXTENSIONS: z.coerce
    .number({ message: 'must be a whole number from 0 to 10' })
    .int({ message: 'must be a whole number from 0 to 10' })
    .min(0, { message: 'must be a whole number from 0 to 10' })
    .max(10, { message: 'must be a whole number from 0 to 10' })
    .default(1),
  WRIT_PRESERVATION_REMINDER_DAYS: positiveInt('a whole number of days').max(365, 'must be at most 365').default(14),
  WRIT_PRODUCTION_AVAILABLE_DAYS: positiveInt('a whole number of days').max(365, 'must be at most 365').default(14),
  WRIT_EMERGENCY_REVIEW_HOURS: positiveInt('a whole number of hours')
    .max(24 * 90, 'must be at most 2160')
    .default(72),
  WRIT_EMERGENCY_FOLLOW_UP_DAYS: positiveInt('a whole number of days').max(365, 'must be at most 365').default(30),
  ...reviewEnvShape,
  ...publishingEnvShape,
});

export type Config = {
  port: number;
  host: string;
  /** An external PostgreSQL server; when absent Writ runs its own embedded server. */
  databaseUrl: string | undefined;
  /**
   * With DATABASE_URL: the role Writ serves through (it owns nothing; Writ grants it row privileges at
   * each start, src/db/roles.ts). Without it Writ serves as DATABASE_URL's owner role, and says so.
   */
  appDatabaseUrl: string | undefined;
  /** Absolute path of the embedded server's data (and anything else Writ keeps on disk). */
  dataDir: string;
  /**
   * Connecting (and waiting for a pooled connection) and one statement may take this long before
   * the request fails with 503; statementMs 0: no limit.
   */
  databaseTimeouts: { connectMs: number; statementMs: number };
  /** Receiving one HTTP request may take this long. */
  requestTimeoutMs: number;
  seedDemo: boolean;
  sessionTtlHours: number;
  /** Sign-in attempts one client address may make per minute, against password guessing. */
  signInAttemptsPerMinute: number;
  /** Failed sign-ins in a row after which an account is locked for a growing back-off (1 to 15 min). */
  signInAccountFailures: number;
  /** Which proxies' X-Forwarded-For to believe for the client's address (Fastify's trustProxy). */
  trustProxy: boolean | string[];
  cookieSecure: boolean;
  /** Origins besides Writ's own from which a browser may send state-changing requests. */
  allowedOrigins: string[];
  /** The origin people open Writ at (mail links, passkeys): WRIT_PUBLIC_URL, by default http://localhost:PORT. */
  publicUrl: string;
  /** How long an officer's invitation link works (WRIT_INVITATION_TTL_HOURS, 72 by default). */
  invitationTtlHours: number;
  /** Passkeys (WebAuthn): the relying party's id (a host name, WRIT_WEBAUTHN_RP_ID, by default the public URL's) and the origin signed for. */
  webauthn: { rpId: string; rpName: string; origin: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** One short line per event on standard output, or pino's JSON lines; a file gets JSON lines. */
  log: { format: 'line' | 'json'; file: string | undefined };
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
  /** Whether a deadline's clock stops while an order waits for clarification, where its law does not say. */
  clarificationClock: 'runs' | 'stops';
  /** The largest file an authority may attach to an order (the signed order), in bytes. */
  attachmentMaxBytes: number;
  /** Outgoing mail: SMTP (WRIT_SMTP_URL; unset: mails wait in the outbox), the sender, attempts before a mail fails. */
  mail: { smtpUrl: string | undefined; from: string; attempts: number };
  /** Webhook callbacks: attempts, the time one may take, and plain http to loopback (tests only). */
  webhooks: { attempts: number; timeoutSeconds: number; allowLoopbackHttp: boolean };
  /** Durable jobs (pg-boss, docs/decisions/0041-durable-jobs.md): on in `writ serve` unless WRIT_JOBS=false. */
  jobs: { enabled: boolean; retrySeconds: number; leaseSeconds: number; sweepSeconds: number; maintenanceSeconds: number };
  /** How long a write's Idempotency-Key keeps its answer (docs/decisions/0042-idempotency-keys.md). */
  idempotencyKeyTtlHours: number;
  /** Requests per minute on the authority channel and agency applications, per API key and per client address. */
  rateLimits: { keyWrites: number; addressWrites: number; keyReads: number; addressReads: number };
  /** The largest JSON body an authority-channel or agency route takes (attachments: attachmentMaxBytes). */
  authorityBodyLimitBytes: number;
  /**
   * User-data requests (issue 11): how long a preservation hold lasts, how long and how often it may
   * be extended, how long before expiry the reminder goes out; how long a production stays
   * downloadable; when an emergency disclosure's post-hoc review and the authority's follow-up legal
   * process are due.
   */
  dataRequests: {
    preservationDays: number;
    preservationExtensionDays: number;
    preservationExtensions: number;
    preservationReminderDays: number;
    productionAvailableDays: number;
    emergencyReviewHours: number;
    emergencyFollowUpDays: number;
  };
} & ReviewSettings &
  PublishingSettings;

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
  if (e.WRIT_APP_DATABASE_URL && !e.DATABASE_URL)
    throw new ConfigError([
      {
        variable: 'WRIT_APP_DATABASE_URL',
        message: 'needs DATABASE_URL (the owner that runs the migrations); the embedded server manages its own roles',
      },
    ]);
  const review = reviewSettings(e, publicUrlOf(e));
  if (Array.isArray(review))
    throw new ConfigError(review.map((p) => ({ ...p, message: `${p.message} (got ${JSON.stringify(env[p.variable] ?? '')})` })));
  return {
    ...review,
    ...publishingSettings(e, publicUrlOf(e)),
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.WRIT_APP_DATABASE_URL,
    dataDir: path.resolve(cwd, e.WRIT_DATA_DIR),
    databaseTimeouts: { connectMs: e.WRIT_DB_CONNECT_TIMEOUT_MS, statementMs: e.WRIT_DB_STATEMENT_TIMEOUT_MS },
    requestTimeoutMs: e.WRIT_REQUEST_TIMEOUT_MS,
    seedDemo: e.WRIT_SEED_DEMO,
    sessionTtlHours: e.WRIT_SESSION_TTL_HOURS,
    signInAttemptsPerMinute: e.WRIT_SIGNIN_ATTEMPTS_PER_MINUTE,
    signInAccountFailures: e.WRIT_SIGNIN_ACCOUNT_FAILURES,
    trustProxy: e.WRIT_TRUST_PROXY,
    cookieSecure: e.WRIT_COOKIE_SECURE,
    allowedOrigins: e.WRIT_ALLOWED_ORIGINS,
    publicUrl: publicUrlOf(e),
    invitationTtlHours: e.WRIT_INVITATION_TTL_HOURS,
    webauthn: {
      rpId: e.WRIT_WEBAUTHN_RP_ID?.toLowerCase() ?? new URL(publicUrlOf(e)).hostname,
      rpName: 'Writ',
      origin: publicUrlOf(e),
    },
    logLevel: e.LOG_LEVEL,
    log: { format: e.WRIT_LOG_FORMAT, file: e.WRIT_LOG_FILE ? path.resolve(cwd, e.WRIT_LOG_FILE) : undefined },
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
    clarificationClock: e.WRIT_CLARIFICATION_CLOCK,
    attachmentMaxBytes: e.WRIT_ATTACHMENT_MAX_BYTES,
    mail: { smtpUrl: e.WRIT_SMTP_URL, from: e.WRIT_MAIL_FROM, attempts: e.WRIT_MAIL_ATTEMPTS },
    webhooks: {
      attempts: e.WRIT_WEBHOOK_ATTEMPTS,
      timeoutSeconds: e.WRIT_WEBHOOK_TIMEOUT_SECONDS,
      allowLoopbackHttp: e.WRIT_WEBHOOK_ALLOW_LOOPBACK_HTTP,
    },
    jobs: {
      enabled: e.WRIT_JOBS,
      retrySeconds: e.WRIT_JOBS_RETRY_SECONDS,
      leaseSeconds: e.WRIT_JOBS_LEASE_SECONDS,
      sweepSeconds: e.WRIT_JOBS_SWEEP_SECONDS,
      maintenanceSeconds: e.WRIT_JOBS_MAINTENANCE_SECONDS,
    },
    idempotencyKeyTtlHours: e.WRIT_IDEMPOTENCY_KEY_TTL_HOURS,
    rateLimits: {
      keyWrites: e.WRIT_RATE_LIMIT_KEY_WRITES,
      addressWrites: e.WRIT_RATE_LIMIT_ADDRESS_WRITES,
      keyReads: e.WRIT_RATE_LIMIT_KEY_READS,
      addressReads: e.WRIT_RATE_LIMIT_ADDRESS_READS,
    },
    authorityBodyLimitBytes: e.WRIT_AUTHORITY_BODY_LIMIT_BYTES,
    dataRequests: {
      preservationDays: e.WRIT_PRESERVATION_DAYS,
      preservationExtensionDays: e.WRIT_PRESERVATION_EXTENSION_DAYS,
      preservationExtensions: e.WRIT_PRESERVATION_EXTENSIONS,
      preservationReminderDays: e.WRIT_PRESERVATION_REMINDER_DAYS,
      productionAvailableDays: e.WRIT_PRODUCTION_AVAILABLE_DAYS,
      emergencyReviewHours: e.WRIT_EMERGENCY_REVIEW_HOURS,
      emergencyFollowUpDays: e.WRIT_EMERGENCY_FOLLOW_UP_DAYS,
    },
  };
}

/**
 * WRIT_PUBLIC_URL, or the server's own address when unset: localhost for a loopback or wildcard HOST,
 * since browsers accept a passkey for a host name but never for an IP address.
 */
function publicUrlOf(e: { WRIT_PUBLIC_URL?: string; HOST: string; PORT: number }): string {
  if (e.WRIT_PUBLIC_URL) return e.WRIT_PUBLIC_URL;
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(e.HOST);
  const host = local ? 'localhost' : isIP(e.HOST) === 6 ? `[${e.HOST}]` : e.HOST;
  return `http://${host}:${e.PORT}`;
}

/** Settings read only by the test suite. */
export function loadTestSettings(env: Env = process.env): { externalDatabaseUrl: string | undefined } {
  const url = withoutBlanks(env).TEST_DATABASE_URL;
  return { externalDatabaseUrl: url };
}
