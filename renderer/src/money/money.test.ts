import { describe, expect, it } from 'vitest';
import { centsToInput, formatMoney, formatRate, parseMoneyToCents } from './money';

const cents = (text: string) => {
  const parsed = parseMoneyToCents(text);
  return parsed.ok ? parsed.cents : parsed.error;
};

describe('parseMoneyToCents', () => {
  it('reads French and English amounts to the same cents', () => {
    expect(cents('1 250,50')).toBe(125050);
    expect(cents('1\u202f250,50')).toBe(125050);
    expect(cents('1250.5')).toBe(125050);
    expect(cents('1,250.50')).toBe(125050);
    expect(cents('1.250,50')).toBe(125050);
    expect(cents('1250')).toBe(125000);
    expect(cents('0,29')).toBe(29);
    expect(cents('  42 €')).toBe(4200);
    expect(cents('1.250.000')).toBe(125000000);
    expect(cents('1 250 000,05')).toBe(125000005);
  });

  it('is exact where float multiplication is not', () => {
    // 0.29 * 100 === 28.999999999999996 and 1.005 * 100 === 100.49999999999999
    expect(cents('0.29')).toBe(29);
    expect(cents('1,01')).toBe(101);
    expect(cents('9007199254740.99')).toBe(900719925474099);
  });

  it('refuses a lone separator followed by three digits', () => {
    expect(cents('12,345')).toBe('ambiguous');
    expect(cents('12.345')).toBe('ambiguous');
  });

  it('refuses what is not an amount', () => {
    expect(cents('')).toBe('empty');
    expect(cents('   ')).toBe('empty');
    expect(cents('-5')).toBe('invalid');
    expect(cents('12a')).toBe('invalid');
    expect(cents('12,')).toBe('invalid');
    expect(cents(',5')).toBe('invalid');
    expect(cents('1,2,3.5')).toBe('invalid');
    expect(cents('12,34.56,7')).toBe('invalid');
    expect(cents('1.2345,5')).toBe('invalid');
    expect(cents('1,250.505')).toBe('precision');
    expect(cents('1.5555')).toBe('precision');
    expect(cents('99999999999999999')).toBe('range');
  });
});

describe('money display', () => {
  it('formats cents in the currency and language', () => {
    expect(formatMoney(125050, 'EUR', 'fr-FR')).toBe('1\u202f250,50\u00a0€');
    expect(formatMoney(125050, 'EUR', 'en-GB')).toBe('€1,250.50');
    expect(formatMoney(-990, 'EUR', 'en-GB')).toBe('-€9.90');
  });

  it('formats tax rates given in basis points', () => {
    expect(formatRate(2000, 'en-GB')).toBe('20%');
    expect(formatRate(550, 'fr-FR')).toBe('5,5\u00a0%');
  });

  it('falls back to a number and the code for an unknown currency', () => {
    expect(formatMoney(125050, '', 'en-GB')).toBe('1,250.50');
    expect(formatMoney(125050, 'XX', 'en-GB')).toBe('1,250.50 XX');
  });

  it('prefills inputs with text that parses back to the same cents', () => {
    expect(centsToInput(125050, 'fr-FR')).toBe('1250,50');
    expect(centsToInput(5, 'en-GB')).toBe('0.05');
    expect(centsToInput(-125050, 'en-GB')).toBe('-1250.50');
    for (const value of [0, 1, 99, 100, 125050, 900719925474099]) {
      expect(cents(centsToInput(value, 'fr-FR'))).toBe(value);
      expect(cents(centsToInput(value, 'en-GB'))).toBe(value);
    }
  });
});
