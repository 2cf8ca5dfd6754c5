/**
 * Default targets for exports. The contract takes absolute paths and there is no native file dialog in
 * browser mode, so the dialogs offer a path the operator can edit. The core writes only into an existing
 * folder and nothing creates an exports/ folder, so the default is the data folder itself, which always
 * exists. The separator follows the data folder's own (a Windows data folder has backslashes).
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

export function defaultXlsxPath(dataDir: string, now: number): string {
  return joinPath(dataDir, `bills-${fileStamp(now)}.xlsx`);
}

/** One PDF: named after the bill when there is one, else after the time of the batch. */
export function defaultPdfPath(dataDir: string, now: number, ids: readonly number[]): string {
  const name = ids.length === 1 ? `invoice-${ids[0]}.pdf` : `invoices-${fileStamp(now)}.pdf`;
  return joinPath(dataDir, name);
}

/** Per-bill files go in a folder that must exist: the data folder, until the operator names another. */
export function defaultPdfFolder(dataDir: string): string {
  return dataDir;
}

/** Whether the path is absolute, as the contract requires (POSIX, or a Windows drive or share). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}
