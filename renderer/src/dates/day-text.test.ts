import { describe, expect, it } from 'vitest';
import { addDays, dayText, monthGrid, parseDayText } from './day-text';

describe('a day as typed and shown: dd/mm/yyyy, day first', () => {
  it('shows 6 December 2026 as 06/12/2026, not the browser’s 12/06/2026', () => {
    expect(dayText('2026-12-06')).toBe('06/12/2026');
    expect(dayText('6/12/20')).toBe('6/12/20');
    expect(dayText('')).toBe('');
  });

  it('reads the day first, with any separator, packed digits, two-digit years and pasted ISO days', () => {
    for (const typed of ['06/12/2026', '6/12/2026', '6.12.2026', '6-12-26', '6 12 2026', ' 06122026 ', '061226', '2026-12-06'])
      expect(parseDayText(typed), typed).toBe('2026-12-06');
    expect(parseDayText('')).toBe('');
    expect(parseDayText('   ')).toBe('');
  });

  it('refuses what is no day rather than guess', () => {
    for (const typed of ['31/02/2026', '12/13/2026', '6/12', '6/12/202', 'demain', '2026-02-30', '0/1/2026', '1/1/999'])
      expect(parseDayText(typed), typed).toBeNull();
  });

  it('steps days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('nope', 1)).toBe('nope');
  });

  it('lays a month out in weeks from Monday', () => {
    // December 2026 starts on a Tuesday and has 31 days.
    const weeks = monthGrid(2026, 12);
    expect(weeks[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });
});
