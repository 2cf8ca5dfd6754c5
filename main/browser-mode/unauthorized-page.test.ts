import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './unauthorized-page';

describe('preferredLanguage', () => {
  it('takes the browser’s first choice between French and English, by weight then by order', () => {
    expect(preferredLanguage('fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('fr');
    expect(preferredLanguage('de-DE,de;q=0.9,fr;q=0.8,en;q=0.7')).toBe('fr');
    expect(preferredLanguage('en;q=0.5,fr;q=0.8')).toBe('fr');
    expect(preferredLanguage('en-GB,fr')).toBe('en');
    expect(preferredLanguage('de')).toBe('en');
    expect(preferredLanguage(undefined)).toBe('en');
    expect(preferredLanguage('fr;q=abc,en')).toBe('en');
  });
});
