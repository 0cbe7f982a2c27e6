/** The obligations register against the shipped packs, and the SLA states of a request. */
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { type DutyRecord, obligationsRegister, type UserFigure } from '../../src/domain/regimes/obligations.js';
import { slaOf } from '../../src/domain/regimes/sla.js';
import { loadRuleBook } from '../../src/rules/packs.js';
import { figure } from '../support/figures.js';

const { packs } = loadRuleBook(shippedRulesDir);
const register = (figures: UserFigure[], records: DutyRecord[] = [], now = new Date('2026-03-01T12:00:00Z')) =>
  obligationsRegister({ packs, figures, records, now, approachingShare: 0.2 });

describe('the obligations register', () => {
  it('gives a platform with 120,000 average daily users in Kazakhstan, first measured 2026-01-15, one legal representative, due then', () => {
    const [kz] = register([figure('KZ', 'avg_daily_users_over_month', 120_000, '2026-01-15')]);
    const regime = kz!.regimes.find((r) => r.regimeId === 'kz-2022-child-cyberbullying')!;
    expect(regime.crossedOn).toBe('2026-01-15');
    // The 2022 duty was re-enacted by the 2023 law (from 10 September 2023): listed once, under the 2023 law.
    expect(regime.duties).toEqual([]);
    // The 2023 law states no window: due when the threshold was crossed.
    expect(kz!.regimes.find((r) => r.regimeId === 'kz-2023-online-platforms')!.duties).toEqual([
      expect.objectContaining({
        dutyId: 'legal-representative',
        kind: 'legal_representative',
        startsOn: '2026-01-15',
        dueOn: '2026-01-15',
        status: 'not_started',
        overdue: true,
      }),
    ]);
  });

  it('gives no duty in a country below the threshold, and says why', () => {
    const [pk] = register([figure('PK', 'users', 210_000, '2026-01-10')]);
    expect(pk!.regimes).toEqual([]);
    expect(pk!.notApplying).toEqual([
      expect.objectContaining({ regimeId: 'pk-2021', reason: expect.stringContaining('is not more than 500000') }),
    ]);
    expect(pk!.warnings).toEqual([]);
  });

  it('warns when a figure is within 20% below a threshold, and not further below', () => {
    const [kz] = register([figure('KZ', 'avg_daily_users_over_month', 80_000, '2026-02-01')]);
    expect(kz!.regimes).toEqual([]);
    expect(kz!.warnings.map((w) => [w.kind, w.regimeId])).toEqual([
      ['approaching_threshold', 'kz-2022-child-cyberbullying'],
      ['approaching_threshold', 'kz-2023-online-platforms'],
    ]);
    expect(kz!.warnings[0]).toMatchObject({ threshold: 100_000, value: 80_000, shareOfThreshold: 0.8 });
    expect(register([figure('KZ', 'avg_daily_users_over_month', 79_999, '2026-02-01')])[0]!.warnings).toEqual([]);
  });

  it('counts the crossing from the current run above the threshold, and the law start when that is later', () => {
    const [kz] = register([
      figure('KZ', 'avg_daily_users_over_month', 150_000, '2025-06-01'),
      figure('KZ', 'avg_daily_users_over_month', 90_000, '2025-09-01'),
      figure('KZ', 'avg_daily_users_over_month', 110_000, '2025-12-01'),
      figure('KZ', 'avg_daily_users_over_month', 130_000, '2026-02-01'),
    ]);
    expect(kz!.regimes[0]!.crossedOn).toBe('2025-12-01');
    const [ru] = register([figure('RU', 'daily_users', 600_000, '2019-01-01')]);
    expect(ru!.regimes.find((r) => r.regimeId === 'ru-236')!.duties[0]).toMatchObject({
      startsOn: '2021-07-01',
      dueOn: '2022-01-01',
    });
  });

  it('adds a tier duty only above its own threshold (Türkiye above 10 million daily accesses)', () => {
    const tr = (value: number) => register([figure('TR', 'daily_accesses', value, '2026-01-01')])[0]!.regimes[0]!;
    expect(tr(2_000_000).duties.map((d) => d.dutyId)).toEqual(['representative']);
    expect(tr(12_000_000).duties.map((d) => d.dutyId)).toEqual(['representative', 'branch-company']);
    const warned = register([figure('TR', 'daily_accesses', 9_000_000, '2026-01-01')])[0]!.warnings;
    expect(warned).toEqual([expect.objectContaining({ regimeId: 'tr-5651', dutyId: 'branch-company' })]);
  });

  it('applies a regime without threshold wherever the platform records a figure, and asks for a missing metric', () => {
    const [id] = register([figure('ID', 'monthly_active_users', 1000, '2026-01-01')]);
    expect(id!.regimes.map((r) => r.regimeId)).toEqual(['id-mr5']);
    expect(id!.regimes[0]!.duties[0]).toMatchObject({ startsOn: '2020-11-24', dueOn: '2020-11-24', overdue: true });
    const [kz] = register([figure('KZ', 'registered_users', 1000, '2026-01-01')]);
    expect(kz!.warnings.map((w) => w.kind)).toEqual(['missing_figure', 'missing_figure']);
  });

  it('shows the status, owner and evidence kept on a duty; done is never overdue', () => {
    const record: DutyRecord = {
      country: 'ID',
      regimeId: 'id-mr5',
      dutyId: 'registration',
      status: 'done',
      owner: 'legal@platform.example',
      note: 'registered in OSS',
      notApplicableReason: null,
      updatedAt: new Date('2026-01-02T00:00:00Z'),
      updatedBy: null,
      evidence: [],
    };
    const [id] = register([figure('ID', 'users', 1, '2026-01-01')], [record]);
    expect(id!.regimes[0]!.duties[0]).toMatchObject({ status: 'done', owner: 'legal@platform.example', overdue: false });
  });

  it('lists an ended regime as not applying', () => {
    const [de] = register([figure('DE', 'registered_users', 3_000_000, '2026-01-01')]);
    expect(de!.notApplying).toEqual([expect.objectContaining({ regimeId: 'de-netzdg', reason: 'not in force today' })]);
  });
});

describe('SLA states', () => {
  const r = { receivedAt: new Date('2026-03-10T00:00:00Z'), dueAt: new Date('2026-03-11T00:00:00Z'), decidedAt: null };
  const at = (iso: string) => new Date(iso);

  it('moves an open request from on_track to due_soon at the configured share, then overdue', () => {
    expect(slaOf({ ...r, status: 'received' }, at('2026-03-10T17:59:59Z'), 0.75).state).toBe('on_track');
    expect(slaOf({ ...r, status: 'in_review' }, at('2026-03-10T18:00:00Z'), 0.75)).toEqual({
      state: 'due_soon',
      dueSoonAt: at('2026-03-10T18:00:00Z'),
    });
    expect(slaOf({ ...r, status: 'needs_clarification' }, at('2026-03-11T00:00:00Z'), 0.75).state).toBe('overdue');
  });

  it('marks a decided request met or missed by its due instant, whatever the time now', () => {
    const now = at('2026-06-01T00:00:00Z');
    expect(slaOf({ ...r, status: 'decided', decidedAt: at('2026-03-11T00:00:00Z') }, now, 0.75).state).toBe('met');
    expect(slaOf({ ...r, status: 'closed', decidedAt: at('2026-03-11T00:00:01Z') }, now, 0.75).state).toBe('missed');
    expect(slaOf({ ...r, status: 'withdrawn' }, now, 0.75).state).toBe('not_applicable');
  });
});
