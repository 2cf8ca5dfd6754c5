import { useMemo } from 'react';
import { formatRequiredData, requiredDataIssues } from '../../../../shared/catalogs/required-data';
import { useI18n } from '../../i18n/i18n-context';
import { describedBy, FieldFrame } from './field-frame';
import { translateIssue } from './issue-messages';

/**
 * The customer data asked at checkout, as JSON: checked as the operator types (a JSON array of objects
 * naming their `field`), with the fields it declares listed below, and a button to lay it out readably.
 */
export function RequiredDataField({
  id,
  value,
  onChange,
  errors,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  errors?: string[] | undefined;
}) {
  const { t } = useI18n();
  const live = useMemo(() => requiredDataIssues(value).map((found) => translateIssue(found, t)), [value, t]);
  const shown = errors && errors.length > 0 ? errors : live;
  const fields = useMemo(() => {
    if (live.length > 0 || value.trim() === '') return [];
    return (JSON.parse(value) as { field: string; label?: string; type?: string }[]).map(
      (f) => `${f.field}${f.label ? ` (${f.label})` : ''}`,
    );
  }, [value, live]);
  const hint = t('catalogs.item.requireddataHint');
  return (
    <FieldFrame id={id} label={t('catalogs.item.requireddata')} errors={shown} hint={hint} className="json-field">
      <textarea
        id={id}
        rows={5}
        className="code-input"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(id, shown, hint)}
      />
      <div className="json-field-footer">
        {fields.length > 0 && <p className="muted">{t('catalogs.item.requireddataFields', { fields: fields.join(', ') })}</p>}
        {live.length === 0 && value.trim() !== '' && (
          <button type="button" className="button button-quiet" onClick={() => onChange(formatRequiredData(value))}>
            {t('catalogs.item.formatJson')}
          </button>
        )}
      </div>
    </FieldFrame>
  );
}
