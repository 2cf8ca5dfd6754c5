import { AppError } from '../../shared/contract';
import type { MoodleClient } from '../moodle/rest-client';
import type { WsValue } from '../moodle/encode-params';
import type { SiteFunction } from '../../shared/moodle/site-functions';

/** One Moodle call of a handler run, as the bill's production log keeps it. Never a token, never a password. */
export interface ProductionCall {
  at: number;
  function: string;
  /** Items in the batch (users, enrolments, members...), 1 for a lookup. */
  items: number;
  ms: number;
  /** 'ok', or the Moodle errorcode / the app's error code. */
  outcome: string;
  detail: string;
}

/** A Moodle client that remembers each call of one run, for the log kept with the bill. */
export class LoggedMoodle {
  readonly calls: ProductionCall[] = [];

  constructor(
    private readonly client: MoodleClient,
    private readonly onCall: (call: ProductionCall) => void = () => {},
  ) {}

  async call<T>(fn: SiteFunction, params: Record<string, WsValue>, info: { items: number; detail: string }): Promise<T> {
    const started = performance.now();
    const record = (outcome: string) => {
      const call: ProductionCall = {
        at: Date.now(),
        function: fn,
        items: info.items,
        ms: Math.round(performance.now() - started),
        outcome,
        detail: info.detail,
      };
      this.calls.push(call);
      this.onCall(call);
    };
    try {
      const value = await this.client.call<T>(fn, params);
      record('ok');
      return value;
    } catch (error) {
      record(error instanceof AppError ? String(error.details?.['errorcode'] ?? error.code) : 'internal');
      throw error;
    }
  }
}

/**
 * PHP drops form fields beyond max_input_vars (1,000 by default) without a word: a batch is cut so that no
 * call carries more than this many fields.
 */
export const MAX_FIELDS_PER_CALL = 900;

export function chunk<T>(items: readonly T[], fieldsPerItem: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_FIELDS_PER_CALL / fieldsPerItem));
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
