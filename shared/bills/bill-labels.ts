import type { BillStatus } from './bill-status';

/**
 * What operators and accountants read for a bill's state and pay mode, in both languages: one wording for
 * the windows (renderer/src/i18n/bills-*.ts take theirs from here) and the files the core writes (the XLSX
 * export), so a bill said "Payée" on screen is "Payée" in the workbook, never SOLDOUT.
 */
export type LabelLanguage = 'fr' | 'en';

export const BILL_STATUS_LABELS: Readonly<Record<LabelLanguage, Readonly<Record<BillStatus, string>>>> = {
  fr: {
    WORKING: 'En préparation',
    PLACED: 'Commandée',
    PENDING: 'En attente de paiement',
    PREPROD: 'Produite avant paiement',
    PARTIAL: 'Payée en partie',
    SOLDOUT: 'Payée',
    COMPLETE: 'Terminée',
    PAYBACK: 'À rembourser',
    FAILED: 'Production en échec',
    REFUSED: 'Paiement refusé',
    CANCELLED: 'Annulée',
  },
  en: {
    WORKING: 'Working',
    PLACED: 'Placed',
    PENDING: 'Awaiting payment',
    PREPROD: 'Produced before payment',
    PARTIAL: 'Partly paid',
    SOLDOUT: 'Paid',
    COMPLETE: 'Complete',
    PAYBACK: 'To pay back',
    FAILED: 'Production failed',
    REFUSED: 'Payment refused',
    CANCELLED: 'Cancelled',
  },
};

/** The pay modes the shop's plugins record; another one shows as its code. */
export const PAYMODES = ['check', 'transfer', 'paypal', 'card', 'free'] as const;
export type KnownPaymode = (typeof PAYMODES)[number];

export const PAYMODE_LABELS: Readonly<Record<LabelLanguage, Readonly<Record<KnownPaymode, string>>>> = {
  fr: { check: 'Chèque', transfer: 'Virement', paypal: 'PayPal', card: 'Carte bancaire', free: 'Gratuit' },
  en: { check: 'Check', transfer: 'Bank transfer', paypal: 'PayPal', card: 'Card', free: 'Free' },
};

/** A bill state in words; a state this version does not know (a newer shop) shows as its code. */
export function billStatusLabel(language: LabelLanguage, status: string): string {
  return Object.prototype.hasOwnProperty.call(BILL_STATUS_LABELS[language], status)
    ? BILL_STATUS_LABELS[language][status as BillStatus]
    : status;
}

/** A pay mode in words; one the shop added later shows as its code. */
export function paymodeLabel(language: LabelLanguage, paymode: string): string {
  return Object.prototype.hasOwnProperty.call(PAYMODE_LABELS[language], paymode)
    ? PAYMODE_LABELS[language][paymode as KnownPaymode]
    : paymode;
}
