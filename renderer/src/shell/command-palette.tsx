import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../api/api-context';
import { toAppErrorShape } from '../errors/app-error';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';
import { formatMoney } from '../money/money';
import { statusKey } from '../workspaces/bills/bill-status-badge';
import { customerName } from '../workspaces/customers/customer-columns';
import {
  loadRecent,
  pushRecent,
  rankCommands,
  saveRecent,
  type PaletteCommand,
  type PaletteGroup,
  type RecentEntry,
} from './palette-model';
import { useRecordSearch } from './record-search';
import { detailHash } from './workspaces';
import { Modal } from '../dialogs/modal';

interface PaletteOption {
  key: string;
  group: PaletteGroup;
  title: string;
  detail?: string;
  keys?: string;
  /** What "recent" remembers of it. */
  recent: RecentEntry;
  run(): void;
}

const GROUP_LABELS: Readonly<Record<PaletteGroup, MessageKey>> = {
  recent: 'palette.group.recent',
  navigation: 'palette.group.navigation',
  actions: 'palette.group.actions',
  bills: 'palette.group.bills',
  customers: 'palette.group.customers',
};

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const open = (hash: string) => {
  window.location.hash = hash;
};

/**
 * Ctrl/Cmd+K: one field to go anywhere, run any action, or open a bill or a customer by number or name. A
 * native modal <dialog> (focus kept inside, Escape closes, focus given back); the field is a combobox whose
 * options are read with aria-activedescendant, so the keys stay in the field.
 */
export function CommandPalette({ commands, onClose }: { commands: readonly PaletteCommand[]; onClose(): void }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState(() => loadRecent(storage()));
  const hits = useRecordSearch(api, query);

  const options = useMemo<PaletteOption[]>(() => {
    const ofCommand = (command: PaletteCommand, group: PaletteGroup = command.group): PaletteOption => ({
      key: `${group}:${command.id}`,
      group,
      title: command.title,
      ...(command.keys ? { keys: command.keys } : {}),
      recent: { kind: 'command', id: command.id },
      run: command.run,
    });
    const bills: PaletteOption[] = hits.bills.map((bill) => {
      const detail = t('palette.bill.detail', {
        customer: bill.organisation ? `${bill.customer} (${bill.organisation})` : bill.customer,
        amount: formatMoney(bill.amountcents, bill.currency, locale),
        status: t(statusKey(bill.status)),
      });
      const title = t('palette.bill', { id: bill.id });
      return {
        key: `bill:${bill.id}`,
        group: 'bills',
        title: bill.title ? `${title} · ${bill.title}` : title,
        detail,
        recent: { kind: 'bill', id: bill.id, title: bill.title ? `${title} · ${bill.title}` : title, detail },
        run: () => open(detailHash('bills', bill.id)),
      };
    });
    const customers: PaletteOption[] = hits.customers.map((customer) => {
      const title = customerName(customer);
      const detail = t('palette.customer.detail', { organisation: customer.organisation, email: customer.email }).trim();
      return {
        key: `customer:${customer.id}`,
        group: 'customers',
        title,
        detail,
        recent: { kind: 'customer', id: customer.id, title, detail },
        run: () => open(detailHash('customers', customer.id)),
      };
    });
    if (query.trim() === '') {
      const byId = new Map(commands.map((command) => [command.id, command]));
      const recents = recent.flatMap<PaletteOption>((entry) => {
        if (entry.kind === 'command') {
          const command = byId.get(entry.id);
          return command ? [ofCommand(command, 'recent')] : [];
        }
        const workspace = entry.kind === 'bill' ? 'bills' : 'customers';
        return [
          {
            key: `recent:${entry.kind}:${entry.id}`,
            group: 'recent',
            title: entry.title,
            detail: entry.detail,
            recent: entry,
            run: () => open(detailHash(workspace, entry.id)),
          },
        ];
      });
      return [...recents, ...commands.map((command) => ofCommand(command))];
    }
    const ranked = rankCommands(commands, query).map((command) => ofCommand(command));
    // A typed number is a bill first; words find commands first, then records.
    return hits.bills[0]?.id !== undefined && /^\D*\d+$/.test(query.trim())
      ? [...bills, ...customers, ...ranked]
      : [...ranked, ...bills, ...customers];
  }, [commands, query, recent, hits.bills, hits.customers, t, locale]);

  const current = Math.min(active, Math.max(0, options.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  // Run once the dialog has closed and given the focus back, so what the option opens keeps its own focus.
  const chosen = useRef<PaletteOption | null>(null);
  const choose = (option: PaletteOption | undefined) => {
    if (!option) return;
    const next = pushRecent(recent, option.recent);
    setRecent(next);
    saveRecent(storage(), next);
    chosen.current = option;
    dialogRef.current?.close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count > 0) setActive((current + (event.key === 'ArrowDown' ? 1 : -1) + count) % count);
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      if (count > 0) setActive(Math.max(0, Math.min(count - 1, current + (event.key === 'PageDown' ? 8 : -8))));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[current]);
    }
  };

  const groups = [...new Set(options.map((option) => option.group))];
  // No site yet: the commands are all there is, and nothing to say about records.
  const shape = hits.error !== null ? toAppErrorShape(hits.error) : null;
  const error = shape && shape.code !== 'no_active_profile' ? shape : null;
  return (
    <Modal
      ref={dialogRef}
      className="dialog palette"
      data-keyboard="palette"
      label={t('palette.title')}
      onClose={() => {
        onClose();
        chosen.current?.run();
      }}
    >
      <input
        role="combobox"
        aria-label={t('palette.input')}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        className="palette-input"
        placeholder={t('palette.placeholder')}
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={`${id}-list`} role="listbox" aria-label={t('palette.options')} className="palette-list">
        {groups.map((group) => (
          <div key={group} role="group" aria-labelledby={`${id}-${group}`} className="palette-group">
            <p id={`${id}-${group}`} className="palette-group-title" role="presentation">
              {t(GROUP_LABELS[group])}
            </p>
            {options.map((option, index) =>
              option.group !== group ? null : (
                <div
                  key={option.key}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === current}
                  className={index === current ? 'palette-option is-active' : 'palette-option'}
                  onMouseMove={() => index !== current && setActive(index)}
                  onClick={() => choose(option)}
                >
                  <span className="palette-option-title">{option.title}</span>
                  {option.detail && <span className="palette-option-detail muted">{option.detail}</span>}
                  {option.keys && <kbd className="palette-option-keys">{option.keys}</kbd>}
                </div>
              ),
            )}
          </div>
        ))}
      </div>
      <p className="palette-status muted" role="status">
        {hits.busy
          ? t('palette.searching')
          : error
            ? t('palette.searchFailed', { message: error.message })
            : options.length === 0
              ? t('palette.empty', { query: query.trim() })
              : t('palette.help')}
      </p>
    </Modal>
  );
}
