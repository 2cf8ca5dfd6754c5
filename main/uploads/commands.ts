import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';

export function uploadsCommands(services: CoreServices): CommandsFor<'uploads.begin' | 'uploads.append' | 'uploads.discard'> {
  return {
    'uploads.begin': ({ name, size }) => services.uploads.begin(name, size),
    'uploads.append': ({ id, offset, base64 }) => services.uploads.append(id, offset, Buffer.from(base64, 'base64')),
    'uploads.discard': ({ id }) => {
      services.uploads.discard(id);
      return { id };
    },
  };
}
