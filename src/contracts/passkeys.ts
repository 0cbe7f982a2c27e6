/**
 * Wire shapes of officers' passkeys (WebAuthn, issue 10): the options a browser hands to
 * `navigator.credentials.create()` / `.get()` (as @simplewebauthn/browser takes them), the
 * authenticator's answers as it returns them (base64url), and an officer's list of passkeys.
 */
import { z } from 'zod';
import { officerSessionSchema } from './agencies.js';

const base64url = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

const transports = z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(8);
const attachment = z.enum(['platform', 'cross-platform']);
/** A credential the options name (to exclude or to allow). */
const descriptor = z.object({ id: z.string(), type: z.string(), transports: z.array(z.string()).optional() });

const userVerification = z.enum(['required', 'preferred', 'discouraged']);

/** What the browser passes to `startRegistration` (PublicKeyCredentialCreationOptionsJSON). */
export const registrationOptionsSchema = z
  .object({
    challenge: z.string(),
    rp: z.object({ id: z.string().optional(), name: z.string() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number().int() })),
    timeout: z.number().int().optional(),
    excludeCredentials: z.array(descriptor).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: attachment.optional(),
        requireResidentKey: z.boolean().optional(),
        residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
        userVerification: userVerification.optional(),
      })
      .optional(),
    attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
    extensions: z.object({ credProps: z.boolean().optional() }).optional(),
  })
  .meta({ id: 'PasskeyRegistrationOptions', description: 'WebAuthn PublicKeyCredentialCreationOptionsJSON' });

/** What the browser passes to `startAuthentication` (PublicKeyCredentialRequestOptionsJSON). */
export const authenticationOptionsSchema = z
  .object({
    challenge: z.string(),
    rpId: z.string().optional(),
    timeout: z.number().int().optional(),
    allowCredentials: z.array(descriptor).optional(),
    userVerification: userVerification.optional(),
  })
  .meta({ id: 'PasskeyAuthenticationOptions', description: 'WebAuthn PublicKeyCredentialRequestOptionsJSON' });

/** The authenticator's answer to a registration (RegistrationResponseJSON). */
export const registrationResponseSchema = z.object({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(10_000),
    attestationObject: base64url(100_000),
    transports: transports.optional(),
    authenticatorData: base64url(10_000).optional(),
    publicKey: base64url(10_000).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: z.looseObject({}).default({}),
});

/** The authenticator's answer to a sign-in (AuthenticationResponseJSON). */
export const authenticationResponseSchema = z.object({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(10_000),
    authenticatorData: base64url(10_000),
    signature: base64url(10_000),
    userHandle: base64url(1000).optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: z.looseObject({}).default({}),
});

export const passkeyRegistrationSchema = z.object({ response: registrationResponseSchema });
export const passkeyAuthenticationSchema = z.object({ response: authenticationResponseSchema });

export const passkeySchema = z
  .object({
    id: z.string().meta({ description: 'The credential id (base64url)' }),
    transports: z.array(z.string()),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'Passkey' });

export const passkeyListSchema = z.object({ passkeys: z.array(passkeySchema) });

export const passkeyEnrolledSchema = z.object({
  passkey: passkeySchema,
  session: officerSessionSchema,
  recoveryCodes: z
    .array(z.string())
    .nullable()
    .meta({ description: 'Shown once: one-time codes, when this is the first second factor; null otherwise' }),
});

export const passkeyIdParam = z.object({ id: base64url(1400) });
