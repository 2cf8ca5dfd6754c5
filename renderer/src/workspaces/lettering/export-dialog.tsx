import { useId, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { SavedFile } from '../../files/saved-file';
import type { SaveTarget } from '../../files/save-target';
import { useSaveTargets } from '../../files/use-save-targets';
import { useI18n } from '../../i18n/i18n-context';
import { fileStamp } from '../bills/export-paths';
import { Modal } from '../../dialogs/modal';
import { useAction } from '../../actions/use-action';

/**
 * The lettering to a workbook, or the imported FEC back with EcritureLet and DateLet filled: saved where the
 * operator says in the system's dialog (desktop), or downloaded through the page (browser mode).
 */
export function LetteringExportDialog({ kind, onClose }: { kind: 'xlsx' | 'fec'; onClose(): void }) {
  const api = useApi();
  const { t, language, format } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const saves = useSaveTargets();
  const [openedAt] = useState(() => Date.now());
  const exporting = useAction();
  const [done, setDone] = useState<{ text: string; target: SaveTarget; file: string } | null>(null);

  const start = () =>
    exporting.run(async () => {
      const name = kind === 'xlsx' ? `lettering-${fileStamp(openedAt)}.xlsx` : `FEC-lettering-${fileStamp(openedAt)}.txt`;
      const target = await saves.file(name, kind);
      if (!target) return;
      if (kind === 'xlsx') {
        const result = await api.invoke('lettering.exportXlsx', { file: target.path, locale: language });
        saves.deliver(target);
        setDone({
          target,
          file: result.file,
          text: t('lettering.export.done.xlsx', { rows: format.number(result.rows), file: target.name }),
        });
      } else {
        const result = await api.invoke('lettering.exportFec', { file: target.path });
        saves.deliver(target);
        setDone({
          target,
          file: result.file,
          text: t('lettering.export.done.fec', {
            lines: format.number(result.lines),
            lettered: format.number(result.lettered),
            file: target.name,
          }),
        });
      }
    });

  return (
    <Modal ref={dialogRef} className="dialog export-dialog" labelledBy={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t(kind === 'xlsx' ? 'lettering.export.title.xlsx' : 'lettering.export.title.fec')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <div className="dialog-body">
          {!done && <p className="muted export-where">{t(saves.mode === 'desktop' ? 'save.where.desktop' : 'save.where.download')}</p>}
          {done && (
            <div className="notice notice-success" role="status">
              <p className="notice-title">{done.text}</p>
              {saves.mode === 'desktop' && <code className="notice-path">{done.file}</code>}
              <SavedFile target={done.target} written={[done.file]} />
            </div>
          )}
          {exporting.error && <ErrorNotice error={exporting.error} />}
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {done ? t('lettering.dialog.close') : t('common.cancel')}
          </button>
          {!done && (
            <button type="submit" className="button button-primary" aria-disabled={exporting.busy}>
              {exporting.busy ? t('common.working') : t('lettering.export.start')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
