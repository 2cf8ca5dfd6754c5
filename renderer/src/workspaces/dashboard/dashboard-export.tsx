import { useState } from 'react';
import type { DashboardQuery } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { SavedFile } from '../../files/saved-file';
import type { SaveTarget } from '../../files/save-target';
import { useSaveTargets } from '../../files/use-save-targets';
import { useI18n } from '../../i18n/i18n-context';
import { useAction } from '../../actions/use-action';

/** The dashboard's figures to an XLSX workbook, saved the platform's way (save-target.ts) like every export. */
export function DashboardExport({ query, disabled }: { query: DashboardQuery; disabled: boolean }) {
  const api = useApi();
  const { t, language } = useI18n();
  const saves = useSaveTargets();
  const [saved, setSaved] = useState<SaveTarget | null>(null);
  const exporting = useAction();
  const run = () =>
    exporting.run(async () => {
      setSaved(null);
      const day = new Date().toISOString().slice(0, 10);
      const chosen = await saves.file(`dashboard-${day}.xlsx`, 'xlsx');
      if (!chosen) return;
      await api.invoke('dashboard.exportXlsx', { query, file: chosen.path, locale: language === 'fr' ? 'fr' : 'en' });
      saves.deliver(chosen);
      setSaved(chosen);
    });
  return (
    <div className="dashboard-export">
      <button type="button" className="button" disabled={disabled || exporting.busy} onClick={() => void run()}>
        {t('dashboard.export')}
      </button>
      {saved && (
        <div role="status">
          <p>{t('dashboard.exported', { name: saved.name })}</p>
          <SavedFile target={saved} written={[saved.path]} />
        </div>
      )}
      {exporting.error && <ErrorNotice error={exporting.error} onDismiss={() => exporting.clear()} />}
    </div>
  );
}
