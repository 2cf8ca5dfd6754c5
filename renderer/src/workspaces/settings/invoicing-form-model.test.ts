import { describe, expect, it } from 'vitest';
import { DEFAULT_INVOICING_SETTINGS, invoicingSettingsSchema, type InvoicingSettings } from '../../../../shared/contract/invoicing';
import { draftOf, hundredths, settingsOf } from './invoicing-form-model';

describe('the invoicing form', () => {
  const filled: InvoicingSettings = {
    ...DEFAULT_INVOICING_SETTINGS,
    seller: { ...DEFAULT_INVOICING_SETTINGS.seller, legalForm: 'SAS', shareCapitalCents: 5_000_050, siren: '842105371' },
    payment: { termDays: 45, latePenaltyBasisPoints: 1250, earlyPaymentDiscountBasisPoints: 0, vatOnDebits: true },
    operations: 'both',
    goodsCategoryIds: [10, 4],
    exemptions: [{ taxId: 3, basis: 'training' }],
  };

  it('gives back the settings it was given, in both decimal marks', () => {
    for (const mark of [',', '.'] as const) {
      const back = settingsOf(draftOf(filled, mark));
      expect(back).toEqual({ settings: { ...filled, goodsCategoryIds: [4, 10] } });
      expect(invoicingSettingsSchema.safeParse((back as { settings: unknown }).settings).success).toBe(true);
    }
    expect(draftOf(filled, ',').latePenalty).toBe('12,5');
    expect(draftOf(filled, ',').seller.shareCapital).toBe('50000,5');
  });

  it('reads rates and amounts as typed, without floats; empty means not given', () => {
    const draft = { ...draftOf(DEFAULT_INVOICING_SETTINGS, ','), latePenalty: '10,29 %', earlyDiscount: '', termDays: '30' };
    draft.seller.shareCapital = '1 000 000';
    const read = settingsOf(draft);
    expect(read).toMatchObject({
      settings: {
        payment: { latePenaltyBasisPoints: 1029, earlyPaymentDiscountBasisPoints: null },
        seller: { shareCapitalCents: 100_000_000 },
      },
    });
  });

  it('names the fields it cannot read', () => {
    const draft = { ...draftOf(DEFAULT_INVOICING_SETTINGS, '.'), latePenalty: 'twelve', termDays: '-3' };
    expect(settingsOf(draft)).toEqual({ problems: ['payment.termDays', 'payment.latePenalty'] });
  });

  it('forgets the categories of goods unless the shop sells both', () => {
    const draft = { ...draftOf(filled, ','), operations: 'services' as const };
    expect(settingsOf(draft)).toMatchObject({ settings: { goodsCategoryIds: [] } });
    expect(hundredths(null, ',')).toBe('');
    expect(hundredths(1200, '.')).toBe('12');
  });
});
