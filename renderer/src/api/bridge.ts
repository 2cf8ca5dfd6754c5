import {
  AppError,
  type BackofficeApi,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type EventName,
  type EventPayload,
  type PreloadBridge,
  type Result,
} from '../../../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload (electron/preload.ts); absent in browser mode. */
    backoffice?: PreloadBridge;
  }
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.details);
}

/**
 * Browser mode: the same contract over loopback HTTP. The launch secret travels in an HttpOnly cookie the
 * server set when the page was first opened, so page scripts never hold it.
 */
function httpApi(): BackofficeApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource('/api/events');
    source.onmessage = (message) => {
      const { name, payload } = JSON.parse(message.data as string) as { name: string; payload: unknown };
      for (const callback of listeners.get(name) ?? []) callback(payload);
    };
  };
  return {
    async invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
      let response: Response;
      try {
        response = await fetch(`/api/invoke/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        throw new AppError('internal', 'The back-office core is not running. Restart the app.');
      }
      let result: Result<CommandOutput<N>>;
      try {
        result = (await response.json()) as Result<CommandOutput<N>>;
      } catch {
        // A proxy page or a crashed core answers with something else than the contract's Result.
        throw new AppError(
          'internal',
          `The back-office core answered ${name} with HTTP ${response.status} and no result. Restart the app.`,
        );
      }
      return unwrap(result);
    },
    on<E extends EventName>(name: E, callback: (payload: EventPayload<E>) => void) {
      ensureSource();
      const set = listeners.get(name) ?? new Set();
      set.add(callback as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(callback as (payload: unknown) => void);
    },
  };
}

/** Electron: the preload's bridge, typed by the contract. */
function ipcApi(bridge: PreloadBridge): BackofficeApi {
  return {
    invoke: async <N extends CommandName>(name: N, input: CommandInput<N>) =>
      unwrap((await bridge.invoke(name, input)) as Result<CommandOutput<N>>),
    on: <E extends EventName>(name: E, callback: (payload: EventPayload<E>) => void) =>
      bridge.on(name, (payload) => callback(payload as EventPayload<E>)),
  };
}

export const api: BackofficeApi = window.backoffice ? ipcApi(window.backoffice) : httpApi();
