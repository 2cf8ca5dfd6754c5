import { ITEM_STATUSES, ITEM_TYPES, type CatalogDetail, type ItemDraftInput } from '../../../../shared/contract/catalogs';
import { TextField } from '../../forms/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { describedBy, FieldFrame } from './field-frame';
import { HtmlField } from './html-field';
import type { IssueMap } from './issue-messages';

/** What every section of the product form gets: the ids' prefix, the item as typed, its issues, and the edit. */
export interface ItemSectionProps {
  id: string;
  draft: ItemDraftInput;
  issues: IssueMap;
  setDraft(patch: Partial<ItemDraftInput>): void;
}

/** How the shop and Moodle name the product: code, short name, id number, name. */
export function ItemIdentityFields({ id, draft, issues, setDraft }: ItemSectionProps) {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}

/**
 * Where the product sits and how it is sold: category, status, type, the set it belongs to, its tax. A value
 * the lists do not offer (a category or set since removed) stays shown, so saving does not change it silently.
 */
export function ItemPlacementFields({ id, draft, issues, setDraft, detail }: ItemSectionProps & { detail: CatalogDetail }) {
  const { t, locale } = useI18n();
  const categories = detail.categories;
  const sets = detail.items.filter(
    (i) => i.catalogid === draft.catalogid && (i.type === 'set' || i.type === 'bundle') && i.id !== draft.id,
  );
  return (
    <>
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
            <ItemStatusOptions />
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
    </>
  );
}

/** Stock and delivery: the quantities, and the shop's yes/no flags (renewable, seat mode, logged-in only). */
export function ItemDeliveryFields({ id, draft, issues, setDraft, readOnly }: ItemSectionProps & { readOnly: boolean }) {
  const { t } = useI18n();
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
    <>
      <div className="field-row">
        {numberField('stock')}
        {numberField('maxdeliveryquant')}
      </div>
      <div className="check-row">
        {flag('renewable')}
        {flag('seatmode')}
        {flag('onlyforloggedin')}
      </div>
    </>
  );
}

/** The product's texts as the shop shows them: description, notes, terms of sale. */
export function ItemTextFields({ id, draft, issues, setDraft }: ItemSectionProps) {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}

/** The statuses an item can have, as a select's options in the operator's language (the editor, bulk changes). */
export function ItemStatusOptions() {
  const { t } = useI18n();
  return ITEM_STATUSES.map((s) => (
    <option key={s} value={s}>
      {t(`catalogs.status.${s}`)}
    </option>
  ));
}
