/**
 * The corrections of issue 8 (item 6) to the shipped rule packs, checked through what people see:
 * the obligations register, the deadline engine, and the source each corrected rule quotes.
 */
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { computeDeadline } from '../../src/domain/regimes/deadline-engine.js';
import { obligationsRegister, type UserFigure } from '../../src/domain/regimes/obligations.js';
import type { RegimePack } from '../../src/domain/regimes/pack.js';
import { loadRuleBook } from '../../src/rules/packs.js';
import { figure } from '../support/figures.js';

const book = loadRuleBook(shippedRulesDir);
const { packs } = book;
const register = (figures: UserFigure[], now: string, establishedIn?: string[]) =>
  obligationsRegister({ packs, figures, records: [], now: new Date(now), approachingShare: 0.2, establishedIn })[0]!;
const duties = (c: ReturnType<typeof register>) =>
  c.regimes.flatMap((r) => r.duties.map((d) => ({ regimeId: r.regimeId, ...d })));
const legalRepresentatives = (c: ReturnType<typeof register>) => duties(c).filter((d) => d.kind === 'legal_representative');

const pack = (id: string): RegimePack => book.get(id);
const rule = (id: string, version: number, ruleId: string) =>
  pack(id)
    .versions.find((v) => v.version === version)!
    .deadlines.find((r) => r.id === ruleId)!;
const duty = (id: string, dutyId: string) =>
  pack(id)
    .versions.at(-1)!
    .duties.find((d) => d.id === dutyId)!;
const quotes = (id: string, sourceIds: string[]) =>
  sourceIds.map((s) => pack(id).sources.find((source) => source.id === s)!.quote).join(' ');
const urls = (id: string, sourceIds: string[]) => sourceIds.map((s) => pack(id).sources.find((source) => source.id === s)!.url);

describe('Kazakhstan: one legal-representative duty', () => {
  const crossing2026 = [figure('KZ', 'avg_daily_users_over_month', 120_000, '2026-01-15')];

  it('lists exactly one for a foreign platform crossing in 2026: the 2023 law’s, due on the crossing', () => {
    for (const establishedIn of [undefined, ['US']]) {
      const kz = register(crossing2026, '2026-03-01T12:00:00Z', establishedIn);
      expect(legalRepresentatives(kz)).toEqual([
        expect.objectContaining({
          regimeId: 'kz-2023-online-platforms',
          dutyId: 'legal-representative',
          dueOn: '2026-01-15',
          overdue: true,
        }),
      ]);
      // The 2022 law still applies (its 24-hour cyberbullying rule), without the re-enacted duty.
      expect(kz.regimes.find((r) => r.regimeId === 'kz-2022-child-cyberbullying')?.duties).toEqual([]);
    }
  });

  it('lists the 2023 duty, and no 2022 one, for a platform established in Kazakhstan', () => {
    const kz = register(crossing2026, '2026-03-01T12:00:00Z', ['KZ']);
    expect(legalRepresentatives(kz).map((d) => d.regimeId)).toEqual(['kz-2023-online-platforms']);
    expect(kz.notApplying).toEqual([
      expect.objectContaining({ regimeId: 'kz-2022-child-cyberbullying', reason: expect.stringMatching(/outside KZ/) }),
    ]);
  });

  it('gave foreign platforms above the threshold when the 2022 law started one six-month deferral, not six months each', () => {
    const early = register([figure('KZ', 'avg_daily_users_over_month', 150_000, '2022-06-01')], '2023-03-01T06:00:00Z');
    expect(legalRepresentatives(early)).toEqual([
      expect.objectContaining({
        regimeId: 'kz-2022-child-cyberbullying',
        startsOn: '2022-06-01',
        dueOn: '2022-10-30', // 3 May 2022 + 180 days, not 1 June 2022 + 180 days
        complianceWindowFrom: 'entry_into_force',
        condition: 'Only for providers established outside KZ.',
      }),
    ]);
    const late = register([figure('KZ', 'avg_daily_users_over_month', 150_000, '2023-01-10')], '2023-03-01T06:00:00Z');
    expect(legalRepresentatives(late)).toEqual([expect.objectContaining({ dueOn: '2023-01-10', overdue: true })]);
  });

  it('lists no 2022 duty for a platform established in Kazakhstan while only the 2022 law was in force', () => {
    const kz = register([figure('KZ', 'avg_daily_users_over_month', 150_000, '2022-06-01')], '2023-03-01T06:00:00Z', ['KZ']);
    expect(legalRepresentatives(kz)).toEqual([]);
  });

  it('hands over from the 2022 duty to the 2023 one at midnight of 10 September 2023 in Almaty', () => {
    const figures = [figure('KZ', 'avg_daily_users_over_month', 150_000, '2022-06-01')];
    // Kazakhstan was at UTC+6 in 2023.
    expect(legalRepresentatives(register(figures, '2023-09-09T17:59:59Z')).map((d) => d.regimeId)).toEqual([
      'kz-2022-child-cyberbullying',
    ]);
    expect(legalRepresentatives(register(figures, '2023-09-09T18:00:00Z')).map((d) => d.regimeId)).toEqual([
      'kz-2023-online-platforms',
    ]);
  });

  it('quotes a source saying the 2022 duty was for foreign platforms, and the 2023 law that replaced it', () => {
    const d = pack('kz-2022-child-cyberbullying').versions[0]!.duties[0]!;
    expect(pack('kz-2022-child-cyberbullying').versions[0]!.coverage?.providers).toBe('foreign');
    expect(quotes('kz-2022-child-cyberbullying', d.sources)).toMatch(/foreign online platform/);
    expect(d.supersededBy).toMatchObject({ duty: 'kz-2023-online-platforms/legal-representative', from: '2023-09-10' });
    expect(quotes('kz-2022-child-cyberbullying', d.supersededBy!.sources)).toMatch(/September 10, 2023/);
  });
});

