import { useAction } from '../../actions/use-action';
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
  // Choosing where to save (the system's dialog may fail, or the choice be refused) before the export runs.
  const choosing = useAction();
  const { job, run, cancel } = useExportJob<{ files: string[]; creditNotes: number }>(api);

  const start = async () => {
    await choosing.run(async () => {
      const chosen = await saves.file(`${creditNote.number}.pdf`, 'pdf');
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
      {choosing.error && <ErrorNotice error={choosing.error} onDismiss={choosing.clear} />}
    </ExportDialogFrame>
  );
}
