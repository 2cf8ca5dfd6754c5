import { useAction } from '../actions/use-action';
import { ErrorNotice } from '../errors/error-notice';
import { useT } from '../i18n/i18n-context';
import { desktopApi } from './desktop';
import type { SaveTarget } from './save-target';

/**
 * Where an export went, and what to do with it: in the desktop app the path with "Open the file" (the folder,
 * for one file per bill) and "Show in folder"; in browser mode, the name it was downloaded under.
 */
export function SavedFile({ target, written }: { target: SaveTarget; written: readonly string[] }) {
  const t = useT();
  const opening = useAction();
  if (target.downloadId !== null) return <p className="saved-file-note">{t('save.downloaded', { name: target.name })}</p>;
  const desktop = desktopApi();
  const first = written[0] ?? target.path;
  const act = (action: () => Promise<unknown>) => void opening.run(action);
  return (
    <div className="saved-file">
      {desktop && (
        <div className="form-actions saved-file-actions">
          <button
            type="button"
            className="button"
            onClick={() => act(() => desktop.invoke('desktop.openPath', { path: target.folder ? target.path : first }))}
          >
            {target.folder ? t('save.openFolder') : t('save.open')}
          </button>
          <button type="button" className="button" onClick={() => act(() => desktop.invoke('desktop.showInFolder', { path: first }))}>
            {t('save.show')}
          </button>
        </div>
      )}
      {opening.error && <ErrorNotice error={opening.error} onDismiss={opening.clear} />}
    </div>
  );
}
