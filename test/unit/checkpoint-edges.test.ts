/**
 * Edges of the log's checkpoints (issue 14): the C2SP tlog-checkpoint text byte for byte, signed-note
 * key names, hints and verifier keys against golang.org/x/mod's vectors (sumdb/note/note_test.go, see
 * test/unit/checkpoint.test.ts), and every malformed note, checkpoint, verifier key and signing key
 * refused with the reason it gives. The expected signatures and hints are computed here with
 * node:crypto directly, as the format defines them.
 *
 * Every key and note is made inside its test, so that a broken format fails the test rather than the file.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CheckpointFormatError,
  checkpointBody,
  isValidKeyName,
  keyHintOf,
  noteText,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  signatureLine,
  verifierKeyText,
} from '../../src/domain/checkpoint.js';
import {
  generateSigningKey,
  noteIsSignedBy,
  publicKeyOf,
  signingKeyFrom,
  signingKeyFromSeed,
  signNote,
  verifierKeyOf,
  verifyCheckpoint,
} from '../../src/domain/checkpoint-signing.js';
import { fromBase64 } from '../../src/domain/merkle.js';

// golang.org/x/mod sumdb/note/note_test.go
const peterKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const peterSeed = 'gQoUAtUUbI2E8kQzMPVAgOv5juF9nHT2JS/F1ccoMXM=';
const enochKey = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const peterSig = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const enochSig = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const peterPublic = 'GlzZBxQ8OExB6DDFvOEqqIF+xWSaqr8sMTiLNbLXRNY=';
// transparency-dev/merkle's root of its eight reference leaves.
const root8 = 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=';
const origin = 'log.example.org/writ';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');
const keyBytes = (key: string) => fromBase64(key.split('+')[2]!);

/** The reason a call gives for refusing its input (a CheckpointFormatError's message). */
function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CheckpointFormatError);
    expect((e as Error).name).toBe('CheckpointFormatError');
    return (e as Error).message;
  }
  return 'accepted';
}

