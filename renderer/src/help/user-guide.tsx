import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import english from '../../../docs/user-guide.md?raw';
import french from '../../../docs/user-guide.fr.md?raw';
import { useI18n } from '../i18n/i18n-context';
import { parseGuide, type Block, type Inline } from './guide-markdown';
import { isHelpKey } from './help-key';
import './user-guide.css';
import { Modal } from '../dialogs/modal';

const GUIDES = { en: english, fr: french } as const;

/**
 * The user guide (docs/user-guide.md, docs/user-guide.fr.md) behind F1, in the app's language, and a button
 * for it at the foot of the navigation so that it is found without knowing the key. The files are bundled
 * at build time: the guide opens offline and says what this build does.
 */
export function UserGuideButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isHelpKey(event)) return;
      // The browser's own F1 (its help pages) would leave the app.
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      <button type="button" className="side-nav-link guide-button" aria-keyshortcuts="F1" onClick={() => setOpen(true)}>
        <span>{t('help.open')}</span>
        <kbd aria-hidden="true">F1</kbd>
      </button>
      {/* In the body, not in the navigation it is opened from: the navigation's list styles are not the guide's. */}
      {open && createPortal(<UserGuideDialog onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

function UserGuideDialog({ onClose }: { onClose(): void }) {
  const { t, language } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [blocks] = useState(() => parseGuide(GUIDES[language], language));
  // The guide's own title heads the dialog; its other headings come below it.
  const first = blocks[0];
  const title = first?.kind === 'heading' ? first : null;
  const body = title ? blocks.slice(1) : blocks;
  return (
    <Modal ref={dialogRef} className="dialog guide-dialog" labelledBy={`${id}-title`} onClose={onClose} lang={language}>
      <div className="guide-header">
        <h2 id={`${id}-title`}>{title ? <Inlines parts={title.inline} /> : t('help.open')}</h2>
        <button type="button" className="button button-quiet" aria-label={t('detail.close')} onClick={() => dialogRef.current?.close()}>
          ✕
        </button>
      </div>
      <div className="guide-body">
        {body.map((block, index) => (
          <GuideBlock key={index} block={block} />
        ))}
      </div>
    </Modal>
  );
}

function GuideBlock({ block }: { block: Block }): ReactNode {
  switch (block.kind) {
    case 'heading':
      return block.level <= 2 ? (
        <h3>
          <Inlines parts={block.inline} />
        </h3>
      ) : (
        <h4>
          <Inlines parts={block.inline} />
        </h4>
      );
    case 'paragraph':
      return (
        <p>
          <Inlines parts={block.inline} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <Inlines parts={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

function Inlines({ parts }: { parts: readonly Inline[] }) {
  return (
    <>
      {parts.map((part, index) => {
        switch (part.kind) {
          case 'strong':
            return <strong key={index}>{part.text}</strong>;
          case 'em':
            return <em key={index}>{part.text}</em>;
          case 'code':
            return <code key={index}>{part.text}</code>;
          default:
            return <span key={index}>{part.text}</span>;
        }
      })}
    </>
  );
}
