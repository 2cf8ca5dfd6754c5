import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { createTranslator } from '../../i18n/translate';
import { reasonsText } from './reason-text';

const reasons = [
  { code: 'sameAmount' as const, cents: 125000, currency: 'EUR' },
  { code: 'sameCustomer' as const, via: 'name' as const },
  { code: 'days' as const, days: 2 },
];

describe('reasonsText', () => {
  it('says why in French with French money and plurals', () => {
    expect(reasonsText({ reasons }, createTranslator(fr), 'fr-FR')).toBe('même montant 1\u202f250,00\u00a0€, même client, 2 jours d’écart');
    expect(reasonsText({ reasons: [{ code: 'days', days: 1 }] }, createTranslator(fr), 'fr-FR')).toBe('1 jour d’écart');
  });

  it('says why in English', () => {
    expect(reasonsText({ reasons }, createTranslator(en), 'en-GB')).toBe('same amount €1,250.00, same customer, 2 days apart');
    expect(
      reasonsText(
        {
          reasons: [
            { code: 'amountDiffers', billCents: 125000, invoiceCents: 125001, currency: 'EUR' },
            { code: 'days', days: 0 },
          ],
        },
        createTranslator(en),
        'en-GB',
      ),
    ).toBe('amounts differ: bill €1,250.00, invoice €1,250.01, same day');
  });

  it('says when the bill waits for its payment, naming its state as the Bills workspace does, and a bill invoiced in parts', () => {
    const waiting = [
      { code: 'sumOfInvoices' as const, count: 2 },
      { code: 'awaitingPayment' as const, status: 'PREPROD' },
    ];
    expect(reasonsText({ reasons: waiting }, createTranslator(en), 'en-GB')).toBe(
      '2 invoices add up to the bill, bill not paid yet (Produced before payment): its lettering goes to the shop once it is paid',
    );
    expect(reasonsText({ reasons: waiting }, createTranslator(fr), 'fr-FR')).toBe(
      '2 factures font le montant de la proforma, proforma pas encore payée (Produite avant paiement)\u00a0: son lettrage part vers la boutique une fois payée',
    );
  });
});
