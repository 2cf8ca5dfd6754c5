import { useEffect, useMemo, useState } from 'react';
import { createActionRunner, IDLE, type ActionRunner, type ActionState } from './action-state';

export type Action = ActionState & ActionRunner;

/**
 * One way to run what the operator asked for with its busy and error state (action-state.ts):
 *   const save = useAction();
 *   <button aria-disabled={save.busy} onClick={() => save.run(async () => { await api.invoke(…); onSaved(); })}>
 *   {save.error && <ErrorNotice error={save.error} />}
 * What follows a success (closing the dialog, telling the parent) goes inside the work, after the command.
 */
export function useAction(): Action {
  const [state, setState] = useState<ActionState>(IDLE);
  const runner = useMemo(() => createActionRunner(setState), []);
  // Leaving the screen abandons the run under way: its end has nowhere to show, and its signal says stop.
  useEffect(() => () => runner.abandon(), [runner]);
  return { ...state, ...runner };
}
