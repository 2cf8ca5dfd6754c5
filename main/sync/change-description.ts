import type { ChangeDescription, ChangeSubject, FieldChange } from '../../shared/contract/sync';
import { applyPending, serverStates, type BillState } from '../bills/bill-overlay';
import type { Db } from '../db/open';
import type { BillTableRow, CustomerTableRow } from '../db/tables';
import type { SyncEntity } from '../shop-api/sync-entities';
import { toEntry, type OutboxEntry } from './outbox';
import type { OutboxPayload } from './outbox-kinds';

/**
 * What a waiting change does, said about the record the operator knows ("Product XL-ADV Excel avancé: price
 * 120.00 → 150.00", "Payment of 150.00 EUR on bill 4999, Dupont SA") rather than "Product edit #52". The
 * window words it in either language; the sync history keeps the one made when the change was sent.
 *
 * "Before" is the record as the operator saw it when making the change: the server's copy with the changes
 * queued before this one laid over it, as the reads show it (overlay.ts, bill-overlay.ts).
 */

type Row = Record<string, unknown>;

/** Columns of the server's copy that a change may set, per entity (the outbox payloads' fields). */
const RECORD_SQL: Partial<Record<SyncEntity, string>> = {
  catalogs: 'SELECT id, name, description, salesconditions, groupid, countryrestrictions, billfooter FROM catalog WHERE id = ?',
  categories: 'SELECT id, catalogid, parentid, name, description, sortorder, visible, seoalias FROM category WHERE id = ?',
  catalogitems: `SELECT id, catalogid, categoryid, code, shortname, name, idnumber, description, notes, eula, prices, taxcode, stock,
                   status, maxdeliveryquant, onlyforloggedin, seatmode, renewable, type, setid, requireddata, enablehandler, handlerparams
                 FROM catalog_item WHERE id = ?`,
  customers: 'SELECT id, firstname, lastname, email, address, zip, city, country, organisation, invoiceinfo FROM customer WHERE id = ?',
};

const SAVE_KINDS = new Set(['catalog.save', 'category.save', 'catalogItem.save', 'customer.update']);

/** The outbox entries of one record, oldest first, readable ones only. */
function recordEntries(db: Db, entity: string, id: number): OutboxEntry[] {
  const rows = db
    .prepare<[string, number], Parameters<typeof toEntry>[0]>('SELECT * FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY seq')
    .all(entity, id);
  return rows.map(toEntry).filter((entry): entry is OutboxEntry => !('damaged' in entry));
}

/**
 * What a description pass reads, read once: each record's queued changes (a record edited many times offline
 * would otherwise be read and checked again for each of its changes), and the names fields point to.
 */
class Names {
  private readonly cache = new Map<string, string | null>();
  private readonly entries = new Map<string, OutboxEntry[]>();
  constructor(private readonly db: Db) {}

  /** The record's outbox entries, oldest first. */
  entriesOf(entity: string, id: number): OutboxEntry[] {
    const key = `${entity}:${id}`;
    let list = this.entries.get(key);
    if (!list) {
      list = recordEntries(this.db, entity, id);
      this.entries.set(key, list);
    }
    return list;
  }

  private lookup(key: string, read: () => string | null): string | null {
    if (!this.cache.has(key)) this.cache.set(key, read());
    return this.cache.get(key)!;
  }

  /** The record as the operator sees it now: its server row with every queued save laid over. */
  latest(entity: SyncEntity, id: number): Row | null {
    const sql = RECORD_SQL[entity];
    if (!sql) return null;
    let row = this.db.prepare<[number], Row>(sql).get(id) ?? null;
    for (const entry of this.entriesOf(entity, id)) {
      if (SAVE_KINDS.has(entry.kind)) row = { ...(row ?? {}), ...(entry.payload as Row) };
    }
    return row;
  }

  catalog(id: number): string | null {
    return this.lookup(`catalog:${id}`, () => text(this.latest('catalogs', id)?.['name']));
  }

  category(id: number): string | null {
    return this.lookup(`category:${id}`, () => text(this.latest('categories', id)?.['name']));
  }

  item(id: number): string | null {
    return this.lookup(`item:${id}`, () => {
      const item = this.latest('catalogitems', id);
      return item ? `${text(item['code']) ?? ''} ${text(item['name']) ?? ''}`.trim() : null;
    });
  }

