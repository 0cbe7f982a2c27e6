/** The timeout settings: defaults, 0 as "no limit" for statements only, and refusals naming the variable. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('timeout settings', () => {
  it('default to a few seconds for the database and a minute for receiving a request', () => {
    const config = loadConfig({});
    expect(config.databaseTimeouts).toEqual({ connectMs: 5_000, statementMs: 5_000 });
    expect(config.requestTimeoutMs).toBe(60_000);
  });

  it('take whole milliseconds; only the statement timeout may be 0 (no limit)', () => {
    const config = loadConfig({
      WRIT_DB_CONNECT_TIMEOUT_MS: '1500',
      WRIT_DB_STATEMENT_TIMEOUT_MS: '0',
      WRIT_REQUEST_TIMEOUT_MS: '90000',
    });
    expect(config.databaseTimeouts).toEqual({ connectMs: 1_500, statementMs: 0 });
    expect(config.requestTimeoutMs).toBe(90_000);
    expect(() => loadConfig({ WRIT_DB_CONNECT_TIMEOUT_MS: '0' })).toThrow(
      /WRIT_DB_CONNECT_TIMEOUT_MS: must be a whole number of milliseconds, at least 1/,
    );
    expect(() => loadConfig({ WRIT_DB_STATEMENT_TIMEOUT_MS: '2.5' })).toThrow(/WRIT_DB_STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ WRIT_REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/WRIT_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ WRIT_DB_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/WRIT_DB_STATEMENT_TIMEOUT_MS/);
  });
});
