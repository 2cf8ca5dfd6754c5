/**
 * Transport faults a client must survive, injected per function (or '*' for any) for a number of calls.
 * They act before Moodle does, except `truncated-json` and `stall`, which let the call run: a write that
 * timed out or came back cut off may well have been applied, and a client has to cope with that too.
 */
export type Fault =
  /** An HTTP error page (500 by default), as a proxy or a crashed PHP-FPM gives. */
  | { kind: 'http-error'; status?: number; body?: string; contentType?: string }
  /** PHP's fatal error printed as HTML with status 200 (display_errors on): not JSON, not an HTTP error either. */
  | { kind: 'php-fatal'; status?: number }
  /** The real answer, cut in the middle. */
  | { kind: 'truncated-json' }
  /** The answer comes after `ms` milliseconds. */
  | { kind: 'stall'; ms: number }
  /** The connection is dropped without any answer. */
  | { kind: 'connection-reset' };

interface Entry {
  fn: string;
  fault: Fault;
  remaining: number;
}

export const PHP_FATAL_PAGE =
  '<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function simulated_fault() in /var/www/moodle/lib/external/classes/external_api.php:42\n' +
  'Stack trace:\n#0 /var/www/moodle/webservice/rest/server.php(49): core_external\\external_api::call_external_function()\n#1 {main}\n' +
  '  thrown in <b>/var/www/moodle/lib/external/classes/external_api.php</b> on line <b>42</b><br />\n';

export const HTTP_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1>' +
  '<p>The server encountered an internal error and was unable to complete your request.</p></body></html>\n';

export class FaultQueue {
  private entries: Entry[] = [];

  /** The next `times` calls of `fn` (any function with '*') get `fault`. Infinity keeps it until clear(). */
  inject(fn: string, fault: Fault, times = 1): void {
    if (!(times > 0)) throw new Error('times must be positive');
    this.entries.push({ fn, fault, remaining: times });
  }

  /** The fault for this call, if any; specific injections are matched in the order they were made. */
  take(fn: string): Fault | undefined {
    const entry = this.entries.find((e) => e.fn === fn || e.fn === '*');
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries = this.entries.filter((e) => e !== entry);
    return entry.fault;
  }

  clear(): void {
    this.entries = [];
  }
}
