import { useEffect, useId, useRef, useState } from 'react';
import type { CommandOutput } from '../../../../../shared/contract';
import type { AuditFix, AuditPlan } from '../../../../../shared/contract/audit';
import { useApi } from '../../../api/api-context';
import { ErrorNotice } from '../../../errors/error-notice';
import { useI18n } from '../../../i18n/i18n-context';
import { pluralKey } from '../../../i18n/plural';
import { diagnosisWords } from '../diagnosis-words';
import { KIND_KEYS, skipText, writeText, type Words } from './audit-text';
import type { AuditProgress } from './audit-runner';
import { Modal } from '../../../dialogs/modal';
import { DetailTable } from '../../../tables/detail-table';

type Step =
  | { step: 'planning' }
  | { step: 'plan'; plan: AuditPlan }
  | { step: 'fixing'; plan: AuditPlan; runId: string; progress: AuditProgress | null }
  | { step: 'fixed'; plan: AuditPlan; result: CommandOutput<'audit.fix'> };

/** Rows drawn per table: a plan of thousands stays readable, and the counts say the rest. */
const SHOWN = 300;

/** A fix sends something when it has writes and no reason to skip; "nothing to send" reads as already right. */
export function fixable(fix: AuditFix): boolean {
  return fix.skipped === null && fix.writes.length > 0;
}

/**
 * "Fix…": one plan for every finding selected, read from the site now (audit.plan sends no write); what each fix
 * will send, and those skipped with their reason. The operator confirms; audit.fix then plans again, sends the
 * writes in batches with progress, and audits them again. It cannot be closed while the fix runs.
 */
