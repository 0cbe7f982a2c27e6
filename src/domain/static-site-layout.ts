/**
 * Where each file of the static publication lives (issue 13): `writ publish --out DIR` writes these
 * paths and `writ verify --site URL|DIR` reads them, so the two can never disagree. Paths are
 * relative to the site's root, with `/` separators. Browser-safe.
 */
import type { PublicRecord, PublicTombstone } from './public-record.js';

export const siteLayout = {
  /** The overview (requests per country over time, the world map). */
  home: 'index.html',
  /** A country's page for one half-year, e.g. countries/KZ/2025-H1/index.html. */
  countryPeriod: (country: string, period: string) => `countries/${country}/${period}/index.html`,
  /** The request database: every record in a table (search enhances it when scripts run). */
  records: 'records/index.html',
  /** The request database's further pages of 500 records (page 1 is `records`). */
  recordsPage: (page: number) => (page <= 1 ? 'records/index.html' : `records/pages/${page}/index.html`),
  /** Every record's id, version, status and leaf index (what `writ verify` walks). */
  recordsIndex: 'records/index.json',
  /** One record's page (or its tombstone): the same URL path as the live site's /records/{id}. */
  recordPage: (id: string) => `records/${id}/index.html`,
  /** One record (or tombstone) with its log entry and inclusion proof: a RecordProof. */
  recordProof: (id: string) => `records/${id}.json`,
  methodology: 'methodology/index.html',
  /** Atom feeds of newly published records: all, and per country. */
  feed: 'feeds/records.atom',
  countryFeed: (country: string) => `feeds/${country}.atom`,
  /** Downloads (CSV and JSON of every table and chart) and the exports, by file name. */
  download: (file: string) => `downloads/${file}`,
  /** The latest signed tree head (a C2SP checkpoint, text). */
  checkpoint: 'log/checkpoint',
  /** Every checkpoint published, by tree size, and their list (JSON array of sizes, ascending). */
  checkpointAt: (treeSize: number) => `log/checkpoints/${treeSize}`,
  checkpoints: 'log/checkpoints/index.json',
  /** The consistency proof from one published checkpoint to the next: a ConsistencyProof. */
  consistency: (from: number, to: number) => `log/consistency/${from}-${to}.json`,
  /** The log's verifier key, in the signed-note format `<name>+<hex key hash>+<base64(0x01 || key)>`. */
  publicKey: 'log/public-key',
  /** Static assets (style, the script that enhances the pages). */
  asset: (file: string) => `assets/${file}`,
} as const;

/** Index of the published records (records/index.json). */
export type RecordsIndex = { id: string; version: number; status: 'published' | 'withdrawn'; leafIndex: number }[];

/**
 * A record with the evidence that it is in the log: the live API's `/api/v1/public/records/{id}/proof`
 * and the static site's records/{id}.json have this shape. Hashes are standard base64.
 */
export type RecordProof = {
  id: string;
  version: number;
  status: 'published' | 'withdrawn';
  record: PublicRecord | null;
  tombstone: PublicTombstone | null;
  /** The log entry of the current version: its index, and its leaf bytes (base64). */
  leafIndex: number;
  leaf: string;
  /** The audit path from the leaf to the root of the tree of `treeSize` leaves (RFC 9162 §2.1.3). */
  inclusion: { treeSize: number; hashes: string[] };
  /** The checkpoint (signed note) whose tree the proof is against. */
  checkpoint: string;
};

/** A consistency proof between two tree sizes (RFC 9162 §2.1.4), hashes in standard base64. */
export type ConsistencyProof = { from: number; to: number; hashes: string[] };
