import fs from 'node:fs';
import type { Result } from '../../../shared/contract';
import { billsReads } from '../../bills/reads';
import { catalogsReads } from '../../catalogs/reads';
import { customersReads } from '../../customers/reads';
import { dashboardReads } from '../../dashboard/commands';
import { openReadOnly, type ReadableDb } from '../../db/open';
import { migrations } from '../../db/migrations';
import { DataDir } from '../data-dir';
import { createDispatch } from '../dispatch';
import type { CallContext } from '../commands';
import type { Logger } from '../logger';

const HEAD = migrations.at(-1)!.version;

export interface Reader {
  /** The answer, or null when the core must answer instead. */
  answer(name: unknown, input: unknown, context: CallContext): Promise<Result<unknown> | null>;
  close(): void;
}

/**
 * The reader thread's side: the READER_COMMANDS (routes.ts), with the very commands the core uses
 * (billsReads...), on a read-only connection to the active site's cache. It never writes anything (not the
 * cache, not profiles.json), so it answers only what it can answer exactly as the core would, and hands the
 * rest back: no active site or no cache file yet (the core says why, or creates it), a cache the core has not
 * migrated yet, an error that is not a refusal (damage, a busy file: the core meets it again and answers with
 * its way out). A cache whose first sync is still filling it is answered from the rows it holds.
 */
export function createReader(options: { dataDir: string; nativeBinding?: string; logger: Logger }): Reader {
  const dataDir = new DataDir(options.dataDir);
  let open: { file: string; dev: number; ino: number; db: ReadableDb } | null = null;
  let site: { id: string; url: string } | null = null;

  const connection = (): ReadableDb => open!.db;
  const dispatch = createDispatch(
    {
      ...billsReads(connection),
      ...customersReads(connection, () => site?.url ?? null),
      ...catalogsReads(connection),
      ...dashboardReads(connection),
    },
    options.logger,
    { unexpected: 'throw' },
  );

  /** The active site's cache, opened read-only; reopened when the file was replaced (a new cache, a rebuild after damage). */
  const prepare = (): boolean => {
    site = activeSite(dataDir.profilesFile);
    if (!site) return false;
    const file = dataDir.cacheFile(site.id);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return false;
    }
    if (!open || open.file !== file || open.dev !== stat.dev || open.ino !== stat.ino) {
      open?.db.close();
      open = null;
      open = { file, dev: stat.dev, ino: stat.ino, db: openReadOnly(file, options.nativeBinding) };
    }
    // A first sync's indexes not built yet is no reason to hand back: the reads answer from the rows there are
    // (bills-while-filling.ts), as the core would, and a build on its thread of its own is not waited for.
    return (open.db.pragma('user_version', { simple: true }) as number) === HEAD;
  };

  return {
    async answer(name, input, context) {
      try {
        if (!prepare()) return null;
        return await dispatch(name, input, context);
      } catch (error) {
        options.logger.debug('reader: handed to the core', { command: typeof name === 'string' ? name : null, error });
        open?.db.close();
        open = null;
        return null;
      }
    },
    close() {
      open?.db.close();
      open = null;
    },
  };
}

/** The active profile's id and address, read without the registry's repairs (the core makes those). */
function activeSite(file: string): { id: string; url: string } | null {
  let registry: unknown;
  try {
    registry = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const { activeId, profiles } = (registry ?? {}) as { activeId?: unknown; profiles?: unknown };
  if (typeof activeId !== 'string' || !Array.isArray(profiles)) return null;
  const found = (profiles as { id?: unknown; url?: unknown }[]).find((p) => p?.id === activeId);
  return found && typeof found.url === 'string' ? { id: activeId, url: found.url } : null;
}
