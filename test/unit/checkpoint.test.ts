/**
 * The log's checkpoints (issue 13): the signed-note format against golang.org/x/mod's published
 * vectors (sumdb/note/note_test.go at commit fe2ec04f7c3c3aa6fad97631aafcff6e49e2d1db, BSD-3-Clause:
 * the PeterNeumann and EnochRoot keys and signatures), and checkpoints Writ signs, parsed back,
 * verified, and refused once any byte of them changes.
 */
import { describe, expect, it } from 'vitest';
import {
  CheckpointFormatError,
  checkpointBody,
  keyHintOf,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
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
import { fromBase64, leafHash, rootHash, toBase64 } from '../../src/domain/merkle.js';

// golang.org/x/mod sumdb/note/note_test.go
const peterKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const peterPrivate = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const enochKey = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const peterSig = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const enochSig = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

describe('signed notes: golang.org/x/mod vectors', () => {
  const seed = fromBase64(peterPrivate.slice('PRIVATE+KEY+PeterNeumann+c74f20a3+'.length)).slice(1);
  const peterSigner = signingKeyFromSeed(seed);

  it('parses the verifier keys and checks their hints', () => {
    const peter = parseVerifierKey(peterKey);
    expect(peter.name).toBe('PeterNeumann');
    expect(Buffer.from(peter.hint).toString('hex')).toBe('c74f20a3');
    expect(verifierKeyText(peter.name, peter.publicKey)).toBe(peterKey);
    expect(Buffer.from(parseVerifierKey(enochKey).hint).toString('hex')).toBe('af0cfe78');
  });

  it('refuses mangled verifier keys (as the Go tests do)', () => {
    const bad = [
      'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==',
      'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'PeterNeumann+c74f20a3',
      'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'PeterNeumanN+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TX',
    ];
    for (const k of bad) expect(() => parseVerifierKey(k), k).toThrow(CheckpointFormatError);
    const b = [...peterKey];
    for (let i = 0; i < b.length; i++) {
      const mangled = [...b.slice(0, i), String.fromCharCode(b[i]!.charCodeAt(0) + 1), ...b.slice(i + 1)].join('');
      expect(() => parseVerifierKey(mangled), mangled).toThrow();
    }
  });

  it('signs the Go test text into exactly the Go test note (Ed25519 is deterministic)', () => {
    expect(verifierKeyOf('PeterNeumann', peterSigner)).toBe(peterKey);
    expect(signNote(text, 'PeterNeumann', peterSigner)).toBe(`${text}\n${peterSig}`);
  });

  it('verifies each published signature with its own key only', () => {
    const note = `${text}\n${peterSig}${enochSig}`;
    expect(noteIsSignedBy(note, peterKey)).toBe(true);
    expect(noteIsSignedBy(note, enochKey)).toBe(true);
    expect(noteIsSignedBy(`${text}\n${peterSig}`, enochKey)).toBe(false);
    expect(noteIsSignedBy(`${text.replace('answer', 'Answer')}\n${peterSig}`, peterKey)).toBe(false);
    const parsed = parseNote(note);
    expect(parsed.body).toBe(text);
    expect(parsed.signatures.map((s) => s.keyName)).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(Buffer.from(parsed.signatures[0]!.keyHint).toString('hex')).toBe('c74f20a3');
  });
});

describe('checkpoints', () => {
  const origin = 'transparency.example.org/log';
  const pem = generateSigningKey();
  const key = signingKeyFrom(pem);
  const verifier = parseVerifierKey(verifierKeyOf(origin, key));
  const root = rootHash(['a', 'b', 'c'].map((s) => leafHash(new TextEncoder().encode(s))));
  const note = signNote(checkpointBody(origin, 3, root), origin, key);

  it('are the C2SP text: origin, size, base64 root, a blank line and an em-dash signature line', () => {
    const lines = note.split('\n');
    expect(lines.slice(0, 4)).toEqual([origin, '3', toBase64(root), '']);
    expect(lines[4]).toMatch(/^— transparency\.example\.org\/log [A-Za-z0-9+/]{91}=$/);
    expect(lines[5]).toBe('');
  });

  it('parse back and verify with the verifier key and origin', () => {
    const c = verifyCheckpoint(note, verifier);
    expect(c.treeSize).toBe(3);
    expect(toBase64(c.rootHash)).toBe(toBase64(root));
    expect(c.signatures[0]!.keyHint).toEqual(keyHintOf(origin, publicKeyOf(key)));
    expect(() => verifyCheckpoint(note, verifier, 'other.example/log')).toThrow(/origin/);
  });

  it('fail when any byte changes, or under another key', () => {
    for (let i = 0; i < note.length; i++) {
      if (note[i] === '\n') continue;
      const changed = note.slice(0, i) + (note[i] === 'A' ? 'B' : 'A') + note.slice(i + 1);
      expect(() => verifyCheckpoint(changed, verifier), `byte ${i}`).toThrow(CheckpointFormatError);
    }
    // The signature's last base64 character before '=' carries 2 unused bits: flipping one is still a change.
    const end = note.lastIndexOf('=') - 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const padded = note.slice(0, end) + alphabet[alphabet.indexOf(note[end]!) ^ 1] + note.slice(end + 1);
    expect(() => verifyCheckpoint(padded, verifier)).toThrow(CheckpointFormatError);
    const other = parseVerifierKey(verifierKeyOf(origin, signingKeyFrom(generateSigningKey())));
    expect(() => verifyCheckpoint(note, other)).toThrow(/no valid signature/);
  });

  it('take the key as PEM or base64 DER, and refuse other keys', () => {
    const der = signingKeyFrom(pem).export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(verifierKeyOf(origin, signingKeyFrom(der))).toBe(verifierKeyOf(origin, key));
    expect(() => signingKeyFrom('not a key')).toThrow(CheckpointFormatError);
  });

  it('refuse malformed bodies', () => {
    const sig = note.slice(note.indexOf('\n\n'));
    for (const body of [
      `${origin}\n3\n`,
      `${origin}\n03\n${toBase64(root)}\n`,
      `${origin}\n3\n${toBase64(root.slice(1))}\n`,
      `\n3\n${toBase64(root)}\n`,
    ]) {
      expect(() => parseCheckpoint(body + sig.slice(1)), body).toThrow(CheckpointFormatError);
    }
    expect(() => parseCheckpoint(`${origin}\n3\n${toBase64(root)}\n`)).toThrow(/blank line/);
  });
});
