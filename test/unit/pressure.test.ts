/** The pressure record's rules (src/domain/pressure.ts): what an event may say, its money, and where it sits in time. */
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import {
  convertAmount,
  isDecimal,
  type LinkedOrder,
  orderLinkProblems,
  type PressureEvent,
  type PressureFacts,
  periodOfDay,
  periodsTouched,
  pressureColumns,
  pressureProblems,
  pressureRow,
  regimeLinkProblems,
  startOf,
  timelineMarks,
  touchesPeriod,
  trimDecimal,
} from '../../src/domain/pressure.js';
import { loadRuleBook } from '../../src/rules/packs.js';

const rules = loadRuleBook(shippedRulesDir);

const fine: PressureFacts = {
  kind: 'fine',
  country: 'RU',
  authority: 'Tagansky District Court',
  title: 'Fined for not localising data',
  description: null,
  scope: null,
  region: null,
  announcedOn: '2020-11-26',
  inForceOn: null,
  endedOn: null,
  amount: '4000000',
  currency: 'RUB',
  reference: { currency: 'USD', rate: '0.0131', rateOn: '2020-11-26' },
  regimeId: 'ru-242',
  dutyId: 'data-localisation',
  deadlineRuleId: null,
  status: 'announced',
  demo: false,
  sources: [{ url: 'https://court.example/1', title: null, quote: 'fined', accessedOn: null }],
};
const block: PressureFacts = {
  ...fine,
  kind: 'blocking',
  amount: null,
  currency: null,
  reference: null,
  announcedOn: '2021-03-10',
  inForceOn: '2021-03-10',
};
const shutdown: PressureFacts = {
  ...block,
  kind: 'internet_shutdown',
  scope: 'national',
  country: 'KZ',
  regimeId: null,
  dutyId: null,
};

const fields = (f: PressureFacts) => pressureProblems(f).map((p) => p.field);

describe('what an event may say', () => {
  it('takes a fine, a block and a national shutdown as they are', () => {
    expect(pressureProblems(fine)).toEqual([]);
    expect(pressureProblems(block)).toEqual([]);
    expect(pressureProblems(shutdown)).toEqual([]);
    expect(pressureProblems({ ...shutdown, scope: 'regional', region: 'Almaty' })).toEqual([]);
  });

  it('refuses an end before the start: the day it took effect, or else the day it was announced', () => {
    expect(pressureProblems({ ...block, endedOn: '2021-03-09' })).toEqual([
      { field: 'endedOn', message: 'cannot end (2021-03-09) before it took effect (2021-03-10)' },
    ]);
    expect(pressureProblems({ ...block, inForceOn: null, endedOn: '2021-03-09' })).toEqual([
      { field: 'endedOn', message: 'cannot end (2021-03-09) before it was announced (2021-03-10)' },
    ]);
    // Ending the day it began is a one-day measure.
    expect(fields({ ...block, endedOn: '2021-03-10' })).toEqual([]);
    // In force before it was announced (a block noticed, then confirmed): fine, as long as it ends after taking effect.
    expect(fields({ ...block, announcedOn: '2021-03-20', endedOn: '2021-03-15' })).toEqual([]);
  });

  it('puts money only on fines and judgments, always with its currency', () => {
    expect(fields({ ...block, amount: '10', currency: 'RUB' })).toEqual(['amount']);
    expect(pressureProblems({ ...block, amount: '10', currency: 'RUB' })[0]!.message).toContain('not blocking');
    expect(fields({ ...fine, kind: 'court_judgment' })).toEqual([]);
    expect(fields({ ...fine, currency: null, reference: null })).toEqual(['currency']);
    expect(fields({ ...fine, amount: null, reference: null })).toEqual(['amount']);
    expect(fields({ ...fine, amount: null, currency: null })).toEqual(['reference']);
    expect(fields({ ...fine, reference: { ...fine.reference!, currency: 'RUB' } })).toEqual(['reference/currency']);
  });

  it('asks a shutdown for its scope, a regional one for its region, and no other kind for either', () => {
    expect(fields({ ...shutdown, scope: null })).toEqual(['scope']);
    expect(fields({ ...shutdown, kind: 'service_shutdown', scope: null })).toEqual(['scope']);
    expect(fields({ ...shutdown, scope: 'regional' })).toEqual(['region']);
    expect(fields({ ...block, scope: 'national' })).toEqual(['scope']);
  });

  it('lets only money be paid and only a lasting measure be lifted', () => {
    expect(fields({ ...fine, status: 'paid' })).toEqual([]);
    expect(fields({ ...block, status: 'paid' })).toEqual(['status']);
    expect(fields({ ...block, status: 'lifted' })).toEqual([]);
    expect(fields({ ...fine, status: 'lifted' })).toEqual(['status']);
    expect(fields({ ...fine, status: 'overturned' })).toEqual([]);
  });

  it('needs a source, except for a demo event', () => {
    expect(fields({ ...fine, sources: [] })).toEqual(['sources']);
    expect(fields({ ...fine, sources: [], demo: true })).toEqual([]);
  });

  it('needs the regime of a duty or a deadline rule', () => {
    expect(fields({ ...fine, regimeId: null })).toEqual(['regimeId']);
    expect(fields({ ...fine, regimeId: null, dutyId: null, deadlineRuleId: 'x' })).toEqual(['regimeId']);
    expect(fields({ ...fine, regimeId: null, dutyId: null })).toEqual([]);
  });
});

