/**
 * Names for exports, and paths for the few places that still take one typed (Settings' kept caches, the catalog
 * workbook). Bills and lettering exports go through the save dialog or a download (files/save-target.ts); the
 * separator of a joined path follows the folder's own (a Windows data folder has backslashes).
 */
export function joinPath(folder: string, ...names: string[]): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const base = folder.endsWith(separator) ? folder.slice(0, -1) : folder;
  return [base, ...names].join(separator);
}

/** 2026-03-03-1405: sorts by time, and a second export in the same day does not overwrite the first. */
export function fileStamp(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

/** The name a workbook of bills is offered under (the save dialog, or the download). */
export function xlsxName(now: number): string {
  return `bills-${fileStamp(now)}.xlsx`;
}

/** One PDF: named after the bill when there is one, else after the time of the batch. */
export function pdfName(now: number, ids: readonly number[]): string {
  return ids.length === 1 ? `invoice-${ids[0]}.pdf` : `invoices-${fileStamp(now)}.pdf`;
}

/** One PDF per bill: browser mode downloads them as one zip named after this folder. */
export function pdfFolderName(now: number): string {
  return `invoices-${fileStamp(now)}`;
}

/** Whether the path is absolute, as the contract requires (POSIX, or a Windows drive or share). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}
