import { CheckSkipped, type Check, type ConformanceContext, type Verification } from './check';

/**
 * Runs checks in two passes around one wait. First every check runs; those that wrote and need the site to
 * serve their writes hand back a verification. Then the runner waits once for the site's settling window to
 * pass, by the site's clock, and runs the verifications. Last, what the run created is deleted.
 */

export type Outcome = 'ok' | 'FAIL' | 'skip';

export interface CheckResult {
  name: string;
  outcome: Outcome;
  ms: number;
  detail?: string;
}

export interface RunOptions {
  /** Only the checks whose name contains this (case-insensitive). */
  only?: string;
  report(result: CheckResult): void;
  note(line: string): void;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // A refusal relayed by the REST client carries Moodle's errorcode in its details: say it, it is what differs.
    const errorcode = (error as { details?: Record<string, unknown> }).details?.['errorcode'];
    return errorcode && !error.message.includes(String(errorcode)) ? `${error.message} (errorcode ${String(errorcode)})` : error.message;
  }
  return String(error);
}

function outcomeOf(name: string, ms: number, error: unknown): CheckResult {
  if (error instanceof CheckSkipped) return { name, outcome: 'skip', ms, detail: error.message };
  return { name, outcome: 'FAIL', ms, detail: describeError(error) };
}

export async function runChecks(checks: readonly Check[], context: ConformanceContext, options: RunOptions): Promise<CheckResult[]> {
  const selected = options.only ? checks.filter((c) => c.name.toLowerCase().includes(options.only!.toLowerCase())) : checks;
  const results: CheckResult[] = [];
  const done = (result: CheckResult) => {
    results.push(result);
    options.report(result);
  };
  const pending: { check: Check; verify: Verification; ms: number }[] = [];

  for (const check of selected) {
    const started = performance.now();
    try {
      const verify = await check.run(context);
      const ms = performance.now() - started;
      if (verify) pending.push({ check, verify, ms });
      else done({ name: check.name, outcome: 'ok', ms });
    } catch (error) {
      done(outcomeOf(check.name, performance.now() - started, error));
    }
  }

  if (pending.length > 0) {
    let waitError: unknown = null;
    try {
      if (context.site.wrote) await context.site.waitUntilSettled();
    } catch (error) {
      waitError = error;
    }
    for (const { check, verify, ms } of pending) {
      const started = performance.now();
      try {
        if (waitError) throw waitError;
        await verify();
        done({ name: check.name, outcome: 'ok', ms: ms + performance.now() - started });
      } catch (error) {
        done(outcomeOf(check.name, ms + performance.now() - started, error));
      }
    }
  }

  for (const problem of await context.fixtures.cleanUp()) options.note(`note: clean-up: ${problem}`);
  return results;
}
