import path from 'node:path';

/**
 * Layout of the data folder (Electron's userData, or --data-dir):
 *   settings.json            app-wide preferences
 *   profiles.json            the site profiles and which one is active
 *   profiles/<id>/           one folder per site: cache.sqlite (+ WAL), the token, its logs
 *   logs/backoffice.log      JSON lines, secrets redacted
 *   uploads/<id>/<name>      files a window sent, until the command reading them is done (a day at most)
 *   downloads/<id>/<name>    browser mode: an export waiting for the page to download it (once; an hour at most)
 */
export class DataDir {
  constructor(readonly root: string) {}

  get settingsFile(): string {
    return path.join(this.root, 'settings.json');
  }

  get profilesFile(): string {
    return path.join(this.root, 'profiles.json');
  }

  get logFile(): string {
    return path.join(this.root, 'logs', 'backoffice.log');
  }

  get uploadsDir(): string {
    return path.join(this.root, 'uploads');
  }

  get downloadsDir(): string {
    return path.join(this.root, 'downloads');
  }

  profileDir(id: string): string {
    return path.join(this.root, 'profiles', id);
  }

  cacheFile(id: string): string {
    return path.join(this.profileDir(id), 'cache.sqlite');
  }
}
