import type { ExemptionBasis, InvoicingSettings } from '../../../../shared/contract/invoicing';
import { parseMoneyToCents } from '../../money/money';

/**
 * The invoicing settings as the form holds them: text as typed. Amounts and rates are parsed digit by digit
 * (parseMoneyToCents: "12,5" % is 1250 basis points as 12,50 € is 1250 cents), never through a float.
 */
export interface InvoicingDraft {
  seller: Record<
    | 'name'
    | 'address'
    | 'zip'
    | 'city'
    | 'country'
    | 'email'
    | 'phone'
    | 'siren'
    | 'vatnumber'
    | 'legalForm'
    | 'registryCity'
    | 'shareCapital',
    string
  >;
  registry: InvoicingSettings['seller']['registry'];
  termDays: string;
  latePenalty: string;
  earlyDiscount: string;
  vatOnDebits: boolean;
  operations: InvoicingSettings['operations'];
  goodsCategoryIds: number[];
  /** By tax id; '' for none chosen (the tax's title decides, if it names an article). */
  exemptions: Record<number, ExemptionBasis | ''>;
}

export type DraftProblem = 'seller.shareCapital' | 'payment.termDays' | 'payment.latePenalty' | 'payment.earlyDiscount';

/** Cents or basis points as typed back in the form: 1250 → "12,50" (French) or "12.50"; trailing zeros dropped. */
export function hundredths(value: number | null, decimal: ',' | '.'): string {
  if (value === null) return '';
  const units = Math.trunc(value / 100);
  const rest = value % 100;
  if (rest === 0) return String(units);
  return `${units}${decimal}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

export function draftOf(settings: InvoicingSettings, decimal: ',' | '.'): InvoicingDraft {
  const { seller, payment } = settings;
  return {
    seller: {
      name: seller.name,
      address: seller.address,
      zip: seller.zip,
      city: seller.city,
      country: seller.country,
      email: seller.email,
      phone: seller.phone,
      siren: seller.siren,
      vatnumber: seller.vatnumber,
      legalForm: seller.legalForm,
      registryCity: seller.registryCity,
      shareCapital: hundredths(seller.shareCapitalCents, decimal),
    },
    registry: seller.registry,
    termDays: String(payment.termDays),
    latePenalty: hundredths(payment.latePenaltyBasisPoints, decimal),
    earlyDiscount: hundredths(payment.earlyPaymentDiscountBasisPoints, decimal),
    vatOnDebits: payment.vatOnDebits,
    operations: settings.operations,
    goodsCategoryIds: [...settings.goodsCategoryIds],
    exemptions: Object.fromEntries(settings.exemptions.map((entry) => [entry.taxId, entry.basis])),
  };
}

/** An empty text is "not given" (null); otherwise a number in hundredths, or a problem. */
function hundredthsOf(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const parsed = parseMoneyToCents(text.replace(/%/g, ''));
  return parsed.ok ? parsed.cents : 'invalid';
}

/** The settings to send, or the fields the form cannot read (the core checks the rest and names its fields). */
export function settingsOf(draft: InvoicingDraft): { settings: InvoicingSettings } | { problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const capital = hundredthsOf(draft.seller.shareCapital);
  const penalty = hundredthsOf(draft.latePenalty);
  const discount = hundredthsOf(draft.earlyDiscount);
  const term = draft.termDays.trim();
  if (capital === 'invalid') problems.push('seller.shareCapital');
  if (!/^\d{1,3}$/.test(term)) problems.push('payment.termDays');
  if (penalty === 'invalid') problems.push('payment.latePenalty');
  if (discount === 'invalid') problems.push('payment.earlyDiscount');
  if (problems.length > 0 || capital === 'invalid' || penalty === 'invalid' || discount === 'invalid') return { problems };
  const { shareCapital: _capital, ...seller } = draft.seller;
  return {
    settings: {
      seller: { ...seller, shareCapitalCents: capital, registry: draft.registry },
      payment: {
        termDays: Number(term),
        latePenaltyBasisPoints: penalty,
        earlyPaymentDiscountBasisPoints: discount,
        vatOnDebits: draft.vatOnDebits,
      },
      operations: draft.operations,
      goodsCategoryIds: draft.operations === 'both' ? [...draft.goodsCategoryIds].sort((a, b) => a - b) : [],
      exemptions: Object.entries(draft.exemptions)
        .filter((entry): entry is [string, ExemptionBasis] => entry[1] !== '')
        .map(([taxId, basis]) => ({ taxId: Number(taxId), basis })),
    },
  };
}
