import { createContext, useContext, type ReactNode } from 'react';
import type { BackofficeApi } from '../../../shared/contract';

/**
 * Components get the API from context rather than importing bridge.ts, so that tests can hand them a fake
 * built from the contract, and only main.tsx touches `window.backoffice`.
 */
const ApiContext = createContext<BackofficeApi | null>(null);

export function ApiProvider({ api, children }: { api: BackofficeApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): BackofficeApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}
