import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';

/** The open items and suggestions, read again when a match, an import, a sync or another site changes them. */
export function useLetteringOverview() {
  const api = useApi();
  const load = useCallback(() => api.invoke('lettering.overview', {}), [api]);
  const overview = useQuery(load);
  useRefreshOn(api, ['lettering.changed', 'sync.finished', 'profiles.changed'], overview.reload, 500);
  return overview;
}

/** The most matches a list reads (the contract's limit); the table draws only those in view. */
export const MATCHES_READ = 5000;

/** The matches, newest first, narrowed by a search. */
export function useLetteringMatches(search: string) {
  const api = useApi();
  const load = useCallback(() => api.invoke('lettering.matches', { search, limit: MATCHES_READ }), [api, search]);
  const matches = useQuery(load);
  useRefreshOn(api, ['lettering.changed', 'outbox.changed', 'sync.finished', 'profiles.changed'], matches.reload, 500);
  return matches;
}
