import { z } from 'zod';
import { command, event } from './define';

export const runModeSchema = z.enum(['electron', 'browser', 'cli']);
export type RunMode = z.infer<typeof runModeSchema>;

export const connectionStateSchema = z.enum(['unknown', 'online', 'offline']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const appStatusSchema = z.object({
  activeProfile: z.object({ id: z.string(), name: z.string(), url: z.string() }).nullable(),
  connection: connectionStateSchema,
  /** Why the site is unreachable, when it is; an operator-facing sentence. */
  connectionDetail: z.string().nullable(),
  /** Epoch milliseconds of the last successful sync, or null before the first one. */
  lastSyncAt: z.number().int().nullable(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const appCommands = {
  'app.info': command(
    'Version, run mode, data folder and cache schema of this app',
    z.object({}).strict(),
    z.object({
      version: z.string(),
      mode: runModeSchema,
      dataDir: z.string(),
      schemaVersion: z.number().int(),
    }),
  ),
  'app.status': command('Active site, online state and last sync, for the status bar', z.object({}).strict(), appStatusSchema),
};

export const appEvents = {
  'app.statusChanged': event('The status bar changed: active site, connection or last sync', appStatusSchema),
};
