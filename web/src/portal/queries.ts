/**
 * The portal's sign-in calls (the authority channel's API, /api/v1/authority/…): applying, accepting
 * an invitation, the password and second-factor steps, enrolling TOTP or a passkey, the agency's
 * officers; and the platform admins' agency calls. Wire types come from the shared contracts.
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AgencyApplication,
  agencyApplicationReceiptSchema,
  agencyListSchema,
  agencySchema,
  officerCredentialsSchema,
  officerInvitationSchema,
  officerListSchema,
  officerSchema,
  officerSessionSchema,
  officerSignInSchema,
  totpConfirmationSchema,
  totpEnrolmentSchema,
} from '../../../src/contracts/agencies.js';
import type {
  authenticationOptionsSchema,
  passkeyEnrolledSchema,
  passkeyListSchema,
  registrationOptionsSchema,
} from '../../../src/contracts/passkeys.js';
import { request } from '../api.js';

export type OfficerSessionView = z.output<typeof officerSessionSchema>;
export type OfficerSignIn = z.output<typeof officerSignInSchema>;
export type Officer = z.output<typeof officerSchema>;
export type Agency = z.output<typeof agencySchema>;
export type AgencyStatus = Agency['status'];
export type AgencyDecision = 'verify' | 'reject' | 'suspend' | 'reinstate';
/** A first second factor: the session, and the recovery codes to show once (null if issued before). */
export type Enrolled = { session: OfficerSessionView; recoveryCodes: string[] | null };

const base = '/api/v1/authority';
const enc = encodeURIComponent;
type Options = { signal?: AbortSignal };

export const portalApi = {
  apply: (application: AgencyApplication) =>
    request<z.output<typeof agencyApplicationReceiptSchema>>('POST', '/api/v1/agencies/applications', {
      body: application,
    }),
  acceptInvitation: (body: { token: string; password: string }) =>
    request<OfficerSignIn>('POST', `${base}/invitations/accept`, { body }),
  signIn: (credentials: z.output<typeof officerCredentialsSchema>) =>
    request<OfficerSignIn>('POST', `${base}/session`, { body: credentials }),
  session: (o: Options = {}) => request<OfficerSessionView>('GET', `${base}/session`, o),
  signOut: () => request<void>('DELETE', `${base}/session`),
  totp: (code: string) => request<OfficerSessionView>('POST', `${base}/session/totp`, { body: { code } }),
  recovery: (code: string) => request<OfficerSessionView>('POST', `${base}/session/recovery`, { body: { code } }),
  startTotp: () => request<z.output<typeof totpEnrolmentSchema>>('POST', `${base}/totp`),
  confirmTotp: (code: string) =>
    request<z.output<typeof totpConfirmationSchema>>('POST', `${base}/totp/confirm`, { body: { code } }),
  passkeyRegistrationOptions: () =>
    request<z.output<typeof registrationOptionsSchema>>('POST', `${base}/passkeys/registration-options`),
  registerPasskey: (response: unknown) =>
    request<z.output<typeof passkeyEnrolledSchema>>('POST', `${base}/passkeys`, { body: { response } }),
  passkeyAuthenticationOptions: () =>
    request<z.output<typeof authenticationOptionsSchema>>('POST', `${base}/passkeys/authentication-options`),
  authenticateWithPasskey: (response: unknown) =>
    request<OfficerSessionView>('POST', `${base}/passkeys/authentication`, { body: { response } }),
  passkeys: (o: Options = {}) => request<z.output<typeof passkeyListSchema>>('GET', `${base}/passkeys`, o),
  removePasskey: (id: string) => request<void>('DELETE', `${base}/passkeys/${enc(id)}`),
  officers: (o: Options = {}) => request<z.output<typeof officerListSchema>>('GET', `${base}/officers`, o),
  inviteOfficer: (invitation: z.output<typeof officerInvitationSchema>) =>
    request<Officer>('POST', `${base}/officers`, { body: invitation }),

  agencies: (status: AgencyStatus, o: Options = {}) =>
    request<z.output<typeof agencyListSchema>>('GET', `/api/v1/admin/agencies?status=${enc(status)}`, o),
  decide: (id: string, decision: AgencyDecision, reason?: string) =>
    request<unknown>('POST', `/api/v1/admin/agencies/${enc(id)}/${decision}`, {
      body: reason === undefined ? undefined : { reason },
    }),
};

export const portalAuthKeys = {
  session: ['portal-auth', 'session'] as const,
  officers: ['portal-auth', 'officers'] as const,
  passkeys: ['portal-auth', 'passkeys'] as const,
  agencies: (status: AgencyStatus) => ['admin-agencies', status] as const,
};

export const portalAuthQueries = {
  /** The officer's session at whatever stage; a 401 means not signed in. */
  session: () =>
    queryOptions({ queryKey: portalAuthKeys.session, queryFn: ({ signal }) => portalApi.session({ signal }), retry: false }),
  passkeys: () => queryOptions({ queryKey: portalAuthKeys.passkeys, queryFn: ({ signal }) => portalApi.passkeys({ signal }) }),
  officers: () => queryOptions({ queryKey: portalAuthKeys.officers, queryFn: ({ signal }) => portalApi.officers({ signal }) }),
  agencies: (status: AgencyStatus) =>
    queryOptions({ queryKey: portalAuthKeys.agencies(status), queryFn: ({ signal }) => portalApi.agencies(status, { signal }) }),
};

/** Where an officer goes once the password is right, or after any step: by the session's stage. */
export function pathForStage(stage: OfficerSessionView['stage']): string {
  if (stage === 'second_factor') return '/portal/signin/second-factor';
  if (stage === 'enrol') return '/portal/enrol';
  return '/portal';
}
