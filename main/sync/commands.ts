import type { OutboxEntryView, SyncRun, SyncStatus } from '../../shared/contract/sync';
import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import type { Db } from '../db/open';
import type { SyncCursorTableRow } from '../db/tables';
import { syncEntityNames } from '../shop-api/sync-entities';
import { isDamage } from '../db/damage';
import { cacheSite } from './cache-site';
import { recoverDamagedCache, type Recovery } from './damaged-cache';
import { operatorName } from '../lettering/lettering-log';
import { describeEntries } from './change-description';
import { damagedRefusal, discardEntry, listEntries, listEntriesPerState, outboxCounts, retryEntry, type OutboxEntry } from './outbox';
import type { SyncEngine } from './sync-engine';
import { errorTextOf, refusal } from '../../shared/errors/error-text';
import { sentChanges } from './sync-runs';
import { undoChanges, undoView } from './undo';

type SyncCommandName =
  | 'sync.start'
  | 'sync.cancel'
  | 'sync.status'
  | 'sync.setSchedule'
  | 'sync.rebuildCache'
  | 'outbox.list'
  | 'outbox.retry'
  | 'outbox.discard'
  | 'outbox.undo'
  | 'sync.sent';

export function syncCommands(services: CoreServices): CommandsFor<SyncCommandName> {
  const session = () => services.activeSite();
  const status = (db: Db, engine: SyncEngine): SyncStatus => {
    const cursors = new Map(
      db
        .prepare<[], Pick<SyncCursorTableRow, 'entity' | 'synced_at' | 'rows_applied'>>(
          'SELECT entity, synced_at, rows_applied FROM sync_cursor',
        )
        .all()
        .map((r) => [r.entity, r]),
    );
    return {
      running: engine.running,
      scheduleMinutes: engine.schedule,
      entities: syncEntityNames.map((entity) => ({
        entity,
        syncedAt: cursors.get(entity)?.synced_at ?? null,
        rows: cursors.get(entity)?.rows_applied ?? 0,
      })),
      outbox: outboxCounts(db),
      runs: engine.recentRuns(10),
      site: cacheSite(db),
    };
  };
  const outboxChanged = (db: Db) => {
    const counts = outboxCounts(db);
    services.bus.emit('outbox.changed', counts);
    return counts;
  };
  return {
    'sync.start': () => session().engine.start('manual'),
    'sync.cancel': () => ({ cancelled: session().engine.cancel() }),
    'sync.status': () => {
      const { db, engine } = session();
      return status(db, engine);
    },
    'sync.setSchedule': ({ minutes }) => {
      const { db, engine } = session();
      engine.setSchedule(minutes);
      db.prepare(
        "INSERT INTO site_meta (key, value, updated_at) VALUES ('sync_schedule_minutes', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      ).run(String(minutes), Date.now());
      return status(db, engine);
    },
    'sync.rebuildCache': async () => {
      const profileId = services.profiles.active()?.id;
      let run: SyncRun | null = null;
      try {
        run = await session().engine.rebuild();
      } catch (error) {
        if (!profileId || !isDamage(error)) throw error;
      }
      if (run && run.errorCode !== 'db_corrupt') return run;
      // The cache is damaged (it would not open, or a page broke under the rebuild): set it aside, carry the
      // unsent changes it still yields into a fresh one, and fill that.
      services.resetSite();
      const recovery = recoverDamagedCache(services.caches, services.dataDir, profileId!);
      services.logger.warn('damaged cache set aside', { folder: recovery.folder, saved: recovery.saved, lost: recovery.lost });
      services.bus.emit('profiles.changed', services.profiles.list());
      const fresh = await session().engine.rebuild();
      return { ...fresh, detail: [recoveryMessage(recovery), fresh.detail].filter(Boolean).join(' ') };
    },
    'outbox.list': ({ state, limit }) => {
      const { db } = session();
      const entries = limit === undefined ? listEntries(db, state) : listEntriesPerState(db, limit, state);
      const descriptions = describeEntries(
        db,
        entries.filter((entry): entry is OutboxEntry => !('damaged' in entry)),
      );
      return {
        counts: outboxCounts(db),
        entries: entries.map((entry): OutboxEntryView =>
          'damaged' in entry
            ? {
                seq: entry.seq,
                kind: 'unknown',
                entity: 'unknown',
                entityId: 0,
                // Shown where it is counted; it can be discarded from there whatever its state.
                state: entry.state,
                attempts: 0,
                // Why it cannot be read, in the window's language (damagedRefusal), as the sync parks it.
                errorCode: 'outbox_damaged',
                errorMessage: damagedRefusal(entry).message,
                errorText: errorTextOf(damagedRefusal(entry).details),
                payload: null,
                remote: null,
                createdAt: 0,
                description: { kind: 'unknown', subject: null, fields: [], created: false },
                undo: { possible: false, reason: 'notPending', alsoUndoes: 0, match: null },
              }
            : {
                seq: entry.seq,
                kind: entry.kind,
                entity: entry.entity,
                entityId: entry.entityId,
                state: entry.state,
                attempts: entry.attempts,
                errorCode: entry.errorCode,
                errorMessage: entry.errorMessage,
                errorText: entry.errorText,
                payload: entry.payload,
                remote: entry.remote,
                createdAt: entry.createdAt,
                description: descriptions.get(entry.seq)!,
                undo: undoView(db, entry),
              },
        ),
      };
    },
    'outbox.retry': ({ seq }) => {
      const { db } = session();
      if (!retryEntry(db, seq)) throw refusal('outbox_entry_not_found', 'outbox.gone', {});
      return outboxChanged(db);
    },
    'outbox.discard': ({ seq }) => {
      const { db } = session();
      if (!discardEntry(db, seq)) throw refusal('outbox_entry_not_found', 'outbox.gone', {});
      return outboxChanged(db);
    },
    'outbox.undo': ({ seqs }, context) => {
      const { db } = session();
      const result = undoChanges(db, seqs, operatorName(db, context));
      // The records show what they were before: every view of them refreshes.
      if (result.billIds.length > 0) services.bus.emit('bills.changed', { ids: result.billIds });
      else if (result.entities.has('customers')) services.bus.emit('bills.changed', { ids: null });
      if (result.lettering) services.bus.emit('lettering.changed', {});
      return { undone: result.undone, counts: outboxChanged(db) };
    },
    'sync.sent': ({ runId }) => ({ changes: sentChanges(session().db, runId) }),
  };
}

function recoveryMessage(recovery: Recovery): string {
  const lost =
    recovery.lost === null
      ? ' Its unsent changes could not be read.'
      : recovery.lost > 0
        ? ` ${recovery.lost} unsent change${recovery.lost === 1 ? '' : 's'} could not be read.`
        : '';
  return `The cache was damaged: it was set aside in ${recovery.folder} (kept for diagnosis), ${recovery.saved} unsent change${recovery.saved === 1 ? ' was' : 's were'} carried into a fresh cache, which was filled again from the site.${lost}`;
}
