import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeptCache } from '../../../../shared/contract';
import { useAction } from '../../actions/use-action';
import { useApi } from '../../api/api-context';
import { Modal } from '../../dialogs/modal';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { fileStamp } from '../bills/export-paths';
import { SavedFile } from '../../files/saved-file';
import type { SaveTarget } from '../../files/save-target';
import { useSaveTargets } from '../../files/use-save-targets';

type Open = { kind: 'export' | 'discard'; cache: KeptCache } | null;

/**
 * The caches a profile set aside when it started a new one for another site. Their unsent changes are never
 * sent anywhere: the operator writes them to a file to redo them on the right site, or deletes them.
 */
export function KeptCachesSection({ profileId }: { profileId: string }) {
  const api = useApi();
  const { t, format } = useI18n();
  const [caches, setCaches] = useState<KeptCache[]>([]);
  const [open, setOpen] = useState<Open>(null);
  const load = useCallback(() => {
    api.invoke('profiles.keptCaches', { id: profileId }).then(
      (answer) => setCaches(answer.caches),
      () => setCaches([]),
    );
  }, [api, profileId]);
  useEffect(load, [load]);
  useEffect(() => api.on('profiles.changed', load), [api, load]);

  if (caches.length === 0) return null;
  const siteOf = (cache: KeptCache) => cache.site?.name || cache.site?.wwwroot || t('kept.unknownSite');
  return (
    <section className="kept-caches" aria-label={t('kept.title')}>
      <h4>{t('kept.title')}</h4>
      <p className="muted">{t('kept.intro')}</p>
      <ul>
        {caches.map((cache) => (
          <li key={cache.name} data-kept={cache.name}>
            <span>{t('kept.item', { site: siteOf(cache), date: format.date(cache.keptAt), unsent: format.number(cache.unsent) })}</span>{' '}
            <button
              type="button"
              className="button"
              aria-label={t('kept.exportFor', { site: siteOf(cache) })}
              onClick={() => setOpen({ kind: 'export', cache })}
            >
              {t('kept.export')}
            </button>{' '}
            <button
              type="button"
              className="button button-danger-quiet"
              aria-label={t('kept.discardFor', { site: siteOf(cache) })}
              onClick={() => setOpen({ kind: 'discard', cache })}
            >
              {t('kept.discard')}
            </button>
          </li>
        ))}
      </ul>
      {open?.kind === 'export' && (
        <ExportKeptDialog profileId={profileId} cache={open.cache} site={siteOf(open.cache)} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'discard' && (
        <DiscardKeptDialog
          profileId={profileId}
          cache={open.cache}
          site={siteOf(open.cache)}
          onDone={(left) => setCaches(left)}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

interface DialogProps {
  profileId: string;
  cache: KeptCache;
  site: string;
  onClose(): void;
}

function ExportKeptDialog({ profileId, cache, site, onClose }: DialogProps) {
  const api = useApi();
  const { t, format } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const saves = useSaveTargets();
  const [openedAt] = useState(() => Date.now());
  const writing = useAction();
  const [done, setDone] = useState<{ text: string; target: SaveTarget; file: string } | null>(null);

  // Where to first (the system's dialog, or a download in browser mode): nothing is written if it is closed.
  const write = () =>
    writing.run(async () => {
      const chosen = await saves.file(`unsent-changes-${fileStamp(openedAt)}.json`, 'json');
      if (!chosen) return;
      const result = await api.invoke('profiles.exportKeptCache', { id: profileId, name: cache.name, file: chosen.path });
      saves.deliver(chosen);
      setDone({ text: t('kept.written', { entries: format.number(result.entries) }), target: chosen, file: result.file });
    });

  return (
    <Modal ref={ref} className="dialog" labelledBy={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('kept.exportTitle', { site })}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void write();
        }}
      >
        <p className="muted export-where">{t(saves.mode === 'desktop' ? 'save.where.desktop' : 'save.where.download')}</p>
        {done && (
          <div className="notice notice-success" role="status">
            <p>{done.text}</p>
            <SavedFile target={done.target} written={[done.file]} />
          </div>
        )}
        {writing.error && <ErrorNotice error={writing.error} />}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {done ? t('common.close') : t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={writing.busy}>
            {t('kept.write')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function DiscardKeptDialog({ profileId, cache, site, onDone, onClose }: DialogProps & { onDone(left: KeptCache[]): void }) {
  const api = useApi();
  const { t, format } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const discarding = useAction();

  const discard = () =>
    discarding.run(async () => {
      const { caches } = await api.invoke('profiles.discardKeptCache', { id: profileId, name: cache.name });
      onDone(caches);
      ref.current?.close();
    });

  return (
    <Modal ref={ref} className="dialog" labelledBy={`${id}-title`} describedBy={`${id}-body`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('kept.discardTitle', { site })}</h2>
      <p id={`${id}-body`}>{t('kept.discardBody', { unsent: format.number(cache.unsent) })}</p>
      {discarding.error && <ErrorNotice error={discarding.error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" aria-disabled={discarding.busy} onClick={discard}>
          {t('kept.discardConfirm')}
        </button>
      </div>
    </Modal>
  );
}
