import type { z } from 'zod';

/** A command: one object in, one object out. Named `domain.verb`. */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for docs and the CLI's help. */
  summary: string;
}

/** An event pushed from the core to every window. Named `domain.pastTense`. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  summary: string;
}

export function command<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): CommandSpec<I, O> {
  return { summary, input, output };
}

export function event<P extends z.ZodType>(summary: string, payload: P): EventSpec<P> {
  return { summary, payload };
}
