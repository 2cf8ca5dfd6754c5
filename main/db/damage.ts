import { AppError } from '../../shared/contract';

/**
 * SQLite's ways of saying the file itself is damaged (overwritten bytes, a truncated file, not a database).
 * They can surface when the cache opens, or only later, on the first read of a damaged page.
 */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/;

export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && DAMAGE_CODES.test(code)) || (error instanceof AppError && error.code === 'db_corrupt');
}

/** The operator's way out, the same wherever the damage shows. */
export function damagedCacheError(file: string | null): AppError {
  return new AppError(
    'db_corrupt',
    `The local cache${file ? ` at ${file}` : ''} is damaged. Rebuild it (Sync › Rebuild the cache, or sync.rebuildCache): the damaged file is set aside for diagnosis, the unsent changes that can still be read are carried into a fresh cache, and the fresh cache is filled from the site.`,
    file ? { file } : {},
  );
}
