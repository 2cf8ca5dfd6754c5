import { describe, expect, it } from 'vitest';
import { AppError } from '../contract/errors';
import { coded, errorTextOf, formatErrorText, PLAIN_FORMAT, refusal } from './error-text';
import { ERROR_TEXTS, type ErrorTextKey } from './texts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error texts', () => {
  it('name the same values in French and English, and leave no text empty', () => {
    for (const [key, text] of Object.entries(ERROR_TEXTS)) {
      expect(placeholders(text.fr), key).toEqual(placeholders(text.en));
      expect(text.fr.trim(), key).not.toBe('');
    }
  });

  it('put no-break spaces before French high punctuation', () => {
    for (const [key, text] of Object.entries(ERROR_TEXTS)) expect(text.fr, key).not.toMatch(/ [:;?!»]|« /);
  });
});

describe('refusal', () => {
  it('carries the English message the core always gave, and the key and values for the window', () => {
    const error = refusal(
      'payment_exceeds_due',
      'bill.paymentExceedsDue',
      { id: 99998, due: { cents: 55176, currency: 'EUR' } },
      { id: 99998 },
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('payment_exceeds_due');
    expect(error.message).toBe('Bill 99998 has 551.76 EUR left to pay: record at most that amount.');
    expect(error.details).toEqual({
      id: 99998,
      text: { key: 'bill.paymentExceedsDue', params: { id: 99998, due: { cents: 55176, currency: 'EUR' } } },
    });
  });

  it('is written in French with the reader’s own money and state names', () => {
    const format = {
      money: (cents: number, currency: string) =>
        `${(cents / 100).toFixed(2).replace('.', ',')}\u00a0${currency === 'EUR' ? '€' : currency}`,
      status: (code: string) => (code === 'SOLDOUT' ? 'Payée' : code),
      coded: PLAIN_FORMAT.coded,
    };
    expect(formatErrorText('bill.paymentExceedsDue', { id: 99998, due: { cents: 55176, currency: 'EUR' } }, 'fr', format)).toBe(
      'Il reste 551,76\u00a0€ à payer sur la facture 99998\u00a0: enregistrez au plus ce montant.',
    );
    expect(
      formatErrorText(
        'bill.notPayable',
        { id: 5, status: { status: 'SOLDOUT' }, payable: { statuses: ['SOLDOUT', 'PENDING'] } },
        'fr',
        format,
      ),
    ).toBe(
      'La facture 5 est «\u00a0Payée\u00a0»\u00a0: un paiement ne s’enregistre que sur une facture dans l’un de ces états\u00a0: Payée, PENDING.',
    );
    // A negative amount and a missing value.
    expect(PLAIN_FORMAT.money(-1205, 'EUR')).toBe('-12.05 EUR');
    expect(formatErrorText('bill.notInCache', {}, 'en', PLAIN_FORMAT)).toBe(
      'Bill {id} is not in the local cache. Sync, then search for it again.',
    );
  });
});

describe('errorTextOf', () => {
  it('reads a well-formed text and refuses anything else (an older or newer core, a damaged answer)', () => {
    const good = { text: { key: 'bill.notInCache', params: { id: 4 } } };
    expect(errorTextOf(good)).toEqual({ key: 'bill.notInCache', params: { id: 4 } });
    expect(errorTextOf(undefined)).toBeNull();
    expect(errorTextOf({ text: { key: 'no.such.key' as ErrorTextKey, params: {} } })).toBeNull();
    expect(errorTextOf({ text: { key: 'bill.notInCache', params: { id: { evil: true } } } })).toBeNull();
    expect(errorTextOf({ text: 'Bill 4' })).toBeNull();
  });
});

describe('coded findings', () => {
  const items = [
    { code: 'customer.name', message: 'the name of customer Ann', params: { mention: 'customer.name' } },
    { code: 'operations', message: 'what the shop sells', params: { mention: 'operations' } },
  ];

  it('read in English as the core wrote them, joined as a series in each language’s way', () => {
    const params = { missing: coded('invoiceMention', items) };
    expect(formatErrorText('invoice.mentionsMissing', params, 'en', PLAIN_FORMAT)).toContain(
      'so none was written: the name of customer Ann; what the shop sells. Fill in',
    );
    expect(formatErrorText('invoice.mentionsMissing', params, 'fr', PLAIN_FORMAT)).toContain(
      'écrite\u00a0: the name of customer Ann\u202f; what the shop sells. Renseignez',
    );
    expect(formatErrorText('catalog.invalid', { issues: coded('catalogIssue', items) }, 'en', PLAIN_FORMAT)).toBe(
      'the name of customer Ann what the shop sells',
    );
  });

  it('travel as a text value, and one of an unknown kind or malformed is refused', () => {
    const text = { key: 'invoice.mentionsMissing', params: { missing: { coded: 'invoiceMention', items } } };
    expect(errorTextOf({ text })).toEqual(text);
    const bad = (missing: unknown) => errorTextOf({ text: { key: 'invoice.mentionsMissing', params: { missing } } });
    expect(bad({ coded: 'fromANewerCore', items })).toBeNull();
    expect(bad({ coded: 'invoiceMention', items: [{ code: 'operations' }] })).toBeNull();
    expect(bad({ coded: 'invoiceMention', items: [{ code: 'operations', message: 'm', params: 'x' }] })).toBeNull();
    expect(bad({ coded: 'invoiceMention', items: 'all' })).toBeNull();
  });
});
