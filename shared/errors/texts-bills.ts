/**
 * The words of the refusals about bills, customers, exports and production, in English (the core's message,
 * word for word as it always read) and in French. `{name}` marks a value (shared/errors/error-text.ts).
 * French typography: a no-break space before a colon, a narrow one before ; ? !
 */
export const BILL_TEXTS = {
  'bill.notInCache': {
    en: 'Bill {id} is not in the local cache. Sync, then search for it again.',
    fr: 'La facture {id} n’est pas dans les données locales. Synchronisez, puis cherchez-la de nouveau.',
  },
  'bill.noTransition': {
    en: 'Bill {id} is {status}: the shop allows no change of state from there.',
    fr: 'La facture {id} est «\u00a0{status}\u00a0»\u00a0: la boutique ne permet plus aucun changement d’état.',
  },
  'bill.transitionNotAllowed': {
    en: 'Bill {id} is {status}: the shop allows {allowed} from there, not {to}.',
    fr: 'La facture {id} est «\u00a0{status}\u00a0»\u00a0: la boutique permet de là {allowed}, pas «\u00a0{to}\u00a0».',
  },
  'bill.notPayable': {
    en: 'Bill {id} is {status}: a payment can be recorded only on a bill that is {payable}.',
    fr: 'La facture {id} est «\u00a0{status}\u00a0»\u00a0: un paiement ne s’enregistre que sur une facture dans l’un de ces états\u00a0: {payable}.',
  },
  'bill.paymentExceedsDue': {
    en: 'Bill {id} has {due} left to pay: record at most that amount.',
    fr: 'Il reste {due} à payer sur la facture {id}\u00a0: enregistrez au plus ce montant.',
  },
  'customer.notInCache': {
    en: 'Customer {id} is not in the local cache. Sync, then search for them again.',
    fr: 'Le client {id} n’est pas dans les données locales. Synchronisez, puis cherchez-le de nouveau.',
  },
  'customer.ofBillNotInCache': {
    en: 'The customer of bill {id} is not in the local cache. Sync, then try again.',
    fr: 'Le client de la facture {id} n’est pas dans les données locales. Synchronisez, puis réessayez.',
  },
  'export.billsMissing': {
    en: '{count} of the bills asked for are not in the local data ({shown}). Sync, then select them again.',
    fr: '{count} des factures demandées ne sont pas dans les données locales ({shown}). Synchronisez, puis sélectionnez-les de nouveau.',
  },
  'creditNote.notInvoiced': {
    en: 'Bill {id} has no invoice number: a credit note cancels an invoice, so the bill must be invoiced (lettered) first.',
    fr: 'La facture {id} n’a pas de numéro de facture\u00a0: un avoir annule une facture, elle doit donc d’abord être facturée (lettrée).',
  },
  'creditNote.notPaid': {
    en: 'Bill {id} is {status}: a credit note is issued on a bill that is {refundable}.',
    fr: 'La facture {id} est «\u00a0{status}\u00a0»\u00a0: un avoir s’émet sur une facture dans l’un de ces états\u00a0: {refundable}.',
  },
  'creditNote.waiting': {
    en: 'Bill {id} has a credit note waiting to be sent: sync, then issue the next one.',
    fr: 'La facture {id} a un avoir en attente d’envoi\u00a0: synchronisez, puis émettez le suivant.',
  },
  'creditNote.lineNotInBill': {
    en: 'Line {line} is not a line of bill {id}.',
    fr: 'La ligne {line} n’est pas une ligne de la facture {id}.',
  },
  'creditNote.lineExceeded': {
    en: 'Line {line} of bill {id} has {left} (untaxed) left to credit: credit at most that.',
    fr: 'Il reste {left} (HT) à créditer sur la ligne {line} de la facture {id}\u00a0: créditez au plus ce montant.',
  },
  'creditNote.notPositive': {
    en: 'The credit note would come to {amount}: credit billing lines, not only discounts.',
    fr: 'L’avoir s’élèverait à {amount}\u00a0: créditez des lignes facturées, pas seulement des remises.',
  },
  'creditNote.exceedsPaid': {
    en: 'The refund ({amount}) would exceed what was paid ({paid}) less what was refunded ({refunded}).',
    fr: 'Le remboursement ({amount}) dépasserait ce qui a été payé ({paid}) moins ce qui a déjà été remboursé ({refunded}).',
  },
  'export.creditNotesMissing': {
    en: '{count} of the credit notes asked for are not in the local data ({shown}). Sync, then export again.',
    fr: '{count} des avoirs demandés ne sont pas dans les données locales ({shown}). Synchronisez, puis exportez de nouveau.',
  },
  'export.billGone': {
    en: 'Bill {id} is no longer in the local data. Sync, then export again.',
    fr: 'La facture {id} n’est plus dans les données locales. Synchronisez, puis exportez de nouveau.',
  },
  'export.cancelled': {
    en: 'The export was cancelled; no file was left behind.',
    fr: 'L’export a été annulé\u202f; aucun fichier n’a été laissé.',
  },
  'export.running': {
    en: 'An export named {id} is already running; wait for it or cancel it first.',
    fr: 'Un export nommé {id} est déjà en cours\u202f; attendez-le ou annulez-le d’abord.',
  },
  'export.folderMissing': {
    en: 'The folder {folder} does not exist. Choose an existing folder.',
    fr: 'Le dossier {folder} n’existe pas. Choisissez un dossier existant.',
  },
  'export.notAFolder': {
    en: '{folder} is not a folder. Choose an existing folder.',
    fr: '{folder} n’est pas un dossier. Choisissez un dossier existant.',
  },
  'export.folderReadOnly': {
    en: 'The folder {folder} cannot be written to. Choose a folder you can write in.',
    fr: 'Impossible d’écrire dans le dossier {folder}. Choisissez un dossier où vous pouvez écrire.',
  },
  'export.pathNul': {
    en: 'The path holds a NUL character, which no file name can have. Type the path again.',
    fr: 'Le chemin contient un caractère NUL, qu’aucun nom de fichier ne peut avoir. Saisissez de nouveau le chemin.',
  },
  'export.pathRelative': {
    en: '{path} is not an absolute path. Give the full path, starting from the root.',
    fr: '{path} n’est pas un chemin absolu. Donnez le chemin complet, depuis la racine.',
  },
  'export.wrongExtension': {
    en: 'The file name must end with {extension} (got {name}).',
    fr: 'Le nom du fichier doit finir par {extension} (et non {name}).',
  },
  'export.notAFile': {
    en: '{path} exists and is not a file. Choose another name.',
    fr: '{path} existe et n’est pas un fichier. Choisissez un autre nom.',
  },
  'export.cannotWrite': {
    en: 'Cannot write {path} ({cause}).',
    fr: 'Impossible d’écrire {path} ({cause}).',
  },
  'export.cannotWriteHeld': {
    en: 'Cannot write {path} ({cause}). Close it if another program has it open, then export again.',
    fr: 'Impossible d’écrire {path} ({cause}). Fermez-le s’il est ouvert dans un autre programme, puis exportez de nouveau.',
  },
  'production.lineRunning': {
    en: 'Line {line} of bill {id} is being produced already: wait for that run to end.',
    fr: 'La ligne {line} de la facture {id} est déjà en cours de mise en place\u00a0: attendez la fin de ce lancement.',
  },
  'production.lineNotInCache': {
    en: 'Bill {id} has no line {line} in the local cache. Sync, then open the bill again.',
    fr: 'La facture {id} n’a pas de ligne {line} dans les données locales. Synchronisez, puis rouvrez la facture.',
  },
} as const;
