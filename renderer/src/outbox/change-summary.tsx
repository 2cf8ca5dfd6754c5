import type { ChangeDescription } from '../../../shared/contract';
import { useI18n } from '../i18n/i18n-context';
import { changeContext, changeTitle, fieldLines } from './change-text';
import './outbox.css';

/** How many field lines a change shows; a product saved with many fields changed says how many more. */
const SHOWN_FIELDS = 8;

/**
 * A change in a few lines: what it is and on which record, where that record sits, and the fields it sets,
 * old → new. Used by the outbox list and the sync history, so a change reads the same before and after it is
 * sent.
 */
export function ChangeSummary({ description, entity, entityId }: { description: ChangeDescription; entity: string; entityId: number }) {
  const wording = useI18n();
  const { t, format } = wording;
  const context = changeContext(description, wording);
  const lines = fieldLines(description, entity, wording);
  // A state change and a payment say their effect in the title already; their lines add the amounts.
  const shown = description.kind === 'bill.transition' || description.kind === 'bill.lettering' ? [] : lines;
  return (
    <div className="change-summary">
      <p className="change-title">{changeTitle(description, entityId, wording)}</p>
      {context && <p className="change-context muted">{context}</p>}
      {description.note && <p className="change-note muted">“{description.note}”</p>}
      {shown.length > 0 && (
        <ul className="change-fields" aria-label={t('change.fields')}>
          {shown.slice(0, SHOWN_FIELDS).map((line) => (
            <li key={line.field} data-field={line.field}>
              <span className="change-field">{t('change.fieldLabel', { field: line.label })}</span>{' '}
              <span className="change-before" title={t('change.before')}>
                {line.before}
              </span>{' '}
              <span aria-hidden="true">→</span>
              <span className="visually-hidden">{t('change.after')}</span> <span className="change-after">{line.after}</span>
            </li>
          ))}
          {shown.length > SHOWN_FIELDS && (
            <li className="muted">{t('outbox.more', { count: format.number(shown.length - SHOWN_FIELDS) })}</li>
          )}
        </ul>
      )}
    </div>
  );
}
