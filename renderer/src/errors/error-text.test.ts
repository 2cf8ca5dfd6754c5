import { describe, expect, it } from 'vitest';
import { coded, refusal } from '../../../shared/errors/error-text';
import { errorText, localizedError } from './error-text';

const fr = { language: 'fr' as const, locale: 'fr-FR' };
const en = { language: 'en' as const, locale: 'en-GB' };

describe('errorText', () => {
  it('writes a refusal in French, with French amounts and state names', () => {
    const shape = refusal('payment_exceeds_due', 'bill.paymentExceedsDue', { id: 99998, due: { cents: 55176, currency: 'EUR' } }).toShape();
    expect(shape.message).toBe('Bill 99998 has 551.76 EUR left to pay: record at most that amount.');
    expect(errorText(shape, fr)).toEqual({
      text: 'Il reste 551,76\u00a0€ à payer sur la facture 99998\u00a0: enregistrez au plus ce montant.',
      lang: 'fr',
    });
    expect(errorText(shape, en).text).toBe('Bill 99998 has €551.76 left to pay: record at most that amount.');
    const state = refusal('bill_not_payable', 'bill.notPayable', {
      id: 7,
      status: { status: 'SOLDOUT' },
      payable: { statuses: ['PENDING', 'PARTIAL'] },
    }).toShape();
    expect(errorText(state, fr).text).toBe(
      'La facture 7 est «\u00a0Payée\u00a0»\u00a0: un paiement ne s’enregistre que sur une facture dans l’un de ces états\u00a0: En attente de paiement, Payée en partie.',
    );
  });

  it('keeps the English message of an error that has no text, or one it cannot read', () => {
    expect(errorText({ code: 'internal', message: 'The back-office hit an internal error.' }, fr)).toEqual({
      text: 'The back-office hit an internal error.',
      lang: 'en',
    });
    const odd = {
      code: 'bill_not_found' as const,
      message: 'Bill 4 is gone',
      details: { text: { key: 'bill.notInCache', params: { id: [4] } } },
    };
    expect(errorText(odd, fr)).toEqual({ text: 'Bill 4 is gone', lang: 'en' });
    expect(
      localizedError(refusal('profile_name_taken', 'profile.nameTaken', { name: 'Main' }, { field: 'name' }).toShape(), fr).message,
    ).toBe('Un profil de site s’appelle déjà «\u00a0Main\u00a0». Choisissez un autre nom.');
  });
});

describe('findings a refusal lists (coded values)', () => {
  const unprintable = refusal('export_unprintable_text', 'export.unprintableTextsMore', {
    named: coded('unprintableText', [
      {
        code: 'unprintable',
        message: 'bill 7 (FA-7), customer name “ᱚᱛᱟ Murmu”: ᱚ (U+1C5A)',
        params: { bill: 7, invoice: 'FA-7', field: 'customer name', text: 'ᱚᱛᱟ Murmu', characters: 'ᱚ (U+1C5A)' },
      },
      {
        code: 'unprintable',
        message: 'bill 8 (FA-8), line 2 label “🚀”: 🚀 (U+1F680)',
        params: { bill: 8, invoice: 'FA-8', field: 'line 2 label', text: '🚀', characters: '🚀 (U+1F680)' },
      },
    ]),
    more: 3,
  }).toShape();

  it('words each finding as the window does elsewhere, joined the French way', () => {
    expect(errorText(unprintable, fr).text).toBe(
      'Aucune police des factures ne peut imprimer certains caractères, aucune facture n’a donc été écrite\u00a0: ' +
        'facture 7 (FA-7), nom du client «\u00a0ᱚᱛᱟ Murmu\u00a0»\u00a0: ᱚ (U+1C5A)\u202f; facture 8 (FA-8), libellé de la ligne 2 «\u00a0🚀\u00a0»\u00a0: 🚀 (U+1F680)' +
        '\u202f; et 3 autres. Corrigez ces textes dans la boutique (ou laissez ces factures de côté), puis exportez de nouveau.',
    );
    const mentions = refusal('invoice_mentions_missing', 'invoice.mentionsMissing', {
      missing: coded('invoiceMention', [
        {
          code: 'tax.exemption',
          message: 'the legal basis of the exemption of tax “TVA 0”',
          params: { mention: 'tax.exemption', where: 'settings', tax: { id: 3, title: 'TVA 0' } },
        },
      ]),
    }).toShape();
    expect(errorText(mentions, fr).text).toContain(
      'écrite\u00a0: le fondement de l’exonération de la taxe «\u00a0TVA 0\u00a0». Renseignez',
    );
    const rows = refusal('catalog_import_invalid', 'catalogImport.rowsInvalid', {
      count: 4,
      first: coded('catalogImportRow', [
        { code: 'codeTaken', message: 'Row 3: the code A1 appears twice in the file.', params: { row: 3, field: 'code' } },
      ]),
    }).toShape();
    expect(errorText(rows, fr).text).toBe(
      'Des lignes du fichier ne peuvent pas être importées (4)\u202f; la première\u00a0: ligne 3, colonne code.',
    );
  });

  it('keeps the core’s English in an English window, and for a finding it has no words for', () => {
    expect(errorText(unprintable, en).text).toBe(unprintable.message);
    const unknown = refusal('production_blocked', 'production.blocked', {
      problems: coded('productionProblem', [
        { code: 'from_a_newer_core', message: 'Something new is wrong.', params: {} },
        { code: 'invalid_email', message: 'Row 1: "x" is not an email.', params: { who: { not: 'plain' } } },
        { code: 'no_participants', message: 'No participants.', params: {} },
      ]),
    }).toShape();
    expect(errorText(unknown, fr).text).toBe(
      'Rien n’a été envoyé à Moodle\u00a0: Something new is wrong. Row 1: "x" is not an email. ' +
        'Aucun participant\u00a0: saisissez ou collez les apprenants et les tuteurs. ' +
        'Corrigez ces problèmes (les participants, les paramètres de mise en place du produit du catalogue ou le site), puis relancez la ligne.',
    );
  });
});
