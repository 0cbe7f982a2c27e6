/**
 * The queue's filters in the URL (web/src/review/queue-filters.ts) and its times in two zones
 * (web/src/review/zoned-time.ts): a shared link reads back as the view it was taken from, and an
 * instant is shown with the zones named.
 */
import { describe, expect, it } from 'vitest';
import { openStatuses } from '../../src/domain/vocabulary.js';
import {
  countText,
  defaultFilters,
  filtersFromParams,
  hasNextPage,
  isFiltered,
  listQuery,
  maxPageSize,
  pageRange,
  paramsFromFilters,
  queuePageSize,
  totalText,
  withFilters,
} from '../../web/src/review/queue-filters.js';
import { zonedTimes } from '../../web/src/review/zoned-time.js';

const parse = (search: string) => filtersFromParams(new URLSearchParams(search));

describe('the queue’s filters in the URL', () => {
  it('are the open orders, first page of 50, when the URL names none, and write back as nothing', () => {
    expect(parse('')).toEqual(defaultFilters);
    expect(defaultFilters.statuses).toEqual(openStatuses);
    expect(defaultFilters.limit).toBe(queuePageSize);
    expect(paramsFromFilters(defaultFilters).toString()).toBe('');
    expect(isFiltered(defaultFilters)).toBe(false);
  });

  it('read back as the filters they were written from', () => {
    const filters = {
      statuses: ['decided', 'withdrawn'] as const,
      country: 'KZ',
      regime: 'kz-2023-online-platforms',
      kind: 'user_data' as const,
      search: 'MCI-2026',
      limit: 2,
      offset: 4,
    };
    const search = paramsFromFilters(filters).toString();
    expect(search).toBe(
      'status=decided%2Cwithdrawn&country=KZ&regime=kz-2023-online-platforms&kind=user_data&search=MCI-2026&limit=2&offset=4',
    );
    expect(parse(search)).toEqual(filters);
    expect(isFiltered(filters)).toBe(true);
  });

  it('name every status as "all", and keep the open statuses implicit in any order', () => {
    const all = parse('status=all');
    expect(all.statuses).toBeNull();
    expect(paramsFromFilters(all).toString()).toBe('status=all');
    expect(listQuery(all).statuses).toBeUndefined();
    expect(paramsFromFilters(parse('status=needs_clarification,received,in_review')).toString()).toBe('');
  });

  it('drop what the API would refuse rather than fail the page', () => {
    const f = parse('status=open,bogus&country=xx&kind=parcel&limit=9000&offset=-3&search=%20%20&regime=');
    expect(f.statuses).toEqual(openStatuses);
    expect(f.country).toBeNull();
    expect(f.kind).toBeNull();
    expect(f.limit).toBe(maxPageSize);
    expect(maxPageSize).toBeLessThan(500);
    expect(f.offset).toBe(0);
    expect(f.search).toBeNull();
    expect(f.regime).toBeNull();
    expect(parse('country=kz&status=withdrawn,bogus').country).toBe('KZ');
    expect(parse('status=withdrawn,bogus').statuses).toEqual(['withdrawn']);
    expect(parse('limit=0').limit).toBe(1);
  });

  it('start again at the first page when a filter changes, and not when the page does', () => {
    const onPage3 = { ...defaultFilters, offset: 100 };
    expect(withFilters(onPage3, { country: 'TR' }).offset).toBe(0);
    expect(withFilters(onPage3, { offset: 150 }).offset).toBe(150);
    expect(isFiltered(onPage3)).toBe(false);
  });

  it('ask the API for exactly the view', () => {
    expect(listQuery(parse('country=TR&offset=50'))).toEqual({
      statuses: openStatuses,
      country: 'TR',
      regime: undefined,
      kind: undefined,
      search: undefined,
      limit: 50,
      offset: 50,
    });
  });

  const exact = (total: number) => ({ total, totalIsLowerBound: false });
  const moreThan = (total: number) => ({ total, totalIsLowerBound: true });

  it('say where the page lies', () => {
    expect(pageRange(0, 50, exact(230))).toBe('1–50 of 230');
    expect(pageRange(200, 30, exact(230))).toBe('201–230 of 230');
    expect(pageRange(0, 0, exact(0))).toBe('0 of 0');
    expect(pageRange(1000, 50, exact(12408))).toBe('1,001–1,050 of 12,408');
  });

  it('say "10,000+" and "more than 10,000" where the API stopped counting', () => {
    expect(totalText(moreThan(10000))).toBe('10,000+');
    expect(totalText(exact(10000))).toBe('10,000');
    expect(pageRange(0, 50, moreThan(10000))).toBe('1–50 of 10,000+');
    expect(pageRange(10000, 50, moreThan(20000))).toBe('10,001–10,050 of 20,000+');
    expect(countText(moreThan(10000), 'open')).toBe('more than 10,000 open requests');
    expect(countText(moreThan(10000), 'match')).toBe('more than 10,000 orders match');
    expect(countText(exact(1), 'open')).toBe('1 open request');
    expect(countText(exact(1), 'match')).toBe('1 order matches');
    expect(countText(exact(4521), 'match')).toBe('4,521 orders match');
  });

  it('offer a next page while the total lies beyond this one, and past the count while pages are full', () => {
    const page = (offset: number) => ({ limit: 50, offset });
    expect(hasNextPage(page(0), 50, exact(230))).toBe(true);
    expect(hasNextPage(page(200), 30, exact(230))).toBe(false);
    expect(hasNextPage(page(50), 50, exact(100))).toBe(false);
    // The API counted 10,000 past this page's start and stopped: the next page is still there.
    expect(hasNextPage(page(9950), 50, moreThan(10000))).toBe(true);
    expect(hasNextPage(page(10000), 50, moreThan(10000))).toBe(true);
    expect(hasNextPage(page(10000), 20, moreThan(10000))).toBe(false);
  });
});

describe('an instant in the reader’s zone and the authority’s', () => {
  const due = '2026-03-11T13:00:00Z';

  it('is shown in both, each zone named', () => {
    expect(zonedTimes(due, 'Europe/Berlin', 'Asia/Almaty')).toEqual([
      { whose: 'reader', zone: 'Europe/Berlin', text: '11 Mar 2026, 14:00' },
      { whose: 'authority', zone: 'Asia/Almaty', text: '11 Mar 2026, 18:00' },
    ]);
  });

  it('crosses midnight with the calendar day of each zone', () => {
    expect(zonedTimes('2026-03-11T22:30:00Z', 'America/New_York', 'Asia/Almaty').map((t) => t.text)).toEqual([
      '11 Mar 2026, 18:30',
      '12 Mar 2026, 03:30',
    ]);
  });

  it('is shown once when the reader keeps the authority’s zone, and in the reader’s alone for a zone unknown', () => {
    expect(zonedTimes(due, 'Asia/Almaty', 'Asia/Almaty')).toEqual([
      { whose: 'both', zone: 'Asia/Almaty', text: '11 Mar 2026, 18:00' },
    ]);
    expect(zonedTimes(due, 'UTC', 'Mars/Olympus')).toEqual([{ whose: 'reader', zone: 'UTC', text: '11 Mar 2026, 13:00' }]);
  });
});
