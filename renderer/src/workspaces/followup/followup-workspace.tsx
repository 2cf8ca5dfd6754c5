import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ReceivablesPanel } from './receivables-panel';
import { RenewalsPanel } from './renewals-panel';
import './followup.css';

const TABS = ['receivables', 'renewals'] as const;
type Tab = (typeof TABS)[number];

/**
 * Follow-up (« Relances »): who owes us, by age, and whose products end soon, for accountants and sales
 * operators; from either list, a reminder to the customers selected. Two tabs, keyed like the Bills
 * workspace's status tabs (arrows, Home, End).
 */
export function FollowupWorkspace() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>(() => (window.location.hash.includes('/renewals') ? 'renewals' : 'receivables'));
  const list = useRef<HTMLDivElement>(null);
  const choose = (next: Tab) => {
    setTab(next);
    window.history.replaceState(null, '', `#/followup${next === 'renewals' ? '/renewals' : ''}`);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!;
    choose(target);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[TABS.indexOf(target)]?.focus();
  };
  return (
    <div className="followup-workspace">
      <div ref={list} role="tablist" aria-label={t('followup.tabs')} className="status-tabs" onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`followup-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`followup-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className="status-tab"
            onClick={() => choose(id)}
          >
            {t(`followup.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`followup-panel-${tab}`} aria-labelledby={`followup-tab-${tab}`} className="followup-panel">
        {tab === 'receivables' ? <ReceivablesPanel /> : <RenewalsPanel />}
      </div>
    </div>
  );
}
