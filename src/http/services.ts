/** What route handlers may use: the repositories over one database, and a clock. */
import type { Config } from '../config.js';
import { authoritiesRepository } from '../db/authorities-repository.js';
import { complianceRepository } from '../db/compliance-repository.js';
import type { Db } from '../db/connection.js';
import { datasetFiguresRepository } from '../db/datasets-figures-repository.js';
import { datasetsRepository } from '../db/datasets-repository.js';
import { reportsRepository } from '../db/reports-repository.js';
import { requestsRepository } from '../db/requests-repository.js';
import { signInAttemptsRepository } from '../db/sign-in-attempts-repository.js';
import { usersRepository } from '../db/users-repository.js';
import type { RuleBook } from '../domain/regimes/rule-book.js';
import { loadRuleBook } from '../rules/packs.js';

export function createServices(db: Db, config: Config, now: () => Date = () => new Date(), rules?: RuleBook) {
  return {
    config,
    now,
    authorities: authoritiesRepository(db),
    requests: requestsRepository(db, now),
    reports: reportsRepository(db),
    users: usersRepository(db),
    /** Sign-in limits per address and per account (docs/decisions/0031-sign-in-throttling.md). */
    signInAttempts: signInAttemptsRepository(db, now, {
      attemptsPerMinute: config.signInAttemptsPerMinute,
      accountFailures: config.signInAccountFailures,
    }),
    /** The rule packs, validated once: a broken pack stops the server from starting. */
    rules: rules ?? loadRuleBook(config.rulesDir),
    compliance: complianceRepository(db),
    /** Other platforms' published transparency data (src/domain/datasets). */
    datasets: datasetsRepository(db),
    datasetFigures: datasetFiguresRepository(db),
  };
}
export type Services = ReturnType<typeof createServices>;
