import { describe, expect, it } from 'vitest';
import { periodIds, periodSpan } from './dashboard-period';

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
