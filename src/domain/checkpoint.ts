/**
 * The log's signed tree heads as text (issue 13, decision 52): C2SP tlog-checkpoint on top of C2SP
 * signed-note, the format of Go's checksum database, Sigstore and transparency-dev's logs.
 *
 *     <origin>\n<tree size>\n<root hash, base64>\n\n— <key name> <base64(4-byte key hint || signature)>\n
 *
 * Parsing, building and the verifier key's text live here (browser-safe, no signing); the Ed25519
 * signing and checking is in src/domain/checkpoint-signing.ts (node:crypto).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64, HASH_SIZE, toBase64 } from './merkle.js';

/** A malformed checkpoint, note or verifier key; `message` says what is wrong. */
export class CheckpointFormatError extends Error {
  override name = 'CheckpointFormatError';
}

/** signed-note's signature type byte for Ed25519. */
export const ED25519_ALGORITHM = 0x01;

export type NoteSignature = { keyName: string; keyHint: Uint8Array; signature: Uint8Array };

export type Checkpoint = {
  origin: string;
  treeSize: number;
  rootHash: Uint8Array;
  /** The signed text: every line up to and including the newline before the blank line. */
  body: string;
  signatures: NoteSignature[];
};

export type VerifierKey = { name: string; hint: Uint8Array; publicKey: Uint8Array };

const EM_DASH_SPACE = '\u2014 ';

/** A key name: non-empty, no whitespace, no `+` (signed-note). */
export function isValidKeyName(name: string): boolean {
  return /^[^\s+]+$/u.test(name);
}

/** The checkpoint's body (what is signed). */
export function checkpointBody(origin: string, treeSize: number, rootHash: Uint8Array): string {
  if (!/^[^\n]+$/.test(origin)) throw new CheckpointFormatError('the origin must be one non-empty line');
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new CheckpointFormatError('the tree size must be a whole number');
  if (rootHash.length !== HASH_SIZE) throw new CheckpointFormatError('the root hash must be 32 bytes');
  return `${origin}\n${treeSize}\n${toBase64(rootHash)}\n`;
}

/** The key hint: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). */
export function keyHintOf(name: string, publicKey: Uint8Array): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const bytes = new Uint8Array(nameBytes.length + 2 + publicKey.length);
  bytes.set(nameBytes, 0);
  bytes[nameBytes.length] = 0x0a;
  bytes[nameBytes.length + 1] = ED25519_ALGORITHM;
  bytes.set(publicKey, nameBytes.length + 2);
  return sha256(bytes).subarray(0, 4);
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The verifier key's text: `<name>+<8 hex hint>+<base64(0x01 || public key)>`. */
export function verifierKeyText(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new CheckpointFormatError('the key name must be one word without "+"');
  if (publicKey.length !== 32) throw new CheckpointFormatError('an Ed25519 public key is 32 bytes');
  const key = new Uint8Array(33);
  key[0] = ED25519_ALGORITHM;
  key.set(publicKey, 1);
  return `${name}+${hex(keyHintOf(name, publicKey))}+${toBase64(key)}`;
}

/** Parses a verifier key, checking its algorithm, its length and that its hint is the key's. */
export function parseVerifierKey(text: string): VerifierKey {
  const match = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text.trim());
  if (!match) throw new CheckpointFormatError('a verifier key is <name>+<hint>+<key>');
  const [, name, hintHex, keyText] = match as unknown as [string, string, string, string];
  if (!isValidKeyName(name)) throw new CheckpointFormatError('the key name is empty or has spaces');
  if (!/^[0-9a-f]{8}$/.test(hintHex)) throw new CheckpointFormatError('the key hint is not 8 hex digits');
  let key: Uint8Array;
  try {
    key = fromBase64(keyText);
  } catch {
    throw new CheckpointFormatError('the key is not base64');
  }
  if (key[0] !== ED25519_ALGORITHM) throw new CheckpointFormatError('the key is not an Ed25519 key');
  if (key.length !== 33) throw new CheckpointFormatError('the key is not 32 bytes');
  const publicKey = key.slice(1);
  if (hex(keyHintOf(name, publicKey)) !== hintHex) throw new CheckpointFormatError('the key hint does not match the key');
  return { name, hint: keyHintOf(name, publicKey), publicKey };
}

/** A signature line: `— <name> <base64(hint || signature)>\n`. */
export function signatureLine(sig: NoteSignature): string {
  const bytes = new Uint8Array(4 + sig.signature.length);
  bytes.set(sig.keyHint, 0);
  bytes.set(sig.signature, 4);
  return `${EM_DASH_SPACE}${sig.keyName} ${toBase64(bytes)}\n`;
}

/** A signed note: its body, a blank line and the signature lines. */
export function noteText(body: string, signatures: readonly NoteSignature[]): string {
  return `${body}\n${signatures.map(signatureLine).join('')}`;
}

/** Splits a signed note into its body and signatures (C2SP signed-note). */
export function parseNote(text: string): { body: string; signatures: NoteSignature[] } {
  if (text.includes('\r')) throw new CheckpointFormatError('the note has carriage returns');
  const split = text.lastIndexOf('\n\n');
  if (split < 0 || !text.endsWith('\n')) throw new CheckpointFormatError('the note has no blank line before its signatures');
  const body = text.slice(0, split + 1);
  const lines = text.slice(split + 2, -1).split('\n');
  const signatures = lines.map((line) => {
    if (!line.startsWith(EM_DASH_SPACE)) throw new CheckpointFormatError('a signature line does not start with "— "');
    const fields = line.slice(EM_DASH_SPACE.length).split(' ');
    if (fields.length !== 2 || !isValidKeyName(fields[0]!)) throw new CheckpointFormatError('a signature line is malformed');
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(fields[1]!);
    } catch {
      throw new CheckpointFormatError('a signature is not base64');
    }
    if (bytes.length < 5) throw new CheckpointFormatError('a signature is too short');
    return { keyName: fields[0]!, keyHint: bytes.slice(0, 4), signature: bytes.slice(4) };
  });
  if (signatures.length === 0) throw new CheckpointFormatError('the note has no signature');
  return { body, signatures };
}

/** Parses a signed checkpoint (C2SP tlog-checkpoint); does not check the signatures. */
export function parseCheckpoint(text: string): Checkpoint {
  const { body, signatures } = parseNote(text);
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointFormatError('the checkpoint has fewer than three lines');
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (origin === '') throw new CheckpointFormatError('the checkpoint has no origin');
  if (!/^(?:0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    throw new CheckpointFormatError('the tree size is not a decimal number');
  }
  let rootHash: Uint8Array;
  try {
    rootHash = fromBase64(rootText);
  } catch {
    throw new CheckpointFormatError('the root hash is not base64');
  }
  if (rootHash.length !== HASH_SIZE) throw new CheckpointFormatError('the root hash is not 32 bytes');
  return { origin, treeSize: Number(sizeText), rootHash, body, signatures };
}
