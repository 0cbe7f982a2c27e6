/**
 * The fifteen zones the time properties run in: daylight saving in both hemispheres, a 30-minute
 * one, none, odd offsets, large changes of standard offset, and clocks that skip midnight.
 */
export const propertyZones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Sao_Paulo', // daylight saving began at midnight until 2019: days that start at 01:00
  'Australia/Sydney',
  'Australia/Lord_Howe', // a 30-minute daylight-saving change
  'Pacific/Chatham', // +12:45
  'Asia/Almaty', // +06:00 → +05:00 on 1 March 2024
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'America/St_Johns', // -03:30
  'Europe/Moscow', // +03:00/+04:00 with DST, +04:00 all year from 2011, +03:00 from 2014
  'America/Havana', // daylight saving begins at midnight
  'Asia/Tehran', // +03:30, daylight saving began at midnight until 2022
  'America/Santiago', // daylight saving begins at midnight, southern hemisphere
] as const;
