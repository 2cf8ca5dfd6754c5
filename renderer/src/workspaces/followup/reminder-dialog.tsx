import { useCallback, useId, useRef, useState } from 'react';
import type { ReminderLanguage } from '../../../../shared/contract/followup';
import { DEFAULT_TEMPLATES, PLACEHOLDERS, TEMPLATE_MAX_LENGTH } from '../../../../shared/followup/reminder-template';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { ErrorNotice } from '../../errors/error-notice';
import { saveTargets } from '../../files/save-target';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { pluralKey } from '../../i18n/plural';
import { usePreferences } from '../../preferences/preferences-context';
import { Modal } from '../../dialogs/modal';
import { useAction } from '../../actions/use-action';

export type ReminderTargets = { kind: 'payment'; billIds: number[] } | { kind: 'renewal'; productIds: number[] };

interface SendOutcome {
  sent: number;
  noAccount: number;
  failed: { billId: number; customer: string; error: string }[];
}

/**
 * A reminder to the customers selected: the template in force (the operator's, from the settings, or the
 * default) editable and saved in the settings, the messages previewed exactly as the core will send them
 * (reminders.preview renders them), then sent as Moodle messages after a confirmation when there are several,
 * or written to a mail-merge file for the customers without a Moodle account. A native modal <dialog>.
 */
export function ReminderDialog({ targets: asked, onClose, onSent }: { targets: ReminderTargets; onClose(): void; onSent(): void }) {
  // The selection as it was when the dialog opened: what is previewed is what is sent, whatever the list does meanwhile.
  const [targets] = useState(asked);
  const api = useApi();
  const { t, format, locale, language: windowLanguage } = useI18n();
  const { settings, update } = usePreferences();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [language, setLanguage] = useState<ReminderLanguage>(windowLanguage === 'fr' ? 'fr' : 'en');
  const saved = settings.reminderTemplates?.[targets.kind][language] || DEFAULT_TEMPLATES[targets.kind][language];
  // The text being edited, for the template it started from: another language, or a save, starts over.
  const [edit, setEdit] = useState({ of: saved, text: saved });
  const draft = edit.of === saved ? edit.text : saved;
  const setDraft = (text: string) => setEdit({ of: saved, text });
  const [savedNote, setSavedNote] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const sending = useAction();
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const preview = useQuery(useCallback(() => api.invoke('reminders.preview', { targets, language }), [api, targets, language]));
  const messages = preview.value?.messages ?? [];
  const accounts = messages.filter((m) => m.moodleUserId > 0).length;

  const saveTemplate = async (text: string) => {
    const current = settings.reminderTemplates ?? {
      payment: { fr: '', en: '' },
      renewal: { fr: '', en: '' },
    };
    await update({ reminderTemplates: { ...current, [targets.kind]: { ...current[targets.kind], [language]: text } } });
    setSavedNote(true);
    // The preview is rendered by the core from the saved template.
    preview.reload();
  };

  const send = () =>
    sending.run(async () => {
      setConfirming(false);
      setOutcome(await api.invoke('reminders.send', { targets, language }));
      onSent();
    });

  const mailMerge = () =>
    sending.run(async () => {
      const files = saveTargets(api, t);
      const target = await files.file(language === 'fr' ? 'relances.xlsx' : 'reminders.xlsx', 'xlsx');
      if (!target) return;
      await api.invoke('reminders.exportMailMerge', { targets, language, format: 'xlsx', target: target.path });
      files.deliver(target);
      setExported(target.name);
      onSent();
    });

  return (
    <Modal ref={dialogRef} className="dialog reminder-dialog" labelledBy={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t(`reminder.title.${targets.kind}`)}</h2>
      <div className="dialog-body reminder-body">
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('reminder.language')}</label>
          <select id={`${id}-language`} value={language} onChange={(event) => setLanguage(event.target.value as ReminderLanguage)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-template`}>{t('reminder.template')}</label>
          <textarea
            id={`${id}-template`}
            lang={language}
            rows={7}
            maxLength={TEMPLATE_MAX_LENGTH}
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setSavedNote(false);
            }}
          />
          <p className="muted">{t('reminder.placeholders', { list: PLACEHOLDERS[targets.kind].map((name) => `{${name}}`).join(' ') })}</p>
          <div className="reminder-template-actions">
            <button
              type="button"
              className="button"
              disabled={draft === saved || sending.busy}
              onClick={() => void sending.run(() => saveTemplate(draft))}
            >
              {t('reminder.saveTemplate')}
            </button>
            <button
              type="button"
              className="button"
              disabled={draft === DEFAULT_TEMPLATES[targets.kind][language] || sending.busy}
              onClick={() => void sending.run(() => saveTemplate(''))}
            >
              {t('reminder.resetTemplate')}
            </button>
            {savedNote && (
              <span role="status" className="muted">
                {t('reminder.templateSaved')}
              </span>
            )}
          </div>
        </div>
        <h3>{t('reminder.preview')}</h3>
        {preview.error !== null && <ErrorNotice error={preview.error} onRetry={preview.reload} />}
        {preview.value && (
          <p className="muted">
            {t(pluralKey(locale, messages.length, 'reminder.previewOf.one', 'reminder.previewOf'), {
              count: format.number(messages.length),
              accounts: format.number(accounts),
              others: format.number(messages.length - accounts),
            })}
          </p>
        )}
        <ol className="reminder-preview" aria-label={t('reminder.preview')}>
          {messages.map((message) => (
            <li key={`${message.billId}-${message.productId ?? 0}`}>
              <p className="reminder-to">
                <strong>
                  {message.moodleUserId > 0
                    ? t('reminder.toAccount', { customer: message.customer })
                    : t('reminder.toMail', { customer: message.customer, email: message.email })}
                </strong>{' '}
                <span className="muted">{formatMoney(message.amountCents, message.currency, locale)}</span>
              </p>
              <pre className="reminder-text" lang={language}>
                {message.text}
              </pre>
            </li>
          ))}
        </ol>
        {outcome && (
          <div className="notice" role="status">
            <p>{t('reminder.sent', { sent: format.number(outcome.sent), noAccount: format.number(outcome.noAccount) })}</p>
            {outcome.failed.map((failure) => (
              <p key={failure.billId}>{t('reminder.failed', { customer: failure.customer, error: failure.error })}</p>
            ))}
          </div>
        )}
        {exported && (
          <p role="status" className="notice">
            {t('followup.exported', { name: exported })}
          </p>
        )}
        {sending.error && <ErrorNotice error={sending.error} />}
        {confirming && (
          <div className="notice reminder-confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`} className="notice-title">
              {t('reminder.confirmTitle', { count: format.number(accounts) })}
            </p>
            <p>{t('reminder.confirmText')}</p>
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('reminder.cancel')}
              </button>
              <button type="button" className="button button-primary" onClick={() => void send()}>
                {t('reminder.confirm')}
              </button>
            </div>
          </div>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          {t('reminder.close')}
        </button>
        <button
          type="button"
          className="button"
          disabled={sending.busy || outcome !== null || messages.length === accounts || draft !== saved}
          onClick={() => void mailMerge()}
        >
          {t('reminder.mailMerge')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={sending.busy || outcome !== null || accounts === 0 || draft !== saved || confirming}
          onClick={() => (accounts > 1 ? setConfirming(true) : void send())}
        >
          {accounts > 1 ? t('reminder.send', { count: format.number(accounts) }) : t('reminder.sendOne')}
        </button>
      </div>
    </Modal>
  );
}
