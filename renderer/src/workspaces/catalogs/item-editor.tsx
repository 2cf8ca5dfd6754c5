import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { itemIssues } from '../../../../shared/catalogs/item-validation';
import {
  ITEM_STATUSES,
  ITEM_TYPES,
  type CatalogDetail,
  type HandlerCheck,
  type ItemDraftInput,
  type ItemView,
} from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { TextField } from '../../forms/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { usePaletteActions } from '../../shell/palette-actions';
import { isMac } from '../../shell/platform';
import { ariaKeys, comboKeys, isShortcut, shortcut } from '../../shell/shortcut-registry';
import { describedBy, FieldFrame } from './field-frame';
import { HandlerParamsForm } from './handler-params-form';
import { HtmlField } from './html-field';
import { issueMap, issuesOfError, type IssueMap } from './issue-messages';
import { formOf, toDraft, type ItemForm } from './item-draft';
import { PriceTiersField } from './price-tiers-field';
import { RequiredDataField } from './required-data-field';
import { SetMembers } from './set-members';
import { StateMarker } from './state-marker';

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
 * can be freed, which shows the master's again.
 */
export function ItemEditor({ detail, item, initial, currency, onSaved, onClose, pushed }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const id = useId();
  const [form, setForm] = useState<ItemForm>(() => formOf(initial, locale));
  const [saved, setSaved] = useState(() => JSON.stringify(toDraft(formOf(initial, locale)).item));
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<IssueMap>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<HandlerCheck | null>(null);
  const [checked, setChecked] = useState(false);
  const readOnly = item?.origin === 'master';
  const formRef = useRef<HTMLFormElement>(null);
  const saveHint = comboKeys(shortcut('editor.save').combos[0]!, isMac, { space: '', enter: '', escape: '' }).join('+');
  usePaletteActions(
    'catalog-item',
    readOnly
      ? []
      : [{ id: 'catalogs.save', group: 'actions', title: t('palette.action.saveProduct'), run: () => formRef.current?.requestSubmit() }],
  );
  const { item: draft, unreadable } = toDraft(form);
  const changed = JSON.stringify(draft) !== saved;
  const changedRef = useRef(changed);
  useEffect(() => {
    changedRef.current = changed;
  }, [changed]);
  // Ctrl/Cmd+S saves from anywhere while the product is open (the browser would save the page): the Save
  // button sits above the long form, and the key reaches it without scrolling.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { key, ctrlKey, metaKey, altKey, shiftKey } = event;
      if (!isShortcut('editor.save', { key, ctrlKey, metaKey, altKey, shiftKey }, isMac)) return;
      event.preventDefault();
      // Nothing changed: nothing to save (the button says so too, aria-disabled).
      if (changedRef.current && document.querySelector('dialog[open]') === null) formRef.current?.requestSubmit();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const localIssues = useMemo(() => {
    const own = detail.items.filter((i) => i.catalogid === draft.catalogid && i.id !== draft.id);
    return [
      ...unreadable,
      ...itemIssues(draft, {
        codeTaken: (code) => own.some((i) => i.code.trim() === code),
        validSet: (setid) => own.some((i) => i.id === setid && (i.type === 'set' || i.type === 'bundle')),
      }).filter((found) => !unreadable.some((u) => u.field === found.field)),
    ];
  }, [draft, unreadable, detail.items]);
  const issues: IssueMap = attempted ? { ...issueMap(localIssues, t), ...serverIssues } : serverIssues;
  const setDraft = (patch: Partial<ItemDraftInput>) => {
    setServerIssues({});
    setForm((current) => ({ ...current, draft: { ...current.draft, ...patch } }));
  };

  const run = async (
    action: () => Promise<CatalogDetail | { detail: CatalogDetail; itemId: number }>,
    then?: (d: CatalogDetail, itemId: number) => void,
  ) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await action();
      const next = 'detail' in answer ? answer.detail : answer;
      then?.(next, 'itemId' in answer ? answer.itemId : draft.id);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || readOnly) return;
    setAttempted(true);
    if (localIssues.length > 0) {
      focusFirst(id, issueMap(localIssues, t));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const next = await api.invoke('catalogs.saveItem', {
        item: draft,
        ...(checked && draft.enablehandler !== '' ? { checkOnSite: true } : {}),
      });
      const savedItem =
        draft.id !== 0
          ? next.items.find((i) => i.id === draft.id)
          : next.items.filter((i) => i.catalogid === draft.catalogid && i.code === draft.code.trim()).at(-1);
      setSaved(JSON.stringify(draft));
      onSaved(next, savedItem?.id ?? draft.id);
    } catch (error) {
      const shape = toAppErrorShape(error);
      const found = issuesOfError(shape);
      if (found) {
        const map = issueMap(found, t);
        setServerIssues(map);
        focusFirst(id, map);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const categories = detail.categories;
  const sets = detail.items.filter(
    (i) => i.catalogid === draft.catalogid && (i.type === 'set' || i.type === 'bundle') && i.id !== draft.id,
  );
  const title = item ? `${item.code} · ${item.name}` : t('catalogs.item.new');
  const numberField = (name: 'stock' | 'maxdeliveryquant') => (
    <FieldFrame id={`${id}-${name}`} label={t(`catalogs.item.${name}`)} errors={issues[name]}>
      <input
        id={`${id}-${name}`}
        type="number"
        min={0}
        step={1}
        value={String(draft[name])}
        disabled={readOnly}
        onChange={(event) => setDraft({ [name]: event.target.value === '' ? 0 : Number(event.target.value) })}
        {...describedBy(`${id}-${name}`, issues[name])}
      />
    </FieldFrame>
  );
  const flag = (name: 'renewable' | 'seatmode' | 'onlyforloggedin') => (
    <label className="check-field" key={name}>
      <input
        type="checkbox"
        checked={draft[name] === 1}
        disabled={readOnly}
        onChange={(event) => setDraft({ [name]: event.target.checked ? 1 : 0 })}
      />{' '}
      {t(`catalogs.item.${name}`)}
    </label>
  );

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
      {!readOnly && (
        <div className="form-actions detail-toolbar">
          <button
            type="submit"
            form={`${id}-form`}
            className="button button-primary"
            aria-disabled={busy || !changed}
            aria-keyshortcuts={ariaKeys('editor.save', isMac)}
            title={saveHint}
          >
            {busy ? t('common.working') : t('catalogs.item.save')}
          </button>
          {changed && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setForm(formOf(initial, locale));
                setServerIssues({});
                setAttempted(false);
              }}
            >
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
      )}
      <div className="detail-body">
        {item && (
          <p className="item-origin">
            <span className={`badge origin-${item.origin}`}>{t(`catalogs.origin.${item.origin}`)}</span>{' '}
            <StateMarker state={item.localState} pushed={pushed} />
          </p>
        )}
        {readOnly && item && (
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
        {item?.origin === 'override' && (
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
        <form ref={formRef} id={`${id}-form`} onSubmit={submit} noValidate aria-label={title} className="item-form">
          <fieldset disabled={readOnly} className="plain-fieldset">
            <div className="field-row">
              <TextField
                id={`${id}-code`}
                label={t('catalogs.item.code')}
                value={draft.code}
                onChange={(code) => setDraft({ code })}
                errors={issues['code']}
                spellCheck={false}
              />
              <TextField
                id={`${id}-shortname`}
                label={t('catalogs.item.shortname')}
                value={draft.shortname}
                onChange={(shortname) => setDraft({ shortname })}
                errors={issues['shortname']}
                spellCheck={false}
              />
              <TextField
                id={`${id}-idnumber`}
                label={t('catalogs.item.idnumber')}
                value={draft.idnumber}
                onChange={(idnumber) => setDraft({ idnumber })}
                errors={issues['idnumber']}
                spellCheck={false}
              />
            </div>
            <TextField
              id={`${id}-name`}
              label={t('catalogs.item.name')}
              value={draft.name}
              onChange={(name) => setDraft({ name })}
              errors={issues['name']}
            />
            <div className="field-row">
              <FieldFrame id={`${id}-category`} label={t('catalogs.item.category')} errors={issues['categoryid']}>
                <select
                  id={`${id}-category`}
                  value={draft.categoryid}
                  onChange={(event) => setDraft({ categoryid: Number(event.target.value) })}
                  {...describedBy(`${id}-category`, issues['categoryid'])}
                >
                  {!categories.some((c) => c.id === draft.categoryid) && <option value={draft.categoryid}>—</option>}
                  {categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.inherited ? `${c.name} (${t('catalogs.origin.master')})` : c.name}
                    </option>
                  ))}
                </select>
              </FieldFrame>
              <FieldFrame id={`${id}-status`} label={t('catalogs.item.status')}>
                <select
                  id={`${id}-status`}
                  value={draft.status}
                  onChange={(event) => setDraft({ status: event.target.value as ItemDraftInput['status'] })}
                >
                  {ITEM_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`catalogs.status.${s}`)}
                    </option>
                  ))}
                </select>
              </FieldFrame>
            </div>
            <div className="field-row">
              <FieldFrame id={`${id}-type`} label={t('catalogs.item.type')}>
                <select
                  id={`${id}-type`}
                  value={draft.type}
                  onChange={(event) => setDraft({ type: event.target.value as ItemDraftInput['type'] })}
                >
                  {ITEM_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`catalogs.type.${type}`)}
                    </option>
                  ))}
                </select>
              </FieldFrame>
              <FieldFrame id={`${id}-set`} label={t('catalogs.item.setid')} errors={issues['setid']}>
                <select
                  id={`${id}-set`}
                  value={draft.setid}
                  onChange={(event) => setDraft({ setid: Number(event.target.value) })}
                  {...describedBy(`${id}-set`, issues['setid'])}
                >
                  <option value={0}>{t('catalogs.item.noSet')}</option>
                  {draft.setid !== 0 && !sets.some((s) => s.id === draft.setid) && <option value={draft.setid}>#{draft.setid}</option>}
                  {sets.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.code} · {s.name}
                    </option>
                  ))}
                </select>
              </FieldFrame>
              <FieldFrame id={`${id}-tax`} label={t('catalogs.item.taxcode')} errors={issues['taxcode']}>
                <select
                  id={`${id}-tax`}
                  value={draft.taxcode}
                  onChange={(event) => setDraft({ taxcode: Number(event.target.value) })}
                  {...describedBy(`${id}-tax`, issues['taxcode'])}
                >
                  <option value={0}>{t('catalogs.item.noTax')}</option>
                  {detail.taxes.map((tax) => (
                    <option key={tax.id} value={tax.id}>
                      {tax.title} ({tax.country}, {(tax.ratio / 100).toLocaleString(locale)} %)
                    </option>
                  ))}
                </select>
              </FieldFrame>
            </div>
            <PriceTiersField
              id={`${id}-prices`}
              tiers={form.tiers}
              onChange={(tiers) => {
                setServerIssues({});
                setForm((current) => ({ ...current, tiers }));
              }}
              issues={issues}
              currency={currency}
            />
            <div className="field-row">
              {numberField('stock')}
              {numberField('maxdeliveryquant')}
            </div>
            <div className="check-row">
              {flag('renewable')}
              {flag('seatmode')}
              {flag('onlyforloggedin')}
            </div>
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
              onHandler={(enablehandler) => {
                setCheck(null);
                setChecked(false);
                setForm((current) => ({
                  ...current,
                  draft: { ...current.draft, enablehandler },
                  params: enablehandler === current.draft.enablehandler ? current.params : {},
                }));
              }}
              onParams={(params) => {
                setCheck(null);
                setServerIssues({});
                setForm((current) => ({ ...current, params }));
              }}
              issues={issues}
              check={check}
              onCheck={(next, ok) => {
                setCheck(next);
                setChecked(ok);
              }}
              encode={() => toDraft(form).item.handlerparams}
            />
            <HtmlField
              id={`${id}-description`}
              label={t('catalogs.item.description')}
              value={draft.description}
              onChange={(description) => setDraft({ description })}
              errors={issues['description']}
            />
            <HtmlField
              id={`${id}-notes`}
              label={t('catalogs.item.notes')}
              value={draft.notes}
              onChange={(notes) => setDraft({ notes })}
              errors={issues['notes']}
            />
            <HtmlField
              id={`${id}-eula`}
              label={t('catalogs.item.eula')}
              value={draft.eula}
              onChange={(eula) => setDraft({ eula })}
              errors={issues['eula']}
            />
          </fieldset>
          {failure !== null && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
          {attempted && localIssues.length > 0 && (
            <p className="field-error" role="alert">
              {t('catalogs.item.fixFirst', { count: localIssues.length })}
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

function focusFirst(id: string, issues: IssueMap): void {
  const first = Object.keys(issues)[0];
  if (!first) return;
  const target =
    first === 'code' || first === 'name' || first === 'shortname' || first === 'idnumber'
      ? `${id}-${first}`
      : first.startsWith('prices.')
        ? `${id}-prices-${first.endsWith('fromquantity') ? 'q' : 'p'}${first.split('.')[1]}`
        : first === 'requireddata'
          ? `${id}-requireddata`
          : first === 'categoryid'
            ? `${id}-category`
            : first.startsWith('handlerparams.')
              ? `${id}-handler-param-${first.slice('handlerparams.'.length)}`
              : first === 'enablehandler'
                ? `${id}-handler-handler`
                : null;
  if (target) document.getElementById(target)?.focus();
}
