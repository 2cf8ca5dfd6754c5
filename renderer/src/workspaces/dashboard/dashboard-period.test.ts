import { describe, expect, it } from 'vitest';
import { dashboardMaxPeriodSeconds } from '../../../../shared/contract/dashboard';
import { customPeriod, periodIds, periodSpan, spanDays } from './dashboard-period';

const local = (seconds: number) => {
  const d = new Date(seconds * 1000);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
};

describe('dashboard periods', () => {
  const now = new Date(2026, 4, 17, 15, 30); // 17 May 2026

  it('cover whole calendar months, first second to last second', () => {
    expect(periodSpan('thisYear', now)).toSatisfy(
      ({ from, to }: { from: number; to: number }) => local(from).join() === '2026,1,1,0,0,0' && local(to).join() === '2026,12,31,23,59,59',
    );
    expect(local(periodSpan('lastYear', now).from)).toEqual([2025, 1, 1, 0, 0, 0]);
    expect(local(periodSpan('last12', now).from)).toEqual([2025, 6, 1, 0, 0, 0]);
    expect(local(periodSpan('last12', now).to)).toEqual([2026, 5, 31, 23, 59, 59]);
    expect(local(periodSpan('thisQuarter', now).from)).toEqual([2026, 4, 1, 0, 0, 0]);
    expect(local(periodSpan('thisQuarter', now).to)).toEqual([2026, 6, 30, 23, 59, 59]);
    expect(local(periodSpan('thisMonth', now).to)).toEqual([2026, 5, 31, 23, 59, 59]);
  });

  it('always start before they end', () => {
    for (const id of periodIds) {
      const { from, to } = periodSpan(id, new Date(2024, 1, 29));
      expect(from).toBeLessThan(to);
    }
  });
});

describe('a custom period', () => {
  it('runs from local midnight of the first day to the last second of the last day', () => {
    const { span, errors } = customPeriod({ from: '2025-03-03', to: '2025-03-30' });
    expect(errors).toEqual({});
    expect(local(span!.from)).toEqual([2025, 3, 3, 0, 0, 0]);
    expect(local(span!.to)).toEqual([2025, 3, 30, 23, 59, 59]);
    // One day is a period too: its 24 hours (23 or 25 on a change of clocks).
    const day = customPeriod({ from: '2026-05-17', to: '2026-05-17' }).span!;
    expect([local(day.from), local(day.to)]).toEqual([
      [2026, 5, 17, 0, 0, 0],
      [2026, 5, 17, 23, 59, 59],
    ]);
  });

  it('waits for both days, and says which one is no day', () => {
    expect(customPeriod({ from: '', to: '2026-01-31' })).toEqual({ span: null, errors: {} });
    expect(customPeriod({ from: '2026-01-01', to: '31/01' })).toEqual({ span: null, errors: { to: 'day' } });
    expect(customPeriod({ from: '2026-02-30', to: '2026-03-01' })).toEqual({ span: null, errors: { from: 'day' } });
  });

  it('refuses what the core refuses: an end before the start, more than three years', () => {
    expect(customPeriod({ from: '2026-05-17', to: '2026-05-16' })).toEqual({ span: null, errors: { to: 'order' } });
    // The core takes up to 3 × 366 days: 1 January 2024 to 2 January 2027 (1,098 days) is the longest.
    expect(customPeriod({ from: '2024-01-01', to: '2026-12-31' }).span).not.toBeNull();
    const longest = customPeriod({ from: '2024-01-01', to: '2027-01-02' }).span!;
    expect(longest.to - longest.from).toBe(dashboardMaxPeriodSeconds - 1);
    expect(customPeriod({ from: '2024-01-01', to: '2027-01-03' })).toEqual({ span: null, errors: { to: 'tooLong' } });
  });

  it('starts from the days of the period on screen', () => {
    const now = new Date(2026, 4, 17);
    expect(spanDays(periodSpan('thisQuarter', now))).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(customPeriod(spanDays(periodSpan('last12', now))).span).toEqual(periodSpan('last12', now));
  });
});
