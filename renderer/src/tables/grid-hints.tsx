import { useT } from '../i18n/i18n-context';
import { isMac } from '../shell/platform';
import { gridShortcutHints } from './grid-keys';

/** The keys of a grid, under it: operators who live in this table learn them here. */
export function GridHints({ multiSelect }: { multiSelect: boolean }) {
  const t = useT();
  const keys = gridShortcutHints(isMac);
  const items: [string[], string][] = [
    [['↑', '↓'], t('grid.hint.move')],
    ...(multiSelect
      ? ([
          [['Shift+↑', 'Shift+↓'], t('grid.hint.extend')],
          [[t('grid.key.space')], t('grid.hint.toggle')],
          [[keys.selectAll], t('grid.hint.all')],
        ] as [string[], string][])
      : []),
    [[t('grid.key.enter')], t('grid.hint.open')],
    [[keys.search, '/'], t('grid.hint.search')],
  ];
  return (
    <p className="table-hints muted">
      {items.map(([combo, what]) => (
        <span key={what} className="table-hint">
          {combo.map((key) => (
            <kbd key={key}>{key}</kbd>
          ))}{' '}
          {what}
        </span>
      ))}
    </p>
  );
}
