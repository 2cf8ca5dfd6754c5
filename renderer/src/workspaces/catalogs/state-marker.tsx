import { useI18n } from '../../i18n/i18n-context';

/**
 * Where a record's local change stands: waiting to be sent, refused (parked), in conflict with the site,
 * or pushed (acknowledged by the shop since this screen showed it waiting). Nothing when it is as on the site.
 */
export function StateMarker({ state, pushed }: { state: 'pending' | 'parked' | 'conflict' | null; pushed: boolean }) {
  const { t } = useI18n();
  if (state)
    return (
      <span className={`pending-marker pending-${state}`} title={t(`pending.${state}.hint`)}>
        {t(`pending.${state}`)}
      </span>
    );
  if (pushed)
    return (
      <span className="pending-marker catalog-pushed" title={t('catalogs.state.pushed.hint')}>
        {t('catalogs.state.pushed')}
      </span>
    );
  return null;
}
