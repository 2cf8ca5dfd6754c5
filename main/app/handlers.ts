import type { HandlersFor } from '../core/handlers';
import type { CoreServices } from '../core/services';
import { headVersion } from '../db/migrate';
import { migrations } from '../db/migrations';

export function appHandlers(services: CoreServices): HandlersFor<'app.info' | 'app.status'> {
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
