import type { CoreServices } from '../core/services';
import type { SyncTrigger } from './sync-engine';

/**
 * What the app does on its own: sync at start and whenever another site becomes active, and — while the
 * site is unreachable — probe it every `probeSeconds`, syncing as soon as it answers again. The schedule
 * itself belongs to each site's engine. Off for the CLI.
 */
export function startAutoSync(services: CoreServices, probeSeconds = 30): () => void {
  const kick = (trigger: SyncTrigger) => {
    try {
      void services
        .activeSite()
        .engine.start(trigger)
        .catch(() => {});
    } catch {
      // No site set up yet: nothing to sync.
    }
  };
  let wasOffline = false;
  let activeId = services.profiles.active()?.id ?? null;
  const unsubscribe = services.bus.subscribe((name, payload) => {
    // Another site became active (not a rename of this one): sync it.
    if (name === 'profiles.changed') {
      const next = (payload as { activeId: string | null }).activeId;
      if (next !== activeId) kick('startup');
      activeId = next;
    }
    if (name === 'app.statusChanged') {
      const connection = (payload as { connection: string }).connection;
      if (connection === 'online' && wasOffline) kick('online');
      wasOffline = connection === 'offline';
    }
  });
  const probe = setInterval(() => {
    const active = services.profiles.active();
    if (!wasOffline || !active) return;
    void services
      .moodle({ id: active.id })
      .call('core_webservice_get_site_info')
      .catch(() => {});
  }, probeSeconds * 1000);
  probe.unref();
  kick('startup');
  return () => {
    unsubscribe();
    clearInterval(probe);
  };
}
