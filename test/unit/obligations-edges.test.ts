/**
 * The obligations register at its edges, against the shipped packs: a figure exactly at a threshold
 * ("more than" against "at least"), a duty due today, a status kept on one duty and not another, and
 * figures from other countries, out of order or missing.
 */
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { type DutyRecord, obligationsRegister, type UserFigure } from '../../src/domain/regimes/obligations.js';
import type { DutyStatus } from '../../src/domain/regimes/vocabulary.js';
import { loadRuleBook } from '../../src/rules/packs.js';
import { figure } from '../support/figures.js';

const { packs } = loadRuleBook(shippedRulesDir);
const MARCH_2026 = new Date('2026-03-01T12:00:00Z');
const register = (figures: UserFigure[], records: DutyRecord[] = [], now = MARCH_2026, country?: string) =>
  obligationsRegister({ packs, figures, records, now, approachingShare: 0.2, ...(country ? { country } : {}) });
const only = (figures: UserFigure[], records: DutyRecord[] = [], now = MARCH_2026) => {
  const countries = register(figures, records, now);
  expect(countries).toHaveLength(1);
  return countries[0]!;
};
const record = (country: string, regimeId: string, dutyId: string, status: DutyStatus): DutyRecord => ({
  country,
  regimeId,
  dutyId,
  status,
  owner: `${status}@platform.example`,
  note: null,
  notApplicableReason: null,
  updatedAt: new Date('2026-01-02T00:00:00Z'),
  updatedBy: null,
  evidence: [],
});
const applying = (c: { regimes: { regimeId: string }[] }) => c.regimes.map((r) => r.regimeId);
const dutyOf = (c: { regimes: { regimeId: string; duties: { dutyId: string }[] }[] }, regimeId: string, dutyId: string) =>
  c.regimes.find((r) => r.regimeId === regimeId)!.duties.find((d) => d.dutyId === dutyId)!;

describe('a figure at the threshold', () => {
  const kz = (value: number) => only([figure('KZ', 'avg_daily_users_over_month', value, '2026-02-01')]);
  const india = (value: number) => only([figure('IN', 'registered_users', value, '2026-02-01')]);

  it('does not make a "more than 100,000 a day" law apply at exactly 100,000 (Kazakhstan), only above it', () => {
    expect(applying(kz(99_999))).toEqual([]);
    expect(applying(kz(100_000))).toEqual([]);
    expect(kz(100_000).notApplying).toContainEqual(
      expect.objectContaining({
        regimeId: 'kz-2023-online-platforms',
        reason: '100000 avg_daily_users_over_month (2026-02-01) is not more than 100000',
      }),
    );
    expect(applying(kz(100_001))).toEqual(['kz-2022-child-cyberbullying', 'kz-2023-online-platforms']);
    expect(kz(100_001).regimes[1]!.crossedOn).toBe('2026-02-01');
  });

  it('makes an "at least 5 million" law apply at exactly 5 million registered users (India), not one below', () => {
    expect(applying(india(4_999_999))).toEqual([]);
    expect(india(4_999_999).notApplying).toEqual([
      expect.objectContaining({ regimeId: 'in-it-rules', reason: expect.stringContaining('is not at least 5000000') }),
    ]);
    expect(applying(india(5_000_000))).toEqual(['in-it-rules']);
    expect(india(5_000_000).regimes[0]!.crossedOn).toBe('2026-02-01');
    expect(applying(india(5_000_001))).toEqual(['in-it-rules']);
  });

  it('makes Viet Nam\'s "at least 100,000 visits a month" apply at exactly 100,000', () => {
    const vn = (value: number) => only([figure('VN', 'monthly_visits_avg_6m', value, '2026-01-01')]);
    expect(applying(vn(99_999))).toEqual([]);
    expect(vn(100_000).regimes).toEqual([expect.objectContaining({ regimeId: 'vn-147', crossedOn: '2026-01-01' })]);
    expect(vn(100_000).regimes[0]!.duties[0]).toMatchObject({ dutyId: 'contact-notification', dueOn: '2026-03-02' });
  });

  it('counts an earlier figure exactly at the threshold as part of the run for "at least", not for "more than"', () => {
    const [kzRun] = register([
      figure('KZ', 'avg_daily_users_over_month', 100_000, '2026-01-01'),
      figure('KZ', 'avg_daily_users_over_month', 120_000, '2026-02-01'),
    ]);
    expect(kzRun!.regimes.map((r) => r.crossedOn)).toEqual(['2026-02-01', '2026-02-01']);
    const [inRun] = register([
      figure('IN', 'registered_users', 5_000_000, '2026-01-01'),
      figure('IN', 'registered_users', 6_000_000, '2026-02-01'),
    ]);
    expect(inRun!.regimes[0]!.crossedOn).toBe('2026-01-01');
  });

  it('adds a tier duty above its own "more than" threshold only: exactly 10 million daily accesses is not enough (Türkiye)', () => {
    const tr = (value: number) => only([figure('TR', 'daily_accesses', value, '2026-01-01')]).regimes[0]!;
    expect(tr(10_000_000).duties.map((d) => d.dutyId)).toEqual(['representative']);
    expect(tr(10_000_001).duties.map((d) => d.dutyId)).toEqual(['representative', 'branch-company']);
    // The main threshold, "more than 1 million": exactly 1 million gives no duty.
    expect(only([figure('TR', 'daily_accesses', 1_000_000, '2026-01-01')]).regimes).toEqual([]);
  });
});

