import { describe, expect, it } from 'vitest';
import { customerKey, emailKey } from './customer-key';

describe('customerKey', () => {
  it('ignores accents, case, punctuation, word order and legal forms', () => {
    expect(customerKey('Société Générale SA')).toBe(customerKey('SOCIETE GENERALE'));
    expect(customerKey('Jean-Luc Dupré')).toBe(customerKey('DUPRE Jean Luc'));
    expect(customerKey("L'Œuf d'Or SARL")).toBe(customerKey('l oeuf d or'));
  });

  it('keeps letters of every script, so Greek and Cyrillic names match too', () => {
    expect(customerKey('Ελένη Γεωργίου')).toBe(customerKey('ΓΕΩΡΓΊΟΥ ΕΛΈΝΗ'));
    expect(customerKey('Ελένη Γεωργίου')).not.toBe('');
    expect(customerKey('Иван Петров')).toBe(customerKey('ПЕТРОВ Иван'));
  });

  it('tells different people apart, and never matches on nothing', () => {
    expect(customerKey('Jean Dupont')).not.toBe(customerKey('Jeanne Dupont'));
    expect(customerKey('SARL')).toBe('');
    expect(emailKey(' Helene@Example.TEST ')).toBe('helene@example.test');
    expect(emailKey('not an email')).toBe('');
  });
});
