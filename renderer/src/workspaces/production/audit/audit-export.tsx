import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { ErrorNotice } from '../../../errors/error-notice';
import { SavedFile } from '../../../files/saved-file';
import type { SaveTarget } from '../../../files/save-target';
import { useSaveTargets } from '../../../files/use-save-targets';
import { useI18n } from '../../../i18n/i18n-context';
import { pluralKey } from '../../../i18n/plural';
import type { AuditFilter } from './finding-ids';

type ExportState =
  | { state: 'idle' }
  | { state: 'writing' }
  | { state: 'done'; target: SaveTarget; file: string; rows: number }
  | { state: 'failed'; error: unknown };

/** audit-2026-12-06.xlsx: the day it was written, so a folder of them sorts by date. */
export function auditFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `audit-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.xlsx`;
}

/**
 * The findings the list shows, to a workbook, saved as the other exports are: the system's save dialog in the
 * desktop app, a download in browser mode (save-target.ts). The workbook is written in the window's language.
 */
export function useAuditExport(filter: AuditFilter) {
  const api = useApi();
  const { language } = useI18n();
  const saves = useSaveTargets();
  const [job, setJob] = useState<ExportState>({ state: 'idle' });

  const start = async () => {
    if (job.state === 'writing') return;
    try {
      const target = await saves.file(auditFileName(new Date()), 'xlsx');
      if (!target) return;
      setJob({ state: 'writing' });
      const written = await api.invoke('audit.exportXlsx', {
        exportId: crypto.randomUUID(),
        file: target.path,
        ...filter,
        locale: language,
      });
      saves.deliver(target);
      setJob({ state: 'done', target, file: written.file, rows: written.rows });
    } catch (error) {
      setJob({ state: 'failed', error });
    }
  };
  return { job, start, dismiss: () => setJob({ state: 'idle' }), mode: saves.mode };
}

export function AuditExportNotice({ job, mode, onDismiss }: { job: ExportState; mode: 'desktop' | 'download'; onDismiss(): void }) {
  const { t, format, locale } = useI18n();
  if (job.state === 'writing')
    return (
      <p className="muted" role="status">
        {t('audit.export.writing')}
      </p>
    );
  if (job.state === 'failed') return <ErrorNotice error={job.error} onDismiss={onDismiss} />;
  if (job.state !== 'done') return null;
  return (
    <div className="notice notice-success audit-export-notice" role="status">
      <p className="notice-title">
        {t(pluralKey(locale, job.rows, 'audit.export.written.one', 'audit.export.written'), { rows: format.number(job.rows) })}
      </p>
      {mode === 'desktop' && <code className="notice-path">{job.file}</code>}
      <SavedFile target={job.target} written={[job.file]} />
      <p className="notice-actions">
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      </p>
    </div>
  );
}
