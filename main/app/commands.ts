import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import { headVersion } from '../db/migrate';
import { migrations } from '../db/migrations';

export function appCommands(services: CoreServices): CommandsFor<'app.info' | 'app.status'> {
  return {
    'app.info': () => ({
      version: services.version,
      mode: services.mode,
      dataDir: services.dataDir.root,
      schemaVersion: headVersion(migrations),
    }),
    'app.status': () => services.status.snapshot(),
  };
}
