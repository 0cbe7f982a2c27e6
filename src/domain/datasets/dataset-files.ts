/**
 * Which of the files given for an import are the dataset's data files, and in which role, decided
 * from names and header lines only. An import's identity is a hash over these files' roles and
 * contents, so the same files can be recognised before anything is parsed.
 */
import { googlePartOf } from './google-archive.js';
import { isMetaRequestsFile } from './meta-requests.js';
import { metaRestrictionsRole } from './meta-restrictions.js';
import { type DatasetSource, jsonPart, metaPart, type SourceFile } from './sources.js';

export function dataFilesOf(
  source: DatasetSource,
  files: SourceFile[],
): { data: (SourceFile & { role: string })[]; ignored: string[] } {
  const data: (SourceFile & { role: string })[] = [];
  const ignored: string[] = [];
  for (const file of files) {
    const role =
      source === 'google-removals'
        ? googlePartOf(file.name)
        : source === 'google-removals-json'
          ? file.name.toLowerCase().endsWith('.json')
            ? jsonPart
            : undefined
          : source === 'meta-content-restrictions'
            ? metaRestrictionsRole(file)
            : isMetaRequestsFile(file)
              ? metaPart
              : undefined;
    if (role) data.push({ ...file, role });
    else ignored.push(file.name);
  }
  return { data, ignored };
}
