/**
 * Where the bytes of orders' attachments live: behind this interface, so that a folder (the default,
 * `<data dir>/attachments`, never under the web root) can give way to S3-compatible storage
 * (docs/scaling.md) without any use case changing. A file is stored under its attachment's id, never
 * under the name its sender gave it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type AttachmentStore = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or undefined when nothing is stored under the key. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
};

/** Keys are attachment ids (UUIDs): nothing a sender chose, so no path can be smuggled in. */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not an attachment key: ${JSON.stringify(key)}`);
  return key;
}

/** Files in `root`, spread over 256 sub-folders by the key's first two characters; written whole or not at all. */
export function folderAttachmentStore(root: string): AttachmentStore {
  const fileOf = (key: string) => path.join(root, checkedKey(key).slice(0, 2), key);
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written beside, then renamed: a reader never sees half a file, a crash leaves only a .part.
      const partial = `${file}.${randomUUID()}.part`;
      await writeFile(partial, bytes, { mode: 0o600, flag: 'wx' });
      await rename(partial, file);
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
