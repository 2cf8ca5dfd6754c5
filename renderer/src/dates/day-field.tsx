import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { dayOf } from './day-input';
import { addDays, dayText, monthGrid, parseDayText } from './day-text';
import './day-field.css';

export interface DayFieldProps {
  id: string;
  /** YYYY-MM-DD, '' for none, or the text typed so far when it is no day yet (the form reports it). */
  value: string;
  onChange(value: string): void;
  invalid?: boolean;
  describedBy?: string | undefined;
}

/**
 * A day typed and shown dd/mm/yyyy in the app's language, with a month to pick from: replaces the native
 * <input type="date">, which follows the browser's language (6 December shown 12/06/2026 in an English
 * Chromium of a French window). Our own component rather than a date-picker library: the need is a text
 * field and a month grid, and the libraries (react-day-picker, react-datepicker) bring a date library and
 * their own locale data for it; the parsing is pure and tested (day-text.ts).
 * Keys in the field: ↑/↓ a day later or earlier, Alt+↓ opens the month. In the month: arrows move by a day
 * or a week, Page Up/Down by a month, Enter picks, Escape closes.
 */
export function DayField({ id, value, onChange, invalid, describedBy }: DayFieldProps) {
  const { t } = useI18n();
  const [text, setText] = useState(() => dayText(value));
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);

  // A value set from outside (cleared filters, a prefilled day) replaces the text; the operator's own typing,
  // which gave that value, is left as typed until the field is left. Adjusted while rendering, as React
  // recommends for state that follows a prop.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (parseDayText(text) !== value && text !== value) setText(dayText(value));
  }

  const type = (next: string) => {
    setText(next);
    const parsed = parseDayText(next);
    onChange(parsed === null ? next : parsed);
  };
  const pick = (day: string) => {
    setText(dayText(day));
    onChange(day);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const parsed = parseDayText(text);
    if (event.altKey && event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
    } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const from = parsed || dayOf(Date.now());
      pick(parsed ? addDays(from, event.key === 'ArrowUp' ? 1 : -1) : from);
    }
  };

  return (
    <div className="day-field" ref={wrapper}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('date.placeholder')}
        value={text}
        onChange={(event) => type(event.target.value)}
        onBlur={() => {
          const parsed = parseDayText(text);
          if (parsed) setText(dayText(parsed));
        }}
        onKeyDown={onKeyDown}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      <button
        type="button"
        className="day-field-button"
        aria-label={t('date.choose')}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((now) => !now)}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M4 1v2M12 1v2M2 5h12M2.5 3h11v11h-11z" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
      {open && (
        <MonthPicker
          selected={parseDayText(text) || null}
          onPick={(day) => {
            pick(day);
            setOpen(false);
            document.getElementById(id)?.focus();
          }}
          onClose={() => {
            setOpen(false);
            document.getElementById(id)?.focus();
          }}
          container={wrapper}
        />
      )}
    </div>
  );
}

function MonthPicker({
  selected,
  onPick,
  onClose,
  container,
}: {
  selected: string | null;
  onPick(day: string): void;
  onClose(): void;
  container: RefObject<HTMLDivElement | null>;
}) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const [today] = useState(() => dayOf(Date.now()));
  const [focused, setFocused] = useState(selected ?? today);
  const year = Number(focused.slice(0, 4));
  const month = Number(focused.slice(5, 7));
  const grid = useRef<HTMLTableElement>(null);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-day="${focused}"]`)?.focus();
  }, [focused]);
  // A click elsewhere closes the month, as a native picker does.
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [container, onClose]);

  const monthTitle = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1));
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  const dayName = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
  // 5 January 2026 was a Monday: the weekday names from Monday on.
  const weekdays = Array.from({ length: 7 }, (_, i) => weekday.format(new Date(2026, 0, 5 + i)));
  const shiftMonth = (by: number) => {
    const target = new Date(year, month - 1 + by, 1);
    const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
    const day = Math.min(Number(focused.slice(8, 10)), last);
    setFocused(`${target.getFullYear()}-${String(target.getMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => void> = {
      ArrowLeft: () => setFocused(addDays(focused, -1)),
      ArrowRight: () => setFocused(addDays(focused, 1)),
      ArrowUp: () => setFocused(addDays(focused, -7)),
      ArrowDown: () => setFocused(addDays(focused, 7)),
      PageUp: () => shiftMonth(-1),
      PageDown: () => shiftMonth(1),
      Escape: onClose,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    move();
  };

  return (
    <div className="day-picker" role="dialog" aria-modal="false" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <div className="day-picker-head">
        <button type="button" className="button button-quiet" aria-label={t('date.previousMonth')} onClick={() => shiftMonth(-1)}>
          ‹
        </button>
        <span id={titleId} className="day-picker-title" aria-live="polite">
          {monthTitle}
        </span>
        <button type="button" className="button button-quiet" aria-label={t('date.nextMonth')} onClick={() => shiftMonth(1)}>
          ›
        </button>
      </div>
      <table ref={grid} role="grid" aria-labelledby={titleId}>
        <thead>
          <tr>
            {weekdays.map((name) => (
              <th key={name} scope="col" abbr={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(year, month).map((week, index) => (
            <tr key={index}>
              {week.map((day, column) =>
                day === null ? (
                  <td key={`empty-${column}`} />
                ) : (
                  <td key={day}>
                    <button
                      type="button"
                      data-day={day}
                      tabIndex={day === focused ? 0 : -1}
                      aria-label={dayName.format(new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))))}
                      aria-pressed={day === selected}
                      className={day === today ? 'day-picker-today' : undefined}
                      onClick={() => onPick(day)}
                    >
                      {Number(day.slice(8, 10))}
                    </button>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
