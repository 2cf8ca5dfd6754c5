import type { OutboxEntryView, SyncProgress, SyncRun, SyncStatus } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n/en';

export type SyncEntity = SyncStatus['entities'][number]['entity'];
export type OutboxState = OutboxEntryView['state'];
export type OutboxCounts = SyncStatus['outbox'];

/** The operators' words for the cached tables: a catalog item is a product, a shop "product" is what a customer bought. */
const entityKeys: Readonly<Record<SyncEntity, MessageKey>> = {
  shops: 'sync.entity.shops',
  taxes: 'sync.entity.taxes',
  catalogs: 'sync.entity.catalogs',
  categories: 'sync.entity.categories',
  catalogitems: 'sync.entity.catalogitems',
  customers: 'sync.entity.customers',
  bills: 'sync.entity.bills',
  products: 'sync.entity.products',
  productevents: 'sync.entity.productevents',
};

export function entityKey(entity: SyncEntity): MessageKey {
  return entityKeys[entity];
}

const phaseKeys: Readonly<Record<SyncProgress['phase'], MessageKey>> = {
  push: 'sync.phase.push',
  pull: 'sync.phase.pull',
  build: 'sync.phase.build',
};

export function phaseKey(phase: SyncProgress['phase']): MessageKey {
  return phaseKeys[phase];
}

/** Outbox entries name their entity with a plain string; a name this renderer does not know is shown as it is. */
export function entityKeyOf(entity: string): MessageKey | null {
  return Object.prototype.hasOwnProperty.call(entityKeys, entity) ? entityKeys[entity as SyncEntity] : null;
}

/*
 * The contract types `kind` and `trigger` as plain strings, so these maps cannot be checked for
 * completeness: a kind or trigger added in the core shows its raw name until it is translated here.
 */
const kindKeys: Readonly<Record<string, MessageKey>> = {
  'catalog.save': 'outbox.kind.catalogSave',
  'catalog.delete': 'outbox.kind.catalogDelete',
  'category.save': 'outbox.kind.categorySave',
  'category.delete': 'outbox.kind.categoryDelete',
  'catalogItem.save': 'outbox.kind.catalogItemSave',
  'catalogItem.delete': 'outbox.kind.catalogItemDelete',
  'customer.update': 'outbox.kind.customerUpdate',
  'bill.transition': 'outbox.kind.billTransition',
  'bill.payment': 'outbox.kind.billPayment',
  'bill.lettering': 'outbox.kind.billLettering',
  'bill.refund': 'outbox.kind.billRefund',
  'bill.production': 'outbox.kind.billProduction',
  // What outbox.list reports for an entry it could not read back.
  unknown: 'outbox.kind.unknown',
};

export function kindKey(kind: string): MessageKey | null {
  return Object.prototype.hasOwnProperty.call(kindKeys, kind) ? (kindKeys[kind] ?? null) : null;
}

const triggerKeys: Readonly<Record<string, MessageKey>> = {
  manual: 'sync.trigger.manual',
  schedule: 'sync.trigger.schedule',
  online: 'sync.trigger.online',
  startup: 'sync.trigger.startup',
  rebuild: 'sync.trigger.rebuild',
};

export function triggerKey(trigger: string): MessageKey | null {
  return Object.prototype.hasOwnProperty.call(triggerKeys, trigger) ? (triggerKeys[trigger] ?? null) : null;
}

export const outcomeKeys: Readonly<Record<SyncRun['outcome'], MessageKey>> = {
  running: 'sync.outcome.running',
  done: 'sync.outcome.done',
  failed: 'sync.outcome.failed',
  cancelled: 'sync.outcome.cancelled',
  interrupted: 'sync.outcome.interrupted',
};

/** A symbol beside the word, never instead of it: colour and shape alone do not reach everyone. */
export const outcomeIcons: Readonly<Record<SyncRun['outcome'], string>> = {
  running: '↻',
  done: '✓',
  failed: '✕',
  cancelled: '■',
  interrupted: '⚠',
};

/** The schedule choices offered; a value set another way (the CLI) is shown too, see ScheduleSelect. */
export const scheduleChoices = [0, 1, 5, 15, 30, 60] as const;

/** Groups in the order the operator should look at them: what needs a decision first. */
export const outboxStateOrder: readonly OutboxState[] = ['conflict', 'parked', 'pending'];
