/** Wire shapes of staff account administration (issue 12): list, create, change role, disable. */
import { z } from 'zod';
import { staffRoles } from '../domain/permissions.js';

export const MIN_PASSWORD_LENGTH = 10;

export const accountSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(staffRoles),
  /** Signs in with a local password. */
  local: z.boolean(),
  /** Linked to an account at the OpenID Connect provider. */
  oidc: z.boolean(),
  disabled: z.boolean(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof accountSchema>;

export const accountListSchema = z.object({ accounts: z.array(accountSchema) });

/** A password of at least 10 characters, or none for an account that signs in only through the provider. */
export const newAccountSchema = z.object({
  email: z.email('must be an e-mail address').max(320),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  role: z.enum(staffRoles).default('reviewer'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`).max(1000).optional(),
});
export type NewAccountInput = z.input<typeof newAccountSchema>;

export const accountChangeSchema = z.union([
  z.object({ role: z.enum(staffRoles) }).strict(),
  z.object({ disabled: z.boolean() }).strict(),
]);

/** The sign-in page's button: whether the provider is configured and its name. */
export const oidcInfoSchema = z.object({ enabled: z.boolean(), label: z.string().nullable() });

/** Why an OpenID Connect sign-in was refused (`/signin?error=<code>`). */
export const oidcErrorCodes = [
  'oidc_failed',
  'oidc_email_unverified',
  'oidc_no_account',
  'oidc_disabled',
  'oidc_unavailable',
] as const;
export type OidcErrorCode = (typeof oidcErrorCodes)[number];
