import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { checkDecision } from '../../src/domain/request.js';

describe('decision scope', () => {
  const base = { reason: 'Defamation' as const, rationale: 'r' };

  it('requires countries for a legal restriction, and sorts and de-duplicates them', () => {
    expect(checkDecision({ ...base, outcome: 'removed_legal', scopeCountries: ['RU', 'KZ', 'KZ'] }, 'KZ').scopeCountries).toEqual(
      ['KZ', 'RU'],
    );
    expect(() => checkDecision({ ...base, outcome: 'removed_legal', scopeCountries: [] }, 'KZ')).toThrow(/usually KZ/);
  });

  it('refuses a scope for worldwide removals and for no action', () => {
    expect(() => checkDecision({ ...base, outcome: 'removed_policy', scopeCountries: ['KZ'] }, 'KZ')).toThrow(/everywhere/);
    expect(() => checkDecision({ ...base, outcome: 'no_action', scopeCountries: ['KZ'] }, 'KZ')).toThrow(/no territorial scope/);
    expect(checkDecision({ ...base, outcome: 'no_action', scopeCountries: null }, 'KZ').scopeCountries).toBeNull();
  });
});

describe('configuration', () => {
  it('has defaults that run Writ with no settings at all', () => {
    expect(loadConfig({}, '/srv/writ')).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/writ/data',
      seedDemo: true,
    });
  });

  it('treats blank values as unset and parses flags', () => {
    expect(loadConfig({ PORT: ' ', WRIT_SEED_DEMO: 'false', WRIT_DATA_DIR: '/var/lib/writ' }, '/x')).toMatchObject({
      port: 8080,
      seedDemo: false,
      dataDir: '/var/lib/writ',
    });
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', WRIT_SEED_DEMO: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'PORT', 'WRIT_SEED_DEMO']);
      expect((error as Error).message).toContain('"mysql://x"');
    }
  });
});

describe('rule-pack settings', () => {
  it('defaults to the shipped packs, 1 h for "immediately", 24 h for "without undue delay", 75% for due_soon, 20% for warnings', () => {
    const c = loadConfig({}, '/srv/writ');
    expect(c.rulesDir).toMatch(/\/rules$/);
    expect(c.policyTargets).toEqual({ immediateHours: 1, withoutUndueDelayHours: 24 });
    expect([c.dueSoonShare, c.approachingThresholdShare]).toEqual([0.75, 0.2]);
    expect(loadConfig({ WRIT_RULES_DIR: 'packs', WRIT_POLICY_IMMEDIATE_HOURS: '0.5' }, '/srv/writ')).toMatchObject({
      rulesDir: '/srv/writ/packs',
      policyTargets: { immediateHours: 0.5 },
    });
  });

  it('names a bad share or target', () => {
    try {
      loadConfig({ WRIT_SLA_DUE_SOON_SHARE: '1.5', WRIT_POLICY_WITHOUT_UNDUE_DELAY_HOURS: '0' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
        'WRIT_POLICY_WITHOUT_UNDUE_DELAY_HOURS',
        'WRIT_SLA_DUE_SOON_SHARE',
      ]);
    }
  });
});
