import type { AppErrorShape } from '../../../shared/contract';
import { toAppErrorShape } from '../errors/app-error';

/**
 * What an action the operator started (save, send, remove…) shows while it runs and after: busy while it
 * runs, so its button is disabled and a second click does nothing; the refusal or failure once it ended, as the
 * app's `{ code, message, details }` that ErrorNotice words (errors/error-text.ts). Kept apart from React so
 * the rules are tested without a DOM; use-action.ts holds it in a component.
 */
export interface ActionState {
  readonly busy: boolean;
  readonly error: AppErrorShape | null;
}

export const IDLE: ActionState = { busy: false, error: null };

/** Who runs the work: one run at a time, each change of state reported. */
export interface ActionRunner {
  /**
   * Runs `work` unless a run is under way (then does nothing and resolves false). Clears the last error first;
   * resolves true when the work ended, false when it threw (the error is then reported, never rethrown). The
   * signal is aborted when the run is replaced or abandoned.
   */
  run(work: (signal: AbortSignal) => Promise<unknown> | void): Promise<boolean>;
  /**
   * Runs `work` in place of the run under way, whose signal is aborted and whose end is no longer reported:
   * for what the operator's latest choice replaces (a file picked again while the first one is read).
   */
  replace(work: (signal: AbortSignal) => Promise<unknown> | void): Promise<boolean>;
  /** Aborts the run under way and reports nothing more of it (the component that showed it is gone). */
  abandon(): void;
  /** Forgets the error shown (the operator dismissed it, or changed what it was about). */
  clear(): void;
  /** Shows an error that did not come from a run (a check made before running). */
  fail(error: unknown): void;
}

export function createActionRunner(report: (state: ActionState) => void): ActionRunner {
  // The run under way, kept here rather than read from the reported state: two clicks within one render both
  // see busy false. A run that is no longer the current one (replaced, abandoned) reports nothing.
  let current: AbortController | null = null;
  const execute = async (work: (signal: AbortSignal) => Promise<unknown> | void) => {
    current?.abort();
    const mine = new AbortController();
    current = mine;
    report({ busy: true, error: null });
    let failure: { error: unknown } | null = null;
    try {
      await work(mine.signal);
    } catch (error) {
      failure = { error };
    }
    // Replaced or abandoned: the work's end is its own to tell the caller, not the screen.
    if (current !== mine) return failure === null;
    current = null;
    report(failure ? { busy: false, error: toAppErrorShape(failure.error) } : IDLE);
    return failure === null;
  };
  return {
    run: (work) => (current ? Promise.resolve(false) : execute(work)),
    replace: execute,
    abandon() {
      current?.abort();
      current = null;
    },
    clear() {
      if (!current) report(IDLE);
    },
    fail(error) {
      if (!current) report({ busy: false, error: toAppErrorShape(error) });
    },
  };
}
