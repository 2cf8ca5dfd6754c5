import { describe, expect, it } from 'vitest';
import { calendarDayOf, calendarDaysApart } from './calendar-day';
import { fecDate } from './fec-format';
import { suggestMatches } from './match-engine';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('calendar days in the operator’s time zone', () => {
  it('puts a bill of 29 Oct at 23:49 in Paris on 29 Oct, the day of an invoice dated 29 Oct', () => {
    const bill = at('2026-10-29T23:49:00+01:00');
    const invoice = fecDate('20261029')!;
    expect(calendarDayOf(bill, 'Europe/Paris')).toBe(invoice);
    expect(calendarDaysApart(calendarDayOf(bill, 'Europe/Paris'), invoice)).toBe(0);
    // The instants alone are 22 h 49 apart, which rounding called "1 day apart".
    expect(Math.round((bill - invoice) / 86_400)).toBe(1);
  });

  it('follows the zone: the same instant is the 30th in Tokyo and the 29th in New York', () => {
    const instant = at('2026-10-29T22:49:00Z');
    expect(calendarDayOf(instant, 'Asia/Tokyo')).toBe(fecDate('20261030'));
    expect(calendarDayOf(instant, 'America/New_York')).toBe(fecDate('20261029'));
  });

  it('counts whole days across a change of summer time', () => {
    const before = calendarDayOf(at('2026-10-24T08:00:00+02:00'), 'Europe/Paris');
    const after = calendarDayOf(at('2026-10-26T23:30:00+01:00'), 'Europe/Paris');
    expect(calendarDaysApart(before, after)).toBe(2);
  });

  it('has the engine say "same day" for the bill of 29 Oct 23:49 and its invoice', () => {
    const [suggestion] = suggestMatches(
      [
        {
          id: 1,
          amountcents: 12000,
          currency: 'EUR',
          date: calendarDayOf(at('2026-10-29T23:49:00+01:00'), 'Europe/Paris'),
          transactionid: '',
          name: 'Alice Martin',
          organisation: '',
          email: 'alice@example.com',
        },
      ],
      [
        {
          id: 10,
          reference: 'FA-1',
          amountcents: 12000,
          currency: 'EUR',
          date: fecDate('20261029')!,
          customer: 'Alice Martin',
          email: '',
          label: '',
        },
      ],
    );
    expect(suggestion?.reasons).toContainEqual({ code: 'days', days: 0 });
  });
});