export function FixDialog({ findingIds, onClose }: { findingIds: readonly number[]; onClose(): void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t, format, locale } = i18n;
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<Step>({ step: 'planning' });
  const [error, setError] = useState<unknown>(null);
  const runId = step.step === 'fixing' ? step.runId : null;

  useEffect(() => {
    let current = true;
    api.invoke('audit.plan', { findingIds: [...findingIds] }).then(
      (plan) => current && setStep({ step: 'plan', plan }),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [api, findingIds]);

  // An audit ending before the fix starts replaced the findings, and their ids may now name others (the store
  // writes them anew): this plan no longer stands for what the operator chose.
  const [stale, setStale] = useState(false);
  const planning = step.step === 'planning' || step.step === 'plan';
  useEffect(() => {
    if (!planning) return;
    return api.on('audit.changed', () => setStale(true));
  }, [api, planning]);

  useEffect(() => {
    if (!runId) return;
    return api.on('audit.progressed', (progress) =>
      setStep((current) => (current.step === 'fixing' && current.runId === progress.runId ? { ...current, progress } : current)),
    );
  }, [api, runId]);

  const toFix = step.step === 'planning' ? [] : step.plan.fixes.filter(fixable);
  const skipped = step.step === 'planning' ? [] : step.plan.fixes.filter((fix) => !fixable(fix));

  const confirm = () => {
    if (step.step !== 'plan' || toFix.length === 0 || stale) return;
    const mine = crypto.randomUUID();
    setError(null);
    setStep({ step: 'fixing', plan: step.plan, runId: mine, progress: null });
    api.invoke('audit.fix', { runId: mine, findingIds: toFix.map((fix) => fix.findingId) }).then(
      (result) => setStep({ step: 'fixed', plan: step.plan, result }),
      (failure: unknown) => {
        setError(failure);
        setStep({ step: 'plan', plan: step.plan });
      },
    );
  };

  const count = findingIds.length;
  const words: Words = i18n;
  return (
    <Modal
      ref={dialogRef}
      className="dialog audit-fix-dialog"
      labelledBy={`${id}-title`}
      dismissible={step.step !== 'fixing'}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{t(pluralKey(locale, count, 'audit.plan.title.one', 'audit.plan.title'), { count: format.number(count) })}</h2>
      <div className="dialog-body">
        {step.step === 'planning' && error === null && (
          <p role="status" className="muted">
            {t('audit.plan.reading')}
          </p>
        )}
        {step.step !== 'planning' && (
          <>
            <p className="muted">{t('audit.plan.intro')}</p>
            <p className="muted">
              {t('audit.plan.calls', { writes: format.number(step.plan.writeCalls), reads: format.number(step.plan.readCalls) })}
            </p>
            {toFix.length === 0 && <p className="notice notice-warning">{t('audit.plan.nothing')}</p>}
            {toFix.length > 0 && (
              <FixTable caption={t('audit.plan.toFix', { count: format.number(toFix.length) })} fixes={toFix} words={words} />
            )}
            {skipped.length > 0 && (
              <FixTable caption={t('audit.plan.skipped', { count: format.number(skipped.length) })} fixes={skipped} words={words} />
            )}
          </>
        )}
        <div aria-live="polite" className="audit-fix-status">
          {step.step === 'fixing' && <FixProgress progress={step.progress} />}
          {step.step === 'fixed' && <FixResult result={step.result} />}
        </div>
        {stale && planning && (
          <p className="notice notice-warning" role="alert">
            {t('audit.plan.stale')}
          </p>
        )}
        {error !== null && <ErrorNotice error={error} />}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          aria-disabled={step.step === 'fixing'}
          onClick={() => step.step !== 'fixing' && dialogRef.current?.close()}
        >
          {step.step === 'fixed' ? t('common.close') : t('common.cancel')}
        </button>
        {step.step !== 'fixed' && (
          <button
            type="button"
            className="button button-primary"
            aria-disabled={step.step !== 'plan' || toFix.length === 0 || stale}
            onClick={confirm}
          >
            {t(pluralKey(locale, toFix.length, 'audit.plan.confirm.one', 'audit.plan.confirm'), { count: format.number(toFix.length) })}
          </button>
        )}
      </div>
    </Modal>
  );
}

function FixTable({ caption, fixes, words }: { caption: string; fixes: readonly AuditFix[]; words: Words }) {
  const { t, format } = words;
  const skippedOnes = fixes.some((fix) => !fixable(fix));
  return (
    <div className="audit-fix-scroll">
      <DetailTable
        className="audit-fix-table"
        caption={caption}
        rows={fixes.slice(0, SHOWN)}
        rowKey={(fix) => fix.findingId}
        rowProps={(fix) => ({ 'data-finding': fix.findingId, 'data-skipped': fix.skipped ?? undefined })}
        columns={[
          { header: t('audit.plan.col.who'), cell: (fix) => fix.who },
          { header: t('audit.plan.col.course'), cell: (fix) => fix.course },
          { header: t('audit.plan.col.kind'), cell: (fix) => t(KIND_KEYS[fix.kind]) },
          {
            header: t(skippedOnes ? 'audit.plan.col.reason' : 'audit.plan.col.writes'),
            cell: (fix) =>
              fixable(fix) ? (
                <ul className="audit-writes">
                  {fix.writes.map((write, index) => (
                    <li key={index} title={write.function}>
                      {writeText(write, words)}
                    </li>
                  ))}
                </ul>
              ) : (
                skipText(fix.skipped ?? 'gone', t)
              ),
          },
        ]}
      />
      {fixes.length > SHOWN && <p className="muted">{t('audit.plan.more', { count: format.number(fixes.length - SHOWN) })}</p>}
    </div>
  );
}

function FixProgress({ progress }: { progress: AuditProgress | null }) {
  const { t, format } = useI18n();
  const phase = t(`audit.phase.${progress?.phase ?? 'fix'}`);
  return (
    <div role="status" className="audit-progress">
      <p>
        {progress?.total
          ? t('audit.plan.fixingCount', { phase, done: format.number(progress.done), total: format.number(progress.total) })
          : t('audit.plan.fixing', { phase })}
      </p>
      <progress className="sync-bar" max={progress?.total ?? undefined} value={progress?.total ? progress.done : undefined} />
    </div>
  );
}

function FixResult({ result }: { result: CommandOutput<'audit.fix'> }) {
  const { t, format, language } = useI18n();
  const failure = result.failure;
  return (
    <div className={failure ? 'notice notice-error' : result.left > 0 ? 'notice notice-warning' : 'notice notice-success'} role="status">
      <p className="notice-title">
        {t('audit.fixed', { fixed: format.number(result.fixed), left: format.number(result.left), calls: format.number(result.calls) })}
      </p>
      {failure && (
        <>
          <p>
            {t('audit.fixed.failure', {
              function: failure.function,
              code: failure.code,
              who: failure.who ? t('audit.fixed.failureWho', { who: failure.who }) : '',
            })}
          </p>
          {/* The diagnosis in the window's language; a refusal not diagnosed (a blocked line) keeps its English. */}
          {failure.diagnosis ? <p>{diagnosisWords(failure.diagnosis, t, language)}</p> : <p lang="en">{failure.message}</p>}
        </>
      )}
    </div>
  );
}
