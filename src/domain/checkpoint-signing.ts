/**
 * Ed25519 signatures on the log's checkpoints (issue 13, decision 52), with node:crypto: the signer's
 * key from its PKCS #8 text, signing a body into a signed note, and checking a note against a
 * verifier key. The text formats are in src/domain/checkpoint.ts (browser-safe); this module is for
 * the server and `writ verify`, never the web.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import {
  type Checkpoint,
  CheckpointFormatError,
  keyHintOf,
  noteText,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  type VerifierKey,
  verifierKeyText,
} from './checkpoint.js';

/** DER prefixes that wrap a raw 32-byte Ed25519 seed (PKCS #8) or public key (SPKI). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A new Ed25519 signing key, as PKCS #8 PEM. */
export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** The signing key from PKCS #8 PEM or its base64 DER; throws CheckpointFormatError unless it is Ed25519. */
export function signingKeyFrom(text: string): KeyObject {
  let key: KeyObject;
  try {
    const trimmed = text.trim();
    key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey({ key: trimmed, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(trimmed.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new CheckpointFormatError('the signing key is not a PKCS #8 private key (PEM or base64 DER)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CheckpointFormatError('the signing key is not an Ed25519 key');
  return key;
}

/** The signing key of a raw 32-byte Ed25519 seed (signed-note's PRIVATE+KEY format carries one). */
export function signingKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new CheckpointFormatError('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The raw 32-byte public key of a signing key. */
export function publicKeyOf(privateKey: KeyObject): Uint8Array {
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}

/** The verifier key text (`<name>+<hint>+<base64 key>`) of a signing key. */
export function verifierKeyOf(name: string, privateKey: KeyObject): string {
  return verifierKeyText(name, publicKeyOf(privateKey));
}

/** Signs `body` (which ends with a newline) and returns the signed note. */
export function signNote(body: string, name: string, privateKey: KeyObject): string {
  if (!body.endsWith('\n') || body.includes('\n\n'))
    throw new CheckpointFormatError('a note body is lines ending with a newline');
  const signature = sign(null, Buffer.from(body, 'utf8'), privateKey);
  return noteText(body, [{ keyName: name, keyHint: keyHintOf(name, publicKeyOf(privateKey)), signature }]);
}

function publicKeyObject(key: VerifierKey): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, key.publicKey]), format: 'der', type: 'spki' });
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether `note` carries a valid signature by `key` (its name and hint must match). Never throws. */
export function noteIsSignedBy(note: string, key: VerifierKey | string): boolean {
  try {
    const verifier = typeof key === 'string' ? parseVerifierKey(key) : key;
    const { body, signatures } = parseNote(note);
    const publicKey = publicKeyObject(verifier);
    return signatures.some(
      (s) =>
        s.keyName === verifier.name &&
        sameBytes(s.keyHint, verifier.hint) &&
        s.signature.length === 64 &&
        verify(null, Buffer.from(body, 'utf8'), publicKey, s.signature),
    );
  } catch {
    return false;
  }
}

/**
 * Parses `note` as a checkpoint and checks it: signed by `key`, and of `origin` when given (by default
 * the key's name, as Writ names its key after its origin). Throws CheckpointFormatError saying what failed.
 */
export function verifyCheckpoint(note: string, key: VerifierKey, origin: string = key.name): Checkpoint {
  const checkpoint = parseCheckpoint(note);
  if (checkpoint.origin !== origin) {
    throw new CheckpointFormatError(`the origin is "${checkpoint.origin}", expected "${origin}"`);
  }
  if (!noteIsSignedBy(note, key)) throw new CheckpointFormatError(`no valid signature by ${key.name}`);
  return checkpoint;
}
