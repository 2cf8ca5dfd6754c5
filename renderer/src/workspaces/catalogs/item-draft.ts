import { encodeHandlerParams, parseHandlerParams } from '../../../../shared/handler-params';
import type { FieldIssue } from '../../../../shared/catalogs/field-issue';
import type { CatalogDetail, ItemDraftInput, ItemView } from '../../../../shared/contract/catalogs';
import { centsToInput, parseMoneyToCents } from '../../money/money';
import type { TierInput } from './price-tiers-field';

/** An item as the form holds it: text where the operator types numbers, parameters as a map. */
export interface ItemForm {
  draft: ItemDraftInput;
  tiers: TierInput[];
  params: Record<string, string>;
  /** The parameter string as loaded: kept as it is when the form's parameters did not change. */
  originalParams: string;
}

export function formOf(item: ItemDraftInput, locale: string): ItemForm {
  return {
    draft: item,
    tiers: item.prices.map((tier) => ({ fromquantity: String(tier.fromquantity), price: centsToInput(tier.unitcents, locale) })),
    params: parseHandlerParams(item.handlerparams),
    originalParams: item.handlerparams,
  };
}

export function draftOf(item: ItemView): ItemDraftInput {
  const {
    sold: _sold,
    origin: _origin,
    masterItemId: _master,
    localState: _state,
    localOnly: _local,
    undoable: _undoable,
    ...draft
  } = item;
  return draft;
}

export function newItem(detail: CatalogDetail): ItemDraftInput {
  const own = detail.categories.find((c) => !c.inherited) ?? detail.categories[0];
  return {
    id: 0,
    catalogid: detail.catalog.id,
    categoryid: own?.id ?? 0,
    code: '',
    shortname: '',
    name: '',
    idnumber: '',
    description: '',
    notes: '',
    eula: '',
    prices: [{ fromquantity: 1, unitcents: 0 }],
    taxcode: detail.taxes[0]?.id ?? 0,
    stock: 0,
    status: 'PREVIEW',
    maxdeliveryquant: 0,
    onlyforloggedin: 0,
    seatmode: 0,
    renewable: 0,
    type: 'plain',
    setid: 0,
    requireddata: '',
    enablehandler: '',
    handlerparams: '',
  };
}

function sameParams(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? '') !== (b[key] ?? '')) return false;
  return true;
}

/**
 * The item to send, and what in the form cannot even be read (a price that is not an amount). Unchanged
 * parameters keep their original string, so saving an item never rewrites parameters nobody touched.
 */
export function toDraft(form: ItemForm): { item: ItemDraftInput; unreadable: FieldIssue[] } {
  const unreadable: FieldIssue[] = [];
  const prices = form.tiers.map((tier, index) => {
    const quantity = Number(tier.fromquantity.trim());
    if (tier.fromquantity.trim() === '' || !Number.isSafeInteger(quantity))
      unreadable.push({ field: `prices.${index}.fromquantity`, code: 'notInteger', message: 'Enter a whole quantity.' });
    const parsed = parseMoneyToCents(tier.price);
    if (!parsed.ok)
      unreadable.push({ field: `prices.${index}.unitcents`, code: 'priceUnreadable', message: 'Enter an amount, such as 120.50.' });
    return { fromquantity: Number.isSafeInteger(quantity) ? quantity : 0, unitcents: parsed.ok ? parsed.cents : 0 };
  });
  const params = sameParams(form.params, parseHandlerParams(form.originalParams))
    ? form.originalParams
    : encodeHandlerParams(form.draft.enablehandler, form.params);
  return { item: { ...form.draft, prices, handlerparams: form.draft.enablehandler === '' ? '' : params }, unreadable };
}
