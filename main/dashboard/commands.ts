import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import type { ReadableDb } from '../db/open';
import { dashboardSummary } from './dashboard-query';
import { writeDashboardXlsx } from './dashboard-xlsx';

/**
 * The figures, on any connection to the cache: the core's, or the reader thread's (core-thread/reader.ts), so a
 * second of adding up a year of a million bills holds neither a sync nor the other windows' commands.
 */
export function dashboardReads(db: () => ReadableDb): CommandsFor<'dashboard.summary'> {
  return { 'dashboard.summary': (query) => dashboardSummary(db(), query) };
}

export function dashboardCommands(services: CoreServices): CommandsFor<'dashboard.summary' | 'dashboard.exportXlsx'> {
  const db = () => services.activeSite().db;
  return {
    ...dashboardReads(db),
    'dashboard.exportXlsx': async ({ query, file, locale }) => {
      await writeDashboardXlsx(dashboardSummary(db(), query), query, file, locale);
      return { file };
    },
  };
}
