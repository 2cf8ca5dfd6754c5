import { describe, expect, it } from 'vitest';
import { pluralKey } from './plural';

describe('pluralKey', () => {
  it('follows each language’s rule', () => {
    expect(pluralKey('en-GB', 1, 'bills.count.one', 'bills.count')).toBe('bills.count.one');
    expect(pluralKey('en-GB', 0, 'bills.count.one', 'bills.count')).toBe('bills.count');
    expect(pluralKey('fr-FR', 0, 'bills.count.one', 'bills.count')).toBe('bills.count.one');
    expect(pluralKey('fr-FR', 2, 'bills.count.one', 'bills.count')).toBe('bills.count');
  });
});
