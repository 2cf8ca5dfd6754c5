/**
 * The words of the refusals about a file the operator picked: its upload from the window
 * (main/uploads/staged-uploads.ts), a catalog workbook (main/catalogs/catalog-xlsx.ts), a participant list
 * (main/production/participant-file.ts). See texts-bills.ts for the conventions; sizes are bytes, as numbers.
 */
export const FILE_TEXTS = {
  'upload.cannotStage': {
    en: 'The file cannot be staged in {folder} ({cause}). Free some disk space, or check that the data folder is writable.',
    fr: 'Le fichier ne peut pas être déposé dans {folder} ({cause}). Libérez de la place sur le disque, ou vérifiez que le dossier des données est accessible en écriture.',
  },
  'upload.wrongOffset': {
    en: 'This chunk starts at byte {offset}, but {received} bytes have arrived. Send from there.',
    fr: 'Ce morceau commence à l’octet {offset}, mais {received} octets sont arrivés. Envoyez à partir de là.',
  },
  'upload.emptyChunk': {
    en: 'An empty chunk at byte {offset} of {size}: the file could not be read. Pick it again.',
    fr: 'Un morceau vide à l’octet {offset} sur {size}\u00a0: le fichier n’a pas pu être lu. Choisissez-le de nouveau.',
  },
  'upload.tooLarge': {
    en: 'The file is larger than the {size} bytes announced. Pick the file again.',
    fr: 'Le fichier dépasse les {size} octets annoncés. Choisissez de nouveau le fichier.',
  },
  'upload.incomplete': {
    en: '{name}: {received} of {size} bytes have arrived. Send the rest first.',
    fr: '{name}\u00a0: {received} octets sur {size} sont arrivés. Envoyez d’abord le reste.',
  },
  'upload.gone': {
    en: 'This file is no longer waiting here (the app restarted or it was discarded). Pick the file again.',
    fr: 'Ce fichier n’est plus en attente ici (l’application a redémarré ou il a été abandonné). Choisissez de nouveau le fichier.',
  },
  'upload.pathFromWindow': {
    en: 'A window sends the file it picked with uploads.begin and uploads.append, then names the upload.',
    fr: 'Une fenêtre envoie le fichier choisi avec uploads.begin et uploads.append, puis nomme ce dépôt.',
  },
  'export.cannotPrepare': {
    en: 'The export cannot be prepared in {folder} ({cause}). Free some disk space, or check that the data folder is writable.',
    fr: 'L’export ne peut pas être préparé dans {folder} ({cause}). Libérez de la place sur le disque, ou vérifiez que le dossier des données est accessible en écriture.',
  },
  'export.creditNoteGone': {
    en: 'Credit note {id} is no longer in the local data. Sync, then export again.',
    fr: 'L’avoir {id} n’est plus dans les données locales. Synchronisez, puis exportez de nouveau.',
  },
  'catalogImport.noFile': {
    en: '{file} is not an existing file: give the full path of a catalog export.',
    fr: '{file} n’est pas un fichier existant\u00a0: donnez le chemin complet d’un export de catalogue.',
  },
  'catalogImport.notXlsx': {
    en: '{file} is not an XLSX workbook.',
    fr: '{file} n’est pas un classeur XLSX.',
  },
  'catalogImport.noSheet': {
    en: 'The workbook has no sheet named {sheet}: import a file exported from a catalog.',
    fr: 'Le classeur n’a pas de feuille nommée {sheet}\u00a0: importez un fichier exporté d’un catalogue.',
  },
  'catalogImport.missingColumns': {
    en: 'The {sheet} sheet lacks the columns {columns}: import a file exported from a catalog.',
    fr: 'Il manque à la feuille {sheet} les colonnes {columns}\u00a0: importez un fichier exporté d’un catalogue.',
  },
  'participantFile.unreadable': {
    en: '{file} cannot be read. Check that the file exists and that you may open it.',
    fr: '{file} ne peut pas être lu. Vérifiez que le fichier existe et que vous avez le droit de l’ouvrir.',
  },
  'participantFile.badWorkbook': {
    en: 'This workbook cannot be read. Save it again from the spreadsheet as XLSX, or as CSV.',
    fr: 'Ce classeur ne peut pas être lu. Enregistrez-le de nouveau depuis le tableur en XLSX, ou en CSV.',
  },
  'participantFile.binary': {
    en: 'This file is neither an XLSX workbook nor CSV text. Save the list as XLSX or CSV.',
    fr: 'Ce fichier n’est ni un classeur XLSX ni du texte CSV. Enregistrez la liste en XLSX ou en CSV.',
  },
  'participantFile.mixedEncodings': {
    en: 'This file mixes two text encodings (line {line}). Save it again as CSV in UTF-8.',
    fr: 'Ce fichier mélange deux encodages de texte (ligne {line}). Enregistrez-le de nouveau en CSV UTF-8.',
  },
  'catalogImport.rowsInvalid': {
    en: '{count} rows cannot be imported: {first}',
    fr: 'Des lignes du fichier ne peuvent pas être importées ({count})\u202f; la première\u00a0: {first}',
  },
  'file.pathRelative': {
    en: '{file} is not an absolute path. Give the full path of the file.',
    fr: '{file} n’est pas un chemin absolu. Donnez le chemin complet du fichier.',
  },
} as const;