describe('Pakistan', () => {
  const crossing = [figure('PK', 'users', 600_000, '2024-01-10')];

  it('never shows the local office ("as and when feasible") as overdue', () => {
    for (const now of ['2024-01-11T00:00:00Z', '2026-03-01T00:00:00Z', '2040-01-01T00:00:00Z']) {
      const office = duties(register(crossing, now)).find((d) => d.dutyId === 'local-office')!;
      expect(office).toMatchObject({ noDueDate: true, overdue: false, status: 'not_started' });
    }
  });

  it('gives three months to register and no invented window to the officers', () => {
    const pk = duties(register(crossing, '2024-02-01T00:00:00Z'));
    expect(pk.find((d) => d.dutyId === 'pta-registration')).toMatchObject({ dueOn: '2024-04-09', overdue: false });
    expect(pk.find((d) => d.dutyId === 'compliance-and-grievance-officers')).toMatchObject({
      complianceWindowDays: null,
      dueOn: '2024-01-10',
    });
  });
});

describe('Viet Nam', () => {
  it('makes the contact notification due 60 days after the threshold is reached', () => {
    const vn = register([figure('VN', 'monthly_visits_avg_6m', 100_000, '2026-01-10')], '2026-03-01T00:00:00Z');
    expect(duties(vn).find((d) => d.dutyId === 'contact-notification')).toMatchObject({
      complianceWindowDays: 60,
      dueOn: '2026-03-11',
      overdue: false,
    });
  });

  it('quotes a source that states the 100,000 visits and one that states the 60 days', () => {
    const version = pack('vn-147').versions[0]!;
    expect(quotes('vn-147', version.coverage!.sources)).toMatch(/100,000 or more/);
    expect(quotes('vn-147', duty('vn-147', 'contact-notification').sources)).toMatch(/within 60\s+days/);
  });
});

describe('Russia, Art. 15.1', () => {
  it('is in force from 29 December 2018, when the one-day rule took its current form', () => {
    expect(pack('ru-149').versions[0]!.from).toBe('2018-12-29');
    const r = computeDeadline(
      book,
      {
        regimeId: 'ru-149',
        kind: 'content_removal',
        category: 'unified_register_content',
        receivedAt: new Date('2019-06-03T10:00:00+03:00'),
      },
      { immediateHours: 1, withoutUndueDelayHours: 24 },
    );
    expect(r).toMatchObject({ basis: 'law', hours: 24, ruleVersion: 1, versionFrom: '2018-12-29' });
  });

  it('says the hosting provider passes the notice on immediately, quoting the source', () => {
    const r = rule('ru-149', 1, 'unified-register-removal');
    expect(r.startsAt).toMatch(/immediately/);
    expect(r.startsAt).not.toMatch(/within one day/);
    expect(quotes('ru-149', r.sources)).toMatch(/незамедлительно/);
    expect(quotes('ru-149', r.sources)).toMatch(/472-ФЗ/);
  });
});

describe('the sources of the corrected rules', () => {
  it('quote Türkiye’s 24-hour court-decision rule itself, not the re-warning of large providers', () => {
    const q = quotes('tr-5651', rule('tr-5651', 2, 'court-decision').sources);
    expect(q).toMatch(/24/);
    expect(q).toMatch(/court/);
    expect(q).not.toMatch(/yeniden uyarılacak/);
  });

  it('cite Art. 11 of the DSA for the single point of contact', () => {
    const d = duty('eu-dsa', 'single-point-of-contact');
    expect(urls('eu-dsa', d.sources).join(' ')).not.toMatch(/Article_9/);
    expect(quotes('eu-dsa', d.sources)).toMatch(/single point of contact/);
  });

  it('no longer cite s. 70 (an end-user notice) for Australia’s information notices', () => {
    const r = rule('au-osa', 1, 'information-notice');
    expect(urls('au-osa', r.sources).join(' ')).not.toMatch(/sections\/70|s70/);
    expect(pack('au-osa').sources.map((s) => s.id)).not.toContain('zoelaw-70');
  });

  it('cite Rule 3(2)(b) of 2021 for India’s 24 hours for intimate imagery, not the 2025 procedure', () => {
    const r = rule('in-it-rules', 1, 'intimate-imagery');
    expect(quotes('in-it-rules', r.sources)).toMatch(/within twenty-four hours from the receipt of a complaint/);
    expect(urls('in-it-rules', r.sources).join(' ')).not.toMatch(/moneycontrol|sop/i);
  });

  it('cite only source ids their pack has, wherever a pack cites one', () => {
    for (const p of packs) {
      const known = new Set(p.sources.map((s) => s.id));
      const cited = p.versions.flatMap((v) => [
        ...(v.coverage?.sources ?? []),
        ...v.duties.flatMap((d) => [
          ...d.sources,
          ...(d.threshold?.sources ?? []),
          ...(d.supersededBy?.sources ?? []),
          ...(d.readings ?? []).flatMap((r) => r.sources),
        ]),
        ...v.deadlines.flatMap((r) => r.sources),
      ]);
      expect(
        cited.filter((id) => !known.has(id)),
        p.id,
      ).toEqual([]);
    }
  });
});
