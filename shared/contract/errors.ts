import { z } from 'zod';

/**
 * Stable error codes. The renderer translates them; scripts match on them. Never rename one: add a new
 * code instead. Each says what went wrong in terms an operator can act on.
 */
export const errorCodes = [
  // Boundary
  'invalid_input', // the payload did not match the command's schema
  'unknown_command',
  'unauthorized', // browser mode: request without the launch secret
  'internal', // a bug: the message is generic, details stay in the main process
  // Data folder and local cache
  'db_too_new', // the cache was written by a newer version of the app
  'db_corrupt',
  'data_dir_unwritable',
  // Site profiles
  'profile_not_found',
  'profile_name_taken',
  'no_active_profile',
  'token_missing',
  'token_unreadable', // the stored token cannot be decrypted (OS keychain changed)
  // Moodle web services (the client maps every failure mode onto these)
  'moodle_ws_disabled',
  'moodle_invalid_token',
  'moodle_function_missing', // the function exists but is not in the token's service (or the user lacks webservice/rest:use)
  'moodle_function_not_installed', // the site has no such function: a plugin (local_shopbackoffice) is not installed, or is too old
  'moodle_access_denied',
  'moodle_exception',
  'moodle_bad_response', // a web page, a redirect or an unexpected HTTP status instead of data
  'moodle_truncated', // JSON cut off: the connection dropped mid-answer
  'moodle_server_error', // HTTP 5xx
  'moodle_timeout',
  'moodle_unreachable',
  'moodle_tls',
  // Sync
  'sync_cancelled',
  'sync_running',
  'site_changed', // the profile now reaches another site than the one its cache was filled from: start a new cache
  'cache_filling', // a long read started while a first sync or a rebuild fills the cache: it would miss part of the shop
  'kept_cache_not_found', // a cache set aside by "Start a new cache" that is no longer there
  'outbox_entry_not_found',
  'outbox_damaged', // an outbox row that cannot be read back: discard it and make the change again
  'outbox_not_undoable', // a waiting change that can no longer be undone (on its way, maybe received, or needed): details.reason says why
  // Exports
  'reminders_nothing', // every bill selected for a reminder is settled, or every product renewed
  'export_target_invalid', // the file or folder to write is not an absolute path in an existing, writable folder
  'export_bills_missing', // bills asked for by id are not in the local cache (rebuilt or not synced yet)
  'export_running', // an export with this id is already running
  'export_cancelled',
  'export_unprintable_text', // a text of an invoice has characters no font of the invoices can print: details.problems names bill, field, characters
  'export_file_not_openable', // the desktop app opens or shows only files its exports wrote in this session (and still there)
  'download_not_found', // browser mode: an export's download was already taken (each is served once) or is gone
  'export_einvoice_invalid', // an invoice or credit note cannot be written as Factur-X / CII (EN 16931): the message says what the standard refuses
  'invoice_mentions_missing', // an invoice would lack a mention French law requires: details.missing lists what to fill in (settings, customers); nothing was written
  // Bills and customers
  'bill_not_found', // not in the local cache (deleted on the site, or not synced yet)
  'bill_transition_not_allowed', // the shop's flow table has no such step from the bill's current state
  'bill_not_payable', // a payment cannot be recorded in the bill's current state
  'payment_exceeds_due', // the payment is larger than what is left to pay
  'bill_not_refundable', // a credit note needs an invoiced bill (lettered) that is paid (SOLDOUT, COMPLETE), with no credit note waiting to be sent
  'credit_exceeds_line', // a line would be credited beyond what is left on it, or against its sign: details name the line and what is left
  'customer_not_found',
  // Files sent by a window
  'upload_not_found', // no such upload: it was discarded, finished, or the app restarted; pick the file again
  'upload_incomplete', // a command was given an upload whose bytes have not all arrived
  // Lettering
  'lettering_file_invalid', // a file of invoices has rows that cannot be read: nothing was imported, details.problems lists them
  'lettering_item_not_open', // a bill or invoice of a match is unknown, already fully matched, or not letterable
  'lettering_over_allocated', // more is allocated than what is left on a bill or an invoice
  'lettering_currency_mismatch', // bills and invoices of one match are in different currencies
  'lettering_taken', // another bill already carries this lettering (invoice number)
  'lettering_bill_not_paid', // the shop letters only bills that are paid or partly paid
  'lettering_match_not_found',
  'lettering_no_fec', // a FEC export needs invoices imported from a FEC file
  'lettering_import_cancelled', // lettering.cancelImport stopped the import: nothing of the file was imported
  // Catalogs
  'catalog_not_found', // a catalog, category or item not in the local cache (deleted on the site, or not synced yet)
  'catalog_invalid', // values the shop would refuse: details.issues lists them by field; nothing was queued
  'catalog_not_editable', // the record cannot be changed from here (a master's item seen from a slave, a conflict to resolve first)
  'catalog_nothing_to_undo', // no unsent change of this record is left to undo
  'catalog_import_invalid', // the file is not a catalog export or has rows that cannot be read: details.issues lists them
  // Product handlers
  'production_line_not_found', // the bill line is not in the local cache (sync, then open the bill again)
  'production_running', // this line's handler is running already: wait for that run's result
  'production_blocked', // the plan has blocking problems: nothing was sent; details: the run's report (problems with rows, calls)
  'production_file_unreadable', // a participants file that is neither an XLSX workbook nor CSV text
  'production_failed', // Moodle refused a batch: the run stopped there; details: the run's report (failure with row, what was made)
  // audit of sales
  'audit_running', // an audit (or a fix) is running already: wait for it or cancel it
  'audit_cancelled', // audit.cancel stopped the audit: the findings of the previous audit stay
  'audit_found', // audit.check found sales that Moodle does not match: details.counts has the count of each kind
  'audit_finding_not_found', // findings asked for by id are gone (a newer audit replaced them): run the audit again
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** `details` of an invalid_input error: one entry per refused field, its path in the input. */
export const inputIssuesSchema = z.object({
  issues: z.array(z.object({ path: z.array(z.string()), message: z.string() })),
});
export type InputIssues = z.infer<typeof inputIssuesSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Structured facts for the UI (a missing function's name, a field path); never secrets. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

/** Thrown by commands and core modules; crosses every boundary as `{ code, message, details }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  return appErrorSchema.safeParse(value).success;
}
