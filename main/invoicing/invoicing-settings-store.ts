import path from 'node:path';
import { DEFAULT_INVOICING_SETTINGS, invoicingSettingsSchema, type InvoicingSettings } from '../../shared/contract/invoicing';
import type { DataDir } from '../core/data-dir';
import { readJsonFile, writeJsonFileAtomic } from '../core/json-file';
import type { Logger } from '../core/logger';

/**
 * A site profile's invoicing settings, in profiles/<id>/invoicing.json: beside the cache, not in it, so they
 * outlive a new cache or a rebuild (they are the company's, not the shop's copy). Keys missing from an older
 * file fall back one by one to the defaults.
 */
export class InvoicingSettingsStore {
  constructor(
    private readonly dataDir: DataDir,
    private readonly logger: Logger,
  ) {}

  private file(profileId: string): string {
    return path.join(this.dataDir.profileDir(profileId), 'invoicing.json');
  }

  get(profileId: string): InvoicingSettings {
    const stored = readJsonFile(
      this.file(profileId),
      storedSchema,
      () => ({}),
      (message) => this.logger.warn(message),
    );
    return {
      ...DEFAULT_INVOICING_SETTINGS,
      ...stored,
      seller: { ...DEFAULT_INVOICING_SETTINGS.seller, ...stored.seller },
      payment: { ...DEFAULT_INVOICING_SETTINGS.payment, ...stored.payment },
    };
  }

  set(profileId: string, settings: InvoicingSettings): InvoicingSettings {
    writeJsonFileAtomic(this.file(profileId), settings);
    return settings;
  }
}

const storedSchema = invoicingSettingsSchema
  .extend({
    seller: invoicingSettingsSchema.shape.seller.partial(),
    payment: invoicingSettingsSchema.shape.payment.partial(),
  })
  .partial();