describe('what each problem says', () => {
  it('names the rule broken, in words a compliance lead can act on', () => {
    const messages = (f: PressureFacts) => pressureProblems(f).map((p) => p.message);
    expect(messages({ ...block, amount: '10', currency: 'RUB' })).toEqual([
      'only a fine or a court judgment carries an amount, not blocking',
    ]);
    expect(messages({ ...fine, currency: null, reference: null })).toEqual(['an amount needs its currency']);
    expect(messages({ ...fine, amount: null, reference: null })).toEqual(['a currency needs an amount']);
    expect(messages({ ...fine, amount: null, currency: null })).toEqual(['a reference-currency rate needs an amount to convert']);
    expect(messages({ ...fine, reference: { ...fine.reference!, currency: 'RUB' } })).toEqual([
      'the reference currency must differ from the amount’s',
    ]);
    expect(messages({ ...shutdown, scope: null })).toEqual(['say whether the shutdown was national or regional']);
    expect(messages({ ...block, scope: 'national' })).toEqual(['only a shutdown has a scope']);
    expect(messages({ ...shutdown, scope: 'regional' })).toEqual(['name the region a regional shutdown covered']);
    expect(messages({ ...block, status: 'paid' })).toEqual(['only a fine or a judgment can be paid']);
    expect(messages({ ...fine, status: 'lifted' })).toEqual(['only a lasting measure can be lifted, not fine']);
    expect(messages({ ...fine, sources: [] })).toEqual(['cite at least one source (only a demo event may have none)']);
    expect(messages({ ...fine, regimeId: null })).toEqual(['a duty or deadline rule belongs to a regime: name it']);
  });
});

