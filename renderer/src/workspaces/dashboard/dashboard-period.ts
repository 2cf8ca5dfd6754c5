import { dashboardMaxPeriodSeconds } from '../../../../shared/contract/dashboard';
import { dayEnd, dayOf, dayStart } from '../../dates/day-input';

/** The periods the operator picks from, as the core's inclusive Unix-second spans in local time. */
export const periodIds = ['thisYear', 'last12', 'thisQuarter', 'thisMonth', 'lastYear'] as const;
export type PeriodId = (typeof periodIds)[number];
/** A preset, or two days the operator types. */
export type PeriodChoice = PeriodId | 'custom';
export interface Span {
  from: number;
  to: number;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function periodSpan(id: PeriodId, now: Date): Span {
  const y = now.getFullYear();
  const m = now.getMonth();
  const span = (start: Date, next: Date) => ({ from: seconds(start), to: seconds(next) - 1 });
  switch (id) {
    case 'thisYear':
      return span(new Date(y, 0, 1), new Date(y + 1, 0, 1));
    case 'lastYear':
      return span(new Date(y - 1, 0, 1), new Date(y, 0, 1));
    case 'last12':
      return span(new Date(y, m - 11, 1), new Date(y, m + 1, 1));
    case 'thisQuarter': {
      const q = m - (m % 3);
      return span(new Date(y, q, 1), new Date(y, q + 3, 1));
    }
    case 'thisMonth':
      return span(new Date(y, m, 1), new Date(y, m + 1, 1));
    default: {
      const never: never = id;
      throw new Error(`unknown period ${String(never)}`);
    }
  }
}

/** The first and last days of a custom period, YYYY-MM-DD, '' or the text typed while it is no day (day-field.tsx). */
export interface CustomDays {
  from: string;
  to: string;
}
export type CustomDayError = 'day' | 'order' | 'tooLong';
export interface CustomPeriod {
  /** The span to ask the core for, or null while a day is missing or wrong. */
  span: Span | null;
  errors: { from?: CustomDayError; to?: CustomDayError };
}

/**
 * Two days → the core's span: local midnight of the first to 23:59:59 local of the last, since the core adds
 * up its kept per-day totals for whole local days only. Refused as the core would refuse it (the contract's
 * rules, dashboard.ts): a last day before the first, or more than three years.
 */
export function customPeriod(days: CustomDays): CustomPeriod {
  const from = dayStart(days.from);
  const to = dayEnd(days.to);
  const errors: CustomPeriod['errors'] = {};
  if (days.from && from === null) errors.from = 'day';
  if (days.to && to === null) errors.to = 'day';
  if (from === null || to === null) return { span: null, errors };
  if (to < from) return { span: null, errors: { to: 'order' } };
  if (to - from > dashboardMaxPeriodSeconds) return { span: null, errors: { to: 'tooLong' } };
  return { span: { from, to }, errors };
}

/** The days a span covers, to start a custom period from the one on screen. */
export function spanDays(span: Span): CustomDays {
  return { from: dayOf(span.from * 1000), to: dayOf(span.to * 1000) };
}
