import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';

/** What a drawn row must carry: its index, and the ref that measures it. */
export interface VirtualRowProps {
  'data-index': number;
  'aria-rowindex': number;
  ref(element: HTMLTableRowElement | null): void;
}

interface VirtualTableProps<R> {
  rows: readonly R[];
  /** A row's usual height in pixels, before it is measured. */
  estimate: number;
  label?: string;
  labelledBy?: string;
  head: ReactNode;
  /** The row as a <tr key=… {...props}>, so it can be measured and reached by the keyboard. */
  row(row: R, props: VirtualRowProps): ReactElement;
}

const KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End']);
/** Enough for any of the tables' columns: a spacer row spans them all. */
const ALL_COLUMNS = 20;

/**
 * A lettering table that holds any number of rows: thousands of open bills or invoices, a few dozen <tr> in the
 * DOM. It stays a real <table> (checkboxes, buttons, sticky header); what is above and below the drawn rows is
 * one spacer row each, there only when it has a height. Rows measure themselves (a customer on two lines is
 * taller). Up and Down (Page Up/Down, Home, End) move the focus to the same control of another row and scroll
 * it into view, so the keyboard reaches every row, drawn or not.
 */
export function VirtualTable<R>({ rows, estimate, label, labelledBy, head, row }: VirtualTableProps<R>) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const headRef = useRef<HTMLTableSectionElement | null>(null);
  const [headHeight, setHeadHeight] = useState(0);
  // The sticky header sits above the first row: rows start below it, and a row scrolled to stays clear of it.
  useLayoutEffect(() => {
    const height = headRef.current?.offsetHeight ?? 0;
    if (height !== headHeight) setHeadHeight(height);
  }, [headHeight]);
  const count = rows.length;
  // Virtual is built for this: the scroll position lives in the DOM, not in React state.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    overscan: 10,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length > 0 ? items[0]!.start - headHeight : 0;
  const after = items.length > 0 ? Math.max(0, virtualizer.getTotalSize() - (items.at(-1)!.end - headHeight)) : 0;

  // The row, and the control in it (by its first class), to focus once it is drawn.
  const pending = useRef<{ index: number; control: string } | null>(null);
  const focusPending = useCallback(() => {
    const target = pending.current;
    if (!target) return;
    const drawn = scrollRef.current?.querySelector(`tr[data-index="${target.index}"]`);
    const control = drawn?.querySelector<HTMLElement>(target.control ? `.${target.control}` : 'input, button');
    if (control) {
      control.focus();
      pending.current = null;
    }
  }, []);
  useEffect(focusPending);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const control = event.target;
    if (!(control instanceof HTMLInputElement || control instanceof HTMLButtonElement) || control.type === 'text') return;
    const from = control.closest<HTMLElement>('tr[data-index]');
    if (!from) return;
    const index = Number(from.dataset['index']);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? estimate * 10) / estimate) - 1);
    const next = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    }[event.key as 'ArrowDown'];
    event.preventDefault();
    const target = Math.min(count - 1, Math.max(0, next));
    if (target === index) return;
    pending.current = { index: target, control: control.classList[0] ?? '' };
    virtualizer.scrollToIndex(target, { align: 'auto' });
    focusPending();
  };

  return (
    <div className="lettering-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
      <table className="lettering-table" aria-label={label} aria-labelledby={labelledBy} aria-rowcount={count + 1}>
        <thead ref={headRef}>{head}</thead>
        <tbody>
          {before > 0 && (
            <tr className="lettering-spacer" aria-hidden="true" style={{ height: before }}>
              <td colSpan={ALL_COLUMNS} />
            </tr>
          )}
          {items.map((item) =>
            row(rows[item.index]!, { 'data-index': item.index, 'aria-rowindex': item.index + 2, ref: virtualizer.measureElement }),
          )}
          {after > 0 && (
            <tr className="lettering-spacer" aria-hidden="true" style={{ height: after }}>
              <td colSpan={ALL_COLUMNS} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