describe('the law an event names', () => {
  it('finds a duty or a deadline rule in any version of the pack, not only in all of them', () => {
    const ru242 = rules.find('ru-242')!;
    const dutyOnce = { ...ru242, versions: [ru242.versions[0]!, { ...ru242.versions[0]!, version: 2, duties: [] }] };
    expect(regimeLinkProblems(fine, dutyOnce)).toEqual([]);
    const ru149 = rules.find('ru-149')!;
    const last = ru149.versions[ru149.versions.length - 1]!;
    const ruleOnce = { ...ru149, versions: [last, { ...last, version: last.version + 1, deadlines: [] }] };
    const removal = { ...fine, dutyId: null, regimeId: 'ru-149', deadlineRuleId: 'unified-register-removal' };
    expect(regimeLinkProblems(removal, ruleOnce)).toEqual([]);
    expect(regimeLinkProblems({ ...removal, deadlineRuleId: 'no-such-rule' }, ru149).map((p) => p.field)).toEqual([
      'deadlineRuleId',
    ]);
  });

  it('does not take a national regime for an EU member state', () => {
    expect(regimeLinkProblems({ ...fine, country: 'DE' }, rules.find('ru-242')).map((p) => p.field)).toEqual(['regimeId']);
  });

  it('accepts a duty and a deadline rule of the regime’s own pack', () => {
    expect(regimeLinkProblems(fine, rules.find('ru-242'))).toEqual([]);
    const removal = { ...fine, dutyId: null, regimeId: 'ru-149', deadlineRuleId: 'unified-register-removal' };
    expect(regimeLinkProblems(removal, rules.find('ru-149'))).toEqual([]);
    expect(regimeLinkProblems({ ...fine, regimeId: null, dutyId: null }, undefined)).toEqual([]);
  });

  it('refuses an unknown regime, another country’s, and a duty or rule the pack does not have', () => {
    expect(regimeLinkProblems({ ...fine, regimeId: 'ru-1999' }, undefined)).toEqual([
      { field: 'regimeId', message: 'no rule pack is called ru-1999' },
    ]);
    expect(regimeLinkProblems({ ...fine, country: 'KZ' }, rules.find('ru-242'))).toEqual([
      { field: 'regimeId', message: 'ru-242 is a regime of RU, not KZ' },
    ]);
    expect(regimeLinkProblems({ ...fine, dutyId: 'legal-representative' }, rules.find('ru-242'))).toEqual([
      { field: 'dutyId', message: 'ru-242 has no duty legal-representative' },
    ]);
    expect(regimeLinkProblems({ ...fine, deadlineRuleId: 'unified-register-removal' }, rules.find('ru-242'))).toEqual([
      { field: 'deadlineRuleId', message: 'ru-242 has no deadline rule unified-register-removal' },
    ]);
  });

  it('takes an EU regime for a member state, not for a country outside the Union', () => {
    const eu = rules.find('eu-dsa')!;
    const dsa = { ...fine, regimeId: 'eu-dsa', dutyId: null };
    expect(regimeLinkProblems({ ...dsa, country: 'DE' }, eu)).toEqual([]);
    expect(regimeLinkProblems({ ...dsa, country: 'NO' }, eu).map((p) => p.field)).toEqual(['regimeId']);
  });
});

describe('the orders an event names', () => {
  const found: LinkedOrder[] = [
    { id: 'a', reference: 'WR-000001', country: 'KZ', status: 'decided' },
    { id: 'b', reference: 'WR-000002', country: 'RU', status: 'decided' },
  ];
  it('takes orders of the event’s country and names each other one by its position', () => {
    expect(orderLinkProblems('KZ', ['WR-000001'], found)).toEqual([]);
    expect(orderLinkProblems('KZ', ['WR-000001', 'WR-000002', 'WR-000003'], found)).toEqual([
      { field: 'orders/1', message: 'WR-000002 came from RU, not KZ' },
      { field: 'orders/2', message: 'no order has the reference WR-000003' },
    ]);
  });
});

describe('money', () => {
  it('converts exactly and rounds half up to the cent', () => {
    expect(convertAmount('4000000', '0.0131')).toBe('52400.00');
    expect(convertAmount('2500000', '0.0019')).toBe('4750.00');
    expect(convertAmount('1', '0.005')).toBe('0.01');
    expect(convertAmount('1', '0.0049')).toBe('0.00');
    expect(convertAmount('1', '0.0050')).toBe('0.01');
    expect(convertAmount('3', '0.00166')).toBe('0.00');
    expect(convertAmount('3', '0.00167')).toBe('0.01');
    expect(convertAmount('0.1', '3')).toBe('0.30');
    expect(convertAmount('12.5', '2')).toBe('25.00');
    expect(convertAmount('7', '1.125')).toBe('7.88');
    expect(convertAmount('999999999999999', '99999999')).toBe('99999998999999900000001.00');
    expect(() => convertAmount('1e5', '1')).toThrow(RangeError);
  });

  it('reads decimals with digits and one point, and trims the zeros PostgreSQL pads', () => {
    expect(['0', '4000000', '0.0131', '123456789012345.12345678'].every(isDecimal)).toBe(true);
    expect(['', '-1', '1.', '.5', '1e5', '1,5', '1234567890123456', '1.123456789', ' 1'].some(isDecimal)).toBe(false);
    expect(trimDecimal('4000000.00000000')).toBe('4000000');
    expect(trimDecimal('0.01310000')).toBe('0.0131');
    expect(trimDecimal('100')).toBe('100');
  });
});

