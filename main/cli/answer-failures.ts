import { isCommandName } from '../../shared/contract';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract';

/**
 * Answers that say the work was not (fully) done. Most long commands fail as errors (the CLI exits 1 on
 * those already), but some answer "ok" with a report whose content is a failure: a sync run that failed, an
 * import that found nothing to import. A nightly script only sees the exit code, so the CLI reads each such
 * answer here and exits 1 with `{ code, message }` on stderr, the answer itself staying on stdout.
 *
 * One entry per long command, typed against the contract's output: a renamed field or a new outcome fails
 * the typecheck until it is sorted here. Commands not listed answer only once their work is done.
 */
export interface AnswerFailure {
  code: string;
  message: string;
}

type Judge<N extends CommandName> = (answer: CommandOutput<N>, input: CommandInput<N>) => AnswerFailure | null;

/** For a command whose failures are all errors: its answer itself means done. Listed to show it was looked at. */
const answeredOnlyWhenDone = (): null => null;

type SyncOutcome = CommandOutput<'sync.start'>['outcome'];
/** 'running' is never answered (a run's promise settles when it ends), and would not be done either. */
const SYNC_NOT_DONE: Record<SyncOutcome, boolean> = { running: true, done: false, failed: true, cancelled: true, interrupted: true };

function syncRun(command: 'sync.start' | 'sync.rebuildCache'): Judge<typeof command> {
  return (run) => {
    if (!SYNC_NOT_DONE[run.outcome]) {
      // Done, but some changes did not get through: they wait in the outbox for someone to decide.
      if (run.refused === 0) return null;
      return {
        code: 'sync_changes_refused',
        message: `The sync ran, but the shop refused ${run.refused} change${run.refused === 1 ? '' : 's'} (parked, or in conflict with a change made on the site): they wait in the outbox. List them with outbox.list; retry or discard each with outbox.retry or outbox.discard.`,
      };
    }
    // The run's own error code (moodle_unreachable, site_changed...) says more than its outcome; a run
    // recorded before runs kept one has none.
    return { code: run.errorCode || `sync_${run.outcome}`, message: run.detail || `${command} ended ${run.outcome}.` };
  };
}

type ProductionOutcome = CommandOutput<'production.run'>['outcome'];
/** nothing_to_do is done: an earlier run made everything already. */
const PRODUCTION_NOT_DONE: Record<ProductionOutcome, boolean> = { done: false, nothing_to_do: false, failed: true, blocked: true };