  /** Prices are in the currency of the shop selling the catalog (a slave's shop for a slave). */
  currency(catalogId: number): string {
    return this.lookup(`currency:${catalogId}`, () => {
      const own = this.db.prepare('SELECT currency FROM shop WHERE catalogid = ? ORDER BY id LIMIT 1').pluck().get(catalogId);
      const any = own ?? this.db.prepare('SELECT currency FROM shop ORDER BY id LIMIT 1').pluck().get();
      return typeof any === 'string' ? any : 'EUR';
    })!;
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** JSON with sorted keys: two values are the same change or not, whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Row;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Fields naming another record: the window shows that record's name rather than its id. */
function referenceName(names: Names, entity: SyncEntity, field: string, value: unknown): string | undefined {
  if (typeof value !== 'number' || value === 0) return undefined;
  if (field === 'catalogid' || (entity === 'catalogs' && field === 'groupid')) return names.catalog(value) ?? `#${value}`;
  if (field === 'categoryid' || (entity === 'categories' && field === 'parentid')) return names.category(value) ?? `#${value}`;
  if (field === 'setid') return names.item(value) ?? `#${value}`;
  return undefined;
}

/** The fields of `after` that differ from `before`, the record's own id aside. */
function fieldChanges(names: Names, entity: SyncEntity, before: Row | null, after: Row): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after)) {
    if (field === 'id') continue;
    const old = before ? before[field] : undefined;
    if (before && canonical(old) === canonical(after[field])) continue;
    // Prices come back from the cache as JSON text.
    const oldValue = field === 'prices' && typeof old === 'string' ? safeJson(old) : old;
    if (field === 'prices' && canonical(oldValue) === canonical(after[field])) continue;
    const change: FieldChange = { field, before: oldValue ?? null, after: after[field] };
    const beforeText = referenceName(names, entity, field, oldValue);
    const afterText = referenceName(names, entity, field, after[field]);
    if (beforeText !== undefined) change.beforeText = beforeText;
    if (afterText !== undefined) change.afterText = afterText;
    changes.push(change);
  }
  return changes;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** A catalog, category, item or customer before this entry: the server's row and the saves queued before it. */
function recordBefore(db: Db, names: Names, entry: OutboxEntry): Row | null {
  const sql = RECORD_SQL[entry.entity];
  let row = sql ? (db.prepare<[number], Row>(sql).get(entry.entityId) ?? null) : null;
  for (const earlier of names.entriesOf(entry.entity, entry.entityId)) {
    if (earlier.seq >= entry.seq) break;
    if (SAVE_KINDS.has(earlier.kind)) row = { ...(row ?? {}), ...(earlier.payload as Row) };
    else if (earlier.kind.endsWith('.delete')) row = null;
  }
  return row;
}

function recordSubject(names: Names, entity: SyncEntity, id: number, record: Row | null): ChangeSubject | null {
  if (!record) return null;
  switch (entity) {
    case 'catalogitems': {
      const catalogId = num(record['catalogid']);
      return {
        type: 'catalogItem',
        id,
        code: text(record['code']) ?? '',
        name: text(record['name']) ?? '',
        catalog: names.catalog(catalogId) ?? '',
        currency: names.currency(catalogId),
      };
    }
    case 'categories':
      return { type: 'category', id, name: text(record['name']) ?? '', catalog: names.catalog(num(record['catalogid'])) ?? '' };
    case 'catalogs':
      return { type: 'catalog', id, name: text(record['name']) ?? '' };
    case 'customers':
      return {
        type: 'customer',
        id,
        name: `${text(record['firstname']) ?? ''} ${text(record['lastname']) ?? ''}`.trim(),
        organisation: text(record['organisation']) ?? '',
        email: text(record['email']) ?? '',
      };
    default:
      return null;
  }
}

/** The bill and its customer (NULL when the customer is not in the cache). */
type BillFacts = Pick<BillTableRow, 'transactionid' | 'amountcents' | 'currency'> & {
  firstname: CustomerTableRow['firstname'] | null;
  lastname: CustomerTableRow['lastname'] | null;
  organisation: CustomerTableRow['organisation'] | null;
};

