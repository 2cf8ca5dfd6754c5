import { z } from 'zod';
import { summarizeIssues } from '../../main/core/dispatch';
import type { MoodleClient } from '../../main/moodle/rest-client';
import type { SiteFunction } from '../../shared/moodle/site-functions';
import { shopSite } from '../../main/shop-api/site';
import { syncEntities, syncEntityNames, syncPageSchema } from '../../main/shop-api/sync-entities';
import {
  deleteAnswer,
  recordPaymentAnswer,
  recordProductionAnswer,
  saveCatalogAnswer,
  saveCatalogItemAnswer,
  saveCategoryAnswer,
  setLetteringAnswer,
  transitionBillAnswer,
  updateCustomerAnswer,
} from '../../main/shop-api/writes';
import { ConformanceFailure, fail, show } from './check';
import type { RawAnswer } from './site-under-test';

/**
 * The documented answer of every local_shopbackoffice_ function, as the back-office's own zod schemas say it
 * (main/shop-api/): the suite judges a site by what the client will accept. The client's schemas let
 * undeclared keys through (zod strips them); the suite does not, because a key the doc does not declare is
 * a plugin that drifted from the doc, whatever the client makes of it.
 */
export const WRITE_ANSWERS = {
  local_shopbackoffice_save_catalog: saveCatalogAnswer,
  local_shopbackoffice_delete_catalog: deleteAnswer,
  local_shopbackoffice_save_category: saveCategoryAnswer,
  local_shopbackoffice_delete_category: deleteAnswer,
  local_shopbackoffice_save_catalogitem: saveCatalogItemAnswer,
  local_shopbackoffice_delete_catalogitem: deleteAnswer,
  local_shopbackoffice_update_customer: updateCustomerAnswer,
  local_shopbackoffice_transition_bill: transitionBillAnswer,
  local_shopbackoffice_record_payment: recordPaymentAnswer,
  local_shopbackoffice_set_bill_lettering: setLetteringAnswer,
  local_shopbackoffice_record_production: recordProductionAnswer,
} as const satisfies Record<string, z.ZodType>;

export type WriteFunction = keyof typeof WRITE_ANSWERS;
export const WRITE_FUNCTIONS = Object.keys(WRITE_ANSWERS) as WriteFunction[];

export const GET_SITE = 'local_shopbackoffice_get_site';

export const ANSWERS: Readonly<Record<string, z.ZodType>> = {
  [GET_SITE]: shopSite,
  ...Object.fromEntries(syncEntityNames.map((entity) => [syncEntities[entity].fn, syncPageSchema(entity)])),
  ...WRITE_ANSWERS,
};

/** Every function of docs/shop-api.md: get_site, the nine syncs, the eleven writes. */
export const ALL_FUNCTIONS = Object.keys(ANSWERS);

export function isWrite(fn: string): fn is WriteFunction {
  return fn in WRITE_ANSWERS;
}

/** Paths of the keys in `value` that `schema` does not declare (`rows[3].items[0].colour`). */
export function undeclaredKeys(schema: z.ZodType, value: unknown, path = ''): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return undeclaredKeys(schema.unwrap() as z.ZodType, value, path);
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, index) => undeclaredKeys(schema.element as z.ZodType, item, `${path}[${index}]`));
  }
  if (schema instanceof z.ZodObject && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.entries(value).flatMap(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      const declared = shape[key];
      return declared ? undeclaredKeys(declared, item, at) : [at];
    });
  }
  return [];
}

/** What the strict check concluded about one answer, for the write functions' shape summary. */
export interface SeenAnswer {
  status: string;
  replayed: number;
  valid: boolean;
}

/** The answers of the write functions seen during a run, by function. */
export class AnswerLog {
  private readonly seen = new Map<string, SeenAnswer[]>();

  record(fn: string, answer: SeenAnswer): void {
    const list = this.seen.get(fn) ?? [];
    list.push(answer);
    this.seen.set(fn, list);
  }

  of(fn: string): readonly SeenAnswer[] {
    return this.seen.get(fn) ?? [];
  }
}

/**
 * The REST client, with every successful answer held to its documented shape before the caller sees it: a
 * check that calls a function through ShopApi thus also checks that function's answer, keys included.
 */
export function shapeCheckingClient(inner: MoodleClient, log: AnswerLog, onCall: (fn: string) => void): MoodleClient {
  return {
    siteUrl: inner.siteUrl,
    log: inner.log,
    async call<T>(fn: SiteFunction, params = {}, options = {}): Promise<T> {
      onCall(fn);
      const answer = await inner.call<T>(fn, params, options);
      const schema = ANSWERS[fn];
      if (!schema) return answer;
      const parsed = schema.safeParse(answer);
      const extra = undeclaredKeys(schema, answer);
      if (isWrite(fn)) {
        const { status, replayed } = (answer ?? {}) as { status?: unknown; replayed?: unknown };
        log.record(fn, { status: String(status), replayed: Number(replayed), valid: parsed.success && extra.length === 0 });
      }
      if (extra.length > 0) {
        throw new ConformanceFailure(`${fn} answered keys docs/shop-api.md does not declare: ${extra.slice(0, 5).join(', ')}`);
      }
      // An answer that does not parse is reported by ShopApi itself (moodle_bad_response, with the issues).
      return answer;
    },
  };
}

/**
 * A raw answer that should be a success: HTTP 200, JSON, not an exception, parsed by the documented schema
 * with no undeclared key. Returns the parsed answer.
 */
export function expectDocumentedAnswer<S extends z.ZodType>(what: string, answer: RawAnswer, schema: S): z.output<S> {
  if (answer.status !== 200) fail(`${what}: expected HTTP 200, got HTTP ${answer.status}`);
  if (answer.json === undefined) fail(`${what}: expected JSON, got ${show(answer.body)}`);
  const body = answer.json as { errorcode?: unknown; message?: unknown } | null;
  if (body && typeof body === 'object' && typeof body.errorcode === 'string') {
    fail(`${what}: refused with ${body.errorcode} (${show(body.message, 160)})`);
  }
  const parsed = schema.safeParse(answer.json);
  if (!parsed.success) fail(`${what}: not the documented shape: ${summarizeIssues(parsed.error)}`);
  const extra = undeclaredKeys(schema, answer.json);
  if (extra.length > 0) fail(`${what}: keys docs/shop-api.md does not declare: ${extra.slice(0, 5).join(', ')}`);
  return parsed.data;
}
