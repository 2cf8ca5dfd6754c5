import type { HandlersFor } from '../core/handlers';
import type { CoreServices } from '../core/services';
import { dashboardSummary } from './dashboard-query';
import { writeDashboardXlsx } from './dashboard-xlsx';

export function dashboardHandlers(services: CoreServices): HandlersFor<'dashboard.summary' | 'dashboard.exportXlsx'> {
  const db = () => services.activeSite().db;
  return {
    'dashboard.summary': (query) => dashboardSummary(db(), query),
    'dashboard.exportXlsx': async ({ query, file, locale }) => {
      await writeDashboardXlsx(dashboardSummary(db(), query), query, file, locale);
      return { file };
    },
  };
}
