/**
 * Files attached to an order (the signed order): checked before anything is kept — not empty, not
 * over the configured size, a PDF, PNG, JPEG or TIFF by its content — then stored under a new id
 * (never the sender's name) through the attachment store, with its SHA-256 and a history event. An
 * agency reaches only its own orders' files; reviewers reach every order's.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentRow } from '../db/channel-orders-repository.js';
import { WritError } from '../domain/errors.js';
import { acceptedMediaType } from '../storage/attachment-type.js';
import type { Writ } from './context.js';

type AttachmentContext = Pick<Writ, 'channelOrders' | 'attachmentStore' | 'config'>;

/** Who attaches or reads: an agency (its officer, or an API key: null) or a staff user. */
export type AttachmentActor = { agencyId: string; officerId: string | null } | { userId: string };

/** The name kept for showing and for the download's suggested name: no folders, no control characters. */
export function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'attachment' : clean;
}

export async function attachFile(
  writ: AttachmentContext,
  by: AttachmentActor,
  orderId: string,
  file: { fileName: string | null; bytes: Uint8Array },
): Promise<AttachmentRow> {
  // Another agency's order is not found before its file is even looked at.
  if ('agencyId' in by && !(await writ.channelOrders.owns(by.agencyId, orderId))) {
    throw new WritError('not_found', `order ${orderId} does not exist`);
  }
  if (file.bytes.length === 0) throw new WritError('validation_failed', 'the file is empty', 'body');
  if (file.bytes.length > writ.config.attachmentMaxBytes)
    throw new WritError('payload_too_large', `a file may be at most ${writ.config.attachmentMaxBytes} bytes`, 'body');
  const mediaType = await acceptedMediaType(file.bytes);
  if (!mediaType)
    throw new WritError(
      'unsupported_media_type',
      'the file is not a PDF, PNG, JPEG or TIFF by its content (its name and label are not taken on trust)',
      'body',
    );
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await writ.attachmentStore.put(id, file.bytes);
  try {
    return await writ.channelOrders.addAttachment(
      {
        id,
        requestId: orderId,
        storageKey: id,
        fileName: cleanFileName(file.fileName),
        mediaType,
        size: file.bytes.length,
        sha256,
      },
      by,
    );
  } catch (error) {
    // Nothing is kept of a file whose record could not be written.
    await writ.attachmentStore.delete(id);
    throw error;
  }
}

/** An attachment's record and bytes; with an agency, only of that agency's orders (otherwise not found). */
export async function readAttachment(
  writ: AttachmentContext,
  agencyId: string | null,
  orderId: string,
  attachmentId: string,
): Promise<{ attachment: AttachmentRow; bytes: Buffer }> {
  const attachment = await writ.channelOrders.attachment(orderId, attachmentId, agencyId);
  const bytes = await writ.attachmentStore.get(attachment.storageKey);
  if (!bytes) throw new Error(`attachment ${attachment.id} is recorded but its file is missing from the store`);
  return { attachment, bytes };
}

/**
 * A staff member downloads an order's private attachment: the file, and an `attachment_viewed`
 * event in the order's history (and so in its audit chain, decision 48) — recorded only once the
 * file is found, so a wrong id leaves no trace.
 */
export async function viewAttachment(
  writ: AttachmentContext & Pick<Writ, 'audit'>,
  userId: string,
  orderId: string,
  attachmentId: string,
): Promise<{ attachment: AttachmentRow; bytes: Buffer }> {
  const found = await readAttachment(writ, null, orderId, attachmentId);
  await writ.audit.recordAttachmentView(userId, orderId, found.attachment.id);
  return found;
}
