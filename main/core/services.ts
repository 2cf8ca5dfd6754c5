import type { RunMode } from '../../shared/contract/app';
import type { DataDir } from './data-dir';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';
import type { ProfileCaches } from './profile-caches';
import type { ProfileRegistry } from '../profiles/profile-registry';
import type { SettingsStore } from '../settings/settings-store';
import type { InvoicingSettingsStore } from '../invoicing/invoicing-settings-store';
import type { StatusTracker } from '../status/status-tracker';
import type { MoodleClient } from '../moodle/rest-client';
import type { SiteSession } from './site-sessions';
import type { StagedUploads } from '../uploads/staged-uploads';

/** What the domains' commands are built from. Constructed once in createCore; tests build their own. */
export interface CoreServices {
  version: string;
  mode: RunMode;
  dataDir: DataDir;
  logger: Logger;
  bus: EventBus;
  profiles: ProfileRegistry;
  settings: SettingsStore;
  /** Per site profile: what invoices must say that the shop does not know (invoicing/). */
  invoicing: InvoicingSettingsStore;
  status: StatusTracker;
  caches: ProfileCaches;
  /** Files windows send in chunks (uploads.*), for the commands that read files. */
  uploads: StagedUploads;
  /** A client for a saved profile, or for a URL and token being tried before saving. */
  moodle(target: { id: string } | { url: string; token: string }): MoodleClient;
  /** The active site's cache, shop client and sync engine; no_active_profile when none is set up. */
  activeSite(): SiteSession;
  /** Forget the open site session (the active site changed, or its address or token did). */
  resetSite(): void;
}
