/** Deadline alerts (issue 12): the instants of an order's alerts, and which one is due when. */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { describe, expect, it } from 'vitest';
import {
  type AlertingOrder,
  alertMail,
  alertSchedule,
  alertThresholds,
  dueAlert,
  durationText,
} from '../../src/domain/deadline-alerts.js';
import en from '../../web/src/i18n/locales/en/alerts.json' with { type: 'json' };
import ru from '../../web/src/i18n/locales/ru/alerts.json' with { type: 'json' };
import { alertsHistory } from '../../web/src/review/alerts/history-lines.js';

const H = 3_600_000;
const receivedAt = new Date('2026-11-01T00:00:00Z');
const order = (over: Partial<AlertingOrder> = {}): AlertingOrder => ({
  status: 'in_review',
  isDemo: false,
  receivedAt,
  dueAt: new Date(receivedAt.getTime() + 100 * H),
  clockPausedAt: null,
  ...over,
});
const at = (hours: number) => new Date(receivedAt.getTime() + hours * H);
const shares = [0.5, 0.75, 0.9];

describe('alert thresholds', () => {
  it('are the shares ascending, without duplicates or shares outside (0, 1), then expired', () => {
    expect(alertThresholds([0.9, 0.5, 0.5, 1, 0, 0.75]).map((t) => t.threshold)).toEqual(['0.5', '0.75', '0.9', 'expired']);
    expect(alertThresholds([])).toEqual([{ threshold: 'expired', share: 1 }]);
  });

  it('fall at receipt plus the share of the time allowed, and at the deadline', () => {
    expect(alertSchedule(order(), shares).map((t) => [t.threshold, t.at.toISOString()])).toEqual([
      ['0.5', at(50).toISOString()],
      ['0.75', at(75).toISOString()],
      ['0.9', at(90).toISOString()],
      ['expired', at(100).toISOString()],
    ]);
  });

  it('are none for an order that is decided, closed, withdrawn, demo data or whose clock stands still', () => {
    for (const status of ['decided', 'closed', 'withdrawn'] as const)
      expect(alertSchedule(order({ status }), shares)).toEqual([]);
    expect(alertSchedule(order({ isDemo: true }), shares)).toEqual([]);
    expect(alertSchedule(order({ clockPausedAt: at(10) }), shares)).toEqual([]);
    for (const status of ['received', 'in_review', 'needs_clarification'] as const)
      expect(alertSchedule(order({ status }), shares)).toHaveLength(4);
  });
});

describe('the alert due', () => {
  it('is none before the first share, then the threshold just passed', () => {
    expect(dueAlert(order(), shares, at(49.9))).toBeNull();
    expect(dueAlert(order(), shares, at(50))?.threshold).toBe('0.5');
    expect(dueAlert(order(), shares, at(80))?.threshold).toBe('0.75');
    expect(dueAlert(order(), shares, at(100))?.threshold).toBe('expired');
    expect(dueAlert(order(), shares, at(500))?.threshold).toBe('expired');
  });

  it('is none once it fired, and comes again at the next threshold', () => {
    expect(dueAlert(order(), shares, at(60), new Set(['0.5']))).toBeNull();
    expect(dueAlert(order(), shares, at(76), new Set(['0.5']))?.threshold).toBe('0.75');
    expect(dueAlert(order(), shares, at(101), new Set(['0.5', '0.75', 'expired']))).toBeNull();
  });

  it('skips thresholds passed at once with a later one: only the latest is sent', () => {
    // A server down from 40 h to 95 h: 0.5, 0.75 and 0.9 passed meanwhile; only 0.9 is due.
    expect(dueAlert(order(), shares, at(95))?.threshold).toBe('0.9');
    // and 0.5 never becomes due afterwards.
    expect(dueAlert(order(), shares, at(96), new Set(['0.9']))).toBeNull();
  });

  it('is none for an order that does not alert', () => {
    expect(dueAlert(order({ status: 'decided' }), shares, at(200))).toBeNull();
    expect(dueAlert(order({ clockPausedAt: at(40) }), shares, at(200))).toBeNull();
  });
});

describe('the alert mail', () => {
  const alerted = {
    id: '0b6c3c9e-1b4f-4a57-9a1e-5d1c3f9e2a10',
    reference: 'WR-000042',
    authorityName: 'Ministry of Information',
    country: 'KZ',
    authorityTimeZone: 'Asia/Almaty',
    receivedAt,
    dueAt: at(100),
  };

  it('names the order, the authority, the deadline in UTC and in the authority zone, the time left and the link', () => {
    const mail = alertMail(alerted, '0.75', at(75), 'https://writ.example/');
    expect(mail.subject).toBe('Deadline alert (75%): order WR-000042');
    expect(mail.body).toContain('Order WR-000042 is still open and 75% of the time allowed has passed.');
    expect(mail.body).toContain('Authority: Ministry of Information (KZ)');
    expect(mail.body).toContain('Due by: 2026-11-05T04:00:00.000Z (UTC)');
    expect(mail.body).toContain("Due by, authority's time: 2026-11-05T09:00:00+05:00 (Asia/Almaty)");
    expect(mail.body).toContain('Time left: 1 d 1 h 0 min');
    expect(mail.body).toContain('https://writ.example/review/requests/0b6c3c9e-1b4f-4a57-9a1e-5d1c3f9e2a10');
  });

  it('says the deadline passed at expiry', () => {
    const mail = alertMail(alerted, 'expired', at(101.5), 'https://writ.example');
    expect(mail.subject).toBe('Deadline passed: order WR-000042');
    expect(mail.body).toContain('Overdue by: 1 h 30 min');
  });

  it('writes durations in days, hours and minutes', () => {
    expect(durationText(59_000)).toBe('0 min');
    expect(durationText(2 * 86_400_000 + 5 * 60_000)).toBe('2 d 0 h 5 min');
  });
});

describe("the alert's line in the order's history", () => {
  it('says which share passed, or that the deadline passed, against which deadline', async () => {
    const i18n = i18next.createInstance();
    await i18n.use(new ICU()).init({ lng: 'en', resources: { en: { alerts: en }, ru: { alerts: ru } }, initAsync: false });
    const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
    const event = (after: unknown) => ({ type: 'deadline_alert', after }) as Parameters<typeof alertsHistory.line>[2];
    const t = i18n.getFixedT('en');
    expect(alertsHistory.types.has('deadline_alert')).toBe(true);
    expect(alertsHistory.label(t, 'deadline_alert')).toBe('Deadline alert');
    expect(alertsHistory.line(t, utc, event({ threshold: '0.75', dueAt: '2026-11-05T04:00:00.000Z' }))).toBe(
      '75% of the time allowed has passed (due 2026-11-05 04:00 UTC)',
    );
    expect(alertsHistory.line(t, utc, event({ threshold: 'expired', dueAt: '2026-11-05T04:00:00.000Z' }))).toBe(
      'The deadline passed (2026-11-05 04:00 UTC)',
    );
    expect(alertsHistory.line(i18n.getFixedT('ru'), utc, event({ threshold: '0.5', dueAt: '2026-11-05T04:00:00.000Z' }))).toMatch(
      /^Прошло 50\s?% отведённого времени/,
    );
  });
});
