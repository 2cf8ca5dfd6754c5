import { useId, useState } from 'react';
import type { CatalogDetail, ImportPreview } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { useDataDir } from '../bills/export-target-field';
import { TextField } from '../../forms/text-field';

/**
 * The catalog as an XLSX file and back. Browser mode has no file dialog, so the path is a field prefilled in
 * the data folder. An import is previewed (what changes, field by field) before it is applied; a file that
 * changes nothing says so.
 */
export function XlsxPanel({ detail, onImported, onClose }: { detail: CatalogDetail; onImported(d: CatalogDetail): void; onClose(): void }) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const dataDir = useDataDir();
  const fallback = dataDir ? `${dataDir}/catalog-${detail.catalog.id}.xlsx` : '';
  const [file, setFile] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const path = file ?? fallback;
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    setMessage('');
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="xlsx-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('catalogs.xlsx.title')}</h3>
      <TextField
        id={`${id}-file`}
        label={t('catalogs.xlsx.file')}
        value={path}
        onChange={(value) => {
          setFile(value);
          setPreview(null);
        }}
        hint={t('catalogs.xlsx.fileHint')}
        spellCheck={false}
      />
      <div className="form-actions">
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() =>
            void act(async () => {
              const written = await api.invoke('catalogs.exportXlsx', { id: detail.catalog.id, target: path });
              setMessage(t('catalogs.xlsx.exported', { items: written.items, categories: written.categories, path: written.path }));
            })
          }
        >
          {t('catalogs.xlsx.export')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() =>
            void act(async () => setPreview(await api.invoke('catalogs.importXlsx', { id: detail.catalog.id, source: path, apply: false })))
          }
        >
          {t('catalogs.xlsx.previewImport')}
        </button>
        {preview && preview.changes.length > 0 && preview.issues.length === 0 && (
          <button
            type="button"
            className="button button-primary"
            aria-disabled={busy}
            onClick={() =>
              void act(async () => {
                const applied = await api.invoke('catalogs.importXlsx', { id: detail.catalog.id, source: path, apply: true });
                setMessage(t('catalogs.xlsx.imported', { count: applied.changes.length }));
                setPreview(null);
                onImported(await api.invoke('catalogs.get', { id: detail.catalog.id }));
              })
            }
          >
            {t('catalogs.xlsx.apply', { count: preview.changes.length })}
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
      {failure !== null && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
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
