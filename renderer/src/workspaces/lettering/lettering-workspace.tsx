import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../../api/api-context';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { NoSiteNotice } from '../../shell/no-site-notice';
import { usePaletteActions } from '../../shell/palette-actions';
import type { CreditSuggestion, Suggestion } from '../../../../shared/contract/lettering';
import { AcceptExactDialog } from './accept-exact-dialog';
import { CreditNotesPanel } from './credit-notes-panel';
import { LetteringExportDialog } from './export-dialog';
import { ImportDialog } from './import-dialog';
import { LogPanel } from './log-panel';
import './lettering.css';
import { ManualMatchPanel } from './manual-match-panel';
import { MatchedPanel } from './matched-panel';
import { SuggestionsPanel } from './suggestions-panel';
import { useLetteringOverview } from './use-lettering';

const TABS = ['suggestions', 'creditNotes', 'manual', 'matched', 'log'] as const;
type Tab = (typeof TABS)[number];

/**
 * Letter-matching for accountants: import the formal invoices, accept the exact suggestions at once, look
 * at the others, match the rest by hand, and undo what was wrong. Each match's lettering goes to the shop
 * through the outbox.
 */
export function LetteringWorkspace() {
  const api = useApi();
  const { t, format } = useI18n();
  const overview = useLetteringOverview();
  const [tab, setTab] = useState<Tab>('suggestions');
  const [dialog, setDialog] = useState<'import' | 'xlsx' | 'fec' | null>(null);
  const [confirmingExact, setConfirmingExact] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    suggestions: null,
    creditNotes: null,
    manual: null,
    matched: null,
    log: null,
  });

  const value = overview.value;
  const bills = useMemo(() => new Map((value?.bills ?? []).map((b) => [b.id, b])), [value]);
  const invoices = useMemo(() => new Map((value?.invoices ?? []).map((i) => [i.id, i])), [value]);
  // "Accept all exact" takes the credit notes' exact suggestions too: the same rules of trust.
  const exactCount =
    (value?.suggestions.filter((s) => s.kind === 'exact').length ?? 0) +
    (value?.creditSuggestions.filter((s) => s.kind === 'exact').length ?? 0);

  usePaletteActions('lettering', [
    { id: 'lettering.import', group: 'actions', title: t('palette.action.importInvoices'), run: () => setDialog('import') },
    { id: 'lettering.xlsx', group: 'actions', title: t('palette.action.exportLetteringXlsx'), run: () => setDialog('xlsx') },
    { id: 'lettering.fec', group: 'actions', title: t('palette.action.exportLetteringFec'), run: () => setDialog('fec') },
  ]);

  if (toAppErrorShape(overview.error).code === 'no_active_profile' && !value) return <NoSiteNotice text={t('lettering.noSite')} />;

  // Asked first (accept-exact-dialog.tsx); exactly the suggestions listed there are accepted. The dialog runs
  // this as its action: busy while it runs, the refusal shown there, closed once done.
  const acceptExact = async (exact: readonly Suggestion[], creditExact: readonly CreditSuggestion[]) => {
    const asked = exact.length + creditExact.length;
    setNotice(null);
    const keys = [...exact.map((s) => s.key), ...creditExact.map((s) => s.key)];
    const result = await api.invoke('lettering.acceptExact', { keys });
    setNotice(
      result.accepted === asked
        ? t('lettering.acceptExact.done', { count: format.number(result.accepted) })
        : t('lettering.acceptExact.partial', { accepted: format.number(result.accepted), count: format.number(asked) }),
    );
    overview.reload();
  };

  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="lettering-workspace">
      <div className="table-toolbar lettering-toolbar">
        <button type="button" className="button" onClick={() => setDialog('import')}>
          {t('lettering.import')}
        </button>
        <button
          type="button"
          className="button button-primary"
          aria-disabled={exactCount === 0}
          onClick={() => {
            if (exactCount > 0) setConfirmingExact(true);
          }}
        >
          {t('lettering.acceptExact', { count: format.number(exactCount) })}
        </button>
        <button type="button" className="button" onClick={() => setDialog('xlsx')}>
          {t('lettering.exportXlsx')}
        </button>
        <button type="button" className="button" onClick={() => setDialog('fec')}>
          {t('lettering.exportFec')}
        </button>
        <span className="table-summary" data-lettering-summary>
          {value
            ? t('lettering.summary', {
                bills: format.number(value.bills.length),
                invoices: format.number(value.invoices.length),
                matched: format.number(value.matchedCount),
                ms: format.number(value.ms),
              })
            : t('app.loading')}
          {value && value.awaitingPaymentCount > 0 && (
            <> · {t('lettering.summary.awaitingPayment', { count: format.number(value.awaitingPaymentCount) })}</>
          )}
        </span>
      </div>
      {notice && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {overview.error !== null && <ErrorNotice error={overview.error} onRetry={overview.reload} />}
      <div role="tablist" aria-label={t('workspace.lettering')} className="status-tabs lettering-tabs" onKeyDown={onTabKey}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`lettering-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`lettering-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="status-tab"
            onClick={() => setTab(name)}
          >
            {t(`lettering.tab.${name}`)}
            {name === 'suggestions' && value && <span className="status-tab-count">{format.number(value.suggestions.length)}</span>}
            {name === 'creditNotes' && value && <span className="status-tab-count">{format.number(value.creditNotes.length)}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`lettering-panel-${tab}`} aria-labelledby={`lettering-tab-${tab}`} className="lettering-tabpanel">
        {tab === 'suggestions' && value && (
          <SuggestionsPanel suggestions={value.suggestions} bills={bills} invoices={invoices} onAccepted={overview.reload} />
        )}
        {tab === 'creditNotes' && value && (
          <CreditNotesPanel
            creditNotes={value.creditNotes}
            suggestions={value.creditSuggestions}
            invoices={invoices}
            onAccepted={overview.reload}
          />
        )}
        {tab === 'manual' && value && (
          <ManualMatchPanel bills={value.bills} invoices={value.invoices} suggestions={value.suggestions} onMatched={overview.reload} />
        )}
        {tab === 'matched' && <MatchedPanel />}
        {tab === 'log' && <LogPanel />}
      </div>
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} onImported={overview.reload} />}
      {(dialog === 'xlsx' || dialog === 'fec') && <LetteringExportDialog kind={dialog} onClose={() => setDialog(null)} />}
      {confirmingExact && value && (
        <AcceptExactDialog
          exact={value.suggestions.filter((s) => s.kind === 'exact')}
          creditNotes={value.creditSuggestions.filter((s) => s.kind === 'exact').length}
          bills={bills}
          invoices={invoices}
          onConfirm={() =>
            acceptExact(
              value.suggestions.filter((s) => s.kind === 'exact'),
              value.creditSuggestions.filter((s) => s.kind === 'exact'),
            )
          }
          onClose={() => setConfirmingExact(false)}
        />
      )}
    </div>
  );
}
