import { z } from 'zod';
import { inputIssuesSchema, type AppErrorShape } from '../../../shared/contract';

export type FieldErrors<F extends string> = Partial<Record<F, string[]>>;

export interface SplitError<F extends string> {
  /** Messages to show under each field. */
  fields: FieldErrors<F>;
  /** The error to show above the form, when the field messages do not tell the whole story. */
  rest: AppErrorShape | null;
}

// What refusals about a single field carry, such as profile_name_taken.
const fieldSchema = z.object({ field: z.string() });

/**
 * Sorts a command's error between the form's fields and the form itself. The server is the authority on
 * validity, so its messages are shown as they are, under the field they name. `under` names the object the
 * form's fields sit in within the command's input (`details` for { id, details: {...} }).
 */
export function splitFieldErrors<F extends string>(error: AppErrorShape, fields: readonly F[], under?: string): SplitError<F> {
  const isField = (name: string | undefined): name is F => name !== undefined && (fields as readonly string[]).includes(name);
  const result: FieldErrors<F> = {};
  const add = (field: F, message: string) => {
    result[field] = [...(result[field] ?? []), message];
  };

  if (error.code === 'invalid_input') {
    const parsed = inputIssuesSchema.safeParse(error.details);
    if (!parsed.success) return { fields: {}, rest: error };
    let unmatched = false;
    for (const issue of parsed.data.issues) {
      const field = under === undefined ? issue.path[0] : issue.path[0] === under ? issue.path[1] : undefined;
      if (isField(field)) add(field, issue.message);
      else unmatched = true;
    }
    return { fields: result, rest: unmatched ? error : null };
  }

  const single = fieldSchema.safeParse(error.details);
  if (single.success && isField(single.data.field)) {
    add(single.data.field, error.message);
    return { fields: result, rest: null };
  }
  return { fields: {}, rest: error };
}

export function hasFieldErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values<string[] | undefined>(errors).some((messages) => messages !== undefined && messages.length > 0);
}
