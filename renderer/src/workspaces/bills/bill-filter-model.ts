import type { BillColumn, BillFilter } from '../../../../shared/contract';
import type { BillStatus } from '../../../../shared/bills/bill-status';
import { dayEnd, dayStart } from '../../dates/day-input';
import { parseMoneyToCents, type MoneyParseError } from '../../money/money';

/** The filter panel as typed: text until it is turned into the contract's BillFilter. */
export interface FilterForm {
  /** Emission days, YYYY-MM-DD or empty; or the text typed while it is no day (reported as an error). */
  from: string;
  to: string;
  paymode: string;
  /** Amounts in the operator's own notation, parsed to cents. */
  minAmount: string;
  maxAmount: string;
  lettered: 'any' | 'yes' | 'no';
  customer: { id: number; label: string } | null;
  productCode: string;
}

export const emptyFilterForm: FilterForm = {
  from: '',
  to: '',
  paymode: '',
  minAmount: '',
  maxAmount: '',
  lettered: 'any',
  customer: null,
  productCode: '',
};

export type FilterField = 'from' | 'to' | 'minAmount' | 'maxAmount';
export type FilterFieldError = MoneyParseError | 'day' | 'order';

export interface FormFilter {
  /** What the valid fields say; a field with an error is left out rather than guessed. */
  filter: BillFilter;
  errors: Partial<Record<FilterField, FilterFieldError>>;
}

export function filterOfForm(form: FilterForm): FormFilter {
  const filter: BillFilter = {};
  const errors: FormFilter['errors'] = {};

  const from = form.from ? dayStart(form.from) : null;
  const to = form.to ? dayEnd(form.to) : null;
  if (form.from && from === null) errors.from = 'day';
  if (form.to && to === null) errors.to = 'day';
  if (from !== null && to !== null && from > to) errors.to = 'order';
  else {
    if (from !== null) filter.from = from;
    if (to !== null) filter.to = to;
  }

  const amount = (text: string, field: 'minAmount' | 'maxAmount'): number | null => {
    if (text.trim() === '') return null;
    const parsed = parseMoneyToCents(text);
    if (parsed.ok) return parsed.cents;
    errors[field] = parsed.error;
    return null;
  };
  const min = amount(form.minAmount, 'minAmount');
  const max = amount(form.maxAmount, 'maxAmount');
  if (min !== null && max !== null && min > max) errors.maxAmount = 'order';
  else {
    if (min !== null) filter.minCents = min;
    if (max !== null) filter.maxCents = max;
  }

  if (form.paymode) filter.paymode = form.paymode;
  if (form.lettered !== 'any') filter.lettered = form.lettered === 'yes';
  if (form.customer) filter.customerId = form.customer.id;
  const code = form.productCode.trim();
  if (code) filter.productCode = code.slice(0, 100);
  return { filter, errors };
}

/** The whole filter: the panel's, the status tab's and the search box's. */
export function billFilter(panel: BillFilter, status: BillStatus | null, search: string): BillFilter {
  const filter: BillFilter = { ...panel };
  if (status) filter.status = status;
  const text = search.trim().slice(0, 200);
  if (text) filter.search = text;
  return filter;
}

/** The status tabs count every status, so their filter is the same one without the status. */
export function withoutStatus(filter: BillFilter): BillFilter {
  const { status: _status, ...rest } = filter;
  return rest;
}

/** How many panel filters are set, for the "Filters (3)" button. */
export function activeFilterCount(form: FilterForm): number {
  return [
    form.from || form.to,
    form.paymode,
    form.minAmount.trim() || form.maxAmount.trim(),
    form.lettered !== 'any',
    form.customer,
    form.productCode.trim(),
  ].filter(Boolean).length;
}

/**
 * The filter as the table's column filters, so a filtered column is marked in its header. The core filters
 * (manualFiltering); these entries only tell the table which columns are narrowed.
 */
export function columnFiltersOf(filter: BillFilter): { id: BillColumn; value: unknown }[] {
  const entries: { id: BillColumn; value: unknown }[] = [];
  if (filter.status) entries.push({ id: 'status', value: filter.status });
  if (filter.from !== undefined || filter.to !== undefined) entries.push({ id: 'emissiondate', value: [filter.from, filter.to] });
  if (filter.paymode) entries.push({ id: 'paymode', value: filter.paymode });
  if (filter.minCents !== undefined || filter.maxCents !== undefined)
    entries.push({ id: 'amountcents', value: [filter.minCents, filter.maxCents] });
  if (filter.lettered !== undefined) entries.push({ id: 'idnumber', value: filter.lettered });
  if (filter.customerId !== undefined) entries.push({ id: 'customer', value: filter.customerId });
  if (filter.productCode) entries.push({ id: 'items', value: filter.productCode });
  return entries;
}

/** A stable text of a filter, for cache keys: the same filter always gives the same key. */
export function filterKey(filter: BillFilter): string {
  return JSON.stringify(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)));
}
