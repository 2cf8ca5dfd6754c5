import { useEffect, useId, useRef, type RefObject } from 'react';
import type { CatalogDetail, ItemDraftInput, ItemView } from '../../../../shared/contract/catalogs';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { usePaletteActions } from '../../shell/palette-actions';
import { isMac } from '../../shell/platform';
import { isShortcut } from '../../shell/shortcut-registry';
import { HandlerParamsForm } from './handler-params-form';
import { ItemOrigin, ItemToolbar } from './item-actions';
import { ItemDeliveryFields, ItemIdentityFields, ItemPlacementFields, ItemTextFields } from './item-fields';
import { PriceTiersField } from './price-tiers-field';
import { RequiredDataField } from './required-data-field';
import { SetMembers } from './set-members';
import { useItemForm } from './use-item-form';

interface Props {
  detail: CatalogDetail;
  /** The item as shown (null: a new item). */
  item: ItemView | null;
  initial: ItemDraftInput;
  currency: string;
  onSaved(detail: CatalogDetail, id: number): void;
  onClose(): void;
  pushed: boolean;
}

/**
 * One item with every field the shop has. The same checks as the core run as the operator saves (the
 * shared validation), so a refusal shows at once on its field; the core checks again and queues nothing
 * while anything is wrong. In a slave, a master's item is read-only until copied (override); an override
 * can be freed, which shows the master's again. The state and the save are useItemForm's.
 */
export function ItemEditor({ detail, item, initial, currency, onSaved, onClose, pushed }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const state = useItemForm({ id, detail, item, initial, onSaved });
  const { form, draft, readOnly, changed, issues, setDraft } = state;
  const formRef = useRef<HTMLFormElement>(null);
  usePaletteActions(
    'catalog-item',
    readOnly
      ? []
      : [{ id: 'catalogs.save', group: 'actions', title: t('palette.action.saveProduct'), run: () => formRef.current?.requestSubmit() }],
  );
  useSaveShortcut(formRef, changed);

  const title = item ? `${item.code} · ${item.name}` : t('catalogs.item.new');
  const section = { id, draft, issues, setDraft };
  return (
    <section
      className="detail-panel item-editor"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        // Escape closes the product when nothing is left unsaved in it.
        if (isShortcut('detail.close', event, isMac) && !changed) onClose();
      }}
    >
      <header className="detail-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" className="button button-quiet" onClick={onClose} aria-label={t('catalogs.item.close')}>
          ×
        </button>
      </header>
      {!readOnly && <ItemToolbar formId={`${id}-form`} detail={detail} item={item} state={state} onSaved={onSaved} onClose={onClose} />}
      <div className="detail-body">
        {item && <ItemOrigin detail={detail} item={item} state={state} onSaved={onSaved} pushed={pushed} />}
        <form ref={formRef} id={`${id}-form`} onSubmit={state.submit} noValidate aria-label={title} className="item-form">
          <fieldset disabled={readOnly} className="plain-fieldset">
            <ItemIdentityFields {...section} />
            <ItemPlacementFields {...section} detail={detail} />
            <PriceTiersField id={`${id}-prices`} tiers={form.tiers} onChange={state.setTiers} issues={issues} currency={currency} />
            <ItemDeliveryFields {...section} readOnly={readOnly} />
            <RequiredDataField
              id={`${id}-requireddata`}
              value={draft.requireddata}
              onChange={(requireddata) => setDraft({ requireddata })}
              errors={issues['requireddata']}
            />
            <HandlerParamsForm
              id={`${id}-handler`}
              handler={draft.enablehandler}
              params={form.params}
              onHandler={state.setHandler}
              onParams={state.setParams}
              issues={issues}
              check={state.check}
              onCheck={state.onCheck}
              encode={state.encodeParams}
            />
            <ItemTextFields {...section} />
          </fieldset>
          {state.failure !== null && <ErrorNotice error={state.failure} onDismiss={state.dismissFailure} />}
          {state.attempted && state.localIssues.length > 0 && (
            <p className="field-error" role="alert">
              {t('catalogs.item.fixFirst', { count: state.localIssues.length })}
            </p>
          )}
          {item && item.prices.length > 0 && (
            <p className="muted">{t('catalogs.item.fromPrice', { price: formatMoney(item.prices[0]!.unitcents, currency, locale) })}</p>
          )}
        </form>
        {item && !readOnly && (item.type === 'set' || item.type === 'bundle') && item.id > 0 && (
          <SetMembers detail={detail} set={item} onSaved={(d) => onSaved(d, item.id)} />
        )}
      </div>
    </section>
  );
}

/**
 * Ctrl/Cmd+S saves from anywhere while the product is open (the browser would save the page): the Save
 * button sits above the long form, and the key reaches it without scrolling. Nothing changed, nothing to
 * save (the button says so too, aria-disabled); a dialog open over the product keeps the key.
 */
function useSaveShortcut(formRef: RefObject<HTMLFormElement | null>, changed: boolean): void {
  const changedRef = useRef(changed);
  useEffect(() => {
    changedRef.current = changed;
  }, [changed]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { key, ctrlKey, metaKey, altKey, shiftKey } = event;
      if (!isShortcut('editor.save', { key, ctrlKey, metaKey, altKey, shiftKey }, isMac)) return;
      event.preventDefault();
      if (changedRef.current && document.querySelector('dialog[open]') === null) formRef.current?.requestSubmit();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [formRef]);
}
