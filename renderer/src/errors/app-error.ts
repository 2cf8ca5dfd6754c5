import { AppError, isAppErrorShape, type AppErrorShape, type ErrorCode } from '../../../shared/contract';
import type { MessageKey } from '../i18n/en';

/**
 * Whatever a command threw, as `{ code, message, details }`. The bridge throws AppError for every refusal;
 * anything else (a transport that answered garbage, a bug here) is shown as an internal error with its own
 * message, which is the most an operator can report.
 */
export function toAppErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  if (isAppErrorShape(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

/** The title key of an error code; the template type makes a code without a title a type error. */
export function errorTitleKey(code: ErrorCode): MessageKey {
  const key: `error.${ErrorCode}` & MessageKey = `error.${code}`;
  return key;
}
