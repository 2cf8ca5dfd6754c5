import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/contract/errors';
import { SITE_FUNCTION_NAMES } from '../../../shared/moodle/site-functions';
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { createFormatters, resolveLanguage } from './locale';
import { createTranslator, interpolate, isMessageKey, placeholdersOf } from './translate';

describe('message catalogs', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholdersOf(fr[key]), key).toEqual(placeholdersOf(en[key]));
    }
  });

  it('have a title for every error code of the contract', () => {
    for (const code of errorCodes) expect(isMessageKey(`error.${code}`), code).toBe(true);
  });

  it('leave no empty message', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(fr)]) expect(text.trim(), key).not.toBe('');
  });

  it('put no-break spaces before French high punctuation', () => {
    for (const [key, text] of Object.entries(fr)) {
      // An ordinary space before : ; ? ! lets the sign wrap alone onto the next line.
      expect(text, key).not.toMatch(/ [:;?!»]|« /);
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Site {name} added.', { name: 'Main' })).toBe('Site Main added.');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(createTranslator(fr)('workspace.bills')).toBe('Factures');
  });
});

describe('resolveLanguage', () => {
  it('follows the system language when set to system', () => {
    expect(resolveLanguage('system', 'fr-CA')).toBe('fr');
    expect(resolveLanguage('system', 'FR')).toBe('fr');
    expect(resolveLanguage('system', 'de-DE')).toBe('en');
    expect(resolveLanguage('system', undefined)).toBe('en');
  });

  it('keeps an explicit choice whatever the system says', () => {
    expect(resolveLanguage('en', 'fr-FR')).toBe('en');
    expect(resolveLanguage('fr', 'en-US')).toBe('fr');
  });
});

describe('formatters', () => {
  const when = Date.UTC(2026, 2, 3, 14, 5);

  it('format numbers the French way in French', () => {
    expect(createFormatters('fr-FR').number(1234.5)).toBe('1\u202f234,5');
    expect(createFormatters('en-GB').number(1234.5)).toBe('1,234.5');
  });

  it('format dates day first in both languages', () => {
    expect(createFormatters('fr-FR').date(when)).toMatch(/^3 mars 2026$/);
    expect(createFormatters('en-GB').date(when)).toMatch(/^3 Mar 2026$/);
  });
});

describe('required web service functions', () => {
  it('each has its purpose translated in both languages', () => {
    for (const name of SITE_FUNCTION_NAMES) {
      expect(en, name).toHaveProperty([`fn.${name}`]);
      expect(fr, name).toHaveProperty([`fn.${name}`]);
    }
  });
});
