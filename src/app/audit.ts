/**
 * Verifying the audit log and exporting its signed head (issue 12, decision 48). The verifier pages
 * through every chain in seq order, recomputes each hash and link (src/domain/audit-chain.ts),
 * compares each chain's last entry with its head, and optionally checks that the log still extends
 * a checkpoint and that the checkpoint's signature is good.
 */
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { CheckpointRow } from '../db/audit-repository.js';
import {
  type AuditHead,
  type AuditProblem,
  ChainVerifier,
  checkpointBody,
  checkpointText,
  headsListing,
  keyHint,
  parseCheckpoint,
  rootHash,
  sha256Hex,
  utcMicros,
} from '../domain/audit-chain.js';
import { WritError } from '../domain/errors.js';
import type { Writ } from './context.js';

type AuditContext = Pick<Writ, 'audit' | 'config' | 'now'>;

const PAGE = 2000;

export type Verification = {
  ok: boolean;
  chains: number;
  entries: number;
  /** SHA-256 of the heads listing (hex): what a checkpoint signs. Null when the log is broken. */
  rootHash: string | null;
  problem: AuditProblem | null;
  /** Given a checkpoint: whether it was signed by the key given and the log still extends it. */
  checkpoint: { signed: boolean; extended: boolean } | null;
};

/** An Ed25519 key from configuration or a file: PKCS #8 / SPKI PEM, or its base64 DER. */
function readKey(text: string, kind: 'private' | 'public'): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----')
    ? kind === 'private'
      ? createPrivateKey(trimmed)
      : createPublicKey(trimmed)
    : kind === 'private'
      ? createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' })
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new WritError('validation_failed', `the ${kind} key is not an Ed25519 key`, 'key');
  return key;
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

/** The public key's fingerprint as published beside checkpoints: SHA256:<hex of the raw key's hash>. */
export function publicKeyFingerprint(key: KeyObject): string {
  return `SHA256:${sha256Hex(rawPublicKey(key))}`;
}

/** The configured signing key, or null when none is configured. */
export function signingKey(config: Writ['config']): { privateKey: KeyObject; publicKey: KeyObject; keyId: string } | null {
  if (!config.audit.signingKey) return null;
  const privateKey = readKey(config.audit.signingKey, 'private');
  return { privateKey, publicKey: createPublicKey(privateKey), keyId: config.audit.keyId };
}

/**
 * Verifies the whole log (or one chain). Stops at the first problem. `checkpoint`: a checkpoint's
 * text, checked against the log, and against `publicKey` (PEM or base64 DER) when given.
 */
