import { issue, type FieldIssue } from './field-issue';
import { handlerParamIssues, parseHandlerParams } from '../handler-params';
import { priceTierIssues, type PriceTier } from './price-tiers';
import { requiredDataIssues } from './required-data';

/** The fields of a catalog item the operator edits (docs/shop-api.md, less what the shop owns). */
export interface ItemDraft {
  id: number;
  catalogid: number;
  categoryid: number;
  code: string;
  shortname: string;
  name: string;
  idnumber: string;
  description: string;
  notes: string;
  eula: string;
  prices: PriceTier[];
  taxcode: number;
  stock: number;
  status: string;
  maxdeliveryquant: number;
  onlyforloggedin: number;
  seatmode: number;
  renewable: number;
  type: string;
  setid: number;
  requireddata: string;
  enablehandler: string;
  handlerparams: string;
}

export interface ItemContext {
  /** Another item of the same catalog (not this one) already has this code. */
  codeTaken(code: string): boolean;
  /** The item may belong to this set or bundle (same catalog, type set or bundle, not itself). */
  validSet?(setid: number): boolean;
}

function textIssues(field: string, value: string, max: number, required: boolean): FieldIssue[] {
  if (required && value.trim() === '') return [issue(field, 'required', `Fill in ${field}.`)];
  if (value.length > max) return [issue(field, 'tooLong', `At most ${max} characters.`, { max })];
  return [];
}

function countIssues(field: string, value: number): FieldIssue[] {
  if (!Number.isSafeInteger(value)) return [issue(field, 'notInteger', 'Enter a whole number.')];
  if (value < 0) return [issue(field, 'negative', 'This cannot be negative.')];
  return [];
}

/**
 * Everything the shop would refuse about an item (codetaken, invalidpricetiers, invalidrequireddata,
 * unknownhandler, invalidsetid), found before anything is queued, each on its field. The renderer runs it
 * as the operator types; the core runs it again on save, and queues nothing while an issue remains.
 */
export function itemIssues(item: ItemDraft, context: ItemContext): FieldIssue[] {
  const issues: FieldIssue[] = [
    ...textIssues('code', item.code, 255, true),
    ...textIssues('shortname', item.shortname, 255, false),
    ...textIssues('name', item.name, 255, true),
    ...textIssues('idnumber', item.idnumber, 255, false),
    ...countIssues('stock', item.stock),
    ...countIssues('maxdeliveryquant', item.maxdeliveryquant),
    ...priceTierIssues(item.prices),
    ...requiredDataIssues(item.requireddata),
    ...handlerParamIssues(item.enablehandler, parseHandlerParams(item.handlerparams)),
  ];
  if (item.code.trim() !== '' && context.codeTaken(item.code.trim()))
    issues.push(
      issue('code', 'codeTaken', `Another product of this catalog has the code ${item.code.trim()}: choose another.`, {
        code: item.code.trim(),
      }),
    );
  if (item.setid !== 0 && context.validSet && !context.validSet(item.setid))
    issues.push(issue('setid', 'setInvalid', 'Choose a set or bundle of the same catalog.'));
  return issues;
}
