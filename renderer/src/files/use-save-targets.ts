import { useMemo } from 'react';
import { useApi } from '../api/api-context';
import { useT } from '../i18n/i18n-context';
import { saveTargets, type SaveTargets } from './save-target';

/** The platform's way to save an export (save-target.ts), for a dialog. */
export function useSaveTargets(): SaveTargets {
  const api = useApi();
  const t = useT();
  return useMemo(() => saveTargets(api, t), [api, t]);
}
