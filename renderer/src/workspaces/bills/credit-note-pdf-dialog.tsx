import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { SavedFile } from '../../files/saved-file';
import type { SaveTarget } from '../../files/save-target';
import { useSaveTargets } from '../../files/use-save-targets';
import { useI18n } from '../../i18n/i18n-context';
import { ExportDialogFrame } from './export-dialog-frame';
import { useExportJob } from './use-export-job';

/** A credit note's PDF, in a file named after its number (the system's dialog, or a download in browser mode). */
export function CreditNotePdfDialog({ creditNote, onClose }: { creditNote: { id: number; number: string }; onClose(): void }) {
  const api = useApi();
  const { t, language } = useI18n();
  const saves = useSaveTargets();
  const [saveTo, setSaveTo] = useState<SaveTarget | null>(null);
  const [chooseError, setChooseError] = useState<unknown>(null);
  const { job, run, cancel } = useExportJob<{ files: string[]; creditNotes: number }>(api);

  const start = async () => {
    setChooseError(null);
    let chosen: SaveTarget | null;
    try {
      chosen = await saves.file(`${creditNote.number}.pdf`, 'pdf');
    } catch (failure) {
      setChooseError(failure);
      return;
    }
    if (!chosen) return;
    setSaveTo(chosen);
    run(async (exportId) => {
      const written = await api.invoke('exports.creditNotesPdf', {
        exportId,
        ids: [creditNote.id],
        target: { file: chosen.path },
        locale: language,
      });
      saves.deliver(chosen);
      return written;
    });
  };

  return (
    <ExportDialogFrame
      title={`${t('creditNotes.pdf')} ${creditNote.number}`}
      job={job}
      startLabel={t('export.pdf.start')}
      onStart={() => void start()}
      onCancel={cancel}
      onClose={onClose}
      result={(value) => (
        <>
          {saves.mode === 'desktop' &&
            value.files.map((written) => (
              <code key={written} className="notice-path">
                {written}
              </code>
            ))}
          {saveTo && <SavedFile target={saveTo} written={value.files} />}
        </>
      )}
    >
      <p className="muted export-where">{t(saves.mode === 'desktop' ? 'save.where.desktop' : 'save.where.download')}</p>
      {chooseError !== null && <ErrorNotice error={chooseError} onDismiss={() => setChooseError(null)} />}
    </ExportDialogFrame>
  );
}
