/**
 * A software WebAuthn authenticator for tests that have no browser: it makes a P-256 key per
 * credential and answers registration and sign-in options the way a real authenticator does
 * ("none" attestation, user present and verified, a signature counter), signing with node:crypto.
 * Nothing of the server's verification is bypassed: the answers go through the real routes.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

type Credential = { id: Buffer; key: KeyObject; counter: number; cose: Uint8Array };

export type SoftAuthenticatorOptions = { origin: string; rpId: string };

export class SoftAuthenticator {
  readonly credentials: Credential[] = [];

  constructor(readonly options: SoftAuthenticatorOptions) {}

  private authData(flags: number, counter: number, attested?: Credential): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const parts = [sha256(this.options.rpId), Buffer.from([flags]), count];
    if (attested) {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(attested.id.length);
      parts.push(Buffer.alloc(16), length, Buffer.from(attested.id), Buffer.from(attested.cose));
    }
    return Buffer.concat(parts);
  }

  private clientData(type: string, challenge: string, origin = this.options.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** Answers `navigator.credentials.create()` options with a new credential. */
  register(options: { challenge: string }, overrides: { origin?: string } = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const credential: Credential = { id: randomBytes(16), key: privateKey, counter: 0, cose };
    this.credentials.push(credential);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(this.authData(0x45, 0, credential))],
      ]) as never,
    );
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge, overrides.origin)),
        attestationObject: b64url(attestationObject),
        transports: ['internal' as const],
      },
      clientExtensionResults: {},
    };
  }

  /**
   * Answers `navigator.credentials.get()` options with credential `index`, counting up its
   * signature counter (or using `counter` as given, to replay an old one).
   */
  authenticate(options: { challenge: string }, index = 0, overrides: { counter?: number; origin?: string } = {}) {
    const credential = this.credentials[index];
    if (!credential) throw new Error(`no credential ${index}`);
    credential.counter = overrides.counter ?? credential.counter + 1;
    const authenticatorData = this.authData(0x05, credential.counter);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, overrides.origin);
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), credential.key);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
      },
      clientExtensionResults: {},
    };
  }
}
