/**
 * The intake form's zone helpers (web/src/review/intake/zones.ts): which zone to assume for an
 * authority, which zones to offer, and how offsets and the current time are shown. The arithmetic
 * under them is src/domain/regimes/time.ts, tested in zone-arithmetic.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  allZones,
  defaultZone,
  localToInstant,
  nowInZone,
  offsetLabel,
  zonesOfCountry,
} from '../../web/src/review/intake/zones.js';

type Regime = Parameters<typeof defaultZone>[1][number];
const regime = (jurisdiction: string, timeZone: string, jurisdictionKind: Regime['jurisdictionKind'] = 'country'): Regime => ({
  id: `${jurisdiction.toLowerCase()}-test`,
  jurisdiction,
  jurisdictionKind,
  name: { en: 'Test' },
  confidence: 'high',
  timeZone,
  currentVersion: { version: 1, from: '2020-01-01', until: null },
  versions: [{ version: 1, from: '2020-01-01', until: null }],
  categories: [],
  sourceCount: 1,
});

describe('the zone assumed for an authority', () => {
  it('is its country’s regime zone, else its capital’s, else the only zone ICU knows, else UTC', () => {
    expect(defaultZone('KZ', [regime('KZ', 'Asia/Almaty')])).toBe('Asia/Almaty');
    // The regime's own zone wins over the capital's.
    expect(defaultZone('RU', [regime('RU', 'Asia/Yekaterinburg')])).toBe('Asia/Yekaterinburg');
    // A union's regime, or a zone no browser knows, does not decide.
    expect(defaultZone('DE', [regime('DE', 'Europe/Brussels', 'union')])).toBe('Europe/Berlin');
    expect(defaultZone('US', [regime('US', 'Mars/Olympus_Mons')])).toBe('America/New_York');
    expect(defaultZone('IS', [])).toBe('Atlantic/Reykjavik'); // no capital listed; Iceland has one zone
    expect(defaultZone('XX', [])).toBe('UTC');
  });

  it('lists a country’s zones from ICU, and none for what is not a country code', () => {
    expect(zonesOfCountry('KZ')).toContain('Asia/Almaty');
    expect(zonesOfCountry('KZ')).toContain('Asia/Oral');
    expect(zonesOfCountry('kz')).toEqual([]);
    expect(zonesOfCountry('KAZ')).toEqual([]);
  });
});

describe('the zones offered', () => {
  it('start with UTC, then every other zone once, in order, with the regimes’ zones and without unknown names', () => {
    const zones = allZones([regime('KZ', 'Asia/Almaty'), regime('XX', 'Mars/Olympus_Mons')]);
    expect(zones[0]).toBe('UTC');
    expect(new Set(zones).size).toBe(zones.length);
    const rest = zones.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
    expect(zones).toEqual(expect.arrayContaining(['Asia/Almaty', 'Europe/Kyiv', 'America/Sao_Paulo']));
    expect(zones).not.toContain('Mars/Olympus_Mons');
  });
});

describe('offsets and the current time, as shown', () => {
  it('labels a zone’s offset at an instant, UTC alone where it is zero', () => {
    expect(offsetLabel('Asia/Almaty', new Date('2026-03-10T18:30:00Z'))).toBe('UTC+05:00');
    expect(offsetLabel('Asia/Almaty', new Date('2024-02-29T12:00:00Z'))).toBe('UTC+06:00');
    expect(offsetLabel('America/St_Johns', new Date('2026-01-15T12:00:00Z'))).toBe('UTC-03:30');
    expect(offsetLabel('Asia/Kathmandu', new Date('2026-01-15T12:00:00Z'))).toBe('UTC+05:45');
    expect(offsetLabel('Europe/London', new Date('2026-01-15T12:00:00Z'))).toBe('UTC');
    expect(offsetLabel('Europe/London', new Date('2026-07-15T12:00:00Z'))).toBe('UTC+01:00');
  });

  it('gives the current wall-clock time in a zone for the datetime-local input, in UTC for an unknown zone', () => {
    const now = new Date('2026-03-10T18:30:42Z');
    expect(nowInZone('Asia/Almaty', now)).toBe('2026-03-10T23:30');
    expect(nowInZone('America/Sao_Paulo', now)).toBe('2026-03-10T15:30');
    expect(nowInZone('Mars/Olympus_Mons', now)).toBe('2026-03-10T18:30');
  });

  it('reads what the form’s input gives back as the instant it was taken from', () => {
    const now = new Date('2026-03-10T18:30:00Z');
    expect(localToInstant(nowInZone('Asia/Almaty', now), 'Asia/Almaty')).toEqual({
      instant: now,
      iso: '2026-03-10T23:30:00+05:00',
      shifted: false,
    });
  });
});
