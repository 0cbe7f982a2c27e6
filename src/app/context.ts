/**
 * The Writ context: what a use case may reach — the repositories over one database, the rule packs,
 * the settings and the clock. The HTTP app (buildApp) and the CLI (withDatabase) build it the same
 * way, so a use case runs alike from either.
 */
import path from 'node:path';
import type { Config } from '../config.js';
import { accountDecisionsRepository } from '../db/account-decisions-repository.js';
import { agenciesRepository } from '../db/agencies-repository.js';
import { alertsRepository } from '../db/alerts-repository.js';
import { apiKeysRepository } from '../db/api-keys-repository.js';
import { auditRepository } from '../db/audit-repository.js';
import { authoritiesRepository } from '../db/authorities-repository.js';
import { channelOrdersRepository } from '../db/channel-orders-repository.js';
import { claimsRepository } from '../db/claims-repository.js';
import { complianceRepository } from '../db/compliance-repository.js';
import type { Db } from '../db/connection.js';
import { dataReportsRepository } from '../db/data-reports-repository.js';
import { datasetFiguresRepository } from '../db/datasets-figures-repository.js';
import { datasetsRepository } from '../db/datasets-repository.js';
import { enforcementRepository } from '../db/enforcement-repository.js';
import { exportsRepository } from '../db/exports-repository.js';
import { idempotencyRepository } from '../db/idempotency-repository.js';
import { intakeRepository } from '../db/intake-repository.js';
import { noticesRepository } from '../db/notices-repository.js';
import { officerSessionsRepository } from '../db/officer-sessions-repository.js';
import { officersRepository } from '../db/officers-repository.js';
import { oidcAccountsRepository } from '../db/oidc-accounts-repository.js';
import { orderThreadRepository } from '../db/order-thread-repository.js';
import { outboxRepository } from '../db/outbox-repository.js';
import { passkeysRepository } from '../db/passkeys-repository.js';
import { preservationRepository } from '../db/preservation-repository.js';
import { pressureRepository } from '../db/pressure-repository.js';
import { productionsRepository } from '../db/productions-repository.js';
import { publicRecordsRepository } from '../db/public-records-repository.js';
import { publicSiteRepository } from '../db/public-site-repository.js';
import { publicationsRepository } from '../db/publications-repository.js';
import { pushbacksRepository } from '../db/pushbacks-repository.js';
import { queueRepository } from '../db/queue-repository.js';
import { rateLimitsRepository } from '../db/rate-limits-repository.js';
import { reportsRepository } from '../db/reports-repository.js';
import { requestsRepository } from '../db/requests-repository.js';
import { reviewRepository } from '../db/review-repository.js';
import { signInAttemptsRepository } from '../db/sign-in-attempts-repository.js';
import { sinkDeliveriesRepository } from '../db/sink-deliveries-repository.js';
import { transparencyLogRepository } from '../db/transparency-log-repository.js';
import { unknownSignInsRepository } from '../db/unknown-sign-ins-repository.js';
import { usersRepository } from '../db/users-repository.js';
import { webhooksRepository } from '../db/webhooks-repository.js';
import type { RuleBook } from '../domain/regimes/rule-book.js';
import { loadRuleBook } from '../rules/packs.js';
import { folderAttachmentStore } from '../storage/attachment-store.js';

export type Clock = () => Date;

