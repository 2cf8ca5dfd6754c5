import { Fragment, useId, useRef } from 'react';
import { useT } from '../i18n/i18n-context';
import { isMac } from './platform';
import { entryCombos, SHORTCUT_GROUPS, SHORTCUTS, type KeyWords } from './shortcut-registry';
import { Modal } from '../dialogs/modal';

/** "?": every shortcut of the app, read from the registry the handlers use, by where it works. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const t = useT();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const words: KeyWords = { space: t('keys.word.space'), enter: t('keys.word.enter'), escape: t('keys.word.escape') };

  return (
    <Modal ref={dialogRef} className="dialog shortcuts-sheet" data-keyboard="sheet" labelledBy={`${id}-title`} onClose={onClose}>
      <header className="shortcuts-header">
        <h2 id={`${id}-title`}>{t('keys.sheet.title')}</h2>
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          {t('keys.sheet.close')}
        </button>
      </header>
      <p className="muted">{t('keys.sheet.intro')}</p>
      <div className="shortcuts-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`${id}-${group}`}>
            <h3 id={`${id}-${group}`}>{t(`keys.group.${group}`)}</h3>
            <dl className="shortcuts-list">
              {SHORTCUTS.filter((entry) => entry.group === group).map((entry) => (
                <Fragment key={entry.id}>
                  <dt data-shortcut={entry.id}>
                    {entryCombos(entry, isMac, words).map((keys, index) => (
                      <Fragment key={index}>
                        {index > 0 && <span className="muted"> {t('keys.word.or')} </span>}
                        <span className="shortcut-combo">
                          {keys.map((key, k) => (
                            <kbd key={k}>{key}</kbd>
                          ))}
                        </span>
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{t(entry.label)}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
