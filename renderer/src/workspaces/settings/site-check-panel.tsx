import type { SiteCheck } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n-context';
import { isMessageKey } from '../../i18n/translate';

/**
 * The answer of "Test connection": which site and Moodle the token reaches, as whom, and which of the
 * functions the back-office needs its service lacks, so the operator can forward an exact list to the
 * site administrator.
 */
export function SiteCheckPanel({ check }: { check: SiteCheck }) {
  const { t, format } = useI18n();
  const complete = check.missingFunctions.length === 0;
  return (
    <section className={complete ? 'site-check site-check-ok' : 'site-check site-check-warning'}>
      <p className="site-check-title">
        {t('check.ok')} <span className="muted">· {t('check.duration', { ms: format.number(check.durationMs) })}</span>
      </p>
      <dl className="facts">
        <dt>{t('check.site')}</dt>
        <dd>
          {check.siteName} <span className="muted">({check.siteUrl})</span>
        </dd>
        <dt>{t('check.release')}</dt>
        <dd>{check.release}</dd>
        <dt>{t('check.user')}</dt>
        <dd>{t('check.userValue', { fullname: check.fullname, username: check.username })}</dd>
        <dt>{t('check.functions')}</dt>
        <dd>{format.number(check.availableCount)}</dd>
      </dl>
      {!complete && (
        <div className="notice notice-warning">
          <p className="notice-title">{t('check.missingTitle')}</p>
          <p className="notice-text">{t('check.missingText')}</p>
          <ul className="missing-functions">
            {check.missingFunctions.map((fn) => (
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
