import { sourceFile } from '../uploads/source-file';
import { handlerParamIssues, parseHandlerParams } from '../../shared/handler-params';
import { issue } from '../../shared/catalogs/field-issue';
import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import { outboxCounts } from '../sync/outbox';
import { bulkApply, bulkPreview } from './bulk-edit';
import { listConflicts, resolveConflict } from './catalog-conflicts';
import {
  deleteCategory,
  deleteItem,
  freeItem,
  moveCategory,
  overrideItem,
  refuse,
  saveCatalog,
  saveCategory,
  saveItem,
  setMembers,
  undoLast,
} from './catalog-edits';
import { getCatalogDetail } from './catalog-read';
import { exportCatalogXlsx, importCatalogXlsx } from './catalog-xlsx';
import { compareWithMaster } from './compare';
import { catalogsReads, type CatalogsReads } from './reads';
import { checkHandlerOnSite } from './handler-check';
import { refusal } from '../../shared/errors/error-text';

type CatalogsCommandName =
  | CatalogsReads
  | 'catalogs.saveCatalog'
  | 'catalogs.saveCategory'
  | 'catalogs.moveCategory'
  | 'catalogs.deleteCategory'
  | 'catalogs.saveItem'
  | 'catalogs.deleteItem'
  | 'catalogs.setMembers'
  | 'catalogs.overrideItem'
  | 'catalogs.freeItem'
  | 'catalogs.undo'
  | 'catalogs.conflicts'
  | 'catalogs.resolveConflict'
  | 'catalogs.bulkPreview'
  | 'catalogs.bulkApply'
  | 'catalogs.checkHandler'
  | 'catalogs.compare'
  | 'catalogs.exportXlsx'
  | 'catalogs.importXlsx';

export function catalogsCommands(services: CoreServices): CommandsFor<CatalogsCommandName> {
  const db = () => services.activeSite().db;
  /** A change was queued (or dropped): the Sync workspace and the status counts follow. */
  const queued = () => services.bus.emit('outbox.changed', outboxCounts(db()));
  const edited = (catalogId: number) => {
    queued();
    return getCatalogDetail(db(), catalogId);
  };
  /** Dropping an unsent change while a push may be sending it could lose the drop: wait for the sync. */
  const notSyncing = () => {
    if (services.activeSite().engine.running) throw refusal('sync_running', 'sync.sendingChanges', {});
  };
  return {
    ...catalogsReads(db),
    'catalogs.saveCatalog': ({ catalog }) => edited(saveCatalog(db(), catalog)),
    'catalogs.saveCategory': ({ category }) => {
      saveCategory(db(), category);
      return edited(category.catalogid);
    },
    'catalogs.moveCategory': (input) => edited(moveCategory(db(), input)),
    'catalogs.deleteCategory': ({ id }) => {
      if (id < 0) notSyncing();
      return edited(deleteCategory(db(), id));
    },
    'catalogs.saveItem': async ({ item, checkOnSite }) => {
      if (
        checkOnSite &&
        item.enablehandler !== '' &&
        handlerParamIssues(item.enablehandler, parseHandlerParams(item.handlerparams)).length === 0
      ) {
        // Only what the site says is wrong refuses the save; what it cannot verify does not.
        const found = await checkHandlerOnSite(
          services.moodle({ id: services.activeSite().profileId }),
          item.enablehandler,
          item.handlerparams,
        );
        const errors = found.checks.filter((c) => c.outcome === 'error');
        if (errors.length > 0)
          refuse(
            errors.map((c) =>
              issue(`handlerparams.${c.key}`, c.code === 'courseUnknown' ? 'courseUnknown' : 'enrolUnavailable', c.message, c.params),
            ),
          );
      }
      saveItem(db(), item);
      return edited(item.catalogid);
    },
    'catalogs.deleteItem': ({ id }) => {
      if (id < 0) notSyncing();
      return edited(deleteItem(db(), id));
    },
    'catalogs.setMembers': (input) => edited(setMembers(db(), input)),
    'catalogs.overrideItem': (input) => {
      const itemId = overrideItem(db(), input);
      return { detail: edited(input.catalogId), itemId };
    },
    'catalogs.freeItem': ({ id }) => {
      if (id < 0) notSyncing();
      return edited(freeItem(db(), id));
    },
    'catalogs.undo': ({ entity, id }) => {
      notSyncing();
      const undone = undoLast(db(), entity, id);
      queued();
      return { undone };
    },
    'catalogs.conflicts': ({ catalogId }) => ({ conflicts: listConflicts(db(), catalogId) }),
    'catalogs.resolveConflict': (input) => {
      notSyncing();
      resolveConflict(db(), input);
      queued();
      return { resolved: true };
    },
    'catalogs.bulkPreview': (input) => bulkPreview(db(), input),
    'catalogs.bulkApply': (input) => {
      const result = bulkApply(db(), input);
      queued();
      return result;
    },
    'catalogs.checkHandler': ({ handler, handlerparams }) =>
      checkHandlerOnSite(services.moodle({ id: services.activeSite().profileId }), handler, handlerparams),
    'catalogs.compare': ({ id }) => compareWithMaster(db(), id),
    'catalogs.exportXlsx': ({ id, target }) => services.activeSite().snapshot((reader) => exportCatalogXlsx(reader, id, target)),
    'catalogs.importXlsx': async ({ id, source, apply }, context) => {
      const file = sourceFile(services.uploads, typeof source === 'string' ? { file: source } : source, context);
      const preview = await importCatalogXlsx(db(), id, file, apply);
      if (apply) queued();
      return preview;
    },
  };
}