describe('time', () => {
  it('begins when it took effect, or else when it was announced', () => {
    expect(startOf(block)).toBe('2021-03-10');
    expect(startOf({ announcedOn: '2021-01-01', inForceOn: '2021-02-01' })).toBe('2021-02-01');
    expect(startOf(fine)).toBe('2020-11-26');
  });

  it('places a day in its half-year, 30 June in the first and 1 July in the second', () => {
    expect(periodOfDay('2022-06-30')).toBe('2022-H1');
    expect(periodOfDay('2022-07-01')).toBe('2022-H2');
    expect(periodOfDay('2022-01-05')).toBe('2022-H1');
  });

  it('touches the half-year of a fine, and each half-year a block was in force, up to today when it goes on', () => {
    expect(touchesPeriod(fine, '2020-H2', '2026-06-01')).toBe(true);
    expect(touchesPeriod(fine, '2021-H1', '2026-06-01')).toBe(false);
    expect(touchesPeriod(fine, 'H2-2020', '2026-06-01')).toBe(false);
    const announcedLater = { ...fine, announcedOn: '2021-01-10', inForceOn: '2020-12-31' };
    expect(touchesPeriod(announcedLater, '2021-H1', '2026-06-01')).toBe(true);
    expect(touchesPeriod(announcedLater, '2020-H2', '2026-06-01')).toBe(true);
    const ended = { ...block, endedOn: '2021-07-01' };
    expect(['2020-H2', '2021-H1', '2021-H2', '2022-H1'].map((p) => touchesPeriod(ended, p, '2026-06-01'))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(touchesPeriod(block, '2026-H1', '2026-06-01')).toBe(true);
    expect(touchesPeriod(block, '2026-H2', '2026-06-01')).toBe(false);
    expect(touchesPeriod({ ...block, endedOn: '2021-06-30' }, '2021-H2', '2026-06-01')).toBe(false);
    expect(touchesPeriod({ ...block, inForceOn: '2021-06-30' }, '2021-H1', '2026-06-01')).toBe(true);
  });

  it('touches a half-year from its first day to its last, by either date of a point event', () => {
    const on = (day: string) => ({ ...fine, announcedOn: day });
    expect(touchesPeriod(on('2021-01-01'), '2021-H1', '2026-06-01')).toBe(true);
    expect(touchesPeriod(on('2021-06-30'), '2021-H1', '2026-06-01')).toBe(true);
    expect(touchesPeriod(on('2021-07-01'), '2021-H1', '2026-06-01')).toBe(false);
    expect(touchesPeriod(on('2020-12-31'), '2021-H1', '2026-06-01')).toBe(false);
    expect(touchesPeriod(on('2021-07-01'), '2021-H2', '2026-06-01')).toBe(true);
    expect(touchesPeriod(on('2021-03-01'), '2021-H2', '2026-06-01')).toBe(false);
    expect(touchesPeriod(on('2021-12-31'), '2021-H2', '2026-06-01')).toBe(true);
    // Took effect before the half-year, announced on its first or last day.
    const early = (announcedOn: string) => ({ ...fine, inForceOn: '2020-11-01', announcedOn });
    expect(touchesPeriod(early('2021-01-01'), '2021-H1', '2026-06-01')).toBe(true);
    expect(touchesPeriod(early('2021-06-30'), '2021-H1', '2026-06-01')).toBe(true);
    expect(touchesPeriod(early('2021-07-01'), '2021-H1', '2026-06-01')).toBe(false);
  });

  it('lists the half-years an event touches, in order', () => {
    expect(periodsTouched({ ...fine, announcedOn: '2021-01-10', inForceOn: '2020-12-31' }, '2026-06-01')).toEqual([
      '2020-H2',
      '2021-H1',
    ]);
    expect(periodsTouched(fine, '2026-06-01')).toEqual(['2020-H2']);
    expect(periodsTouched({ ...fine, inForceOn: '2021-01-15' }, '2026-06-01')).toEqual(['2020-H2', '2021-H1']);
    expect(periodsTouched({ ...block, endedOn: '2022-02-01' }, '2026-06-01')).toEqual(['2021-H1', '2021-H2', '2022-H1']);
    expect(periodsTouched({ ...block, endedOn: '2021-03-11' }, '2026-06-01')).toEqual(['2021-H1']);
    expect(periodsTouched(block, '2022-01-01')).toEqual(['2021-H1', '2021-H2', '2022-H1']);
    expect(periodsTouched({ ...block, announcedOn: '2020-12-01' }, '2021-04-01')).toEqual(['2020-H2', '2021-H1']);
  });

  it('puts a point where an event began and a band over the half-years a lasting one covered, clipped to the axis', () => {
    const periods = ['2021-H1', '2021-H2', '2022-H1', '2022-H2'];
    const events = [
      { ...fine, id: 'old-fine' }, // before the axis: left off
      { ...fine, id: 'fine', announcedOn: '2021-08-01' },
      { ...block, id: 'block', announcedOn: '2020-06-01', inForceOn: '2020-06-01', endedOn: '2021-09-01' },
      { ...shutdown, id: 'shutdown', announcedOn: '2022-01-05', inForceOn: '2022-01-05', endedOn: '2022-01-11' },
      { ...block, id: 'open', announcedOn: '2022-09-01', inForceOn: '2022-09-01' },
      { ...block, id: 'later', announcedOn: '2023-09-01', inForceOn: '2023-09-01' },
      { ...block, id: 'ended-before', announcedOn: '2019-01-01', inForceOn: '2019-01-01', endedOn: '2019-02-01' },
    ];
    expect(timelineMarks(events, periods, '2026-06-01')).toEqual([
      { id: 'fine', kind: 'fine', at: 1, band: null },
      { id: 'block', kind: 'blocking', at: 0, band: { from: 0, to: 1 } },
      { id: 'shutdown', kind: 'internet_shutdown', at: 2, band: { from: 2, to: 2 } },
      { id: 'open', kind: 'blocking', at: 3, band: { from: 3, to: 3 } },
    ]);
    expect(timelineMarks(events, [], '2026-06-01')).toEqual([]);
    // A measure still in force at the axis' last half-year: the band runs to it.
    expect(timelineMarks([{ ...block, id: 'b' }], ['2021-H1', '2021-H2'], '2026-06-01')).toEqual([
      { id: 'b', kind: 'blocking', at: 0, band: { from: 0, to: 1 } },
    ]);
  });
});

describe('the public table', () => {
  it('has a column for every field of a row, the sources as their addresses and the orders as a count', () => {
    const event: PressureEvent = {
      ...fine,
      id: 'e1',
      orders: [{ id: 'a', reference: 'WR-000001', country: 'RU', status: 'decided' }],
      referenceAmount: '52400.00',
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
      sources: [...fine.sources, { url: 'https://news.example/2', title: 'x', quote: null, accessedOn: null }],
    };
    const row = pressureRow(event);
    expect(Object.keys(row)).toEqual([...pressureColumns]);
    expect(row).toMatchObject({
      id: 'e1',
      kind: 'fine',
      amount: '4000000',
      currency: 'RUB',
      referenceAmount: '52400.00',
      referenceCurrency: 'USD',
      referenceRateOn: '2020-11-26',
      regimeId: 'ru-242',
      dutyId: 'data-localisation',
      ordersConcerned: 1,
      demo: 'no',
      sources: 'https://court.example/1 https://news.example/2',
    });
    expect(pressureRow({ ...event, reference: null, demo: true })).toMatchObject({
      referenceCurrency: null,
      referenceRateOn: null,
      demo: 'yes',
    });
  });
});
