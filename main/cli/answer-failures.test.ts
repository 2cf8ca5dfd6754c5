import { describe, expect, it } from 'vitest';
import type { CommandOutput } from '../../shared/contract';
import { failureOfAnswer } from './answer-failures';

/**
 * The answers the real CLI process cannot be brought to give cheaply (cli-process.test.ts runs the others):
 * a cancelled or interrupted run, a run carrying its error code, a production run answered as failed.
 */

const run = (
  outcome: CommandOutput<'sync.start'>['outcome'],
  extra: Partial<CommandOutput<'sync.start'>> = {},
): CommandOutput<'sync.start'> => ({
  id: 7,
  trigger: 'manual',
  startedAt: 1,
  finishedAt: 2,
  outcome,
  rowsApplied: 0,
  detail: outcome === 'done' ? null : `The run ${outcome}.`,
  errorCode: null,
  refused: 0,
  sent: 0,
  ...extra,
});

describe('which answers mean the work was not done', () => {
  it('a sync run: every outcome but done, with the run’s own error code when it has one', () => {
    for (const command of ['sync.start', 'sync.rebuildCache']) {
      expect(failureOfAnswer(command, run('done'), {})).toBeNull();
      expect(failureOfAnswer(command, run('done', { refused: 2 }), {})).toMatchObject({
        code: 'sync_changes_refused',
        message: expect.stringMatching(/refused 2 changes/),
      });
      for (const outcome of ['failed', 'cancelled', 'interrupted'] as const)
        expect(failureOfAnswer(command, run(outcome), {})).toEqual({ code: `sync_${outcome}`, message: `The run ${outcome}.` });
      expect(failureOfAnswer(command, run('failed', { errorCode: 'shop_plugin_missing' }), {})).toMatchObject({
        code: 'shop_plugin_missing',
      });
      // No code (a run recorded before runs kept one) or an empty one: the outcome names the failure.
      expect(failureOfAnswer(command, run('failed', { errorCode: '' }), {})).toMatchObject({ code: 'sync_failed' });
      expect(failureOfAnswer(command, run('failed', { detail: null }), {})).toEqual({
        code: 'sync_failed',
        message: `${command} ended failed.`,
      });
    }
  });

  it('a production run answered as failed or blocked, with the codes its errors have', () => {
    const result = (outcome: string, failure: object | null, problems: object[] = []) =>
      ({ outcome, failure, plan: { problems } }) as unknown as CommandOutput<'production.run'>;
    expect(failureOfAnswer('production.run', result('done', null), {})).toBeNull();
    expect(failureOfAnswer('production.run', result('nothing_to_do', null), {})).toBeNull();
    const failure = { step: 'enrolments', function: 'enrol_manual_enrol_users', code: 'wsnoinstance', message: 'No manual enrolment.' };
    expect(failureOfAnswer('production.run', result('failed', failure), {})).toEqual({
      code: 'production_failed',
      message: 'Moodle refused enrol_manual_enrol_users (wsnoinstance) at step enrolments: No manual enrolment.',
    });
    const problems = [
      { blocking: false, message: 'Seats left.' },
      { blocking: true, message: 'Row 2: duplicate email.' },
    ];
    expect(failureOfAnswer('production.run', result('blocked', null, problems), {})).toEqual({
      code: 'production_blocked',
      message: 'Row 2: duplicate email.',
    });
  });

  it('a catalog XLSX: rows with issues fail an apply, not a preview', () => {
    const preview = {
      changes: [],
      issues: [{ row: 3, code: 'codeTaken', field: 'code', message: 'Row 3: the code X appears twice.' }],
      unchanged: 4,
    };
    expect(failureOfAnswer('catalogs.importXlsx', preview, { id: 1, source: '/a.xlsx', apply: false })).toBeNull();
    expect(failureOfAnswer('catalogs.importXlsx', preview, { id: 1, source: '/a.xlsx', apply: true })).toMatchObject({
      code: 'catalog_import_invalid',
    });
    expect(failureOfAnswer('catalogs.importXlsx', { ...preview, issues: [] }, { id: 1, source: '/a.xlsx', apply: true })).toBeNull();
  });

  it('a bulk change: items already so are done, items not found or left as they are are not', () => {
    const row = (id: number, skipped: string | null) => ({
      id,
      code: `C${id}`,
      name: '',
      field: 'status',
      before: 'A',
      after: 'B',
      skipped,
    });
    const input = (ids: number[]) => ({ catalogId: 2, ids, change: { kind: 'status', status: 'AVAILABLE' } });
    const answer = { rows: [row(1, null), row(2, 'unchanged')], changed: 1 };
    expect(failureOfAnswer('catalogs.bulkApply', answer, input([1, 2, 2]))).toBeNull();
    expect(failureOfAnswer('catalogs.bulkApply', answer, input([1, 2, 9]))).toMatchObject({ code: 'catalog_not_found' });
    expect(failureOfAnswer('catalogs.bulkApply', { rows: [row(1, null), row(3, 'master')], changed: 1 }, input([1, 3]))).toMatchObject({
      code: 'catalog_not_editable',
      message: expect.stringContaining('C3: master'),
    });
  });

  it('commands whose answers always mean done', () => {
    expect(failureOfAnswer('exports.billsXlsx', { exportId: 'x', file: '/a.xlsx', bills: 0, lines: 0 }, {})).toBeNull();
    expect(failureOfAnswer('settings.get', { language: 'fr', theme: 'system' }, {})).toBeNull();
    expect(failureOfAnswer('no.such', { outcome: 'failed' }, {})).toBeNull();
  });

  it('an audit fix: a refusal by Moodle, or findings left that the app fixes; access without a sale left alone is done', () => {
    const fix = (
      extra: Partial<CommandOutput<'audit.fix'>>,
      skipped: ('without_sale' | 'method_disabled' | null)[],
    ): CommandOutput<'audit.fix'> => ({
      plan: {
        fixes: skipped.map((reason, i) => ({
          findingId: i + 1,
          kind: reason === 'without_sale' ? 'without_sale' : 'suspended',
          who: 'Ana',
          course: 'EXCEL',
          writes: [],
          skipped: reason,
        })),
        writeCalls: 1,
        readCalls: 3,
      },
      fixed: 0,
      left: 0,
      calls: 4,
      failure: null,
      ...extra,
    });
    expect(failureOfAnswer('audit.fix', fix({ fixed: 1, left: 1 }, [null, 'without_sale']), {})).toBeNull();
    expect(failureOfAnswer('audit.fix', fix({ fixed: 0, left: 2 }, ['method_disabled', 'without_sale']), {})?.code).toBe('audit_not_fixed');
    expect(
      failureOfAnswer(
        'audit.fix',
        fix(
          { left: 1, failure: { function: 'enrol_manual_enrol_users', code: 'wsnoinstance', message: 'No manual enrolment.', who: 'Ana' } },
          [null],
        ),
        {},
      ),
    ).toMatchObject({ code: 'audit_fix_failed', message: expect.stringContaining('wsnoinstance') });
  });

  it('a reminders send: done when Moodle took every message, not when it refused one', () => {
    expect(failureOfAnswer('reminders.send', { sent: 2, failed: [], noAccount: 1 }, {})).toBeNull();
    expect(
      failureOfAnswer(
        'reminders.send',
        { sent: 1, failed: [{ billId: 12, customer: 'Ana', error: 'You can’t message this user' }], noAccount: 0 },
        {},
      ),
    ).toEqual({ code: 'reminders_not_sent', message: '1 sent; Moodle refused 1: bill 12 (Ana): You can’t message this user' });
  });
});
