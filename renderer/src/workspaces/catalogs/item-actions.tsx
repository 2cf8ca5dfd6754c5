import type { CatalogDetail, ItemView } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { isMac } from '../../shell/platform';
import { ariaKeys, comboKeys, shortcut } from '../../shell/shortcut-registry';
import { StateMarker } from './state-marker';
import type { ItemFormState } from './use-item-form';

interface ItemActionsProps {
  detail: CatalogDetail;
  /** The item as stored (null: a new item). */
  item: ItemView | null;
  state: ItemFormState;
  onSaved(detail: CatalogDetail, id: number): void;
  onClose(): void;
}

/**
 * Save sits above the long form (the form's submit, by its id); Cancel changes while anything is unsaved;
 * Undo and Delete only for the item as stored, so they never act on what is typed and not saved.
 */
export function ItemToolbar({ formId, detail, item, state, onSaved, onClose }: ItemActionsProps & { formId: string }) {
  const api = useApi();
  const { t } = useI18n();
  const { busy, changed, run } = state;
  const saveHint = comboKeys(shortcut('editor.save').combos[0]!, isMac, { space: '', enter: '', escape: '' }).join('+');
  return (
    <div className="form-actions detail-toolbar">
      <button
        type="submit"
        form={formId}
        className="button button-primary"
        aria-disabled={busy || !changed}
        aria-keyshortcuts={ariaKeys('editor.save', isMac)}
        title={saveHint}
      >
        {busy ? t('common.working') : t('catalogs.item.save')}
      </button>
      {changed && (
        <button type="button" className="button button-quiet" onClick={state.revert}>
          {t('catalogs.item.revert')}
        </button>
      )}
      {item && !changed && (item.localState === 'pending' || item.localState === 'parked') && (
        <button
          type="button"
          className="button"
          onClick={() =>
            void run(async () => {
              await api.invoke('catalogs.undo', { entity: 'catalogitems', id: item.id });
              return api.invoke('catalogs.get', { id: detail.catalog.id });
            }, onSaved)
          }
        >
          {t('catalogs.item.undo')}
        </button>
      )}
      {item && item.origin === 'own' && (
        <button
          type="button"
          className="button button-danger-quiet"
          onClick={() =>
            void run(
              () => api.invoke('catalogs.deleteItem', { id: item.id }),
              (d) => {
                onSaved(d, 0);
                onClose();
              },
            )
          }
        >
          {t('catalogs.item.delete')}
        </button>
      )}
    </div>
  );
}

/**
 * Where the item comes from in a master/slave pair, and the way out of it: a master's item is copied into
 * the slave to be edited (override), an override freed to show the master's again.
 */
export function ItemOrigin({
  detail,
  item,
  state,
  onSaved,
  pushed,
}: Omit<ItemActionsProps, 'item' | 'onClose'> & { item: ItemView; pushed: boolean }) {
  const api = useApi();
  const { t } = useI18n();
  const { busy, run } = state;
  return (
    <>
      <p className="item-origin">
        <span className={`badge origin-${item.origin}`}>{t(`catalogs.origin.${item.origin}`)}</span>{' '}
        <StateMarker state={item.localState} pushed={pushed} />
      </p>
      {state.readOnly && (
        <div className="notice" role="status">
          <p className="notice-text">{t('catalogs.item.masterReadOnly')}</p>
          <p className="notice-actions">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={busy}
              onClick={() =>
                void run(() => api.invoke('catalogs.overrideItem', { catalogId: detail.catalog.id, masterItemId: item.id }), onSaved)
              }
            >
              {t('catalogs.item.override')}
            </button>
          </p>
        </div>
      )}
      {item.origin === 'override' && (
        <p className="notice-actions">
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() =>
              void run(
                () => api.invoke('catalogs.freeItem', { id: item.id }),
                (d) => onSaved(d, item.masterItemId ?? 0),
              )
            }
          >
            {t('catalogs.item.free')}
          </button>
        </p>
      )}
    </>
  );
}
