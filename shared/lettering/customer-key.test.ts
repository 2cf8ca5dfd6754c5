import { describe, expect, it } from 'vitest';
import { customerKey, emailKey, initialKeys } from './customer-key';

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

  it('reads "Ets" as "Établissements" and "Sté" as "Société"', () => {
    expect(customerKey('Ets Martin')).toBe(customerKey('ÉTABLISSEMENTS MARTIN'));
    expect(customerKey('Etablissement Martin')).toBe(customerKey('Ets. Martin'));
    expect(customerKey('Sté Dupuis')).toBe(customerKey('Société DUPUIS'));
    expect(customerKey('Ets Martin')).not.toBe(customerKey('Martin'));
  });
});

describe('initialKeys', () => {
  const meet = (a: string, b: string) => {
    const [x, y] = [initialKeys(a), initialKeys(b)];
    return (x.abbreviated !== null && y.expanded.includes(x.abbreviated)) || (y.abbreviated !== null && x.expanded.includes(y.abbreviated));
  };

  it('meets a first name cut to an initial and the full name, whatever the order', () => {
    expect(meet('J. Dupont', 'Jean Dupont')).toBe(true);
    expect(meet('DUPONT J.', 'Jean Dupont')).toBe(true);
    expect(meet('Jean Dupont', 'J Dupont')).toBe(true);
    expect(meet('J.-C. Durand', 'Jean-Claude Durand')).toBe(true);
    // "M." is read as Monsieur, not as an initial: "M. Durand" is Durand.
    expect(meet('M. Durand', 'Marc Durand')).toBe(false);
    expect(meet('J. Dupont', 'Jacques Dupont')).toBe(true);
  });

  it('never meets two full names, two initials, or another last name', () => {
    expect(meet('Jean Dupont', 'Jacques Dupont')).toBe(false);
    expect(meet('J. Dupont', 'J. Dupont')).toBe(false);
    expect(meet('J. Dupont', 'Jean Durand')).toBe(false);
    expect(initialKeys('Dupont')).toEqual({ abbreviated: null, expanded: [] });
  });
});
