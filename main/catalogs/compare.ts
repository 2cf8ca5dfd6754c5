import type { Db } from '../db/open';
import { catalogsSeenBy, findCatalog, roleOf } from './catalog-read';
import { itemRows } from './catalog-rows';
import { refusal } from '../../shared/errors/error-text';

/**
 * A slave beside its master, for translation work: every master item with the slave's override if any.
 * Translated: the override's name differs from the master's. Priced: the override's tiers differ from the
 * master's. A master item the slave does not override is neither: the slave shows it as the master has it.
 */
export function compareWithMaster(db: Db, slaveId: number) {
  const slave = findCatalog(db, slaveId);
  if (roleOf(slave) !== 'slave') throw refusal('catalog_not_editable', 'catalog.onlyDerivedCompared', {}, { id: slaveId });
  const items = itemRows(db, catalogsSeenBy(slave));
  const overrides = new Map(items.filter((i) => i.catalogid === slave.id).map((i) => [i.code, i]));
  return {
    rows: items
      .filter((i) => i.catalogid === slave.groupid)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((master) => {
        const copy = overrides.get(master.code) ?? null;
        return {
          code: master.code,
          masterItemId: master.id,
          masterName: master.name,
          masterPrices: master.prices,
          slaveItemId: copy?.id ?? null,
          slaveName: copy?.name ?? null,
          slavePrices: copy?.prices ?? null,
          translated: copy !== null && copy.name.trim() !== master.name.trim(),
          priced: copy !== null && JSON.stringify(copy.prices) !== JSON.stringify(master.prices),
        };
      }),
  };
}
