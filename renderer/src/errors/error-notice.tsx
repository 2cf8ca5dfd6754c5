import { useI18n } from '../i18n/i18n-context';
import { errorTitleKey, toAppErrorShape } from './app-error';
import { errorText } from './error-text';
import { MissingMentions, missingMentionsOf } from './missing-mentions';

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/**
 * A refused or failed command: the translated title of its code, then what the core says to do next, in the
 * window's language when the refusal carries its text (errors/error-text.ts), else in the core's English.
 * role="alert" because it appears in answer to what the operator just did.
 */
export function ErrorNotice({ error, onRetry, onDismiss }: ErrorNoticeProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const shape = toAppErrorShape(error);
  // An invoice refused for a missing mention: the list, translated, says what to fill in and where.
  const missing = shape.code === 'invoice_mentions_missing' ? missingMentionsOf(shape.details) : null;
  const said = errorText(shape, i18n);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t(errorTitleKey(shape.code))}</p>
      {missing ? (
        <MissingMentions missing={missing} />
      ) : (
        <p className="notice-text" lang={said.lang}>
          {said.text}
        </p>
      )}
      {(onRetry || onDismiss) && (
        <p className="notice-actions">
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="button button-quiet" onClick={onDismiss}>
              {t('common.dismiss')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
