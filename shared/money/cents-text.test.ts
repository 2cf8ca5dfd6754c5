import { describe, expect, it } from 'vitest';
import { centsText } from './cents-text';

describe('centsText', () => {
  it('writes integer cents exactly, signed, with the decimal mark asked for', () => {
    expect(centsText(125050)).toBe('1250.50');
    expect(centsText(-5)).toBe('-0.05');
    expect(centsText(0)).toBe('0.00');
    expect(centsText(100)).toBe('1.00');
    expect(centsText(-125050, ',')).toBe('-1250,50');
    // Past what a double holds exactly as a fraction of 100: still exact, from the integer.
    expect(centsText(900719925474099)).toBe('9007199254740.99');
  });
});
