import type { BackofficeApi, ExportFileKind } from '../../../shared/contract';
import type { Translate } from '../i18n/translate';
import { desktopApi } from './desktop';

/**
 * Where an export goes, chosen the way the platform chooses files: the system's save dialog in the desktop
 * app, then "Open the file" and "Show in folder"; in browser mode, a temporary place in the core's data folder
 * (exports.stageDownload), downloaded through the page once written. The CLI still takes a path.
 */
export interface SaveTarget {
  /** The absolute path the export command writes to (a file, or a folder for one file per bill). */
  path: string;
  /** What the operator will find: the file's name, or the folder's, or the zip's in browser mode. */
  name: string;
  /** Browser mode: the download to fetch once the export is written. */
  downloadId: string | null;
  folder: boolean;
}

export interface SaveTargets {
  mode: 'desktop' | 'download';
  /** Null when the operator closed the dialog without choosing. */
  file(defaultName: string, kind: ExportFileKind): Promise<SaveTarget | null>;
  folder(defaultName: string): Promise<SaveTarget | null>;
  /** Browser mode: the page downloads what the export wrote. Nothing to do in the desktop app. */
  deliver(target: SaveTarget): void;
}

const TITLE_KEYS = { xlsx: 'save.title.xlsx', pdf: 'save.title.pdf', fec: 'save.title.fec', json: 'save.title.json' } as const;
const FILTER_KEYS = { xlsx: 'save.filter.xlsx', pdf: 'save.filter.pdf', fec: 'save.filter.fec', json: 'save.filter.json' } as const;

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The platform's way, built once per API and language. */
export function saveTargets(api: BackofficeApi, t: Translate): SaveTargets {
  const desktop = desktopApi();
  if (desktop)
    return {
      mode: 'desktop',
      async file(defaultName, kind) {
        const { file } = await desktop.invoke('desktop.chooseSaveFile', {
          defaultName,
          kind,
          title: t(TITLE_KEYS[kind]),
          filterName: t(FILTER_KEYS[kind]),
        });
        return file === null ? null : { path: file, name: baseName(file), downloadId: null, folder: false };
      },
      async folder() {
        const { folder } = await desktop.invoke('desktop.chooseFolder', { title: t('save.title.folder') });
        return folder === null ? null : { path: folder, name: baseName(folder), downloadId: null, folder: true };
      },
      deliver() {},
    };
  return {
    mode: 'download',
    async file(defaultName) {
      const staged = await api.invoke('exports.stageDownload', { name: defaultName, folder: false });
      return { path: staged.path, name: baseName(staged.path), downloadId: staged.downloadId, folder: false };
    },
    async folder(defaultName) {
      const staged = await api.invoke('exports.stageDownload', { name: defaultName, folder: true });
      return { path: staged.path, name: `${baseName(staged.path)}.zip`, downloadId: staged.downloadId, folder: true };
    },
    deliver(target) {
      if (!target.downloadId) return;
      // A link the page follows itself: the server answers with the file as an attachment, the page stays.
      const link = document.createElement('a');
      link.href = `/api/downloads/${encodeURIComponent(target.downloadId)}`;
      link.download = target.name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
    },
  };
}
