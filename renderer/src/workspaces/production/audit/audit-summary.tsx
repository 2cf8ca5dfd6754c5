import { useCallback } from 'react';
import { auditKinds } from '../../../../../shared/contract/audit';
import { useApi } from '../../../api/api-context';
import { useQuery } from '../../../api/use-query';
import { useRefreshOn } from '../../../api/use-refresh-on';
import { toAppErrorShape } from '../../../errors/app-error';
import { ErrorNotice } from '../../../errors/error-notice';
import { useI18n } from '../../../i18n/i18n-context';
import { pluralKey } from '../../../i18n/plural';
import { AUDIT_HASH } from '../production-route';
import { KIND_KEYS } from './audit-text';
import { rememberFilter } from './finding-ids';

/**
 * The worklist's first section: what the last audit of sales found, a count per kind, each opening the audit on
 * that kind. One read of the list (limit 1 gives the counts and the last audit).
 */
export function AuditSummary() {
  const api = useApi();
  const { t, format, locale } = useI18n();
  const load = useCallback(() => api.invoke('audit.list', { limit: 1 }), [api]);
  const query = useQuery(load);
  useRefreshOn(api, ['audit.changed', 'profiles.changed'], query.reload, 1000);

  if (toAppErrorShape(query.error).code === 'no_active_profile') return null;
  const value = query.value;
  const lastRun = value?.lastRun ?? null;
  const when = lastRun ? format.dateTime(lastRun.startedAt * 1000) : '';
  const total = value ? auditKinds.reduce((sum, kind) => sum + (value.counts[kind] ?? 0), 0) : 0;
  return (
    <section className="detail-section audit-summary" aria-labelledby="worklist-audit">
      <h3 id="worklist-audit">
        {t('audit.worklist.title')} {value && lastRun && <span className="muted">({format.number(total)})</span>}
      </h3>
      {query.error !== null && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {value && (
        <>
          {!lastRun ? (
            <p className="muted">{t('audit.worklist.none')}</p>
          ) : total === 0 ? (
            <p>{t('audit.worklist.clean', { when })}</p>
          ) : (
            <>
              <p>
                {t(pluralKey(locale, total, 'audit.worklist.found.one', 'audit.worklist.found'), { count: format.number(total), when })}
              </p>
              <ul className="kind-chips audit-summary-counts">
                {auditKinds
                  .filter((kind) => (value.counts[kind] ?? 0) > 0)
                  .map((kind) => (
                    <li key={kind}>
                      <a className="kind-chip" href={AUDIT_HASH} data-kind={kind} onClick={() => rememberFilter(new Set([kind]), '')}>
                        <span className={`audit-dot audit-kind-${kind}`} aria-hidden="true" />
                        {t(KIND_KEYS[kind])}
                        <span className="status-tab-count">{format.number(value.counts[kind] ?? 0)}</span>
                      </a>
                    </li>
                  ))}
              </ul>
            </>
          )}
          <p>
            <a href={AUDIT_HASH} onClick={() => rememberFilter(new Set(), '')}>
              {t('audit.worklist.open')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
