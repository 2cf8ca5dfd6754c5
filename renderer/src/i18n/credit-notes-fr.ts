import type { creditNotesEn } from './credit-notes-en';

/** French messages of credit notes and refunds (typography: see fr.ts). */
export const creditNotesFr = {
  'paymode.card': 'Carte',
  'credit.title': 'Avoir et remboursement',
  'credit.intro':
    'Créditez tout ou partie de la facture\u00a0: cochez les lignes et le montant crédité sur chacune, hors taxes. Le remboursement est le total de l’avoir, enregistré avec lui. La boutique numérote l’avoir quand elle le reçoit.',
  'credit.table': 'Lignes à créditer',
  'credit.col.line': 'Ligne',
  'credit.col.left': 'Reste à créditer',
  'credit.col.quantity': 'Quantité',
  'credit.col.quantityShort': 'Qté',
  'credit.col.amount': 'Crédité HT ({currency})',
  'credit.tick': 'Créditer {line}',
  'credit.reason': 'Motif',
  'credit.mode': 'Remboursé par',
  'credit.date': 'Remboursé le',
  'credit.dateInvalid': 'Indiquez le jour du remboursement.',
  'credit.reference': 'Référence du remboursement',
  'credit.total': 'Avoir\u00a0: {untaxed} HT + {tax} de TVA = {total} à rembourser',
  'credit.noneTicked': 'Cochez au moins une ligne à créditer.',
  'credit.submit': 'Émettre l’avoir et enregistrer le remboursement',
  'creditNotes.title': 'Avoirs',
  'creditNotes.none': 'Aucun avoir.',
  'creditNotes.waiting': 'En attente d’envoi (la boutique le numérote)',
  'creditNotes.amounts': '{untaxed} HT, {tax} de TVA, {total}',
  'creditNotes.refund': 'Remboursé {amount} par {mode} le {date}',
  'creditNotes.pdf': 'PDF de l’avoir',
  'customer.credited': 'Crédité (avoirs)',
  'customer.creditsWaiting': '{count} en attente d’envoi',
  'customer.refunded': 'Remboursé',
} satisfies Record<keyof typeof creditNotesEn, string>;
