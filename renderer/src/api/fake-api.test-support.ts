import { onTestFinished } from 'vitest';
import {
  AppError,
  commands,
  events,
  type BackofficeApi,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type EventName,
  type EventPayload,
  type ParsedInput,
} from '../../../shared/contract';

/** How the fake answers one command: as the core's handler would, given the input the core would parse. */
export type Answer<N extends CommandName> = (input: ParsedInput<N>) => CommandOutput<N> | Promise<CommandOutput<N>>;

/** The commands a test answers. Typed by the contract, so renaming a command or changing its shapes breaks the test's typecheck. */
export type Answers = { [N in CommandName]?: Answer<N> };

export interface SentCommand<N extends CommandName = CommandName> {
  name: N;
  /** As the component sent it, before the contract's defaults. */
  input: CommandInput<N>;
}

export interface FakeApi extends BackofficeApi {
  /** Every command invoked, in order, answered or not. */
  readonly sent: readonly SentCommand[];
  /** The inputs sent with one command, in order. */
  sentOf<N extends CommandName>(name: N): CommandInput<N>[];
  /** Answers (or answers differently) a command from now on. */
  answer<N extends CommandName>(name: N, answer: Answer<N>): void;
  /** Pushes an event to the listeners the components registered, as the core does to every window. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

/**
 * The renderer's API for component tests, built from the contract: each command the test names is answered
 * by the test's function, with the input parsed by the command's schema and the answer checked against its
 * output schema, as the core's dispatch does (main/core/dispatch.ts). A refusal is thrown as the bridge
 * throws it (an AppError rebuilt from its shape).
 *
 * What a component test must not pass silently fails the test when it ends, even if the component swallowed
 * the error into a notice: a command the test did not answer, an input the core would refuse, an answer the
 * contract does not allow (a fixture that drifted). Call it inside the test (it registers that check).
 */
export function fakeApi(answers: Answers = {}): FakeApi {
  const table: Answers = { ...answers };
  const sent: SentCommand[] = [];
  const mistakes: string[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  onTestFinished(() => {
    if (mistakes.length > 0) throw new Error(`The fake API was misused:\n${mistakes.join('\n')}`);
  });

  const invoke = async <N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> => {
    sent.push({ name, input } as SentCommand);
    const answer = table[name] as Answer<N> | undefined;
    if (!answer) {
      mistakes.push(`${name} was sent but the test does not answer it.`);
      throw new AppError('unknown_command', `The fake API has no answer for ${name}.`);
    }
    const parsed = commands[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      mistakes.push(`${name} was sent an input the contract refuses: ${parsed.error.message}`);
      throw new AppError('invalid_input', `Invalid input for ${name}.`);
    }
    let value: CommandOutput<N>;
    try {
      value = await answer(parsed.data as ParsedInput<N>);
    } catch (error) {
      // A refusal crosses the transport as its shape and comes back as a new AppError (renderer/src/api/bridge.ts).
      if (error instanceof AppError) throw new AppError(error.code, error.message, error.details);
      throw error;
    }
    const output = commands[name].output.safeParse(value);
    if (!output.success) {
      mistakes.push(`The test's answer to ${name} does not match the contract: ${output.error.message}`);
      throw new AppError('internal', 'The back-office hit an internal error. Please report it with the log.');
    }
    return output.data as CommandOutput<N>;
  };

  return {
    invoke,
    on<E extends EventName>(name: E, callback: (payload: EventPayload<E>) => void) {
      const set = listeners.get(name) ?? new Set();
      set.add(callback as (payload: never) => void);
      listeners.set(name, set);
      return () => void set.delete(callback as (payload: never) => void);
    },
    get sent() {
      return sent;
    },
    sentOf<N extends CommandName>(name: N) {
      return sent.filter((call): call is SentCommand<N> => call.name === name).map((call) => call.input);
    },
    answer<N extends CommandName>(name: N, answer: Answer<N>) {
      (table as Record<N, Answer<N>>)[name] = answer;
    },
    emit<E extends EventName>(name: E, payload: EventPayload<E>) {
      const checked = events[name].payload.parse(payload) as EventPayload<E>;
      for (const callback of listeners.get(name) ?? []) (callback as (payload: EventPayload<E>) => void)(checked);
    },
  };
}
