import { settingsSchema, type Settings } from '../../shared/contract/settings';
import type { DataDir } from '../core/data-dir';
import { readJsonFile, writeJsonFileAtomic } from '../core/json-file';
import type { Logger } from '../core/logger';

export const DEFAULT_SETTINGS: Settings = { language: 'system', theme: 'system' };

export class SettingsStore {
  constructor(
    private readonly dataDir: DataDir,
    private readonly logger: Logger,
  ) {}

  get(): Settings {
    // Unknown or missing keys fall back one by one: a preference added later must not reset the others.
    const stored = readJsonFile(
      this.dataDir.settingsFile,
      settingsSchema.partial(),
      () => ({}),
      (m) => this.logger.warn(m),
    );
    return { ...DEFAULT_SETTINGS, ...stored };
  }

  update(patch: Partial<Settings>): Settings {
    const next = { ...this.get(), ...patch };
    writeJsonFileAtomic(this.dataDir.settingsFile, next);
    return next;
  }
}
