import { describe, expect, it } from 'vitest';
import type { ImportProblem, LogWhat } from '../../../../shared/contract/lettering';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { createTranslator } from '../../i18n/translate';
import { logWhatText } from './log-text';
import { problemLine, problemText } from './problem-text';

const frT = createTranslator(fr);
const enT = createTranslator(en);

const amount: ImportProblem = {
  line: 12345,
  code: 'amount',
  params: { column: 'Debit', value: '0,2x9' },
  message: 'Line 12345: Debit "0,2x9" is not an amount such as 1250,00.',
};
const unbalanced: ImportProblem = {
  line: 2,
  code: 'unbalanced',
  params: { journal: 'VT', entry: 'VT000001', differenceCents: -123456 },
  message: 'Line 2: entry VT000001 of journal VT is not balanced (debits and credits differ by 1234,56).',
};

describe('problemText', () => {
  it('says why a row was refused in French, with French number formats', () => {
    expect(problemLine(amount, frT, 'fr-FR')).toBe('Ligne 12\u202f345');
    expect(problemText(amount, frT, 'fr-FR')).toBe('Debit «\u00a00,2x9\u00a0» n’est pas un montant comme 1250,00.');
    expect(problemText(unbalanced, frT, 'fr-FR')).toBe(
      'l’écriture VT000001 du journal VT n’est pas équilibrée\u00a0: débits et crédits diffèrent de 1\u202f234,56.',
    );
    expect(problemText({ line: 4, code: 'duplicate', params: { reference: 'FA-1', firstLine: 2 }, message: '' }, frT, 'fr-FR')).toBe(
      'la facture FA-1 figure déjà ligne 2.',
    );
  });

  it('says it in English with English number formats', () => {
    expect(problemLine(amount, enT, 'en-GB')).toBe('Line 12,345');
    expect(problemText(unbalanced, enT, 'en-GB')).toBe(
      'entry VT000001 of journal VT is not balanced: debits and credits differ by 1,234.56.',
    );
    expect(
      problemText({ line: 3, code: 'columns', params: { expected: 18, found: 17, separator: 'tab' }, message: '' }, enT, 'en-GB'),
    ).toBe('17 columns, 18 expected (tab separator).');
  });
});

describe('logWhatText', () => {
  const match: LogWhat = {
    action: 'match',
    currency: 'EUR',
    rule: 'amountCustomer',
    bills: [{ id: 7, cents: 125000 }],
    invoices: [{ reference: 'FA-1', cents: 125000 }],
  };

  it('words what was done in French, with French money', () => {
    expect(logWhatText(match, frT, 'fr-FR')).toBe(
      'proformas 7 (1\u202f250,00\u00a0€) ↔ factures FA-1 (1\u202f250,00\u00a0€)\u00a0; règle\u00a0: montant et client',
    );
    expect(logWhatText({ action: 'unmatch', code: 'A', letterings: ['FA-1'], note: 'erreur' }, frT, 'fr-FR')).toBe(
      'rapprochement A défait\u00a0; lettrage FA-1 retiré\u00a0: erreur',
    );
  });

  it('words it in English', () => {
    expect(logWhatText({ action: 'close', currency: 'EUR', differenceCents: -3, toleranceCents: 5, letterings: [] }, enT, 'en-GB')).toBe(
      'balanced within €0.03 (tolerance €0.05); lettering already on the shop',
    );
    expect(
      logWhatText({ action: 'import', file: 'FEC.txt', format: 'fec', encoding: 'iso-8859-1', invoices: 1200, skipped: 0 }, enT, 'en-GB'),
    ).toBe('FEC.txt: 1,200 invoices imported, 0 already known (FEC, ISO-8859-1)');
  });
});
