import type { CatalogConflict } from '../../shared/contract/catalogs';
import type { Db } from '../db/open';
import { entityWriter } from '../sync/cache-tables';
import { listEntries, requeueResolved, type OutboxEntry } from '../sync/outbox';
import type { OutboxKind } from '../sync/outbox-kinds';
import { outboxKinds } from '../sync/outbox-kinds';
import type { ItemDraftInput } from '../../shared/contract/catalogs';
import { checkItem, normalizeItem, refuse } from './catalog-edits';
import { allItemRows, serverVersion } from './catalog-rows';
import { baseOf, setBase, sweepBases } from './edit-queue';
import { refusal } from '../../shared/errors/error-text';

/**
 * Conflicts on catalog records: the shop refused a change because the record had changed on the site since
 * (a stale base version). The operator sees base (what they edited from), mine (what they queued, their
 * latest change of the record) and theirs (the site's record) field by field, and takes mine, theirs, or
 * settles each field. The result is queued again on the site's current version, so it is applied, not
 * refused a second time.
 */

const ENTITIES = new Set(['catalogs', 'categories', 'catalogitems']);
type CatalogEntity = CatalogConflict['entity'];

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

interface Group {
  conflict: OutboxEntry;
  /** Later changes of the same record, queued behind the conflict. */
  followers: OutboxEntry[];
}

function conflictGroups(db: Db): Group[] {
  const entries = listEntries(db).filter((e): e is OutboxEntry => !('damaged' in e) && ENTITIES.has(e.entity));
  return entries
    .filter((e) => e.state === 'conflict')
    .map((conflict) => ({
      conflict,
      followers: entries.filter((e) => e.entity === conflict.entity && e.entityId === conflict.entityId && e.seq > conflict.seq),
    }));
}

/** Mine is the record as the latest local change leaves it (a deletion has no fields). */
function mineOf(group: Group): Record<string, unknown> | null {
  const last = group.followers.at(-1) ?? group.conflict;
  return last.kind.endsWith('.delete') ? null : (last.payload as Record<string, unknown>);
}

function labelOf(record: Record<string, unknown> | null, entityId: number): string {
  if (!record) return `#${entityId}`;
  const code = typeof record['code'] === 'string' ? `${record['code']} · ` : '';
  return `${code}${typeof record['name'] === 'string' ? record['name'] : `#${entityId}`}`;
}

export function listConflicts(db: Db, catalogId?: number): CatalogConflict[] {
  sweepBases(db);
  const out: CatalogConflict[] = [];
  for (const { conflict, followers } of conflictGroups(db)) {
    const mine = mineOf({ conflict, followers });
    const theirs = (conflict.remote ?? null) as Record<string, unknown> | null;
    const base = baseOf(db, conflict.mutationId);
    const inCatalog =
      conflict.entity === 'catalogs' ? conflict.entityId : Number(theirs?.['catalogid'] ?? mine?.['catalogid'] ?? base?.['catalogid'] ?? 0);
    if (catalogId !== undefined && inCatalog !== catalogId) continue;
    const fields = mine
      ? Object.keys(mine)
          .filter((field) => field !== 'id')
          .map((field) => {
            const baseValue = base?.[field];
            const theirValue = theirs?.[field];
            return {
              field,
              base: baseValue,
              mine: mine[field],
              theirs: theirValue,
              changedByMe: base ? !same(mine[field], baseValue) : true,
              changedByThem: base && theirs ? !same(theirValue, baseValue) : theirs ? !same(theirValue, mine[field]) : false,
            };
          })
          .filter((f) => f.changedByMe || f.changedByThem)
      : [];
    out.push({
      seq: conflict.seq,
      kind: conflict.kind,
      entity: conflict.entity as CatalogEntity,
      entityId: conflict.entityId,
      label: labelOf(mine ?? theirs ?? base, conflict.entityId),
      deletion: mine === null,
      fields,
      theirsVersion: typeof theirs?.['version'] === 'number' ? theirs['version'] : null,
      message: conflict.errorMessage,
    });
  }
  return out;
}

/**
 * take 'theirs': the site's record goes into the cache and every local change of the record is dropped.
 * take 'mine' / 'edit': the record (mine, or mine with the settled fields) is queued again in the conflict's
 * place, on the site's version, and the later changes it includes are dropped.
 */
export function resolveConflict(
  db: Db,
  input: { seq: number; take: 'mine' | 'theirs' | 'edit'; values?: Record<string, unknown> | undefined },
): void {
  db.transaction(() => {
    const group = conflictGroups(db).find((g) => g.conflict.seq === input.seq);
    if (!group)
      throw refusal(
        'outbox_entry_not_found',
        'catalog.conflictGone',
        {},
        {
          seq: input.seq,
        },
      );
    const { conflict, followers } = group;
    const entity = conflict.entity as CatalogEntity;
    const theirs = (conflict.remote ?? null) as Record<string, unknown> | null;
    // The site's record becomes the server copy now, not at the next pull: it is what the result is based on.
    if (theirs) entityWriter(db, entity).upsert(theirs);
    const drop = db.prepare('DELETE FROM outbox WHERE seq = ?');
    for (const follower of followers) drop.run(follower.seq);
    if (input.take === 'theirs') {
      drop.run(conflict.seq);
      sweepBases(db);
      return;
    }
    const mine = mineOf(group);
    const version = typeof theirs?.['version'] === 'number' ? theirs['version'] : serverVersion(db, entity, conflict.entityId);
    const kind: OutboxKind = (followers.at(-1) ?? conflict).kind;
    let payload: unknown = mine ?? {};
    if (input.take === 'edit') {
      if (!mine) throw refusal('catalog_not_editable', 'catalog.deletionNoFields', {}, { seq: input.seq });
      payload = { ...mine, ...pick(input.values ?? {}, Object.keys(mine)), id: mine['id'] };
    }
    if (kind === 'catalogItem.save') {
      const item = normalizeItem(payload as ItemDraftInput, mine as ItemDraftInput | null);
      const issues = checkItem(db, item, allItemRows(db));
      if (issues.length > 0) refuse(issues);
      payload = item;
    }
    const parsed = outboxKinds[kind].payload.safeParse(payload);
    if (!parsed.success) throw refusal('catalog_invalid', 'catalog.settledValuesUnfit', {}, { seq: input.seq });
    requeueResolved(db, conflict.seq, { kind, payload: parsed.data, baseVersion: version });
    if (theirs) setBase(db, conflict.mutationId, theirs);
    sweepBases(db);
  })();
}

function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => keys.includes(key) && key !== 'id'));
}
