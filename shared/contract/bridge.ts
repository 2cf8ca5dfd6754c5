import type { DesktopBridge } from './desktop';
import type { Result } from './result';

/**
 * What the Electron preload puts on `window.backoffice`. Errors cannot cross contextBridge as classes, so
 * `invoke` resolves to a Result and the renderer's bridge turns a failure into an AppError. `desktop` carries
 * the few commands Electron's main process answers itself (shared/contract/desktop.ts).
 */
export interface PreloadBridge extends DesktopBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on(name: string, callback: (payload: unknown) => void): () => void;
}

export const IPC_INVOKE_CHANNEL = 'backoffice:invoke';
export const IPC_EVENT_CHANNEL = 'backoffice:event';
