import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';

export function settingsCommands(services: CoreServices): CommandsFor<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => {
      const next = services.settings.update(patch);
      services.bus.emit('settings.changed', next);
      return next;
    },
  };
}