export async function verifyAuditLog(
  writ: AuditContext,
  options: { chain?: string | null; checkpoint?: string | null; publicKey?: string | null } = {},
): Promise<Verification> {
  const chain = options.chain ?? null;
  const headList = await writ.audit.heads(chain);
  const heads = new Map(headList.map((h) => [h.chain, { seq: h.seq, hash: h.hash }]));
  const verifier = new ChainVerifier(heads);
  let after: { chain: string; seq: number } | null = null;
  let problem: AuditProblem | null = null;
  for (;;) {
    const rows = await writ.audit.page(after, PAGE, chain);
    for (const row of rows) {
      problem = verifier.add(row);
      if (problem) break;
    }
    if (problem || rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { chain: last.chain, seq: last.seq };
  }
  problem ??= verifier.finish();
  const base = { chains: verifier.chains, entries: verifier.entries };
  if (problem) return { ok: false, ...base, rootHash: null, problem, checkpoint: null };
  const root = rootHash(headsListing(headList));
  if (!options.checkpoint) return { ok: true, ...base, rootHash: root, problem: null, checkpoint: null };
  const checked = checkCheckpoint(options.checkpoint, options.publicKey ?? null, heads, chain);
  if (checked.problem === null) {
    const missing = await checkpointEntriesPresent(writ, options.checkpoint, chain);
    if (missing) Object.assign(checked, { problem: missing, extended: false });
  }
  return {
    ok: checked.problem === null,
    ...base,
    rootHash: root,
    problem: checked.problem,
    checkpoint: { signed: checked.signed, extended: checked.extended },
  };
}

/**
 * The checkpoint against the (verified) log: its listing hashes to its root, every head it lists is
 * still in the log at the same seq with the same hash — or, when the log moved on, that the entry at
 * that seq has that hash — and, with a public key, its signature. With `chain`, only that chain was
 * read (`heads` holds it alone): the checkpoint's other heads are not compared.
 */
function checkCheckpoint(
  text: string,
  publicKeyText: string | null,
  heads: ReadonlyMap<string, { seq: number; hash: string }>,
  chain: string | null,
): { problem: AuditProblem | null; signed: boolean; extended: boolean } {
  const fail = (detail: string, chain = '(checkpoint)', seq: number | null = null) => ({
    problem: { chain, seq, kind: 'checkpoint', detail } satisfies AuditProblem as AuditProblem,
    signed: false,
    extended: false,
  });
  let parsed: ReturnType<typeof parseCheckpoint>;
  try {
    parsed = parseCheckpoint(text);
  } catch (error) {
    return fail((error as Error).message);
  }
  let signed = false;
  if (publicKeyText !== null) {
    const key = readKey(publicKeyText, 'public');
    const raw = rawPublicKey(key);
    const good = parsed.signatures.some(
      (s) => keyHint(s.keyName, raw).equals(s.hint) && verify(null, Buffer.from(parsed.body, 'utf8'), key, s.signature),
    );
    if (!good) return fail('the checkpoint is not signed by this public key (or its body was changed after signing)');
    signed = true;
  }
  if (rootHash(headsListing(parsed.heads)) !== parsed.fields.rootHex)
    return fail("the checkpoint's heads listing does not hash to its root: the listing or the root was changed");
  if (parsed.heads.length !== parsed.fields.chains)
    return fail(`the checkpoint says ${parsed.fields.chains} chains but lists ${parsed.heads.length}`);
  for (const h of parsed.heads) {
    if (chain !== null && h.chain !== chain) continue;
    const now = heads.get(h.chain);
    if (!now || now.seq < h.seq)
      return {
        ...fail(
          `the checkpoint's head is seq ${h.seq}, but the log ${now ? `ends at seq ${now.seq}` : 'no longer has this chain'}: entries it had were removed`,
          h.chain,
          h.seq,
        ),
        signed,
      };
  }
  return { problem: null, signed, extended: true };
}

/**
 * The log still extends the checkpoint only if each listed entry is still there with its hash. The
 * verified chain walk proves links from genesis to the head; this reads the listed entries' hashes.
 */
async function checkpointEntriesPresent(writ: AuditContext, text: string, chain: string | null): Promise<AuditProblem | null> {
  const parsed = parseCheckpoint(text);
  for (const h of parsed.heads) {
    if (chain !== null && h.chain !== chain) continue;
    const [row] = await writ.audit.page({ chain: h.chain, seq: h.seq - 1 }, 1, h.chain);
    if (!row || row.seq !== h.seq || row.hash !== h.hash)
      return {
        chain: h.chain,
        seq: h.seq,
        kind: 'link_broken',
        detail: `the checkpoint's entry (hash ${h.hash}) is not in the log any more: the chain was rewritten`,
      };
  }
  return null;
}

export type Checkpoint = { row: CheckpointRow; text: string; publicKeyFingerprint: string | null; publicKeyPem: string | null };

/**
 * Verifies the log, then records and (with a configured key) signs its head. A broken log is not
 * checkpointed: signing it would vouch for the tampering.
 */
export async function createCheckpoint(writ: AuditContext): Promise<Checkpoint> {
  const verification = await verifyAuditLog(writ);
  if (!verification.ok || verification.rootHash === null)
    throw new WritError(
      'conflict',
      `the audit log does not verify (${verification.problem?.chain} seq ${verification.problem?.seq}: ${verification.problem?.detail}); no checkpoint was made`,
    );
  // The heads read again: appends since the verification are covered by the same chain walk's
  // guarantee only up to what it read, so the checkpoint lists what was verified.
  const heads = await writ.audit.heads();
  const listing = headsListing(heads);
  const root = rootHash(listing);
  const entries = heads.reduce((n, h) => n + h.seq, 0);
  const at = writ.now();
  const key = signingKey(writ.config);
  const origin = writ.config.audit.keyId;
  const body = checkpointBody({
    origin,
    entries,
    rootHex: root,
    chains: heads.length,
    at: utcMicros(BigInt(at.getTime()) * 1000n),
  });
  let signatureLine: string | null = null;
  let signature: string | null = null;
  if (key) {
    const sig = sign(null, Buffer.from(body, 'utf8'), key.privateKey);
    signature = sig.toString('base64');
    signatureLine = `— ${key.keyId} ${Buffer.concat([keyHint(key.keyId, rawPublicKey(key.publicKey)), sig]).toString('base64')}`;
  }
  const row = await writ.audit.addCheckpoint({
    at,
    chains: heads.length,
    entries,
    rootHash: root,
    signature,
    keyId: key ? key.keyId : null,
  });
  return {
    row,
    text: checkpointText(body, signatureLine, listing),
    publicKeyFingerprint: key ? publicKeyFingerprint(key.publicKey) : null,
    publicKeyPem: key ? (key.publicKey.export({ format: 'pem', type: 'spki' }) as string) : null,
  };
}

export type { AuditHead };
