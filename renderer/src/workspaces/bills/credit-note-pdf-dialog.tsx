import { useId, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ExportDialogFrame } from './export-dialog-frame';
import { isAbsolutePath, joinPath } from './export-paths';
import { ExportTargetField, useDataDir } from './export-target-field';
import { useExportJob } from './use-export-job';

/** A credit note's PDF, in a file named after its number (in the data folder until the operator names another). */
export function CreditNotePdfDialog({ creditNote, onClose }: { creditNote: { id: number; number: string }; onClose(): void }) {
  const api = useApi();
  const { t, language } = useI18n();
  const id = useId();
  const dataDir = useDataDir();
  const [file, setFile] = useState<string | null>(null);
  const [pathErrors, setPathErrors] = useState<string[]>([]);
  const { job, run, cancel } = useExportJob<{ files: string[]; creditNotes: number }>(api);
  const path = file ?? (dataDir ? joinPath(dataDir, `${creditNote.number}.pdf`) : '');

  const start = () => {
    const chosen = path.trim();
    const problems = !isAbsolutePath(chosen)
      ? [t('export.pathAbsolute')]
      : !chosen.toLowerCase().endsWith('.pdf')
        ? [t('export.pathPdf')]
        : [];
    setPathErrors(problems);
    if (problems.length > 0) return;
    run((exportId) => api.invoke('exports.creditNotesPdf', { exportId, ids: [creditNote.id], target: { file: chosen }, locale: language }));
  };

  return (
    <ExportDialogFrame
      title={`${t('creditNotes.pdf')} ${creditNote.number}`}
      job={job}
      startLabel={t('export.pdf.start')}
      onStart={start}
      onCancel={cancel}
      onClose={onClose}
      result={(value) => (
        <>
          {value.files.map((written) => (
            <code key={written} className="notice-path">
              {written}
            </code>
          ))}
        </>
      )}
    >
      <ExportTargetField
        id={`${id}-file`}
        label={t('export.file')}
        hint={t('export.fileHint')}
        value={file}
        fallback={path}
        onChange={setFile}
        errors={pathErrors}
      />
    </ExportDialogFrame>
  );
}
