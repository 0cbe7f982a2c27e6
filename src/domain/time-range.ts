/**
 * The span of time Writ's records may speak of. Laws that oblige platforms to take orders are
 * recent and no half-year report reaches back further than 2000, while years such as 0 or 1900
 * are typing slips (or probes) that PostgreSQL stores oddly (year 0 does not exist; year 1 comes
 * back through two-digit parsing as 2001) and that would open public report periods nobody can use.
 */
/** The earliest instant Writ stores: 2000-01-01T00:00:00Z. */
export const earliestInstant = new Date(Date.UTC(2000, 0, 1));
/** The first instant past the range: 2100-01-01T00:00:00Z (deadlines run at most a year ahead). */
export const instantLimit = new Date(Date.UTC(2100, 0, 1));

/** Whether an instant lies in the range Writ stores. */
export function isWithinRecordRange(instant: Date): boolean {
  const t = instant.getTime();
  return Number.isFinite(t) && t >= earliestInstant.getTime() && t < instantLimit.getTime();
}

/** The same for a calendar date written YYYY-MM-DD. */
export function isDayWithinRecordRange(day: string): boolean {
  return isWithinRecordRange(new Date(`${day}T00:00:00Z`));
}

export const recordRangeMessage = 'must lie between 2000-01-01 and 2099-12-31';
