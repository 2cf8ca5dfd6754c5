import { useT } from '../i18n/i18n-context';
import { moveColumn, setHidden, type ColumnPrefs } from './column-prefs';

interface ColumnMenuProps {
  id: string;
  prefs: ColumnPrefs<string>;
  defaults: ColumnPrefs<string>;
  labels: Readonly<Record<string, string>>;
  onChange(prefs: ColumnPrefs<string>): void;
}

/** Show, hide and order the columns without a mouse drag; reset to the app's arrangement. */
export function ColumnMenu({ id, prefs, defaults, labels, onChange }: ColumnMenuProps) {
  const t = useT();
  return (
    <section id={id} className="column-menu" aria-label={t('grid.columns')}>
      <ol className="column-list">
        {prefs.order.map((column, index) => {
          const label = labels[column] ?? column;
          return (
            <li key={column}>
              <label>
                <input
                  type="checkbox"
                  checked={!prefs.hidden.includes(column)}
                  onChange={(event) => onChange(setHidden(prefs, column, !event.target.checked))}
                />
                {label}
              </label>
              <span className="column-moves">
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('grid.moveEarlier', { column: label })}
                  aria-disabled={index === 0}
                  onClick={() => index > 0 && onChange({ ...prefs, order: moveColumn(prefs.order, column, index - 1) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('grid.moveLater', { column: label })}
                  aria-disabled={index === prefs.order.length - 1}
                  onClick={() =>
                    index < prefs.order.length - 1 && onChange({ ...prefs, order: moveColumn(prefs.order, column, index + 1) })
                  }
                >
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="form-actions">
        <span className="muted">{t('grid.columnsHint')}</span>
        <button type="button" className="button button-quiet" onClick={() => onChange(defaults)}>
          {t('grid.columnsReset')}
        </button>
      </p>
    </section>
  );
}
