/** The words of the lettering's refusals (see texts-bills.ts for the conventions). */
export const LETTERING_TEXTS = {
  'lettering.billNotInCache': {
    en: 'Bill {id} is not in the local cache. Sync, then try again.',
    fr: 'La facture {id} n’est pas dans les données locales. Synchronisez, puis réessayez.',
  },
  'lettering.billLettered': {
    en: 'Bill {id} already carries the lettering {lettering}. Unmatch it first.',
    fr: 'La facture {id} porte déjà le lettrage {lettering}. Défaites d’abord ce rapprochement.',
  },
  'lettering.billNotPaid': {
    en: 'Bill {id} is {status}: the shop letters only paid or partly paid bills ({letterable}), and this one is not an order awaiting its payment ({awaiting}).',
    fr: 'La facture {id} est «\u00a0{status}\u00a0»\u00a0: la boutique ne lettre que les factures payées, même en partie ({letterable}), et celle-ci n’est pas une commande en attente de son paiement ({awaiting}).',
  },
  'lettering.billOverAllocated': {
    en: 'Bill {id} has {remaining} left to match; {allocated} cannot be given.',
    fr: 'Il reste {remaining} à rapprocher sur la facture {id}\u202f; {allocated} ne peuvent pas lui être attribués.',
  },
  'lettering.invoiceNotImported': {
    en: 'Invoice {id} is not among the imported invoices. Import it, then try again.',
    fr: 'La facture comptable {id} n’est pas parmi les factures importées. Importez-la, puis réessayez.',
  },
  'lettering.invoiceOverAllocated': {
    en: 'Invoice {reference} has {remaining} left to match; {allocated} cannot be given.',
    fr: 'Il reste {remaining} à rapprocher sur la facture comptable {reference}\u202f; {allocated} ne peuvent pas lui être attribués.',
  },
  'lettering.namedTwice': {
    en: 'A bill or an invoice is named twice in this match.',
    fr: 'Une facture est citée deux fois dans ce rapprochement.',
  },
  'lettering.currencies': {
    en: 'These bills and invoices are in {currencies}: match items of one currency.',
    fr: 'Ces factures sont en {currencies}\u00a0: rapprochez des pièces d’une seule devise.',
  },
  'lettering.taken': {
    en: 'Bill {holder} already has the lettering {lettering}; a lettering can be on one bill only. Unmatch that bill first, or check the invoice.',
    fr: 'La facture {holder} porte déjà le lettrage {lettering}\u202f; un lettrage ne peut être que sur une facture. Défaites d’abord le rapprochement de cette facture, ou vérifiez la facture comptable.',
  },
  'lettering.matchGone': {
    en: 'Match {id} does not exist or was already undone. Refresh the list.',
    fr: 'Le rapprochement {id} n’existe pas ou a déjà été défait. Actualisez la liste.',
  },
  'lettering.creditNoteNotOpen': {
    en: 'Credit note {id} is not among the shop’s credit notes left to match. Sync, or unmatch it first.',
    fr: 'L’avoir {id} n’est pas parmi les avoirs de la boutique restant à rapprocher. Synchronisez, ou défaites d’abord son rapprochement.',
  },
  'lettering.importedCreditNoteNotOpen': {
    en: 'Invoice {id} is not an imported credit note left to match (a negative invoice in no match).',
    fr: 'La pièce {id} n’est pas un avoir importé restant à rapprocher (une facture négative hors de tout rapprochement).',
  },
  'lettering.creditNoteCurrencies': {
    en: 'The credit notes are in {currency} and {other}: match items of one currency.',
    fr: 'Les avoirs sont en {currency} et en {other}\u00a0: rapprochez des pièces d’une même devise.',
  },
  'lettering.creditNoteAmounts': {
    en: 'Credit note {number} is {amount} and {reference} {other}: a credit note matches one credit note of the same amount.',
    fr: 'L’avoir {number} est de {amount} et {reference} de {other}\u00a0: un avoir se rapproche d’un avoir du même montant.',
  },
  'lettering.noFec': {
    en: 'No FEC file was imported: import one, then export it back lettered.',
    fr: 'Aucun fichier FEC n’a été importé\u00a0: importez-en un, puis réexportez-le lettré.',
  },
  'lettering.fecTarget': {
    en: '{path} must be an absolute path ending with .txt (the FEC’s usual extension).',
    fr: '{path} doit être un chemin absolu finissant par .txt (l’extension habituelle du FEC).',
  },
  'lettering.importCancelled': {
    en: 'The import was cancelled: nothing of the file was imported.',
    fr: 'L’import a été annulé\u00a0: rien du fichier n’a été importé.',
  },
  // A refused file: its first problem is worded by the window from its code, as in the import's list.
  'lettering.fileRefusedOne': {
    en: '{name}: one line is wrong, so nothing was imported. {first} Correct the file, then import it again.',
    fr: '{name}\u00a0: une ligne est erronée, rien n’a donc été importé. {first} Corrigez le fichier, puis importez-le de nouveau.',
  },
  'lettering.fileRefused': {
    en: '{name}: {lines} lines are wrong, so nothing was imported. {first} Correct the file, then import it again.',
    fr: '{name}\u00a0: {lines} lignes sont erronées, rien n’a donc été importé. {first} Corrigez le fichier, puis importez-le de nouveau.',
  },
  'lettering.fileRefusedOneNoDetail': {
    en: '{name}: one line is wrong, so nothing was imported. Correct the file, then import it again.',
    fr: '{name}\u00a0: une ligne est erronée, rien n’a donc été importé. Corrigez le fichier, puis importez-le de nouveau.',
  },
  'lettering.fileRefusedNoDetail': {
    en: '{name}: {lines} lines are wrong, so nothing was imported. Correct the file, then import it again.',
    fr: '{name}\u00a0: {lines} lignes sont erronées, rien n’a donc été importé. Corrigez le fichier, puis importez-le de nouveau.',
  },
  'lettering.fileUnreadable': {
    en: '{file} cannot be read. Check the path and that the file exists.',
    fr: '{file} ne peut pas être lu. Vérifiez le chemin et que le fichier existe.',
  },
  'lettering.notXlsx': {
    en: 'This file cannot be read as an XLSX workbook. Save it again from the spreadsheet, or export a CSV.',
    fr: 'Ce fichier ne peut pas être lu comme un classeur XLSX. Enregistrez-le de nouveau depuis le tableur, ou exportez un CSV.',
  },
  'lettering.notText': {
    en: 'This file mixes encodings or is not text. Save it again as CSV in UTF-8.',
    fr: 'Ce fichier mélange des encodages ou n’est pas du texte. Enregistrez-le de nouveau en CSV UTF-8.',
  },
  'lettering.noMapping': {
    en: 'Say which columns hold the invoice number, date, customer and amount: no mapping is known for this file.',
    fr: 'Indiquez les colonnes du numéro de facture, de la date, du client et du montant\u00a0: aucune correspondance de colonnes n’est connue pour ce fichier.',
  },
  'lettering.importRunning': {
    en: 'An import named {id} is already running; wait for it or cancel it first.',
    fr: 'Un import nommé {id} est déjà en cours\u202f; attendez-le ou annulez-le d’abord.',
  },
} as const;