/** Every repository over one database (src/db: all SQL is there). */
export function createRepositories(db: Db, config: Config, now: Clock) {
  return {
    authorities: authoritiesRepository(db),
    requests: requestsRepository(db, now),
    /** Orders received in batches, once per batch key. */
    intake: intakeRepository(db, now),
    queue: queueRepository(db),
    reports: reportsRepository(db),
    users: usersRepository(db),
    /** Officers' sessions and API keys: who acts on the authority channel. */
    officerSessions: officerSessionsRepository(db, now),
    /** Officers' passkeys (WebAuthn credentials). */
    passkeys: passkeysRepository(db, now),
    /** Agencies: applications, admins' decisions, history (issue 10). */
    agencies: agenciesRepository(db, now),
    /** Officers: invitations, second factors, the lock-out after failures. */
    officers: officersRepository(db, now),
    /** Failed officer sign-ins for addresses that are no usable officer: they lock alike (no account is revealed). */
    unknownSignIns: unknownSignInsRepository(db, now),
    /** An agency's API keys: created, listed, revoked by its admin officers. */
    apiKeys: apiKeysRepository(db, now),
    /** The conversation on an order: messages, clarification, contest, withdrawal. */
    orderThread: orderThreadRepository(db, now),
    /** Sign-in limits per address and per account (docs/decisions/0031-sign-in-throttling.md). */
    signInAttempts: signInAttemptsRepository(db, now, {
      attemptsPerMinute: config.signInAttemptsPerMinute,
      accountFailures: config.signInAccountFailures,
    }),
    compliance: complianceRepository(db),
    /** The pressure record: fines, blocks, shutdowns and the orders and laws behind them (issue 15). */
    pressure: pressureRepository(db),
    /** Other platforms' published transparency data (src/domain/datasets). */
    datasets: datasetsRepository(db),
    datasetFigures: datasetFiguresRepository(db),
    /** Orders sent through the authority channel, read back only by their agency; their attachments' records. */
    channelOrders: channelOrdersRepository(db, now),
    /** The bytes of orders' attachments: a folder under the data directory, never under the web root. */
    attachmentStore: folderAttachmentStore(path.join(config.dataDir, 'attachments')),
    /** Mails waiting to be sent, and what became of them (src/jobs sends them). */
    outbox: outboxRepository(db, now),
    /** Agencies' webhook endpoints and the delivery log. */
    webhooks: webhooksRepository(db, now),
    /** User-data requests (issue 11): decisions on accounts and emergency reviews. */
    accountDecisions: accountDecisionsRepository(db, now),
    /** Preservation holds on the accounts of preservation orders. */
    preservation: preservationRepository(db, now),
    /** Produced packages: their records and downloads. */
    productions: productionsRepository(db, now),
    /** The bytes of produced packages: a folder of their own under the data directory. */
    productionStore: folderAttachmentStore(path.join(config.dataDir, 'productions')),
    /** The user-data report, counted over the base tables. */
    dataReports: dataReportsRepository(db, now),
    /** Issue 12, the review workflow: claims and bulk decisions. */
    claims: claimsRepository(db, now),
    /** Staged review: policies per reason category, findings, proposals and sign-offs. */
    review: reviewRepository(db, now),
    /** Pushback against orders: contests, court challenges, the authority's answers. */
    pushbacks: pushbacksRepository(db, now),
    /** Notices to affected users and their appeals. */
    notices: noticesRepository(db, now),
    /** Enforcement actions for the platform's content system. */
    enforcement: enforcementRepository(db, now),
    /** Signed calls to the platform's own systems, and the dead-letter list. */
    sinks: sinkDeliveriesRepository(db, now),
    /** Deadline alerts, each fired once. */
    alerts: alertsRepository(db, now),
    /** The hash-chained audit log. */
    audit: auditRepository(db, now),
    /** Staff accounts linked to the OpenID Connect provider. */
    oidcAccounts: oidcAccountsRepository(db, now),
    /** Issue 13, transparency publishing: publications (redactions, approval, withdrawal). */
    publications: publicationsRepository(db, now),
    /** The public request database (read only): search, records, tombstones, feeds. */
    publicRecords: publicRecordsRepository(db, now, config.search),
    /** The public site's overview figures and published case studies. */
    publicSite: publicSiteRepository(db),
    /** The transparency log: leaves, proofs, signed checkpoints. */
    transparencyLog: transparencyLogRepository(db, now),
    /** The exports' aggregations (counts only) and published records (issue 13). */
    exports: exportsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/**
 * What guards every HTTP request before its handler runs: idempotency keys and rate-limit windows.
 * Over the database itself, never over a request's held transaction (src/db/request-transaction.ts).
 */
export function createRequestGuards(db: Db, config: Config, now: Clock) {
  return {
    idempotency: idempotencyRepository(db, now, config.idempotencyKeyTtlHours),
    rateLimits: rateLimitsRepository(db, now, RATE_LIMIT_WINDOW_MS),
  };
}
export type RequestGuards = ReturnType<typeof createRequestGuards>;
/** Rate limits count per minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

export type Writ = Repositories & {
  config: Config;
  now: Clock;
  /** The rule packs, validated: a broken pack throws a RulePackError naming the file and the field. */
  readonly rules: RuleBook;
};

/**
 * The context over one database. Rule packs not given are read from `config.rulesDir` when first
 * needed, so that a command that never asks for them (`writ datasets import`) does not read them;
 * the server passes them in, loaded before it starts.
 */
export function createWrit(db: Db, config: Config, options: { now?: Clock; rules?: RuleBook } = {}): Writ {
  const now = options.now ?? (() => new Date());
  let rules = options.rules;
  return {
    ...createRepositories(db, config, now),
    config,
    now,
    get rules() {
      rules ??= loadRuleBook(config.rulesDir);
      return rules;
    },
  };
}
