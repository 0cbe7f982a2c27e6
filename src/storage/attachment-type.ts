/**
 * What an attachment is, judged by its bytes (`file-type` reads the signature at its start), never by
 * the name or the Content-Type its sender gave it: a `.pdf` that is really HTML or a script is refused.
 */
import { fileTypeFromBuffer } from 'file-type';
import { attachmentMediaTypes } from '../contracts/authority-orders.js';

export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

/** The media type detected, when it is one Writ accepts (PDF, PNG, JPEG, TIFF); undefined otherwise. */
export async function acceptedMediaType(bytes: Uint8Array): Promise<AttachmentMediaType | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  return attachmentMediaTypes.find((t) => t === detected?.mime);
}
