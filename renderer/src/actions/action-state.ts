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

/** Who runs the work: at most one run at a time, each change of state reported. */
export interface ActionRunner {
  /**
   * Runs `work` unless a run is under way (then does nothing and resolves false). Clears the last error first;
   * resolves true when the work ended, false when it threw (the error is then reported, never rethrown).
   */
  run(work: () => Promise<unknown> | void): Promise<boolean>;
  /** Forgets the error shown (the operator dismissed it, or changed what it was about). */
  clear(): void;
  /** Shows an error that did not come from a run (a check made before running). */
  fail(error: unknown): void;
}

export function createActionRunner(report: (state: ActionState) => void): ActionRunner {
  // A flag of its own rather than the reported state: two clicks within one render both see busy false.
  let running = false;
  return {
    async run(work) {
      if (running) return false;
      running = true;
      report({ busy: true, error: null });
      try {
        await work();
        running = false;
        report(IDLE);
        return true;
      } catch (failure) {
        running = false;
        report({ busy: false, error: toAppErrorShape(failure) });
        return false;
      }
    },
    clear() {
      if (!running) report(IDLE);
    },
    fail(error) {
      if (!running) report({ busy: false, error: toAppErrorShape(error) });
    },
  };
}
