import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { describedBy, FieldFrame } from './field-frame';
import { sanitizeHtml } from './sanitize-html';

/**
 * Rich text as the shop stores it: HTML, edited as source with a live preview of what will be kept. The
 * preview shows the HTML sanitized by DOMPurify with the allow-list the core's sanitizer applies before
 * queuing (shared/catalogs/html-policy.ts), so what the operator sees is what is saved; script, event
 * handlers and unsafe links never reach the page.
 */
export function HtmlField({
  id,
  label,
  value,
  onChange,
  errors,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  errors?: string[] | undefined;
}) {
  const { t } = useI18n();
  const clean = useMemo(() => sanitizeHtml(value), [value]);
  const hint = t('catalogs.html.hint');
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className="html-field">
      <textarea
        id={id}
        rows={4}
        value={value}
        spellCheck
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(id, errors, hint)}
      />
      {value.trim() !== '' && (
        <div className="html-preview" aria-label={t('catalogs.html.preview', { label })} role="region">
          {/* Sanitized by DOMPurify with the shared allow-list; the page's CSP forbids inline script besides. */}
          <div dangerouslySetInnerHTML={{ __html: clean }} />
        </div>
      )}
    </FieldFrame>
  );
}
