import type { SiteCheck } from '../../../../shared/contract';
import { wordedText } from '../../errors/error-text';
import { useI18n } from '../../i18n/i18n-context';
import { isMessageKey } from '../../i18n/translate';
import { Facts } from '../../tables/detail-table';

/**
 * The answer of "Test connection": which site and Moodle the token reaches, as whom, whether the shop plugin
 * is there and usable, and feature by feature what works, so the operator knows what still works today and can
 * forward an exact request (install the plugin, or these functions) to the site administrator.
 */
export function SiteCheckPanel({ check }: { check: SiteCheck }) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const complete = check.features.every((f) => f.state === 'ready');
  const plugin = check.shopPlugin;
  // What the plugin's answer said, in the window's language when it came with its words.
  const said = wordedText(plugin.message ?? '', plugin.messageText ? { text: plugin.messageText } : undefined, i18n);
  const notInService = check.missingFunctions.filter((f) => f.reason === 'notInService');
  return (
    <section className={complete ? 'site-check site-check-ok' : 'site-check site-check-warning'} aria-label={t('check.ok')}>
      <p className="site-check-title">
        {t('check.ok')} <span className="muted">· {t('check.duration', { ms: format.number(check.durationMs) })}</span>
      </p>
      <Facts
        facts={[
          {
            term: t('check.site'),
            value: (
              <>
                {check.siteName} <span className="muted">({check.siteUrl})</span>
              </>
            ),
          },
          { term: t('check.release'), value: check.release },
          { term: t('check.user'), value: t('check.userValue', { fullname: check.fullname, username: check.username }) },
          {
            term: t('check.plugin'),
            value:
              plugin.state === 'ready'
                ? t('check.plugin.ready', { release: plugin.pluginRelease ?? '' })
                : t(`check.plugin.${plugin.state}`),
            valueProps: { 'data-plugin-state': plugin.state },
          },
          { term: t('check.functions'), value: format.number(check.availableCount) },
        ]}
      />
      {plugin.state !== 'ready' && (
        <div className="notice notice-warning" role="status">
          <p className="notice-title">{t(`check.plugin.${plugin.state}`)}</p>
          {plugin.state === 'failed' ? (
            <p className="notice-text" lang={said.lang}>
              {said.text}
            </p>
          ) : (
            <p className="notice-text">{t(`check.action.${plugin.state}`)}</p>
          )}
        </div>
      )}
      <h4 className="site-check-subtitle">{t('check.features')}</h4>
      <ul className="feature-states">
        {check.features.map((feature) => (
          <li key={feature.feature} data-feature={feature.feature} data-state={feature.state}>
            <span aria-hidden="true">{feature.state === 'ready' ? '✓' : '✗'}</span> <strong>{t(`feature.${feature.feature}`)}</strong>
            {' — '}
            {feature.state === 'notInService'
              ? t('check.feature.notInService', { functions: feature.missing.join(', ') })
              : t(`check.feature.${feature.state}`)}
          </li>
        ))}
      </ul>
      {notInService.length > 0 && (
        <div className="notice notice-warning">
          <p className="notice-title">{t('check.missingTitle')}</p>
          <p className="notice-text">{t('check.missingText')}</p>
          <ul className="missing-functions">
            {notInService.map((fn) => (
              <li key={fn.name}>
                <code>{fn.name}</code> — <Purpose name={fn.name} fallback={fn.purpose} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The core describes each function in English; a translation is used when this renderer has one. */
function Purpose({ name, fallback }: { name: string; fallback: string }) {
  const { t } = useI18n();
  const key = `fn.${name}`;
  return isMessageKey(key) ? <>{t(key)}</> : <span lang="en">{fallback}</span>;
}