describe('key names, hints and verifier keys', () => {
  it('a key name is one non-empty word without "+"', () => {
    for (const name of ['a', 'ab', 'PeterNeumann', 'log.example.org/writ', 'é-日本'])
      expect(isValidKeyName(name), name).toBe(true);
    for (const name of ['', ' ', 'a b', ' a', 'a ', 'a\tb', 'a\nb', '+', 'a+', 'a+b'])
      expect(isValidKeyName(name), name).toBe(false);
  });

  it('the hint is the first four bytes of SHA-256(name, newline, 0x01, key), as in the Go vectors', () => {
    for (const key of [peterKey, enochKey]) {
      const [name, hint] = key.split('+') as [string, string];
      const publicKey = keyBytes(key).slice(1);
      expect(hexOf(keyHintOf(name, publicKey))).toBe(hint);
      const digest = createHash('sha256').update(`${name}\n\x01`).update(publicKey).digest();
      expect(hexOf(keyHintOf(name, publicKey))).toBe(digest.subarray(0, 4).toString('hex'));
      // Enoch's hint has a byte below 0x10: the hex keeps its leading zero.
      expect(verifierKeyText(name, publicKey)).toBe(key);
    }
  });

  it('verifierKeyText refuses a bad name or a key that is not 32 bytes', () => {
    const publicKey = fromBase64(peterPublic);
    expect(reason(() => verifierKeyText('Peter Neumann', publicKey))).toBe('the key name must be one word without "+"');
    expect(reason(() => verifierKeyText('', publicKey))).toBe('the key name must be one word without "+"');
    expect(reason(() => verifierKeyText('Peter', publicKey.slice(1)))).toBe('an Ed25519 public key is 32 bytes');
    expect(reason(() => verifierKeyText('Peter', Uint8Array.from([...publicKey, 0])))).toBe('an Ed25519 public key is 32 bytes');
  });

  it('parseVerifierKey reads a key with surrounding whitespace', () => {
    const key = parseVerifierKey(`\n  ${peterKey}\n`);
    expect(key.name).toBe('PeterNeumann');
    expect(hexOf(key.hint)).toBe('c74f20a3');
    expect(b64(key.publicKey)).toBe(peterPublic);
    expect(parseVerifierKey(enochKey).name).toBe('EnochRoot');
  });

  it('parseVerifierKey refuses a malformed key with its reason', () => {
    const pub = fromBase64(peterPublic);
    const withKey = (bytes: number[]) => `PeterNeumann+c74f20a3+${b64(Uint8Array.from(bytes))}`;
    const cases: [string, string][] = [
      ['PeterNeumann', 'a verifier key is <name>+<hint>+<key>'],
      ['PeterNeumann+c74f20a3', 'a verifier key is <name>+<hint>+<key>'],
      ['+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'the key name is empty or has spaces'],
      ['Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'the key name is empty or has spaces'],
      ['PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'the key hint is not 8 hex digits'],
      ['PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'the key hint is not 8 hex digits'],
      ['PeterNeumann+0c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'the key hint is not 8 hex digits'],
      ['PeterNeumann+c74f20a30+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'the key hint is not 8 hex digits'],
      ['PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T', 'the key is not base64'],
      ['PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW+', 'the key is not base64'],
      ['PeterNeumann+c74f20a3+', 'the key is not an Ed25519 key'],
      [withKey([2, ...pub]), 'the key is not an Ed25519 key'],
      [withKey([1, ...pub.slice(1)]), 'the key is not 32 bytes'],
      [withKey([1, ...pub, 0]), 'the key is not 32 bytes'],
      ['PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'the key hint does not match the key'],
      ['PeterNeumanN+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'the key hint does not match the key'],
    ];
    for (const [key, why] of cases)
      expect(
        reason(() => parseVerifierKey(key)),
        key,
      ).toBe(why);
  });
});

describe('the checkpoint text', () => {
  it('is the origin, the decimal size and the base64 root, each ending in a newline', () => {
    const root = fromBase64(root8);
    expect(checkpointBody(origin, 8, root)).toBe(`log.example.org/writ\n8\n${root8}\n`);
    expect(checkpointBody('o', 0, root)).toBe(`o\n0\n${root8}\n`);
    expect(checkpointBody('a b', 2 ** 53 - 1, root)).toBe(`a b\n9007199254740991\n${root8}\n`);
  });

  it('is refused with a bad origin, size or root hash', () => {
    const root = fromBase64(root8);
    const cases: [string, number, Uint8Array, string][] = [
      ['', 1, root, 'the origin must be one non-empty line'],
      ['a\nb', 1, root, 'the origin must be one non-empty line'],
      ['a\n', 1, root, 'the origin must be one non-empty line'],
      ['\na', 1, root, 'the origin must be one non-empty line'],
      [origin, -1, root, 'the tree size must be a whole number'],
      [origin, 1.5, root, 'the tree size must be a whole number'],
      [origin, Number.NaN, root, 'the tree size must be a whole number'],
      [origin, 2 ** 53, root, 'the tree size must be a whole number'],
      [origin, 1, root.slice(1), 'the root hash must be 32 bytes'],
      [origin, 1, Uint8Array.from([...root, 0]), 'the root hash must be 32 bytes'],
    ];
    for (const [o, size, r, why] of cases)
      expect(
        reason(() => checkpointBody(o, size, r)),
        `${o} ${size}`,
      ).toBe(why);
  });

  it('signed, is the body, a blank line and an em-dash line of the name and base64(hint || Ed25519 signature)', () => {
    const signer = signingKeyFromSeed(fromBase64(peterSeed));
    const body = checkpointBody(origin, 8, fromBase64(root8));
    const note = signNote(body, origin, signer);
    const hint = createHash('sha256').update(`${origin}\n\x01`).update(fromBase64(peterPublic)).digest().subarray(0, 4);
    const signature = sign(null, Buffer.from(body), signer);
    expect(note).toBe(`${origin}\n8\n${root8}\n\n\u2014 ${origin} ${Buffer.concat([hint, signature]).toString('base64')}\n`);
    const c = parseCheckpoint(note);
    expect([c.origin, c.treeSize, b64(c.rootHash), c.body]).toEqual([origin, 8, root8, body]);
    expect(c.signatures).toHaveLength(1);
    expect(hexOf(c.signatures[0]!.keyHint)).toBe(hint.toString('hex'));
    expect(verifyCheckpoint(note, parseVerifierKey(verifierKeyOf(origin, signer))).treeSize).toBe(8);
  });

  it('keeps further body lines and every signature when parsed', () => {
    const note = `${origin}\n12\n${root8}\nextension line\n\n${peterSig}${enochSig}`;
    const c = parseCheckpoint(note);
    expect(c.treeSize).toBe(12);
    expect(c.body).toBe(`${origin}\n12\n${root8}\nextension line\n`);
    expect(c.signatures.map((s) => [s.keyName, hexOf(s.keyHint), s.signature.length])).toEqual([
      ['PeterNeumann', 'c74f20a3', 64],
      ['EnochRoot', 'af0cfe78', 64],
    ]);
    expect(parseCheckpoint(`${origin}\n9007199254740991\n${root8}\n\n${peterSig}`).treeSize).toBe(2 ** 53 - 1);
    expect(parseCheckpoint(`${origin}\n0\n${root8}\n\n${peterSig}`).treeSize).toBe(0);
  });

  it('is refused when a line is missing or malformed, with the reason', () => {
    const cp = (body: string) => reason(() => parseCheckpoint(`${body}\n${peterSig}`));
    expect(cp(`${origin}\n3\n`)).toBe('the checkpoint has fewer than three lines');
    expect(cp(`${origin}\n`)).toBe('the checkpoint has fewer than three lines');
    expect(cp(`\n3\n${root8}\n`)).toBe('the checkpoint has no origin');
    for (const size of ['03', '-1', '+1', '1.0', '1e3', ' 1', '', '9007199254740992', '12345678901234567', 'x']) {
      expect(cp(`${origin}\n${size}\n${root8}\n`), size).toBe('the tree size is not a decimal number');
    }
    expect(cp(`${origin}\n3\n${root8.slice(0, -1)}\n`)).toBe('the root hash is not base64');
    expect(cp(`${origin}\n3\nAAAA\n`)).toBe('the root hash is not 32 bytes');
    expect(cp(`${origin}\n3\n\n`)).toBe('the root hash is not 32 bytes');
  });
});

describe('signed notes', () => {
  it('write each signature as an em-dash line after the blank line', () => {
    const { signatures } = parseNote(`${text}\n${peterSig}${enochSig}`);
    expect(signatures.map(signatureLine)).toEqual([peterSig, enochSig]);
    expect(noteText(text, signatures)).toBe(`${text}\n${peterSig}${enochSig}`);
    expect(noteText(text, [])).toBe(`${text}\n`);
  });

  it('split at the last blank line, which may open the note', () => {
    expect(parseNote(`\n\n${peterSig}`).body).toBe('\n');
    expect(parseNote(`a\n\nb\n\n${peterSig}`).body).toBe('a\n\nb\n');
    const short = parseNote(`${text}\n— PeterNeumann AAAAAAA=\n`).signatures[0]!;
    expect([hexOf(short.keyHint), hexOf(short.signature)]).toEqual(['00000000', '00']);
  });

  it('are refused when malformed, with the reason', () => {
    const sigBytes = peterSig.slice('— PeterNeumann '.length, -1);
    const cases: [string, string][] = [
      [`a\rb\n\n${peterSig}`, 'the note has carriage returns'],
      [`${text}\r\n${peterSig}`, 'the note has carriage returns'],
      [text, 'the note has no blank line before its signatures'],
      [`${text}\n${peterSig.slice(0, -1)}`, 'the note has no blank line before its signatures'],
      [`${text}\n`, 'a signature line does not start with "— "'],
      [`${text}\n${peterSig}\n`, 'a signature line does not start with "— "'],
      [`${text}\n- PeterNeumann ${sigBytes}\n`, 'a signature line does not start with "— "'],
      [`${text}\n—PeterNeumann ${sigBytes}\n`, 'a signature line does not start with "— "'],
      [`${text}\n— PeterNeumann ${sigBytes} more\n`, 'a signature line is malformed'],
      [`${text}\n— PeterNeumann\n`, 'a signature line is malformed'],
      [`${text}\n—  ${sigBytes}\n`, 'a signature line is malformed'],
      [`${text}\n— Peter+Neumann ${sigBytes}\n`, 'a signature line is malformed'],
      [`${text}\n— PeterNeumann ${sigBytes.slice(1)}\n`, 'a signature is not base64'],
      [`${text}\n— PeterNeumann AAAAAA==\n`, 'a signature is too short'],
      [`${text}\n— PeterNeumann \n`, 'a signature is too short'],
    ];
    for (const [note, why] of cases)
      expect(
        reason(() => parseNote(note)),
        JSON.stringify(note),
      ).toBe(why);
  });
});

describe('signing keys', () => {
  it('a 32-byte seed makes the Go vectors’ signer, and nothing else is a seed', () => {
    const signer = signingKeyFromSeed(fromBase64(peterSeed));
    expect(b64(publicKeyOf(signer))).toBe(peterPublic);
    expect(verifierKeyOf('PeterNeumann', signer)).toBe(peterKey);
    expect(signNote(text, 'PeterNeumann', signer)).toBe(`${text}\n${peterSig}`);
    for (const length of [0, 31, 33]) {
      expect(reason(() => signingKeyFromSeed(new Uint8Array(length)))).toBe('an Ed25519 seed is 32 bytes');
    }
  });

  it('are read from PKCS #8 PEM or base64 DER, with any surrounding or inner whitespace', () => {
    const signer = signingKeyFromSeed(fromBase64(peterSeed));
    const pem = signer.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = signer.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const wrapped = `  ${der.slice(0, 20)}\n\t${der.slice(20, 40)}  \r\n${der.slice(40)}\n`;
    for (const textOfKey of [pem, `\n\n  ${pem}  \n`, der, wrapped]) {
      expect(verifierKeyOf('PeterNeumann', signingKeyFrom(textOfKey)), textOfKey).toBe(peterKey);
    }
    const fresh = generateSigningKey();
    expect(fresh.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
    expect(publicKeyOf(signingKeyFrom(fresh))).toHaveLength(32);
  });

  it('refuse text that is no PKCS #8 key, and keys that are not Ed25519', () => {
    const other = (type: 'ed448' | 'x25519') =>
      (type === 'ed448' ? generateKeyPairSync('ed448') : generateKeyPairSync('x25519')).privateKey
        .export({ format: 'pem', type: 'pkcs8' })
        .toString();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    for (const bad of ['not a key', '', peterKey, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n']) {
      expect(
        reason(() => signingKeyFrom(bad)),
        bad,
      ).toBe('the signing key is not a PKCS #8 private key (PEM or base64 DER)');
    }
    for (const pem of [other('ed448'), other('x25519'), ec]) {
      expect(reason(() => signingKeyFrom(pem))).toBe('the signing key is not an Ed25519 key');
    }
  });

  it('sign only a body of whole lines with no blank line', () => {
    const signer = signingKeyFromSeed(fromBase64(peterSeed));
    for (const body of ['', 'a', 'a\nb', 'a\n\n', 'a\n\nb\n']) {
      expect(
        reason(() => signNote(body, 'PeterNeumann', signer)),
        JSON.stringify(body),
      ).toBe('a note body is lines ending with a newline');
    }
    for (const body of ['a\n', 'a\nb\n'])
      expect(noteIsSignedBy(signNote(body, 'PeterNeumann', signer), peterKey), body).toBe(true);
  });
});

describe('checking a note’s signature', () => {
  it('needs the key’s exact name and hint, and is false rather than throwing on bad input', () => {
    const note = `${text}\n${peterSig}`;
    const peter = parseVerifierKey(peterKey);
    expect(noteIsSignedBy(note, peter)).toBe(true);
    expect(noteIsSignedBy(note, { ...peter, hint: Uint8Array.from([...peter.hint, 0]) })).toBe(false);
    expect(noteIsSignedBy(note, { ...peter, hint: peter.hint.slice(0, 3) })).toBe(false);
    expect(noteIsSignedBy(note, { ...peter, name: 'PeterNeumanN' })).toBe(false);
    expect(noteIsSignedBy(note, 'not a key')).toBe(false);
    expect(noteIsSignedBy('not a note', peterKey)).toBe(false);
    // A line by the right name and hint whose signature is not 64 bytes does not hide a good one after it.
    const odd = `— PeterNeumann ${b64(Uint8Array.from([...peter.hint, 1, 2, 3]))}\n`;
    expect(noteIsSignedBy(`${text}\n${odd}${peterSig}`, peterKey)).toBe(true);
    expect(noteIsSignedBy(`${text}\n${odd}`, peterKey)).toBe(false);
  });

  it('verifyCheckpoint names the wrong origin or the missing signature', () => {
    const note = `${origin}\n3\n${root8}\n\n${peterSig}`;
    const peter = parseVerifierKey(peterKey);
    expect(reason(() => verifyCheckpoint(note, peter))).toBe(`the origin is "${origin}", expected "PeterNeumann"`);
    expect(reason(() => verifyCheckpoint(note, peter, origin))).toBe('no valid signature by PeterNeumann');
  });
});
