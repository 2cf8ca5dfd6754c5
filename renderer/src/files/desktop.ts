import {
  AppError,
  type DesktopApi,
  type DesktopCommandName,
  type DesktopInput,
  type DesktopOutput,
  type PreloadBridge,
  type Result,
} from '../../../shared/contract';

/**
 * The desktop app's save dialogs and shell (shared/contract/desktop.ts, answered by electron/desktop-ipc.ts),
 * typed; null in browser mode, where exports are downloaded through the page instead.
 */
export function desktopApi(): DesktopApi | null {
  // Read here rather than through api/bridge.ts, which picks its transport when loaded.
  const bridge = (window as { backoffice?: PreloadBridge }).backoffice;
  if (!bridge) return null;
  return {
    async invoke<N extends DesktopCommandName>(name: N, input: DesktopInput<N>): Promise<DesktopOutput<N>> {
      const result = (await bridge.desktop(name, input)) as Result<DesktopOutput<N>>;
      if (result.ok) return result.value;
      throw new AppError(result.error.code, result.error.message, result.error.details);
    },
  };
}
