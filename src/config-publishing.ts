/**
 * Transparency publishing's settings (issue 13): how long an approved record waits before it is
 * public, and the transparency log's name and signing key. Parsed from the environment that
 * src/config.ts hands over; this module never reads process.env itself.
 */
import { z } from 'zod';

export const publishingEnvShape = {
  /** Hours between a reviewer's approval and publication (0: at the next sweep). */
  WRIT_PUBLISH_DELAY_HOURS: z.coerce
    .number({ message: 'must be a whole number of hours' })
    .int('must be a whole number of hours')
    .min(0, 'must be 0 or more')
    .max(24 * 365, 'must be at most 8760')
    .default(72),
  /** The log's origin line in its checkpoints: a unique name, by convention its URL without the scheme. */
  WRIT_LOG_ORIGIN: z
    .string()
    .regex(/^[^\s]{1,200}$/, 'must be one word without spaces, such as transparency.example.org/log')
    .optional(),
  /**
   * The Ed25519 private key (PKCS #8 PEM, or its base64 DER) that signs the log's checkpoints. Unset:
   * Writ makes one on first use and keeps it in its database (decision 52).
   */
  WRIT_LOG_SIGNING_KEY: z.string().min(1).optional(),
  /** Public search (decision 55): matches up to which totals and facets are exact and pages ranked. */
  WRIT_SEARCH_EXACT_LIMIT: z.coerce.number().int('must be a whole number').min(1).max(1_000_000).default(2_000),
  /** Public search: about how many rows the sample for estimated facet counts holds. */
  WRIT_SEARCH_SAMPLE_ROWS: z.coerce.number().int('must be a whole number').min(100).max(10_000_000).default(5_000),
  /** Public search: how many of a broad search's newest matches can be paged through. */
  WRIT_SEARCH_PAGE_DEPTH: z.coerce.number().int('must be a whole number').min(1).max(100_000).default(1_000),
} as const;

type PublishingEnv = z.output<z.ZodObject<typeof publishingEnvShape>>;

export type PublishingSettings = {
  publishing: {
    delayHours: number;
    /** The checkpoint origin, also the signer's key name. */
    logOrigin: string;
    signingKey: string | undefined;
  };
  /** How much one public search may read (decision 55). */
  search: { exactUpTo: number; sampleRows: number; deepestApproximate: number };
};

export function publishingSettings(e: PublishingEnv, publicUrl: string): PublishingSettings {
  const url = new URL(publicUrl);
  return {
    publishing: {
      delayHours: e.WRIT_PUBLISH_DELAY_HOURS,
      logOrigin: e.WRIT_LOG_ORIGIN ?? `${url.host}${url.pathname.replace(/\/$/, '')}/log`,
      signingKey: e.WRIT_LOG_SIGNING_KEY,
    },
    search: {
      exactUpTo: e.WRIT_SEARCH_EXACT_LIMIT,
      sampleRows: e.WRIT_SEARCH_SAMPLE_ROWS,
      deepestApproximate: e.WRIT_SEARCH_PAGE_DEPTH,
    },
  };
}
