import { useEffect, useId, useRef, useState } from 'react';
import type { CatalogDetail, ImportPreview } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { uploadFile } from '../../api/upload-file';
import { ErrorNotice } from '../../errors/error-notice';
import { SavedFile } from '../../files/saved-file';
import type { SaveTarget } from '../../files/save-target';
import { useSaveTargets } from '../../files/use-save-targets';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import { useAction } from '../../actions/use-action';

/**
 * The catalog as an XLSX file and back. The export is saved where the platform saves (the system's dialog, or
 * a download in browser mode); the import reads a workbook the operator picks, sent to the core with
 * uploads.*. An import is previewed (what changes, field by field) before it is applied; a file that changes
 * nothing says so.
 */
export function XlsxPanel({ detail, onImported, onClose }: { detail: CatalogDetail; onImported(d: CatalogDetail): void; onClose(): void }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const id = useId();
  const saves = useSaveTargets();
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState<{ target: SaveTarget; files: string[] } | null>(null);
  const [upload, setUpload] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const working = useAction();
  // The workbook sent to the core, discarded when another is picked or the panel closes.
  const staged = useRef<string | null>(null);
  const discard = () => {
    if (staged.current) void api.invoke('uploads.discard', { id: staged.current }).catch(() => {});
    staged.current = null;
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- on unmount only: discard reads a ref
  useEffect(() => discard, []);
  const act = (action: () => Promise<void>) =>
    working.run(async () => {
      setMessage('');
      await action();
    });
  const exportWorkbook = () =>
    act(async () => {
      setSaved(null);
      const chosen = await saves.file(`catalog-${detail.catalog.id}.xlsx`, 'xlsx');
      if (!chosen) return;
      const written = await api.invoke('catalogs.exportXlsx', { id: detail.catalog.id, target: chosen.path });
      saves.deliver(chosen);
      setSaved({ target: chosen, files: [written.path] });
      setMessage(t('catalogs.xlsx.exported', { items: written.items, categories: written.categories }));
    });
  const pick = (file: File | undefined) =>
    act(async () => {
      discard();
      setUpload(null);
      setPreview(null);
      if (!file) return;
      setMessage(t('catalogs.xlsx.sending'));
      const sent = await uploadFile(api, file);
      staged.current = sent;
      setUpload(sent);
      const read = await api.invoke('catalogs.importXlsx', { id: detail.catalog.id, source: { upload: sent }, apply: false });
      setMessage('');
      setPreview(read);
    });
  return (
    <section className="xlsx-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('catalogs.xlsx.title')}</h3>
      <div className="form-actions">
        <button type="button" className="button" aria-disabled={working.busy} onClick={() => void exportWorkbook()}>
          {t('catalogs.xlsx.export')}
        </button>
      </div>
      {saved && <SavedFile target={saved.target} written={saved.files} />}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('catalogs.xlsx.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={working.busy}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
        <p className="field-hint">{t('catalogs.xlsx.fileHint')}</p>
      </div>
      <div className="form-actions">
        {preview && preview.changes.length > 0 && preview.issues.length === 0 && (
          <button
            type="button"
            className="button button-primary"
            aria-disabled={working.busy}
            onClick={() =>
              void act(async () => {
                if (!upload) return;
                const applied = await api.invoke('catalogs.importXlsx', { id: detail.catalog.id, source: { upload }, apply: true });
                setMessage(t('catalogs.xlsx.imported', { count: applied.changes.length }));
                setPreview(null);
                onImported(await api.invoke('catalogs.get', { id: detail.catalog.id }));
              })
            }
          >
            {t(pluralKey(locale, preview.changes.length, 'catalogs.xlsx.apply.one', 'catalogs.xlsx.apply'), {
              count: preview.changes.length,
            })}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      {message && (
        <p role="status" className="form-status">
          {message}
        </p>
      )}
      {working.error && <ErrorNotice error={working.error} onDismiss={() => working.clear()} />}
      {preview && (
        <div className="import-preview" role="status">
          {preview.changes.length === 0 && preview.issues.length === 0 && <p>{t('catalogs.xlsx.nothing', { count: preview.unchanged })}</p>}
          {preview.issues.length > 0 && (
            <ul className="field-error">
              {preview.issues.map((issue) => (
                <li key={`${issue.row}-${issue.field}`} lang="en">
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
          {preview.changes.length > 0 && (
            <ul className="import-changes">
              {preview.changes.map((change) => (
                <li key={change.code}>
                  <strong>{change.code}</strong> ({t(change.action === 'create' ? 'catalogs.xlsx.create' : 'catalogs.xlsx.update')}):{' '}
                  {change.fields.map((f) => f.field).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