describe('a duty on its due date', () => {
  // Kazakhstan's 2023 law sets no window: the duty is due the day the threshold was crossed, in Almaty (UTC+5).
  const crossed = [figure('KZ', 'avg_daily_users_over_month', 120_000, '2026-02-10')];
  const duty = (now: string, records: DutyRecord[] = []) =>
    dutyOf(only(crossed, records, new Date(now)), 'kz-2023-online-platforms', 'legal-representative');

  it("is not overdue on the day it is due, up to the last instant of that day in the law's zone", () => {
    expect(duty('2026-02-10T12:00:00Z')).toMatchObject({ dueOn: '2026-02-10', overdue: false });
    expect(duty('2026-02-10T18:59:59.999Z')).toMatchObject({ dueOn: '2026-02-10', overdue: false });
  });

  it("is overdue from midnight after the due date in the law's zone", () => {
    expect(duty('2026-02-10T19:00:00Z')).toMatchObject({ dueOn: '2026-02-10', overdue: true });
  });

  it('is overdue past its date while in progress, as when not started; never when done or not applicable', () => {
    const after = '2026-02-11T12:00:00Z';
    const withStatus = (status: DutyStatus) =>
      duty(after, [record('KZ', 'kz-2023-online-platforms', 'legal-representative', status)]);
    expect(withStatus('in_progress')).toMatchObject({ status: 'in_progress', overdue: true });
    expect(withStatus('not_started')).toMatchObject({ status: 'not_started', overdue: true });
    expect(withStatus('done')).toMatchObject({ status: 'done', overdue: false });
    expect(withStatus('not_applicable')).toMatchObject({ status: 'not_applicable', overdue: false });
    // In progress on the due date itself: not yet overdue.
    expect(
      duty('2026-02-10T12:00:00Z', [record('KZ', 'kz-2023-online-platforms', 'legal-representative', 'in_progress')]),
    ).toMatchObject({ status: 'in_progress', overdue: false });
  });
});

describe('the status kept on a duty', () => {
  const eu = [figure('EU', 'monthly_active_users', 1_000_000, '2026-01-01')];

  it('shows on the duty of the same regime only: the DSA and the TCO Regulation both ask for a legal representative', () => {
    const [dsaDone] = register(eu, [record('EU', 'eu-dsa', 'legal-representative', 'done')]);
    expect(dutyOf(dsaDone!, 'eu-dsa', 'legal-representative')).toMatchObject({ status: 'done', overdue: false });
    expect(dutyOf(dsaDone!, 'eu-tco', 'legal-representative')).toMatchObject({
      status: 'not_started',
      owner: null,
      overdue: true,
    });
    const [tcoDone] = register(eu, [record('EU', 'eu-tco', 'legal-representative', 'done')]);
    expect(dutyOf(tcoDone!, 'eu-tco', 'legal-representative')).toMatchObject({ status: 'done' });
    expect(dutyOf(tcoDone!, 'eu-dsa', 'legal-representative')).toMatchObject({ status: 'not_started', owner: null });
  });

  it('shows on the duty with the same id only, not on another duty of the same regime', () => {
    const [eu1] = register(eu, [record('EU', 'eu-dsa', 'single-point-of-contact', 'in_progress')]);
    expect(dutyOf(eu1!, 'eu-dsa', 'single-point-of-contact')).toMatchObject({
      status: 'in_progress',
      owner: 'in_progress@platform.example',
    });
    expect(dutyOf(eu1!, 'eu-dsa', 'legal-representative')).toMatchObject({ status: 'not_started', owner: null });
    const [india] = register(
      [figure('IN', 'registered_users', 6_000_000, '2026-01-01')],
      [record('IN', 'in-it-rules', 'nodal-contact-person', 'done')],
    );
    expect(india!.regimes[0]!.duties.map((d) => [d.dutyId, d.status])).toEqual([
      ['chief-compliance-officer', 'not_started'],
      ['nodal-contact-person', 'done'],
      ['resident-grievance-officer', 'not_started'],
      ['physical-address', 'not_started'],
    ]);
  });

  it('shows in its own country only: a record kept under another country does not show on the same regime and duty', () => {
    const [de, euRegister] = register(eu, [record('DE', 'eu-dsa', 'legal-representative', 'done')]);
    expect(de!.country).toBe('DE');
    expect(applying(de!)).toEqual([]);
    expect(euRegister!.country).toBe('EU');
    expect(dutyOf(euRegister!, 'eu-dsa', 'legal-representative')).toMatchObject({ status: 'not_started', owner: null });
  });
});

