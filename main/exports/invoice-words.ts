import type { ExportLocale } from './spreadsheet-cells';

/** The words of an invoice and of a credit note, in French and English (docs/invoice-mentions.md says why each is there). */
export interface InvoiceWords {
  /** What follows a label: French puts a no-break space before the colon, English none. */
  colon: string;
  invoice: string;
  proformaInvoice: string;
  proformaMark: string;
  paidMark: string;
  number: string;
  order: string;
  issued: string;
  soldOn: string;
  due: string;
  billTo: string;
  customerAddress: string;
  deliveryAddress: string;
  vatNumber: string;
  siren: string;
  sellerBilling: string;
  capital: (legalForm: string, amount: string) => string;
  nature: string;
  natures: Readonly<Record<'services' | 'goods' | 'both', string>>;
  columns: { code: string; description: string; quantity: string; unitPrice: string; untaxed: string; vatRate: string };
  vatBreakdown: string;
  rate: string;
  base: string;
  vat: string;
  totalUntaxed: string;
  totalVat: string;
  totalWithTax: string;
  paid: string;
  amountDue: string;
  paymentTerms: string;
  terms: (days: number, dueDate: string) => string;
  paymode: string;
  paymodes: Readonly<Record<string, string>>;
  latePenalty: (rate: string) => string;
  recoveryIndemnity: (amount: string) => string;
  noEarlyDiscount: string;
  earlyDiscount: (rate: string) => string;
  vatOnDebits: string;
  salesConditions: string;
  page: (page: number, pages: number) => string;
  creditNote: string;
  creditNoteNumber: string;
  originalInvoice: (number: string, date: string) => string;
  reason: string;
  totalCredited: string;
  refunded: string;
  refund: (amount: string, paymode: string, date: string, reference: string) => string;
}

export const INVOICE_WORDS: Readonly<Record<ExportLocale, InvoiceWords>> = {
  fr: {
    colon: '\u00a0:',
    invoice: 'FACTURE',
    proformaInvoice: 'FACTURE PROFORMA',
    proformaMark: 'PROFORMA',
    paidMark: 'PAYÉE',
    number: 'N°',
    order: 'Commande n°',
    issued: 'Date d’émission',
    soldOn: 'Date de la vente ou de la prestation',
    due: 'Échéance',
    billTo: 'Facturé à',
    customerAddress: 'Adresse du client',
    deliveryAddress: 'Adresse de livraison',
    vatNumber: 'N° TVA intracommunautaire',
    siren: 'SIREN',
    sellerBilling: 'Adresse de facturation',
    capital: (legalForm, amount) => `${legalForm} au capital de ${amount}`,
    nature: 'Nature de l’opération',
    natures: { services: 'Prestation de services', goods: 'Livraison de biens', both: 'Livraison de biens et prestation de services' },
    columns: { code: 'Code', description: 'Désignation', quantity: 'Qté', unitPrice: 'P.U. HT', untaxed: 'Total HT', vatRate: 'TVA' },
    vatBreakdown: 'Détail de la TVA',
    rate: 'Taux',
    base: 'Base HT',
    vat: 'TVA',
    totalUntaxed: 'Total HT',
    totalVat: 'Total TVA',
    totalWithTax: 'Total TTC',
    paid: 'Déjà réglé',
    amountDue: 'Reste à payer',
    paymentTerms: 'Conditions de paiement',
    terms: (days, dueDate) => `Paiement à ${days} jours à compter de la date d’émission, au plus tard le ${dueDate}.`,
    paymode: 'Mode de paiement',
    paymodes: { check: 'chèque', transfer: 'virement bancaire', paypal: 'PayPal', card: 'carte bancaire', free: 'gratuit' },
    latePenalty: (rate) => `Pénalités de retard : taux annuel de ${rate}, exigibles dès le lendemain de la date d’échéance.`,
    recoveryIndemnity: (amount) =>
      `Indemnité forfaitaire pour frais de recouvrement due au créancier en cas de retard de paiement : ${amount} (articles L441-10 et D441-5 du Code de commerce).`,
    noEarlyDiscount: 'Pas d’escompte pour paiement anticipé.',
    earlyDiscount: (rate) => `Escompte pour paiement anticipé : ${rate}.`,
    vatOnDebits: 'Option pour le paiement de la taxe d’après les débits.',
    salesConditions: 'Conditions générales de vente',
    page: (page, pages) => `Page ${page} / ${pages}`,
    creditNote: 'FACTURE D’AVOIR',
    creditNoteNumber: 'Avoir n°',
    originalInvoice: (number, date) => `Facture d’origine : n° ${number} du ${date}`,
    reason: 'Motif',
    totalCredited: 'Total TTC de l’avoir',
    refunded: 'Remboursé',
    refund: (amount, paymode, date, reference) =>
      `Remboursement de ${amount} par ${paymode} le ${date}${reference ? `, référence ${reference}` : ''}.`,
  },
  en: {
    colon: ':',
    invoice: 'INVOICE',
    proformaInvoice: 'PROFORMA INVOICE',
    proformaMark: 'PROFORMA',
    paidMark: 'PAID',
    number: 'No.',
    order: 'Order no.',
    issued: 'Issue date',
    soldOn: 'Date of sale or service',
    due: 'Due date',
    billTo: 'Bill to',
    customerAddress: 'Customer address',
    deliveryAddress: 'Delivery address',
    vatNumber: 'VAT No.',
    siren: 'SIREN',
    sellerBilling: 'Billing address',
    capital: (legalForm, amount) => `${legalForm} with a share capital of ${amount}`,
    nature: 'Nature of the operation',
    natures: { services: 'Supply of services', goods: 'Supply of goods', both: 'Supply of goods and services' },
    columns: { code: 'Code', description: 'Description', quantity: 'Qty', unitPrice: 'Unit price', untaxed: 'Net total', vatRate: 'VAT' },
    vatBreakdown: 'VAT breakdown',
    rate: 'Rate',
    base: 'Net',
    vat: 'VAT',
    totalUntaxed: 'Total excl. VAT',
    totalVat: 'Total VAT',
    totalWithTax: 'Total incl. VAT',
    paid: 'Paid',
    amountDue: 'Amount due',
    paymentTerms: 'Payment terms',
    terms: (days, dueDate) => `Payment within ${days} days of the issue date, by ${dueDate} at the latest.`,
    paymode: 'Payment method',
    paymodes: { check: 'cheque', transfer: 'bank transfer', paypal: 'PayPal', card: 'card', free: 'free' },
    latePenalty: (rate) => `Late payment penalties: ${rate} a year, due from the day after the due date.`,
    recoveryIndemnity: (amount) =>
      `Fixed compensation for recovery costs, due to the creditor in case of late payment: ${amount} (French Commercial Code, articles L441-10 and D441-5).`,
    noEarlyDiscount: 'No discount for early payment.',
    earlyDiscount: (rate) => `Discount for early payment: ${rate}.`,
    vatOnDebits: 'VAT payable on debits (option pour le paiement de la taxe d’après les débits).',
    salesConditions: 'Terms and conditions of sale',
    page: (page, pages) => `Page ${page} of ${pages}`,
    creditNote: 'CREDIT NOTE',
    creditNoteNumber: 'Credit note no.',
    originalInvoice: (number, date) => `Original invoice: No. ${number} of ${date}`,
    reason: 'Reason',
    totalCredited: 'Credit note total incl. VAT',
    refunded: 'Refunded',
    refund: (amount, paymode, date, reference) =>
      `Refund of ${amount} by ${paymode} on ${date}${reference ? `, reference ${reference}` : ''}.`,
  },
};
