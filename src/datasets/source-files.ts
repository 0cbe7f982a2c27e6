/**
 * Reading a published dataset from disk: a folder (walked a few levels deep), a zip archive such as
 * Google's google-government-removals.zip (read with yauzl; each member's CRC-32 is checked), or a
 * single file. Hidden files and macOS `__MACOSX/` resource forks are skipped. Nothing is parsed
 * here; that is src/domain/datasets.
 */
import { open as openFile, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { refuse, type SourceFile } from '../domain/datasets/sources.js';

export type ReadProgress = (doneBytes: number, totalBytes: number) => void;

const maxDepth = 4;
/** Far above any published archive (Google's is about 2.7 MB unpacked); a guard against zip bombs. */
const maxTotalBytes = 512 * 1024 * 1024;

const skipped = (name: string) => name.startsWith('.') || name === '__MACOSX';

export async function readSourceFiles(target: string, progress?: ReadProgress): Promise<SourceFile[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw refuse(target, 'does not exist');
  if (info.isDirectory()) return readFolder(target, progress);
  if (!info.isFile()) throw refuse(target, 'is neither a file nor a folder');
  if (await isZip(target)) return readZip(target, progress);
  const bytes = await readFile(target);
  progress?.(bytes.length, bytes.length);
  return [{ name: path.basename(target), bytes }];
}

async function isZip(file: string): Promise<boolean> {
  if (file.toLowerCase().endsWith('.zip')) return true;
  const handle = await openFile(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    await handle.close();
  }
}

async function readFolder(root: string, progress?: ReadProgress): Promise<SourceFile[]> {
  const found: { name: string; full: string; size: number }[] = [];
  const walk = async (dir: string, depth: number) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (skipped(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth) await walk(full, depth + 1);
      } else if (entry.isFile()) {
        found.push({ name: path.relative(root, full).split(path.sep).join('/'), full, size: (await stat(full)).size });
      }
    }
  };
  await walk(root, 0);
  const total = found.reduce((s, f) => s + f.size, 0);
  if (total > maxTotalBytes) throw refuse(root, `holds ${total} bytes, more than a published dataset (${maxTotalBytes})`);
  const files: SourceFile[] = [];
  let done = 0;
  for (const f of found) {
    const bytes = await readFile(f.full);
    files.push({ name: f.name, bytes });
    done += bytes.length;
    progress?.(done, total);
  }
  return files;
}

function readZip(file: string, progress?: ReadProgress): Promise<SourceFile[]> {
  const name = path.basename(file);
  const damaged = (error: Error) => refuse(name, `is not a readable zip archive (truncated or damaged: ${error.message})`);
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (openError, zip) => {
        if (openError || !zip) return reject(damaged(openError ?? new Error('no archive')));
        const files: SourceFile[] = [];
        const entries: yauzl.Entry[] = [];
        let total = 0;
        let done = 0;
        let failed = false;
        const fail = (error: Error) => {
          if (failed) return;
          failed = true;
          zip.close();
          reject(error);
        };
        zip.on('error', (error: Error) => fail(damaged(error)));
        zip.on('entry', (entry: yauzl.Entry) => {
          const parts = entry.fileName.split('/');
          if (!entry.fileName.endsWith('/') && !parts.some(skipped)) {
            entries.push(entry);
            total += entry.uncompressedSize;
          }
          zip.readEntry();
        });
        zip.on('end', async () => {
          if (total > maxTotalBytes)
            return fail(refuse(name, `unpacks to ${total} bytes, more than a published dataset (${maxTotalBytes})`));
          try {
            // Entries are listed first, then read: autoClose is off so the file stays open until all are read.
            for (const entry of entries) {
              const bytes = await readEntry(zip, entry);
              if (crc32(bytes) !== entry.crc32)
                throw refuse(name, `member ${entry.fileName} fails its CRC-32 check (damaged archive)`);
              files.push({ name: entry.fileName, bytes });
              done += bytes.length;
              progress?.(done, total);
            }
            zip.close();
            resolve(files);
          } catch (error) {
            fail(error instanceof Error && error.name === 'WritError' ? error : damaged(error as Error));
          }
        });
        zip.readEntry();
      },
    );
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
