import type { HandlersFor } from '../core/handlers';
import type { CoreServices } from '../core/services';

export function settingsHandlers(services: CoreServices): HandlersFor<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => {
      const next = services.settings.update(patch);
      services.bus.emit('settings.changed', next);
      return next;
    },
  };
}