const judges: { [N in CommandName]?: Judge<N> } = {
  'sync.start': syncRun('sync.start'),
  'sync.rebuildCache': syncRun('sync.rebuildCache'),
  // Re-queues the change (its work); whether the shop takes it is the next sync.start's answer.
  'outbox.retry': answeredOnlyWhenDone,
  // Exports write every file under a temporary name and rename them all at the end, or fail with an error
  // (target, missing bills, cancel): an answer means every file is there. An empty selection is a file too.
  'exports.billsXlsx': answeredOnlyWhenDone,
  'exports.invoicesPdf': answeredOnlyWhenDone,
  'exports.creditNotesPdf': answeredOnlyWhenDone,
  'exports.month': answeredOnlyWhenDone,
  'catalogs.exportXlsx': answeredOnlyWhenDone,
  'lettering.exportXlsx': answeredOnlyWhenDone,
  'lettering.exportFec': answeredOnlyWhenDone,
  // An audit answers once its findings are saved; a check with findings fails as audit_found.
  'audit.run': answeredOnlyWhenDone,
  'audit.check': answeredOnlyWhenDone,
  'audit.exportXlsx': answeredOnlyWhenDone,
  // A fix is done when Moodle refused nothing and what the app fixes is gone; access without a sale is never fixed.
  'audit.fix': (answer) => {
    if (answer.failure)
      return {
        code: 'audit_fix_failed',
        message: `Moodle refused ${answer.failure.function} (${answer.failure.code})${answer.failure.who ? ` for ${answer.failure.who}` : ''}: ${answer.failure.message} The writes before it were applied; ${answer.fixed} finding(s) fixed.`,
      };
    const skipped = answer.plan.fixes.filter((f) => f.skipped === 'without_sale').length;
    if (answer.left > skipped)
      return {
        code: 'audit_not_fixed',
        message: `${answer.left - skipped} finding(s) are still there after the fix (${listed(answer.plan.fixes.filter((f) => f.skipped !== null && f.skipped !== 'without_sale').map((f) => `${f.findingId}: ${f.skipped}`))}); ${answer.fixed} fixed.`,
      };
    return null;
  },
  'followup.exportRenewalsXlsx': answeredOnlyWhenDone,
  'reminders.exportMailMerge': answeredOnlyWhenDone,
  // Moodle answers each message on its own: one it refused (a recipient's privacy, a deleted account) is recorded
  // on its bill as not sent, and the script is told. Customers without an account are the mail-merge file's.
  'reminders.send': (result) =>
    result.failed.length === 0
      ? null
      : {
          code: 'reminders_not_sent',
          message: `${result.sent} sent; Moodle refused ${result.failed.length}: ${result.failed.map((f) => `bill ${f.billId} (${f.customer}): ${f.error}`).join('; ')}`,
        },
  // The handler throws production_blocked / production_failed today; the answer is read too, so that a run
  // answered with such an outcome can never pass for done. Same codes as those errors.
  'production.run': (run) => {
    if (!PRODUCTION_NOT_DONE[run.outcome]) return null;
    const blocking = run.plan.problems.filter((p) => p.blocking).map((p) => p.message);
    const message = run.failure
      ? `Moodle refused ${run.failure.function} (${run.failure.code}) at step ${run.failure.step}: ${run.failure.message}`
      : blocking.join(' ') || `production.run ended ${run.outcome}.`;
    return { code: `production_${run.outcome}`, message };
  },
  // A refused row is an error (lettering_file_invalid). Invoices all imported before (skipped) is the monthly
  // re-import of a growing FEC: done. A file with no invoice at all (a FEC holding only payments, another
  // journal) imported nothing: most likely the wrong file.
  'lettering.import': (result) =>
    result.invoices === 0 && result.skipped === 0
      ? {
          code: 'lettering_nothing_imported',
          message: `The file's ${result.lines} lines hold no customer invoice (an entry on a 411 account without a bank or cash line): nothing was imported. Check that it is the right file.`,
        }
      : null,
  // With apply, rows with issues refuse the whole file (catalog_import_invalid)... except when no other row
  // changes, where the preview is answered as is: nothing applied, the issues in it. A preview (apply: false)
  // is a report, done when answered.
  'catalogs.importXlsx': (preview, input) =>
    input.apply && preview.issues.length > 0
      ? {
          code: 'catalog_import_invalid',
          message: `${preview.issues.length} rows cannot be imported, so nothing was: ${preview.issues[0]!.message}`,
        }
      : null,
  // A check failure refuses the whole change (catalog_invalid). But items asked for that the catalog does not
  // have are dropped silently, and an item left as it is for another reason than "already so" (a master's
  // item seen from a slave) did not get the change: the change is not in force on every item asked for.
  'catalogs.bulkApply': (preview, input) => {
    const answered = new Set(preview.rows.map((r) => r.id));
    const missing = [...new Set(input.ids)].filter((id) => !answered.has(id));
    if (missing.length > 0)
      return {
        code: 'catalog_not_found',
        message: `${missing.length} of the items asked for are not in this catalog (${listed(missing)}); the change was applied to the others.`,
      };
    const left = preview.rows.filter((r) => r.skipped !== null && r.skipped !== 'unchanged');
    if (left.length > 0)
      return {
        code: 'catalog_not_editable',
        message: `${left.length} of the items asked for were left as they are (${listed(left.map((r) => `${r.code}: ${r.skipped}`))}); the change was applied to the others.`,
      };
    return null;
  },
};

function listed(values: readonly (string | number)[]): string {
  return `${values.slice(0, 10).join(', ')}${values.length > 10 ? '…' : ''}`;
}

/** The failure an ok answer of `name` reports, or null when it means the work was done. */
export function failureOfAnswer(name: string, answer: unknown, input: unknown): AnswerFailure | null {
  if (!isCommandName(name)) return null;
  const judge = judges[name] as ((answer: unknown, input: unknown) => AnswerFailure | null) | undefined;
  return judge ? judge(answer, input) : null;
}

/** The long commands this table has an entry for (tests check each one's exit codes). */
export const judgedCommands = Object.keys(judges) as CommandName[];
