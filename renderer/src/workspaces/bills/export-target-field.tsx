import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';

/**
 * The data folder, the one folder the app knows exists: the default of the two files still given as a typed
 * path (the catalog workbook, which is also read back from there, and Settings' kept caches). Exports of bills
 * and lettering go through the save dialog or a download instead (files/save-target.ts).
 */
export function useDataDir(): string | null {
  const api = useApi();
  const load = useCallback(() => api.invoke('app.info', {}), [api]);
  return useQuery(load).value?.dataDir ?? null;
}
