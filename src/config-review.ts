/**
 * The review workflow's settings (issue 12): the OpenID Connect provider staff may sign in with,
 * the platform's systems Writ calls (notice sink, content system, alert hook), the deadline alerts
 * and the audit log's signing key. Parsed from the environment that src/config.ts hands over; this
 * module never reads process.env itself.
 */
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, message: `must be an http:// or https:// URL such as ${example}` });
const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, 'must be a Standard Webhooks secret: whsec_ followed by base64 (24 bytes or more)');

export const reviewEnvShape = {
  WRIT_OIDC_ISSUER: httpUrl('https://login.example.org/realms/staff').optional(),
  WRIT_OIDC_CLIENT_ID: z.string().min(1).optional(),
  WRIT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The claim that carries the person's Writ role; without it, roles are given in Writ by an admin. */
  WRIT_OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  /** Whether a first sign-in through the provider creates the account (with the claimed role, else auditor). */
  WRIT_OIDC_CREATE_ACCOUNTS: booleanFlag.default(false),
  /** The provider's name on the sign-in button. */
  WRIT_OIDC_LABEL: z.string().min(1).max(60).default('single sign-on'),
  /** Allows an http:// issuer on a loopback host (tests and local development only). */
  WRIT_OIDC_ALLOW_HTTP: booleanFlag.default(false),

  WRIT_NOTICE_WEBHOOK_URL: httpUrl('https://messaging.internal.example/writ').optional(),
  WRIT_NOTICE_WEBHOOK_SECRET: webhookSecret.optional(),
  WRIT_ENFORCEMENT_WEBHOOK_URL: httpUrl('https://content.internal.example/writ').optional(),
  WRIT_ENFORCEMENT_WEBHOOK_SECRET: webhookSecret.optional(),
  WRIT_ALERT_WEBHOOK_URL: httpUrl('https://alerts.internal.example/writ').optional(),
  WRIT_ALERT_WEBHOOK_SECRET: webhookSecret.optional(),
  WRIT_SINK_ATTEMPTS: z.coerce.number().int().positive().max(100, 'must be at most 100').default(8),

  /** Shares of the time allowed at which an open order alerts, besides its expiry: `0.5,0.75,0.9`. */
  WRIT_ALERT_SHARES: z
    .string()
    .transform((v) => v.split(',').map((s) => Number(s.trim())))
    .pipe(z.array(z.number().gt(0, 'each share must be between 0 and 1').lt(1, 'each share must be between 0 and 1')).min(1))
    .default([0.5, 0.75, 0.9]),
  /** Who is mailed an alert besides the order's assignee: a comma list of addresses. */
  WRIT_ALERT_MAIL_TO: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.email({ message: 'must be a comma list of mail addresses' })))
    .default([]),

  /** An Ed25519 private key (PKCS #8 PEM, or its base64 DER) that signs the audit log's exported head. */
  WRIT_AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  WRIT_AUDIT_KEY_ID: z.string().min(1).max(100).default('writ-audit'),
} as const;

type ReviewEnv = z.output<z.ZodObject<typeof reviewEnvShape>>;

export type Sink = { url: string; secret: string };

export type ReviewSettings = {
  /** Staff sign-in through OpenID Connect; undefined when not configured. */
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string;
        roleClaim: string | undefined;
        createAccounts: boolean;
        label: string;
        allowHttp: boolean;
        /** The callback the provider redirects to: `<public URL>/api/v1/session/oidc/callback`. */
        redirectUri: string;
      }
    | undefined;
  /** The platform's systems Writ calls; each undefined when not configured (its calls then wait, queued). */
  sinks: { notice: Sink | undefined; enforcement: Sink | undefined; alert: Sink | undefined; attempts: number };
  alerts: { shares: number[]; mailTo: string[] };
  audit: { signingKey: string | undefined; keyId: string };
};

export type SettingProblem = { variable: string; message: string };

/** The settings, or the problems found in them (pairs set half-way, such as a URL without its secret). */
export function reviewSettings(e: ReviewEnv, publicUrl: string): ReviewSettings | SettingProblem[] {
  const problems: SettingProblem[] = [];
  const pair = (urlVar: keyof ReviewEnv, secretVar: keyof ReviewEnv): Sink | undefined => {
    const url = e[urlVar] as string | undefined;
    const secret = e[secretVar] as string | undefined;
    if (url && !secret) problems.push({ variable: secretVar, message: `is needed with ${urlVar}: the calls are signed with it` });
    if (secret && !url) problems.push({ variable: urlVar, message: `is needed with ${secretVar}` });
    return url && secret ? { url, secret } : undefined;
  };
  const oidcSet = [e.WRIT_OIDC_ISSUER, e.WRIT_OIDC_CLIENT_ID, e.WRIT_OIDC_CLIENT_SECRET];
  if (oidcSet.some(Boolean) && !oidcSet.every(Boolean))
    problems.push({
      variable: e.WRIT_OIDC_ISSUER
        ? e.WRIT_OIDC_CLIENT_ID
          ? 'WRIT_OIDC_CLIENT_SECRET'
          : 'WRIT_OIDC_CLIENT_ID'
        : 'WRIT_OIDC_ISSUER',
      message: 'WRIT_OIDC_ISSUER, WRIT_OIDC_CLIENT_ID and WRIT_OIDC_CLIENT_SECRET are set together or not at all',
    });
  const sinks = {
    notice: pair('WRIT_NOTICE_WEBHOOK_URL', 'WRIT_NOTICE_WEBHOOK_SECRET'),
    enforcement: pair('WRIT_ENFORCEMENT_WEBHOOK_URL', 'WRIT_ENFORCEMENT_WEBHOOK_SECRET'),
    alert: pair('WRIT_ALERT_WEBHOOK_URL', 'WRIT_ALERT_WEBHOOK_SECRET'),
    attempts: e.WRIT_SINK_ATTEMPTS,
  };
  if (problems.length) return problems;
  return {
    oidc:
      e.WRIT_OIDC_ISSUER && e.WRIT_OIDC_CLIENT_ID && e.WRIT_OIDC_CLIENT_SECRET
        ? {
            issuer: e.WRIT_OIDC_ISSUER,
            clientId: e.WRIT_OIDC_CLIENT_ID,
            clientSecret: e.WRIT_OIDC_CLIENT_SECRET,
            roleClaim: e.WRIT_OIDC_ROLE_CLAIM,
            createAccounts: e.WRIT_OIDC_CREATE_ACCOUNTS,
            label: e.WRIT_OIDC_LABEL,
            allowHttp: e.WRIT_OIDC_ALLOW_HTTP,
            redirectUri: `${publicUrl}/api/v1/session/oidc/callback`,
          }
        : undefined,
    sinks,
    alerts: { shares: [...new Set(e.WRIT_ALERT_SHARES)].sort((a, b) => a - b), mailTo: e.WRIT_ALERT_MAIL_TO },
    audit: { signingKey: e.WRIT_AUDIT_SIGNING_KEY, keyId: e.WRIT_AUDIT_KEY_ID },
  };
}
