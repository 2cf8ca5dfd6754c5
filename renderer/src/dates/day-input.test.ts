import { describe, expect, it } from 'vitest';
import { dayEnd, dayOf, dayStart } from './day-input';

describe('day inputs', () => {
  it('reads a day as local midnight to its last second', () => {
    const start = dayStart('2026-03-03');
    const end = dayEnd('2026-03-03');
    expect(start).toBe(new Date(2026, 2, 3).getTime() / 1000);
    expect(end).toBe(new Date(2026, 2, 4).getTime() / 1000 - 1);
    expect(dayOf((start ?? 0) * 1000)).toBe('2026-03-03');
    expect(dayOf((end ?? 0) * 1000)).toBe('2026-03-03');
  });

  it('refuses what is not a day', () => {
    expect(dayStart('')).toBeNull();
    expect(dayStart('2026-02-31')).toBeNull();
    expect(dayEnd('03/03/2026')).toBeNull();
  });
});
