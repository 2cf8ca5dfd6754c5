import { useI18n } from '../../i18n/i18n-context';
import { hashOf } from '../../shell/workspaces';
import { AUDIT_HASH } from './handlers-route';

/**
 * The workspace's two views, as links (each is an address: reload and back work): producing bills one at a time,
 * and the audit of sales, which finds what production missed across every sale.
 */
export function HandlersTabs({ audit }: { audit: boolean }) {
  const { t } = useI18n();
  return (
    <nav className="status-tabs handlers-tabs" aria-label={t('handlers.tabs')}>
      <a className="status-tab" href={hashOf('handlers')} aria-current={audit ? undefined : 'page'}>
        {t('handlers.tab.bills')}
      </a>
      <a className="status-tab" href={AUDIT_HASH} aria-current={audit ? 'page' : undefined}>
        {t('handlers.tab.audit')}
      </a>
    </nav>
  );
}
