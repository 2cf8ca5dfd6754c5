import { describe, expect, it } from 'vitest';
import { creditLines, linesLeft, settled } from './credit-note-rules';

/** The same cases as the plugin's credit_note_test.php: the app and the shop must issue the same credit note. */
const items = [
  { id: 11, totalcents: 99_999, taxcents: 20_000, taxratio: 2000 },
  { id: 12, totalcents: 2499, taxcents: 137, taxratio: 550 },
  { id: 13, totalcents: -5000, taxcents: -1000, taxratio: 2000 },
];

describe('the rules of a credit note', () => {
  it('taxes a part at the line rate, the rest with what is left of the line tax, to the cent', () => {
    const left = linesLeft(items, []);
    expect(creditLines(left, [{ billitemid: 11, quantity: 1, totalcents: 33_333 }])).toEqual({
      lines: [{ billitemid: 11, quantity: 1, totalcents: 33_333, taxratio: 2000, taxcents: 6667 }],
    });
    expect(settled(left)).toBe(false);
    const rest = creditLines(left, [
      { billitemid: 11, quantity: 2, totalcents: 66_666 },
      { billitemid: 12, quantity: 1, totalcents: 2499 },
      { billitemid: 13, quantity: 1, totalcents: -5000 },
    ]);
    expect('lines' in rest && rest.lines.map((line) => line.taxcents)).toEqual([13_333, 137, -1000]);
    expect(settled(left)).toBe(true);
  });

  it('counts earlier credit lines, and refuses a line of another bill, more than is left, or against the sign', () => {
    const left = linesLeft(items, [{ billitemid: 12, totalcents: 2499, taxcents: 137 }]);
    expect(creditLines(left, [{ billitemid: 12, quantity: 1, totalcents: 1 }])).toEqual({
      refusal: { code: 'creditexceedsline', billitemid: 12, left: 0 },
    });
    expect(creditLines(linesLeft(items, []), [{ billitemid: 99, quantity: 1, totalcents: 1 }])).toMatchObject({
      refusal: { code: 'itemnotinbill' },
    });
    expect(creditLines(linesLeft(items, []), [{ billitemid: 11, quantity: 4, totalcents: 100_000 }])).toMatchObject({
      refusal: { code: 'creditexceedsline', left: 99_999 },
    });
    expect(creditLines(linesLeft(items, []), [{ billitemid: 13, quantity: 1, totalcents: 5000 }])).toMatchObject({
      refusal: { code: 'creditexceedsline' },
    });
  });
});
