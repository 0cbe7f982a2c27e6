/** What route handlers may use: the repositories over one database, and a clock. */
import type { Config } from '../config.js';
import { authoritiesRepository } from '../db/authorities-repository.js';
import type { Db } from '../db/connection.js';
import { reportsRepository } from '../db/reports-repository.js';
import { requestsRepository } from '../db/requests-repository.js';
import { usersRepository } from '../db/users-repository.js';

export function createServices(db: Db, config: Config, now: () => Date = () => new Date()) {
  return {
    config,
    now,
    authorities: authoritiesRepository(db),
    requests: requestsRepository(db),
    reports: reportsRepository(db),
    users: usersRepository(db),
  };
}
export type Services = ReturnType<typeof createServices>;
