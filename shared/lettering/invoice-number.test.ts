import { describe, expect, it } from 'vitest';
import { invoiceNumberKey, invoiceNumbersIn, letteringNumbers, sameInvoiceNumber } from './invoice-number';

describe('invoice numbers compared after normalising', () => {
  it('ignores separators, spaces, case, padding and the words that only say "invoice"', () => {
    for (const written of ['F2026001927', 'FA-2026-001927', 'fa 2026 1927', 'FA/2026/1927', 'Facture n° 2026-001927', 'INV 2026.1927'])
      expect(sameInvoiceNumber(written, 'FA-2026-001927'), written).toBe(true);
    expect(sameInvoiceNumber('Facture 1234', 'FA-001234')).toBe(true);
    expect(sameInvoiceNumber('FA1234', 'FA-1234')).toBe(true);
    expect(sameInvoiceNumber('1234', 'Fact. 1234')).toBe(true);
  });

  it('tells other numbers apart: another number, a credit note, padding it cannot see', () => {
    expect(sameInvoiceNumber('FA-2026-001928', 'FA-2026-001927')).toBe(false);
    expect(sameInvoiceNumber('AV-2026-001927', 'FA-2026-001927')).toBe(false);
    // Run together, "1927" padded to six digits or not cannot be told from the digits.
    expect(sameInvoiceNumber('F20261927', 'FA-2026-001927')).toBe(false);
    expect(sameInvoiceNumber('FA-2026-19-27', 'FA-2026-1927')).toBe(false);
    expect(invoiceNumberKey('Facture')).toBeNull();
    expect(invoiceNumberKey('FA-2026-001927')).toEqual({ grouped: '2026.1927', joined: '2026001927', numbers: 2 });
  });

  it('reads the numbers a lettering names: one, several joined with "+", one of several bills with "/k"', () => {
    expect(letteringNumbers('FA-1')).toEqual([{ number: 'FA-1', share: false }]);
    expect(letteringNumbers('FA-1+FA-2')).toEqual([
      { number: 'FA-1', share: false },
      { number: 'FA-2', share: false },
    ]);
    expect(letteringNumbers('FA-1/2')).toEqual([
      { number: 'FA-1/2', share: false },
      { number: 'FA-1', share: true },
    ]);
  });

  it('finds "Facture 1234" and "FA1234" in a label, and not a date or a word', () => {
    expect(invoiceNumbersIn('Facture 1234 Dupré')).toEqual(['1234']);
    expect(invoiceNumbersIn('Règlement facture n° FA-2026-001927')).toContain('FA-2026-001927');
    expect(invoiceNumbersIn('Ref FA1234')).toEqual(['FA1234']);
    expect(invoiceNumbersIn('Facture du 12/03/2026')).toEqual([]);
    expect(invoiceNumbersIn('Facture formation novembre')).toEqual([]);
  });
});
