import { useI18n } from '../../i18n/i18n-context';
import { hashOf } from '../../shell/workspaces';
import { AUDIT_HASH } from './production-route';

/**
 * The workspace's two views, as links (each is an address: reload and back work): producing bills one at a time,
 * and the audit of sales, which finds what production missed across every sale.
 */
export function ProductionTabs({ audit }: { audit: boolean }) {
  const { t } = useI18n();
  return (
    <nav className="status-tabs production-tabs" aria-label={t('production.tabs')}>
      <a className="status-tab" href={hashOf('production')} aria-current={audit ? undefined : 'page'}>
        {t('production.tab.bills')}
      </a>
      <a className="status-tab" href={AUDIT_HASH} aria-current={audit ? 'page' : undefined}>
        {t('production.tab.audit')}
      </a>
    </nav>
  );
}
