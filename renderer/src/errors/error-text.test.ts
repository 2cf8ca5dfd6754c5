import { describe, expect, it } from 'vitest';
import { refusal } from '../../../shared/errors/error-text';
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
