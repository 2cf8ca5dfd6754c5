import type { RefObject } from 'react';
import { isMac } from '../shell/platform';
import { isShortcut } from '../shell/shortcut-registry';
import { gridShortcutHints } from './grid-keys';

interface GridSearchProps {
  id: string;
  /** Read by screen readers only: the placeholder says it to the eye. */
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  /** The field useSearchShortcut focuses on Ctrl+F or /. */
  inputRef: RefObject<HTMLInputElement | null>;
  /** The search.toTable shortcut (↓ or Enter): from the search to the first row of the grid it filters. */
  onToTable(): void;
}

/**
 * The search field above a workspace's grid (bills, customers, catalog items, the audit): one look, one label
 * rule and one pair of shortcuts, so Ctrl+F, / and the way down to the rows work alike everywhere.
 */
export function GridSearch({ id, label, placeholder, value, onChange, inputRef, onToTable }: GridSearchProps) {
  return (
    <div className="search-box">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        aria-keyshortcuts={isMac ? 'Meta+F /' : 'Control+F /'}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (isShortcut('search.toTable', event, isMac)) {
            event.preventDefault();
            onToTable();
          }
        }}
      />
      <kbd aria-hidden="true">{gridShortcutHints(isMac).search}</kbd>
    </div>
  );
}
