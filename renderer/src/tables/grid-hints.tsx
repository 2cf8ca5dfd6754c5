import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';
import { isMac } from '../shell/platform';
import { comboKeys, shortcut, type KeyWords, type ShortcutId } from '../shell/shortcut-registry';

const HINTS: readonly { id: ShortcutId; label: MessageKey; multi?: boolean }[] = [
  { id: 'grid.move', label: 'grid.hint.move' },
  { id: 'grid.open', label: 'grid.hint.open' },
  { id: 'search', label: 'grid.hint.search' },
  { id: 'palette', label: 'keys.hint.palette' },
  { id: 'sheet', label: 'keys.hint.all' },
  { id: 'grid.extend', label: 'grid.hint.extend', multi: true },
  { id: 'grid.toggle', label: 'grid.hint.toggle', multi: true },
  { id: 'grid.selectAll', label: 'grid.hint.all', multi: true },
];

/**
 * The main keys of a grid, on one line under it (the shortcuts sheet, ?, has them all): operators who live in
 * this table learn them here. Read from the shortcut registry, as the grid's handlers are.
 */
export function GridHints({ multiSelect }: { multiSelect: boolean }) {
  const t = useT();
  const words: KeyWords = { space: t('keys.word.space'), enter: t('keys.word.enter'), escape: t('keys.word.escape') };
  return (
    <p className="table-hints muted">
      {HINTS.filter((hint) => multiSelect || !hint.multi).map(({ id, label }) => {
        const entry = shortcut(id);
        const combos = (entry.shownAs ?? entry.combos).map((combo) => comboKeys(combo, isMac, words).join('+'));
        return (
          <span key={id} className="table-hint">
            {combos.map((keys) => (
              <kbd key={keys}>{keys}</kbd>
            ))}{' '}
            {t(label)}
          </span>
        );
      })}
    </p>
  );
}
