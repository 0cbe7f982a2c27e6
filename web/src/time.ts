/** Instants and durations for people: UTC, the authority's local time, and time left. */
import { useEffect, useState } from 'react';
import type { TFunction } from './i18n/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The current time, re-rendering every `everyMs` so that "time left" stays true. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** 11_520_000 → `3 h 12 min` (non-breaking spaces): the two largest units, rounded down to the minute. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / MINUTE) * MINUTE;
  if (total < MINUTE) return 'less than 1 min';
  const parts: string[] = [];
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days) parts.push(`${days}\u00a0d`);
  if (hours) parts.push(`${hours}\u00a0h`);
  if (minutes && !days) parts.push(`${minutes}\u00a0min`);
  return parts.slice(0, 2).join('\u00a0');
}

/** `formatDuration` in the UI's language: `3 h 12 min`, `3 ч 12 мин`, `3 сағ 12 мин`. */
export function durationText(t: TFunction, ms: number): string {
  const total = Math.floor(Math.abs(ms) / MINUTE) * MINUTE;
  if (total < MINUTE) return t('common:duration.lessThanMinute');
  const parts: string[] = [];
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days) parts.push(t('common:duration.days', { n: days }));
  if (hours) parts.push(t('common:duration.hours', { n: hours }));
  if (minutes && !days) parts.push(t('common:duration.minutes', { n: minutes }));
  return parts.slice(0, 2).join('\u00a0');
}

export type Urgency = 'overdue' | 'soon' | 'ok';

export type TimeLeft = { text: string; urgency: Urgency };

/**
 * Time left until `dueAt`: overdue once it has passed, `soon` from `dueSoonAt` (the server's SLA
 * threshold) or, without it, when less than a quarter of the window between receipt and deadline remains.
 */
export function timeLeft(t: TFunction, receivedAt: string, dueAt: string, now: Date, dueSoonAt?: string): TimeLeft {
  const due = Date.parse(dueAt);
  const left = due - now.getTime();
  if (left <= 0) return { text: t('common:timeLeft.overdueBy', { duration: durationText(t, left) }), urgency: 'overdue' };
  const window = due - Date.parse(receivedAt);
  const soon = dueSoonAt ? now.getTime() >= Date.parse(dueSoonAt) : window > 0 && left < window / 4;
  const urgency: Urgency = soon ? 'soon' : 'ok';
  return { text: t('common:timeLeft.in', { duration: durationText(t, left) }), urgency };
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `10 Mar 2026, 18:30` in a zone (one formatter per zone, kept: building one costs far more than using it). */
export function dateTimeIn(zone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(zone, format);
  }
  return format;
}

/** `10 Mar 2026, 18:30 UTC` */
export function formatUtc(iso: string): string {
  return `${dateTimeIn('UTC').format(new Date(iso))} UTC`;
}

const utcDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
const utcTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `{ day: '10 Mar 2026', time: '18:30' }`, for tables where the two go on separate lines. */
export function utcParts(iso: string): { day: string; time: string } {
  const date = new Date(iso);
  return { day: utcDay.format(date), time: utcTime.format(date) };
}

/** `10 Mar 2026, 23:30 GMT+5 (Asia/Almaty)`, or null when the zone is unknown to the browser. */
export function formatInZone(iso: string, timeZone: string): string | null {
  try {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    return `${format.format(new Date(iso))} (${timeZone})`;
  } catch {
    return null;
  }
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** `2026-07-14` → `14 Jul 2026` (a calendar day, not an instant). */
export function formatDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

/** Whole days from `from` to `to` (calendar days, `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY);
}

/** `3 days left` / `due today` / `12 days overdue`, in the UI's language. */
export function daysLeftIn(t: TFunction, days: number): string {
  if (days === 0) return t('common:daysLeft.dueToday');
  return days > 0 ? t('common:daysLeft.left', { days }) : t('common:daysLeft.overdue', { days: Math.abs(days) });
}

/** `3 days left` / `due today` / `12 days overdue` (English) */
export function daysLeftText(days: number): string {
  if (days === 0) return 'due today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `${n} ${unit} left` : `${n} ${unit} overdue`;
}
