import { DEFAULT_ACCOUNT, DEFAULT_ACCOUNT_LABEL, type HistoryFilter } from '../../../shared/domain/history';
import type { Outcome } from '../../../shared/domain/outcome';

/** The review screen's filter fields as typed; dates are the `YYYY-MM-DD` of date inputs (local days). */
export interface FilterForm {
  search: string;
  user: string;
  account: string;
  outcome: Outcome | '';
  from: string;
  to: string;
}

export type SortOrder = 'newest' | 'oldest';

export const EMPTY_FILTER_FORM: FilterForm = { search: '', user: '', account: '', outcome: '', from: '', to: '' };

/** The start of a local calendar day (plus `addDays`) as an ISO instant; null for anything else. */
export function localDayStart(day: string, addDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || date < 1 || date > 31) return null;
  const start = new Date(year, month - 1, date + addDays);
  return Number.isNaN(start.getTime()) || start.getFullYear() > 9999 ? null : start.toISOString();
}

/** What is wrong with the date range, in words, or null. */
export function dateRangeProblem(form: FilterForm): string | null {
  if (form.from !== '' && localDayStart(form.from) === null) return 'Enter a valid start date.';
  if (form.to !== '' && localDayStart(form.to) === null) return 'Enter a valid end date.';
  if (form.from !== '' && form.to !== '' && form.from > form.to) return 'The start date is after the end date.';
  return null;
}

/** True when any filter field is set (what "Clear filters" would undo). */
export function isFormFiltered(form: FilterForm): boolean {
  return Object.values(form).some((value) => value.trim() !== '');
}

/**
 * The history query for the form: text fields trimmed, "Default" for entries without an account, and
 * the days as a half-open range [start of From, start of the day after To) in local time. An invalid
 * date range filters on nothing rather than on half of it.
 */
export function toHistoryFilter(form: FilterForm, order: SortOrder): HistoryFilter {
  const filter: HistoryFilter = { order };
  const search = form.search.trim();
  const user = form.user.trim();
  const account = form.account.trim();
  if (search !== '') filter.search = search;
  if (user !== '') filter.user = user;
  if (account !== '')
    filter.account = account.toLowerCase() === DEFAULT_ACCOUNT_LABEL.toLowerCase() ? DEFAULT_ACCOUNT : account;
  if (form.outcome !== '') filter.outcome = form.outcome;
  if (dateRangeProblem(form) === null) {
    const since = form.from === '' ? null : localDayStart(form.from);
    const until = form.to === '' ? null : localDayStart(form.to, 1);
    if (since !== null) filter.since = since;
    if (until !== null) filter.until = until;
  }
  return filter;
}
