import { InvalidArgumentError } from 'commander';

/** Which end of a date range a command-line date is: a bare day means its first moment, or (for `end`) its last. */
export type DateEdge = 'start' | 'end';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 extended format, 'T' or a space between date and time; seconds, fraction and zone optional.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?$/i;

const FORMATS =
  'Use YYYY-MM-DD (a day, local time) or an ISO 8601 date and time such as 2026-03-01T09:30 (local time) ' +
  'or 2026-03-01T09:30:00Z.';

// Years outside 0001-9999 have no plain ISO 8601 form (the history filter would refuse them).
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * A `--since`/`--until` value as the instant the history query takes (ISO 8601, UTC). `YYYY-MM-DD` is local
 * midnight; for the `end` edge it is the next day's midnight, because `until` is exclusive and "until 31 March"
 * means up to the end of that day. A date and time without a zone is local time. Throws InvalidArgumentError
 * (commander's usage error) saying what is wrong and which formats work.
 */
export function parseDateOption(text: string, edge: DateEdge): string {
  const value = text.trim();
  const day = DATE_ONLY.exec(value);
  if (day) {
    const [y, mo, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    checkCalendarDate(y, mo, d);
    return finish(localTime(y, mo, edge === 'end' ? d + 1 : d, 0, 0, 0, 0));
  }
  const m = DATE_TIME.exec(value);
  if (!m) throw new InvalidArgumentError(`It is not a date. ${FORMATS}`);
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  checkCalendarDate(y, mo, d);
  if (h > 23 || mi > 59 || s > 59)
    throw new InvalidArgumentError(`${pad(h)}:${pad(mi)}:${pad(s)} is not a time of day.`);
  if (m[8] === undefined && m[9] === undefined) return finish(localTime(y, mo, d, h, mi, s, ms));
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = m[11] === undefined ? 0 : Number(m[11]);
    if (oh > 18 || om > 59) throw new InvalidArgumentError(`${m[9]}${m[10]}${m[11] ?? ''} is not a time zone offset.`);
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi - offsetMinutes, s, ms);
  return finish(utc);
}

function checkCalendarDate(y: number, mo: number, d: number): void {
  if (mo < 1 || mo > 12) throw new InvalidArgumentError(`There is no month ${mo}. ${FORMATS}`);
  const probe = new Date(0);
  probe.setUTCFullYear(y, mo, 0);
  const days = probe.getUTCDate();
  if (d < 1 || d > days) {
    throw new InvalidArgumentError(`${y}-${pad(mo)} has no day ${d} (it has ${days}).`);
  }
}

/** A local wall-clock time; setFullYear, unlike the Date constructor, does not read years 0-99 as 19xx. */
function localTime(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, mo - 1, d);
  date.setHours(h, mi, s, ms);
  return date;
}

function finish(date: Date): string {
  const t = date.getTime();
  if (!(t >= EARLIEST && t <= LATEST)) throw new InvalidArgumentError('Give a date in the years 0001 to 9999.');
  return date.toISOString();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
