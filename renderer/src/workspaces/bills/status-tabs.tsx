import { useRef, type KeyboardEvent } from 'react';
import { BILL_STATUSES, type BillStatus } from '../../../../shared/bills/bill-status';
import type { CommandOutput } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n-context';
import { statusKey } from './bill-status-badge';

interface StatusTabsProps {
  status: BillStatus | null;
  onChange(status: BillStatus | null): void;
  /** bills.counts under the filter without its status; undefined while loading. */
  counts: CommandOutput<'bills.counts'> | undefined;
  controls: string;
}

const tabs: readonly (BillStatus | null)[] = [null, ...BILL_STATUSES];

/** One tab per state, with how many bills each holds under the other filters. Arrows move between tabs. */
export function StatusTabs({ status, onChange, counts, controls }: StatusTabsProps) {
  const { t, format } = useI18n();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.indexOf(status);
    const next =
      event.key === 'ArrowRight'
        ? at + 1
        : event.key === 'ArrowLeft'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length] ?? null;
    onChange(target);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[tabs.indexOf(target)]?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label={t('bills.tabs')} className="status-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const count = counts ? (tab === null ? counts.total : (counts.byStatus[tab] ?? 0)) : null;
        const selected = tab === status;
        return (
          <button
            key={tab ?? 'all'}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={controls}
            tabIndex={selected ? 0 : -1}
            className={count === 0 ? 'status-tab status-tab-empty' : 'status-tab'}
            onClick={() => onChange(tab)}
          >
            {tab === null ? t('bills.tab.all') : t(statusKey(tab))}
            <span className="status-tab-count">{count === null ? '…' : format.number(count)}</span>
          </button>
        );
      })}
    </div>
  );
}
