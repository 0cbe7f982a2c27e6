/**
 * The obligations register's use cases themselves (src/app/obligations.ts): evidence handed over
 * with a file but no media type is kept as `application/octet-stream`, never as an empty type, and
 * a file without a name is refused; a change naming a duty the regime lacks, or a regime of another
 * jurisdiction, is refused; a figure measured in the future is refused; each duty lists the fines
 * that name its regime and duty (an EU duty those of the member states).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence, currentRegister, recordUserFigure, updateDuty } from '../../src/app/obligations.js';
import { type PressureInput, recordPressure } from '../../src/app/pressure.js';
import type { DutyUpdate, NewUserFigure } from '../../src/db/compliance-repository.js';
import type { User } from '../../src/db/users-repository.js';
import { createTestWrit, refusal, staffMember, type TestWrit, writErrorOf } from '../support/writ.js';

let t: TestWrit;
let lead: User;
beforeAll(async () => {
  t = await createTestWrit({ now: () => new Date('2026-03-01T00:00:00Z') });
  lead = await staffMember(t.writ, 'admin');
});
afterAll(async () => t?.close());

const duty = { country: 'KZ', regimeId: 'kz-2023-online-platforms', dutyId: 'legal-representative' };

describe('addEvidence', () => {
  it('keeps a file given without a media type as application/octet-stream, and one given with its own', async () => {
    const content = Buffer.from('%PDF-1.7 power of attorney');
    const untyped = await addEvidence(
      t.writ,
      duty,
      { note: 'power of attorney', file: { name: 'poa.bin', contentType: undefined, content } },
      lead,
    );
    expect(untyped).toMatchObject({ fileName: 'poa.bin', contentType: 'application/octet-stream', size: content.length });
    const typed = await addEvidence(
      t.writ,
      duty,
      { note: 'power of attorney', file: { name: 'poa.pdf', contentType: 'application/pdf', content } },
      lead,
    );
    expect(typed.contentType).toBe('application/pdf');
  });
});

describe('addEvidence: a file without a name', () => {
  it('is refused on fileName, whether the name is missing or empty', async () => {
    const content = Buffer.from('scan');
    for (const name of [undefined, ''])
      expect(
        await refusal(addEvidence(t.writ, duty, { note: 'scan', file: { name, contentType: 'image/png', content } }, lead)),
      ).toEqual({ code: 'validation_failed', field: 'fileName', message: 'a file needs a fileName' });
  });
});

describe('the duty a change names', () => {
  const update: DutyUpdate = { status: 'in_progress', owner: null, note: null, notApplicableReason: null };

  it('is refused as not found when the regime has no such duty, naming the duties it has', async () => {
    const nothing = { ...duty, dutyId: 'nothing' };
    expect(await refusal(updateDuty(t.writ, nothing, update, lead))).toEqual({
      code: 'not_found',
      field: undefined,
      message: 'kz-2023-online-platforms has no duty nothing (its duties: legal-representative)',
    });
    expect((await writErrorOf(addEvidence(t.writ, nothing, { note: 'n', file: null }, lead))).code).toBe('not_found');
  });

  it('is refused on country when the regime is another jurisdiction’s, and nothing is recorded', async () => {
    const elsewhere = { ...duty, country: 'RU' };
    const expected = {
      code: 'validation_failed',
      field: 'country',
      message: 'kz-2023-online-platforms is a regime of KZ, not RU',
    };
    expect(await refusal(updateDuty(t.writ, elsewhere, update, lead))).toEqual(expected);
    expect(await refusal(addEvidence(t.writ, elsewhere, { note: 'n', file: null }, lead))).toEqual(expected);
    expect(await t.writ.compliance.records({ country: 'RU' })).toEqual([]);
  });
});

describe('recordUserFigure', () => {
  const figure = (measuredOn: string): NewUserFigure => ({
    country: 'TR',
    metric: 'daily_accesses',
    value: 500_000,
    measuredOn,
    note: null,
  });

  it('takes a figure measured today or before, with its jurisdiction’s register', async () => {
    for (const measuredOn of ['2026-02-28', '2026-03-01']) {
      const recorded = await recordUserFigure(t.writ, figure(measuredOn), lead);
      expect(recorded.figure).toMatchObject({ country: 'TR', value: 500_000, measuredOn });
      expect(recorded.country.country).toBe('TR');
    }
  });

  it('refuses a figure measured tomorrow, and records nothing', async () => {
    expect(await refusal(recordUserFigure(t.writ, figure('2026-03-02'), lead))).toEqual({
      code: 'validation_failed',
      field: 'measuredOn',
      message: 'measuredOn is in the future',
    });
    expect((await t.writ.compliance.figures('TR')).map((f) => f.measuredOn)).not.toContain('2026-03-02');
  });
});

describe('currentRegister: the sanctions under a duty', () => {
  /** A fine under `regimeId`/`dutyId`, announced in `country`. */
  const fine = (country: string, regimeId: string, dutyId: string | null): PressureInput => ({
    kind: 'fine',
    country,
    authority: 'Regulator',
    title: `Fine in ${country} under ${regimeId}/${dutyId}`,
    description: null,
    scope: null,
    region: null,
    announcedOn: '2026-02-02',
    inForceOn: null,
    endedOn: null,
    amount: '1000',
    currency: 'EUR',
    reference: null,
    regimeId,
    dutyId,
    deadlineRuleId: null,
    status: 'announced',
    demo: false,
    sources: [{ url: 'https://gov.example/fine', title: null, quote: null, accessedOn: null }],
    orders: [],
  });

  it('lists under each duty the fines naming its regime and duty: a national duty those of its country, an EU duty those of the member states', async () => {
    // The regimes apply: Kazakhstan's over its threshold, the DSA wherever a figure is recorded.
    await recordUserFigure(
      t.writ,
      { country: 'KZ', metric: 'avg_daily_users_over_month', value: 150_000, measuredOn: '2026-01-15', note: null },
      lead,
    );
    await recordUserFigure(
      t.writ,
      { country: 'EU', metric: 'monthly_active_recipients', value: 1_000_000, measuredOn: '2026-01-15', note: null },
      lead,
    );
    const kzDuty = await recordPressure(t.writ, fine('KZ', 'kz-2023-online-platforms', 'legal-representative'), lead);
    // The 2022 law's duty of the same id (superseded, so not listed), and the 2023 law without a duty.
    await recordPressure(t.writ, fine('KZ', 'kz-2022-child-cyberbullying', 'legal-representative'), lead);
    await recordPressure(t.writ, fine('KZ', 'kz-2023-online-platforms', null), lead);
    const german = await recordPressure(t.writ, fine('DE', 'eu-dsa', 'legal-representative'), lead);

    const register = await currentRegister(t.writ);
    const listed = register
      .filter((c) => c.country === 'EU' || c.country === 'KZ')
      .flatMap((c) =>
        c.regimes.flatMap((r) => r.duties.map((d) => [`${c.country} ${r.regimeId} ${d.dutyId}`, d.sanctions.map((s) => s.id)])),
      );
    expect(listed).toEqual([
      ['EU eu-dsa legal-representative', [german.id]],
      ['EU eu-dsa single-point-of-contact', []],
      // The terrorist-content regulation's duty of the same id: not the DSA's fine.
      ['EU eu-tco legal-representative', []],
      ['KZ kz-2023-online-platforms legal-representative', [kzDuty.id]],
    ]);
    const [sanction] = register.find((c) => c.country === 'KZ')!.regimes.find((r) => r.regimeId === 'kz-2023-online-platforms')!
      .duties[0]!.sanctions;
    expect(sanction).toEqual({
      id: kzDuty.id,
      kind: 'fine',
      title: 'Fine in KZ under kz-2023-online-platforms/legal-representative',
      authority: 'Regulator',
      status: 'announced',
      announcedOn: '2026-02-02',
      amount: '1000',
      currency: 'EUR',
      demo: false,
      orders: 0,
    });
  });
});
