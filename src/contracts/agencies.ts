/**
 * Wire shapes of the authority channel's agencies and officers (issue 10): an agency's application
 * and its verification by a platform admin, officers' invitations, and how an officer signs in to
 * the portal with a password and a second factor (TOTP or a passkey, then recovery codes).
 */
import { z } from 'zod';
import { authorityKinds } from '../domain/vocabulary.js';
import { countryCode, text } from './common.js';

export const agencyStatuses = ['pending', 'verified', 'rejected', 'suspended'] as const;
export const officerStatuses = ['invited', 'active', 'disabled'] as const;
/** `second_factor`: password given, a factor must follow; `enrol`: no factor yet, only enrolment; `full`: signed in. */
export const officerSessionStages = ['second_factor', 'enrol', 'full'] as const;

/** Officers' passwords: at least this long (argon2id). */
export const MIN_OFFICER_PASSWORD_LENGTH = 12;

const email = z.email('must be an e-mail address').max(320);

// ── Applying ───────────────────────────────────────────────────────────────────────────────────

export const agencyApplicationSchema = z.object({
  country: countryCode,
  name: text(200),
  kind: z.enum(authorityKinds),
  domain: text(253).meta({
    example: 'mic.gov.kz',
    description: "The agency's official web domain (a DNS name, no scheme or path); officers' e-mail addresses must be on it",
  }),
  legalMandate: text(2000).meta({ description: 'The law and article that empower the agency to send orders' }),
  contactName: text(200),
  contactEmail: email.meta({
    description: "On the domain or a subdomain of it; becomes the agency's first admin officer once verified",
  }),
  timeZone: text(64).optional().meta({ example: 'Asia/Almaty', description: 'IANA zone the agency works in' }),
});
export type AgencyApplication = z.infer<typeof agencyApplicationSchema>;

export const agencyApplicationReceiptSchema = z.object({ id: z.uuid(), status: z.enum(agencyStatuses) });

// ── Agencies as the platform's admins see them ─────────────────────────────────────────────────

export const agencySchema = z
  .object({
    id: z.uuid(),
    country: z.string(),
    name: z.string(),
    kind: z.enum(authorityKinds),
    domain: z.string(),
    legalMandate: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    timeZone: z.string().nullable(),
    status: z.enum(agencyStatuses),
    statusReason: z.string().nullable().meta({ description: 'Why it was rejected or suspended' }),
    authorityId: z.uuid().nullable().meta({ description: 'The authority its orders are recorded under, once verified' }),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Agency' });

export const agencyEventSchema = z
  .object({
    id: z.number().int(),
    type: z.string().meta({ example: 'verified' }),
    at: z.string(),
    actorUserId: z.uuid().nullable(),
    actorOfficerId: z.uuid().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'AgencyEvent' });

export const agencyListQuery = z.object({ status: z.enum(agencyStatuses).optional() });
export const agencyListSchema = z.object({ agencies: z.array(agencySchema) });
export const agencyDetailSchema = z.object({ agency: agencySchema, events: z.array(agencyEventSchema) });
export const agencyReasonSchema = z.object({ reason: text(2000) });

// ── Officers ───────────────────────────────────────────────────────────────────────────────────

export const officerSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    isAgencyAdmin: z.boolean(),
    status: z.enum(officerStatuses),
    emailConfirmedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Officer' });

export const officerInvitationSchema = z.object({
  email: email.meta({ description: "On the agency's domain or a subdomain of it" }),
  name: text(200),
  isAgencyAdmin: z.boolean().default(false),
});
export const officerListSchema = z.object({ officers: z.array(officerSchema) });

const password = z
  .string()
  .min(MIN_OFFICER_PASSWORD_LENGTH, `must have at least ${MIN_OFFICER_PASSWORD_LENGTH} characters`)
  .max(1000, 'must be at most 1000 characters');

/** The portal page the invitation mail links to, with `?token=…`; it posts the token and a password to accept. */
export const invitationPagePath = '/portal/invitation';

export const invitationAcceptanceSchema = z.object({
  token: z.string().min(1, 'must not be empty').max(200).meta({ description: "The token from the invitation mail's link" }),
  password,
});

// ── Signing in ─────────────────────────────────────────────────────────────────────────────────

export const officerCredentialsSchema = z.object({
  email: text(320),
  password: z.string().min(1, 'must not be empty').max(1000),
});
/** An authenticator's 6-digit code, or a recovery code as printed (dashes and spaces are ignored). */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6 digits the authenticator app shows'),
});
export const recoveryCodeSchema = z.object({ code: text(64) });

export const officerSessionSchema = z
  .object({
    officer: z.object({ id: z.uuid(), email: z.string(), name: z.string(), isAgencyAdmin: z.boolean() }),
    agency: z.object({ id: z.uuid(), country: z.string(), name: z.string(), status: z.enum(agencyStatuses) }),
    stage: z.enum(officerSessionStages),
    /** Which second factors the officer has enrolled. */
    factors: z.object({ totp: z.boolean(), passkeys: z.number().int(), recoveryCodesLeft: z.number().int() }),
  })
  .meta({ id: 'OfficerSession' });

/** A new session: also the token, for API clients of the portal (the browser gets the `writ_officer` cookie). */
export const officerSignInSchema = officerSessionSchema.extend({ token: z.string(), expiresAt: z.string() });

export const totpEnrolmentSchema = z.object({
  secret: z.string().meta({ description: 'Base32, for typing into an authenticator app' }),
  uri: z.string().meta({ description: 'otpauth:// URI, for a QR code' }),
});

export const totpConfirmationSchema = z.object({
  session: officerSessionSchema,
  recoveryCodes: z
    .array(z.string())
    .nullable()
    .meta({ description: 'Shown once: 10 one-time codes, when this is the first second factor; null otherwise' }),
});