describe('the figures each country is judged on', () => {
  it('ignores figures recorded for another country, in the same metric', () => {
    const kz = register([
      figure('KZ', 'avg_daily_users_over_month', 120_000, '2026-01-15'),
      figure('UZ', 'avg_daily_users_over_month', 50_000, '2026-02-15'),
    ]).find((c) => c.country === 'KZ')!;
    expect(kz.latestFigures.map((f) => [f.country, f.value])).toEqual([['KZ', 120_000]]);
    expect(kz.regimes.map((r) => [r.regimeId, r.figure?.value, r.crossedOn])).toEqual([
      ['kz-2022-child-cyberbullying', 120_000, '2026-01-15'],
      ['kz-2023-online-platforms', 120_000, '2026-01-15'],
    ]);
    const below = register([
      figure('KZ', 'avg_daily_users_over_month', 50_000, '2026-01-15'),
      figure('UZ', 'avg_daily_users_over_month', 900_000, '2026-02-15'),
    ]).find((c) => c.country === 'KZ')!;
    expect(below.regimes).toEqual([]);
    expect(below.latestFigures.map((f) => f.value)).toEqual([50_000]);
  });

  it('judges on the latest figure even when the figures are given out of order', () => {
    const [kz] = register([
      figure('KZ', 'avg_daily_users_over_month', 130_000, '2026-02-01'),
      figure('KZ', 'avg_daily_users_over_month', 110_000, '2025-12-01'),
      figure('KZ', 'avg_daily_users_over_month', 90_000, '2025-09-01'),
    ]);
    expect(kz!.latestFigures.map((f) => [f.value, f.measuredOn])).toEqual([[130_000, '2026-02-01']]);
    expect(kz!.regimes[1]).toMatchObject({ figure: { value: 130_000 }, crossedOn: '2025-12-01' });
    const [dropped] = register([
      figure('KZ', 'avg_daily_users_over_month', 50_000, '2026-02-01'),
      figure('KZ', 'avg_daily_users_over_month', 150_000, '2026-01-01'),
    ]);
    expect(dropped!.regimes).toEqual([]);
    expect(dropped!.latestFigures.map((f) => f.value)).toEqual([50_000]);
  });

  it('keeps the latest figure of each metric, and the one given last of two on the same day', () => {
    const [kz] = register([
      figure('KZ', 'registered_users', 2_000_000, '2026-01-01'),
      figure('KZ', 'avg_daily_users_over_month', 90_000, '2026-02-01'),
      figure('KZ', 'registered_users', 1_000_000, '2025-06-01'),
      figure('KZ', 'avg_daily_users_over_month', 120_000, '2026-02-01'),
    ]);
    expect(kz!.latestFigures.map((f) => [f.metric, f.value])).toEqual([
      ['registered_users', 2_000_000],
      ['avg_daily_users_over_month', 120_000],
    ]);
    expect(kz!.regimes).toHaveLength(2);
  });

  it('lists a country with only a duty record, with no figures and no regime applying, not even one without threshold', () => {
    const [id] = register([], [record('ID', 'id-mr5', 'registration', 'done')]);
    expect(id).toMatchObject({ country: 'ID', latestFigures: [], regimes: [], warnings: [] });
    expect(id!.notApplying).toEqual([
      { regimeId: 'id-mr5', name: expect.any(String), reason: 'no figure recorded for this jurisdiction' },
    ]);
    // A figure in another country does not count as operating in Indonesia.
    const withOther = register(
      [figure('VN', 'monthly_visits_avg_6m', 1, '2026-01-01')],
      [record('ID', 'id-mr5', 'registration', 'done')],
    );
    expect(withOther.map((c) => c.country)).toEqual(['ID', 'VN']);
    expect(withOther[0]!).toMatchObject({ latestFigures: [], regimes: [] });
    expect(withOther[0]!.notApplying).toEqual([expect.objectContaining({ reason: 'no figure recorded for this jurisdiction' })]);
  });

  it('asks for no missing figure in a country with no figure at all, only where some other metric is recorded', () => {
    const [kz] = register([], [record('KZ', 'kz-2023-online-platforms', 'legal-representative', 'in_progress')]);
    expect(kz!.warnings).toEqual([]);
    expect(kz!.regimes).toEqual([]);
    expect(kz!.notApplying.map((n) => n.reason)).toEqual([
      'no avg_daily_users_over_month figure recorded',
      'no avg_daily_users_over_month figure recorded',
    ]);
  });

  it('lists every country with a figure or a record once, in order; or the one asked for, even without either', () => {
    const figures = [
      figure('VN', 'monthly_visits_avg_6m', 1, '2026-01-01'),
      figure('ID', 'users', 1, '2026-01-01'),
      figure('VN', 'monthly_visits_avg_6m', 2, '2026-02-01'),
    ];
    const records = [
      record('KZ', 'kz-2023-online-platforms', 'legal-representative', 'done'),
      record('ID', 'id-mr5', 'registration', 'done'),
    ];
    expect(register(figures, records).map((c) => c.country)).toEqual(['ID', 'KZ', 'VN']);
    expect(register(figures, records, MARCH_2026, 'VN').map((c) => c.country)).toEqual(['VN']);
    const [pk] = register(figures, records, MARCH_2026, 'PK');
    expect(pk).toMatchObject({ country: 'PK', latestFigures: [], regimes: [], warnings: [] });
  });
});
