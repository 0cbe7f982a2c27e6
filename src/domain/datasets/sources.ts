/**
 * The published datasets Writ can read, the parts (file kinds) each is made of, and the shape of a
 * data-quality warning. Definitions of every figure: docs/methodology.md.
 */
import { WritError } from '../errors.js';

export const datasetSources = [
  'google-removals',
  'google-removals-json',
  'meta-data-requests',
  'meta-content-restrictions',
] as const;
export type DatasetSource = (typeof datasetSources)[number];

export const sourceLabels: Record<DatasetSource, string> = {
  'google-removals': 'Google: government requests to remove content (official archive)',
  'google-removals-json': 'Google: government requests to remove content (third-party JSON repackaging, integer item outcomes)',
  'meta-data-requests': 'Meta: government requests for user data',
  'meta-content-restrictions': 'Meta: content restricted under local law',
};

/** What kind of request a source counts, so that a timeline sets like beside like. */
export const sourceRequestKind: Record<DatasetSource, 'content_removal' | 'user_data'> = {
  'google-removals': 'content_removal',
  'google-removals-json': 'content_removal',
  'meta-data-requests': 'user_data',
  'meta-content-restrictions': 'content_removal',
};

/**
 * The parts of Google's archive, named after what they break requests down by. A newer vintage
 * replaces a part period by period, so an archive without historical/ leaves the historical parts alone.
 */
export const googleParts = ['product-reason', 'requester', 'historical-product-reason', 'historical-summary'] as const;
export type GooglePart = (typeof googleParts)[number];

/** The file each part is published as (inside Google's zip). */
export const googlePartFiles: Record<GooglePart, string> = {
  'product-reason': 'google-government-detailed-removal-requests.csv',
  requester: 'google-government-removal-requests.csv',
  'historical-product-reason': 'historical/google-government-detailed-removal-requests-historical.csv',
  'historical-summary': 'historical/google-government-removal-requests-historical.csv',
};

export const jsonPart = 'rows';
export const metaPart = 'countries';
/** Meta's content-restrictions files, and the "Internet Disruptions" column of its requests files. */
export const restrictionsPart = 'restrictions';
export const disruptionsPart = 'disruptions';

export type DatasetPart = GooglePart | typeof jsonPart | typeof metaPart | typeof restrictionsPart | typeof disruptionsPart;

/** Something odd in a published file that did not stop the import. `line` is null for file-level findings. */
export type DataWarning = { file: string; line: number | null; message: string };

/** A file Writ cannot understand: the import is refused and nothing is stored. */
export function refuse(file: string, message: string, line?: number): WritError {
  return new WritError('validation_failed', `${file}${line === undefined ? '' : ` line ${line}`}: ${message}`, 'path');
}

export function isDatasetSource(text: string): text is DatasetSource {
  return (datasetSources as readonly string[]).includes(text);
}

export function parseDatasetSource(text: string, field = 'source'): DatasetSource {
  if (!isDatasetSource(text))
    throw new WritError(
      'validation_failed',
      `source must be one of ${datasetSources.join(', ')} (got ${JSON.stringify(text)})`,
      field,
    );
  return text;
}

/** A published file, as read from a directory or a zip. `name` is its path inside the folder or archive. */
export type SourceFile = { name: string; bytes: Uint8Array };

/** A period and the rows of one part that cover it: the unit a newer vintage replaces. */
export type PartPeriod = { part: DatasetPart; period: string };