function describeBill(db: Db, names: Names, entry: OutboxEntry): ChangeDescription {
  const base: ChangeDescription = { kind: entry.kind, subject: null, fields: [], created: false };
  const facts = db
    .prepare<[number], BillFacts>(
      `SELECT b.transactionid, b.amountcents, b.currency, c.firstname, c.lastname, c.organisation
       FROM bill b LEFT JOIN customer c ON c.id = b.customerid WHERE b.id = ?`,
    )
    .get(entry.entityId);
  const server = serverStates(db, [entry.entityId]).get(entry.entityId);
  if (!facts || !server) return describePayloadOnly(base, entry);
  const earlier = names.entriesOf('bills', entry.entityId).filter((e) => e.seq < entry.seq);
  const before: BillState = applyPending(server, earlier);
  const after: BillState = applyPending(server, [...earlier, entry]);
  const name = `${facts.firstname ?? ''} ${facts.lastname ?? ''}`.trim();
  const organisation = facts.organisation ?? '';
  base.subject = {
    type: 'bill',
    id: entry.entityId,
    transactionid: facts.transactionid,
    idnumber: before.idnumber,
    customer: organisation && name ? `${name} (${organisation})` : name || organisation,
    amountcents: facts.amountcents,
    currency: facts.currency,
  };
  const changed = (field: keyof BillState) => before[field] !== after[field];
  if (changed('status')) base.fields.push({ field: 'status', before: before.status, after: after.status });
  if (changed('paidcents')) base.fields.push({ field: 'paidcents', before: before.paidcents, after: after.paidcents });
  if (changed('idnumber')) base.fields.push({ field: 'idnumber', before: before.idnumber, after: after.idnumber });
  return describePayloadOnly(base, entry);
}

/** What the payload alone says: a payment's amount, a note, a production record's size. */
function describePayloadOnly(base: ChangeDescription, entry: OutboxEntry): ChangeDescription {
  switch (entry.kind) {
    case 'bill.payment': {
      const p = entry.payload as OutboxPayload<'bill.payment'>;
      base.payment = { amountcents: p.amountcents, currency: p.currency, paymode: p.paymode, paidon: p.paidon, reference: p.reference };
      break;
    }
    case 'bill.transition': {
      const p = entry.payload as OutboxPayload<'bill.transition'>;
      if (p.note !== '') base.note = p.note;
      if (base.fields.length === 0) base.fields.push({ field: 'status', before: p.fromstatus, after: p.tostatus });
      break;
    }
    case 'bill.lettering':
      if (base.fields.length === 0)
        base.fields.push({ field: 'idnumber', before: null, after: (entry.payload as OutboxPayload<'bill.lettering'>).idnumber });
      break;
    case 'bill.production':
      base.products = (entry.payload as OutboxPayload<'bill.production'>).products.length;
      break;
    default:
      break;
  }
  return base;
}

function describeOne(db: Db, names: Names, entry: OutboxEntry): ChangeDescription {
  if (entry.entity === 'bills') return describeBill(db, names, entry);
  const before = recordBefore(db, names, entry);
  const deletion = entry.kind.endsWith('.delete');
  const after = deletion ? null : { ...(before ?? {}), ...(entry.payload as Row) };
  const created = entry.entityId < 0 && before === null;
  return {
    kind: entry.kind,
    subject: recordSubject(names, entry.entity, entry.entityId, before ?? after),
    // A creation sets every field: listing them all would say nothing; the subject names the new record.
    fields: deletion || created || !after ? [] : fieldChanges(names, entry.entity, before, entry.payload as Row),
    created,
  };
}

/** Describes outbox entries; a record the cache lost is described from the change alone. */
export function describeEntries(db: Db, entries: readonly OutboxEntry[]): Map<number, ChangeDescription> {
  const names = new Names(db);
  const out = new Map<number, ChangeDescription>();
  for (const entry of entries) out.set(entry.seq, describeEntry(db, entry, names));
  return out;
}

export function describeEntry(db: Db, entry: OutboxEntry, names = new Names(db)): ChangeDescription {
  try {
    return describeOne(db, names, entry);
  } catch {
    // A description is never worth failing a list or a push for: the kind alone still says something.
    return { kind: entry.kind, subject: null, fields: [], created: entry.entityId < 0 };
  }
}
