import { describe, expect, it } from 'vitest';
import { amountOf, columnLetter, currencyFormat, safeText, spreadsheetDate } from './spreadsheet-cells';

describe('spreadsheet cells', () => {
  it('neutralises every start a spreadsheet would read as a formula, and only those', () => {
    for (const text of ['=1+1', '+33 6 12', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(safeText(text)).toBe(`'${text}`);
    for (const text of ['Éloïse', ' =1+1', '1+1', "d'Alembert", '']) expect(safeText(text)).toBe(text);
  });

  it('drops characters XML cannot carry and keeps within a cell’s limit', () => {
    expect(safeText('a\u0000b\u0008c\u001fd\te\nf')).toBe('abcd\te\nf');
    expect(safeText('x'.repeat(40_000))).toHaveLength(32_767);
  });

  it('writes the exact decimal amount', () => {
    expect(amountOf(125_050)).toBe(1250.5);
    expect(amountOf(-318)).toBe(-3.18);
    expect(amountOf(1)).toBe(0.01);
    // The value is what typing the amount would give, for every cent.
    expect(amountOf(30)).toBe(0.3);
    for (let cents = -200_000; cents <= 2_000_000; cents += 97) expect(amountOf(cents)).toBe(Number((cents / 100).toFixed(2)));
    for (const cents of [2 ** 53 - 1, 123_456_789_012_345, 999_999_999_999_99])
      expect(amountOf(cents)).toBe(Number((cents / 100).toFixed(2)));
  });

  it('formats each currency the locale’s way', () => {
    expect(currencyFormat('EUR', 'fr')).toBe('#,##0.00 "€"');
    expect(currencyFormat('EUR', 'en')).toBe('"€"#,##0.00');
    expect(currencyFormat('GBP', 'en')).toBe('"£"#,##0.00');
    expect(currencyFormat('CHF', 'en')).toBe('#,##0.00 "CHF"');
    expect(currencyFormat('X"Y', 'fr')).toBe('#,##0.00 "XY"');
  });

  it('keeps the wall-clock time as the spreadsheet date, in summer and in winter', () => {
    for (const seconds of [Date.UTC(2026, 10, 22, 9, 30, 15) / 1000, Date.UTC(2026, 6, 1, 23, 59, 59) / 1000]) {
      const local = new Date(seconds * 1000);
      const cell = spreadsheetDate(seconds);
      expect([
        cell.getUTCFullYear(),
        cell.getUTCMonth(),
        cell.getUTCDate(),
        cell.getUTCHours(),
        cell.getUTCMinutes(),
        cell.getUTCSeconds(),
      ]).toEqual([local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()]);
    }
  });

  it('names columns as spreadsheets do', () => {
    expect([1, 15, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'O', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
