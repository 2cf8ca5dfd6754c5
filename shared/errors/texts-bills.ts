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
  'export.einvoiceInvalid': {
    en: 'Document {number} cannot be written as Factur-X (EN 16931): {cause}. No file was written.',
    fr: 'Le document {number} ne peut pas être écrit en Factur-X (EN 16931)\u00a0: {cause}. Aucun fichier n’a été écrit.',
  },
  'export.oneFilePerInvoice': {
    en: 'Factur-X and CII are one file per invoice: choose a folder (one file per document, named by its number), not one PDF.',
    fr: 'Factur-X et CII font un fichier par facture\u00a0: choisissez un dossier (un fichier par document, nommé d’après son numéro), pas un seul PDF.',
  },
  'export.unprintableTexts': {
    en: 'No font of the invoices can print some characters, so no invoice was written: {named}. Correct these texts in the shop (or leave these bills out), then export again.',
    fr: 'Aucune police des factures ne peut imprimer certains caractères, aucune facture n’a donc été écrite\u00a0: {named}. Corrigez ces textes dans la boutique (ou laissez ces factures de côté), puis exportez de nouveau.',
  },
  'export.unprintableTextsMore': {
    en: 'No font of the invoices can print some characters, so no invoice was written: {named}; and {more} more. Correct these texts in the shop (or leave these bills out), then export again.',
    fr: 'Aucune police des factures ne peut imprimer certains caractères, aucune facture n’a donc été écrite\u00a0: {named}\u202f; et {more} autres. Corrigez ces textes dans la boutique (ou laissez ces factures de côté), puis exportez de nouveau.',
  },
  'export.unprintableParagraph': {
    en: 'No font of the invoices can print {characters} in “{text}”; nothing was written.',
    fr: 'Aucune police des factures ne peut imprimer {characters} dans «\u00a0{text}\u00a0»\u202f; rien n’a été écrit.',
  },
  'invoice.mentionsMissing': {
    en: 'The invoices would lack mentions French law requires, so none was written: {missing}. Fill in the seller and payment terms in Settings › Invoicing, and the customers’ SIREN or address in their invoicing details (Customers), then export again.',
    fr: 'Il manquerait aux factures des mentions que la loi française exige, aucune n’a donc été écrite\u00a0: {missing}. Renseignez le vendeur et les conditions de paiement dans Paramètres › Facturation, et le SIREN ou l’adresse des clients dans leurs coordonnées de facturation (Clients), puis exportez de nouveau.',
  },
  'production.blocked': {
    en: "Nothing was sent to Moodle: {problems} Fix these problems (the participants, the catalog item's handler parameters or the site), then run the line again.",
    fr: 'Rien n’a été envoyé à Moodle\u00a0: {problems} Corrigez ces problèmes (les participants, les paramètres de mise en place du produit du catalogue ou le site), puis relancez la ligne.',
  },
  // A failed run: where it failed (a row of the participant list, a person, or neither), then the back-office's
  // diagnosis (texts-production.ts), a coded value each reader words in its language.
  'production.failed': {
    en: 'Moodle refused {function} ({code}) while at step {step}: {message} What was sent before stays on the site and a new run finds it done: fix this, then run the line again.',
    fr: 'Moodle a refusé {function} ({code}) à l’étape «\u00a0{step}\u00a0». Détail\u00a0: {message} Ce qui a été envoyé avant reste sur le site et un nouveau lancement le trouvera fait\u00a0: corrigez ceci, puis relancez la ligne.',
  },
  'production.failedRowWho': {
    en: 'Moodle refused {function} ({code}) while at step {step}: Row {row} ({who}). {message} What was sent before stays on the site and a new run finds it done: fix this, then run the line again.',
    fr: 'Moodle a refusé {function} ({code}) à l’étape «\u00a0{step}\u00a0», pour la ligne {row} ({who}). Détail\u00a0: {message} Ce qui a été envoyé avant reste sur le site et un nouveau lancement le trouvera fait\u00a0: corrigez ceci, puis relancez la ligne.',
  },
  'production.failedRow': {
    en: 'Moodle refused {function} ({code}) while at step {step}: Row {row}. {message} What was sent before stays on the site and a new run finds it done: fix this, then run the line again.',
    fr: 'Moodle a refusé {function} ({code}) à l’étape «\u00a0{step}\u00a0», pour la ligne {row}. Détail\u00a0: {message} Ce qui a été envoyé avant reste sur le site et un nouveau lancement le trouvera fait\u00a0: corrigez ceci, puis relancez la ligne.',
  },
  'production.failedWho': {
    en: 'Moodle refused {function} ({code}) while at step {step}: {who}. {message} What was sent before stays on the site and a new run finds it done: fix this, then run the line again.',
    fr: 'Moodle a refusé {function} ({code}) à l’étape «\u00a0{step}\u00a0», pour {who}. Détail\u00a0: {message} Ce qui a été envoyé avant reste sur le site et un nouveau lancement le trouvera fait\u00a0: corrigez ceci, puis relancez la ligne.',
  },
  'production.failedUnknown': {
    en: 'Moodle refused a call while the line was produced. What was sent before stays on the site and a new run finds it done: fix this, then run the line again.',
    fr: 'Moodle a refusé un appel pendant la mise en place de la ligne. Ce qui a été envoyé avant reste sur le site et un nouveau lancement le trouvera fait\u00a0: corrigez ceci, puis relancez la ligne.',
  },
} as const;
