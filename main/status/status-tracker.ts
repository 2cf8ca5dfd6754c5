import type { AppStatus, ConnectionState } from '../../shared/contract/app';
import type { EventBus } from '../core/event-bus';

/** What the status bar shows; every change is pushed as app.statusChanged. */
export class StatusTracker {
  private connection: ConnectionState = 'unknown';
  private connectionDetail: string | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly read: () => Pick<AppStatus, 'activeProfile' | 'lastSyncAt'>,
  ) {}

  snapshot(): AppStatus {
    return { ...this.read(), connection: this.connection, connectionDetail: this.connectionDetail };
  }

  /** Called by the Moodle client after each call. */
  reachability(reachable: boolean, detail: string | null): void {
    const next: ConnectionState = reachable ? 'online' : 'offline';
    if (next === this.connection && detail === this.connectionDetail) return;
    this.connection = next;
    this.connectionDetail = detail;
    this.publish();
  }

  /** The active site changed: what we knew about the old one's reachability no longer holds. */
  siteChanged(): void {
    this.connection = 'unknown';
    this.connectionDetail = null;
    this.publish();
  }

  publish(): void {
    this.bus.emit('app.statusChanged', this.snapshot());
  }
}
