import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';

/**
 * The reminders sent about this bill (Follow-up workspace): payment or renewal, Moodle message or mail-merge
 * file, when, for how much, and the text itself; a message Moodle refused says why.
 */
export function RemindersSection({ billId }: { billId: number }) {
  const api = useApi();
  const { t, format, locale } = useI18n();
  const query = useQuery(useCallback(() => api.invoke('reminders.ofBill', { billId }), [api, billId]));
  useRefreshOn(api, ['bills.changed'], query.reload);
  const reminders = query.value?.reminders ?? [];
  if (reminders.length === 0) return null;
  return (
    <section className="detail-section" aria-labelledby="bill-reminders">
      <h3 id="bill-reminders">{t('reminders.section')}</h3>
      <ul className="bill-reminders">
        {reminders.map((reminder) => (
          <li key={reminder.id} data-reminder={reminder.id}>
            <p>
              <strong>
                {t('reminders.item', {
                  kind: t(`reminders.kind.${reminder.kind}`),
                  channel: t(`reminders.channel.${reminder.channel}`),
                  date: format.dateTime(reminder.createdAt * 1000),
                })}
              </strong>{' '}
              <span className={reminder.outcome === 'failed' ? 'text-danger' : 'muted'}>
                {t(`reminders.outcome.${reminder.outcome}`)} · {formatMoney(reminder.amountCents, reminder.currency, locale)}
              </span>
            </p>
            {reminder.error && <p className="text-danger">{reminder.error}</p>}
            <details>
              <summary>{t('reminders.showText')}</summary>
              <p className="reminder-sent-text" lang={reminder.language}>
                {reminder.text}
              </p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
