import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import { discardKeptCache, exportKeptCache, keptCaches, setCacheAside } from './kept-caches';
import { checkSite } from './site-check';
import { refusal } from '../../shared/errors/error-text';

type ProfileCommandName =
  | 'profiles.list'
  | 'profiles.create'
  | 'profiles.update'
  | 'profiles.remove'
  | 'profiles.select'
  | 'profiles.testConnection'
  | 'profiles.startNewCache'
  | 'profiles.keptCaches'
  | 'profiles.exportKeptCache'
  | 'profiles.discardKeptCache';

export function profilesCommands(services: CoreServices): CommandsFor<ProfileCommandName> {
  const { profiles, bus, status, caches } = services;
  const changed = () => {
    bus.emit('profiles.changed', profiles.list());
    status.publish();
  };
  return {
    'profiles.list': () => profiles.list(),
    'profiles.create': (input) => {
      const wasEmpty = profiles.active() === null;
      const profile = profiles.create(input);
      // The cache is created with the profile, so a data folder problem shows now, not at the first sync.
      caches.get(profile.id);
      if (wasEmpty) status.siteChanged();
      changed();
      return profile;
    },
    'profiles.update': (input) => {
      const before = profiles.get(input.id);
      const profile = profiles.update(input);
      if (profiles.active()?.id === profile.id && (before.url !== profile.url || input.token !== undefined)) services.resetSite();
      if (before.url !== profile.url && profiles.active()?.id === profile.id) status.siteChanged();
      changed();
      return profile;
    },
    'profiles.remove': ({ id }) => {
      const wasActive = profiles.active()?.id === id;
      if (wasActive) services.resetSite();
      caches.release(id);
      const result = profiles.remove(id);
      if (wasActive) status.siteChanged();
      changed();
      return result;
    },
    'profiles.select': ({ id }) => {
      profiles.select(id);
      services.resetSite();
      status.siteChanged();
      changed();
      return profiles.list();
    },
    'profiles.testConnection': async (input) => {
      const check = await checkSite(services.moodle(input));
      if ('id' in input) {
        const db = caches.get(input.id);
        const now = Date.now();
        const upsert = db.prepare(
          'INSERT INTO site_meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
        );
        db.transaction(() => {
          upsert.run('site_name', check.siteName, now);
          upsert.run('release', check.release, now);
          upsert.run('token_user', check.username, now);
          upsert.run('last_check_at', String(now), now);
        })();
      }
      return check;
    },
    'profiles.startNewCache': ({ id }) => {
      profiles.get(id);
      const isActive = profiles.active()?.id === id;
      if (isActive && services.activeSite().engine.running) throw refusal('sync_running', 'sync.runningNewCache', {});
      if (isActive) services.resetSite();
      caches.release(id);
      const kept = setCacheAside(caches, services.dataDir, id);
      // The new, empty cache opens now, so a data folder problem shows here rather than at the next sync.
      caches.get(id);
      if (isActive) {
        status.siteChanged();
        bus.emit('outbox.changed', { pending: 0, parked: 0, conflict: 0 });
      }
      changed();
      return { kept };
    },
    'profiles.keptCaches': ({ id }) => ({ caches: keptCaches(caches, services.dataDir, profiles.get(id).id) }),
    'profiles.exportKeptCache': ({ id, name, file }) => exportKeptCache(caches, services.dataDir, profiles.get(id).id, name, file),
    'profiles.discardKeptCache': ({ id, name }) => {
      discardKeptCache(services.dataDir, profiles.get(id).id, name);
      return { caches: keptCaches(caches, services.dataDir, id) };
    },
  };
}
