/** Calendar dates in the configuration are `YYYY-MM-DD` and count in UTC, the way the scan's clock does. */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isoDay(now: Date): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** An expiry date is the last day something holds: it has expired once that day is over. */
export function hasExpired(expires: IsoDate | undefined, now: Date): boolean {
  return expires !== undefined && isoDay(now) > expires;
}

/**
 * The scan's clock. `DEMARC_NOW` (an ISO date or date-time) fixes it so that tests of expiry are repeatable;
 * returns undefined when unset, and throws when set to something that is not a date.
 */
export function clockFromEnv(env: Readonly<Record<string, string | undefined>>): Date | undefined {
  const value = env['DEMARC_NOW'];
  if (value === undefined || value === '') return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`DEMARC_NOW is not a date: ${value}`);
  return parsed;
}
