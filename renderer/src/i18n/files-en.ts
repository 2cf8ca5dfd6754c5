/** English messages of where exports go (save dialogs, downloads); spread into en.ts. */
export const filesEn = {
  'save.title.xlsx': 'Save the workbook',
  'save.title.pdf': 'Save the invoices',
  'save.title.fec': 'Save the FEC',
  'save.title.folder': 'Choose the folder for the invoices',
  'save.filter.xlsx': 'Excel workbook',
  'save.filter.pdf': 'PDF document',
  'save.filter.fec': 'FEC text file',
  'save.where.desktop': 'You choose where to save it when you start.',
  'save.where.download': 'The file comes as a download of your browser.',
  'save.where.downloadZip': 'The invoices come as one zip file, a download of your browser.',
  'save.open': 'Open the file',
  'save.openFolder': 'Open the folder',
  'save.show': 'Show in folder',
  'save.downloaded': 'Downloaded as {name}: your browser keeps it with its downloads.',
  'error.export_file_not_openable': 'This file cannot be opened from here',
  'error.download_not_found': 'This download is no longer available',
} as const;
