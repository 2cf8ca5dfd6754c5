/** The periods the operator picks from, as the core's inclusive Unix-second spans in local time. */
export const periodIds = ['thisYear', 'last12', 'thisQuarter', 'thisMonth', 'lastYear'] as const;
export type PeriodId = (typeof periodIds)[number];

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function periodSpan(id: PeriodId, now: Date): { from: number; to: number } {
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
