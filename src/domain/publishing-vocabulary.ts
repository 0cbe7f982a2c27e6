/**
 * The words of transparency publishing (issue 13): a publication's life, the kinds of personal data
 * that redaction finds, the transparency log's entries, and the export formats. Closed lists: the
 * database enums, the API schemas and the web's labels derive from these arrays. Browser-safe.
 */

/**
 * A decided order's publication: a reviewer prepares it (`draft`: redactions proposed and chosen),
 * approves it (`approved`: waits for the delay and for any non-disclosure order to end), Writ
 * publishes it (`published`: the public record exists and is in the log), and it may be withdrawn
 * (`withdrawn`: a tombstone stays at its URL).
 */
export const publicationStatuses = ['draft', 'approved', 'published', 'withdrawn'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];

/**
 * What redaction looks for. `name` is a name a reviewer marked (found everywhere it occurs);
 * `manual` is any span a reviewer chose by hand. `iin` is Kazakhstan's 12-digit individual
 * identification number (with its check digit); `national_id` covers other national identifiers.
 */
export const personalDataKinds = ['email', 'phone', 'iin', 'national_id', 'card', 'address', 'name', 'manual'] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

/** The public record's text fields that can carry personal data and are redacted before publication. */
export const redactableFields = ['legalBasis', 'summary', 'caseStudy', 'target'] as const;
export type RedactableField = (typeof redactableFields)[number];

/**
 * What an entry of the transparency log records: a record published, a published record corrected
 * (a new version), or a publication withdrawn (its tombstone).
 */
export const logEntryKinds = ['publish', 'correct', 'withdraw'] as const;
export type LogEntryKind = (typeof logEntryKinds)[number];

/** `writ export FORMAT`, `GET /api/v1/public/exports/{format}`: the formats the world already reads. */
export const exportFormats = ['google-removals', 'meta-data-requests', 'eu-orders', 'dsa-sor', 'lumen'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The facets of the public request database, each counted over the records that match. */
export const recordFacets = ['country', 'authorityKind', 'regime', 'reason', 'outcome', 'period'] as const;
export type RecordFacet = (typeof recordFacets)[number];

/** The languages of the search dictionaries: PostgreSQL's `english`, `russian`, and `simple` for Kazakh. */
export const searchLanguages = ['en', 'ru', 'kk'] as const;
export type SearchLanguage = (typeof searchLanguages)[number];
