import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { runResultSchema, type Plan, type RunResult } from '../../../../shared/contract/production';
import type { Participant } from '../../../../shared/production/participants';
import { useAction } from '../../actions/use-action';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { isMessageKey } from '../../i18n/translate';
import { detailHash } from '../../shell/workspaces';
import { AuditView } from './audit/audit-view';
import { ProductionTabs } from './production-tabs';
import { parseProductionHash, type ProductionRoute } from './production-route';
import { ParticipantGrid } from './participant-grid';
import { PlanView } from './plan-view';
import { ProductionWorklist } from './production-worklist';
import { RunLogView } from './run-log';
import { diagnosisWords, stepWords } from './diagnosis-words';
import { madeText, planPhase, type PlanPhase } from './run-summary';
import './production.css';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** #/production/<bill>/<line>: the bill and the line whose handler to run, so "Run handler" is a plain link. */
function useRoute(): ProductionRoute {
  return parseProductionHash(useSyncExternalStore(subscribe, () => window.location.hash));
}

export function lineHash(billId: number, lineId: number): string {
  return `#/production/${billId}/${lineId}`;
}

export function ProductionWorkspace() {
  const route = useRoute();
  return (
    <div className={route.view === 'audit' ? 'production-workspace production-audit' : 'production-workspace'}>
      <ProductionTabs audit={route.view === 'audit'} />
      {route.view === 'audit' ? (
        <AuditView />
      ) : (
        <>
          <OpenBill current={route.view === 'bill' ? route.billId : null} />
          {route.view === 'bill' ? (
            <BillProduction key={route.billId} billId={route.billId} lineId={route.lineId} />
          ) : (
            <ProductionWorklist />
          )}
        </>
      )}
    </div>
  );
}

function OpenBill({ current }: { current: number | null }) {
  const { t } = useI18n();
  const [value, setValue] = useState(current ? String(current) : '');
  return (
    <section className="detail-section" aria-label={t('production.openBill')}>
      <p className="muted">{t('production.intro')}</p>
      <form
        className="open-bill"
        onSubmit={(event) => {
          event.preventDefault();
          if (/^[1-9]\d*$/.test(value.trim())) window.location.hash = detailHash('production', Number(value.trim()));
        }}
      >
        <div className="field">
          <label htmlFor="production-bill">{t('production.openBill')}</label>
          <input id="production-bill" inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('production.openBill.submit')}
        </button>
      </form>
    </section>
  );
}

type Progress = { step: string; done: number; total: number };

function BillProduction({ billId, lineId }: { billId: number; lineId: number | null }) {
  const api = useApi();
  const { t } = useI18n();
  const loadLines = useCallback(() => api.invoke('production.lines', { billId }), [api, billId]);
  const lines = useQuery(loadLines);
  const loadLog = useCallback(() => api.invoke('production.log', { billId }), [api, billId]);
  const log = useQuery(loadLog);
  const runnable = lines.value?.lines.filter((l) => l.runnable) ?? [];
  const line = lines.value?.lines.find((l) => l.billItemId === lineId) ?? runnable[0] ?? null;

  return (
    <>
      <h2 className="production-bill">
        {t('production.billHeading', { id: billId })} · <a href={detailHash('bills', billId)}>{t('production.backToBill')}</a>
      </h2>
      {lines.error !== null && <ErrorNotice error={lines.error} onRetry={lines.reload} />}
      {lines.value && (
        <nav aria-label={t('production.lines')} className="detail-section">
          <h3>{t('production.lines')}</h3>
          {lines.value.lines.length === 0 ? (
            <p className="muted">{t('production.lines.none')}</p>
          ) : (
            <ul className="production-lines">
              {lines.value.lines.map((l) => {
                const handlerKey = `production.handler.${l.handler}`;
                return (
                  <li key={l.billItemId}>
                    <a href={lineHash(billId, l.billItemId)} aria-current={line?.billItemId === l.billItemId ? 'true' : undefined}>
                      {t('production.line.choose', { ordering: l.ordering, itemcode: l.itemcode, quantity: l.quantity })}
                    </a>{' '}
                    · {isMessageKey(handlerKey) ? t(handlerKey as MessageKey) : t('production.handler.other', { handler: l.handler })} ·{' '}
                    {t('production.line.recorded', { count: l.recorded })}
                    {l.lastOutcome && <> · {t('production.line.last', { outcome: t(`production.outcome.${l.lastOutcome}`) })}</>}
                  </li>
                );
              })}
            </ul>
          )}
        </nav>
      )}
      {line && line.runnable && (
        <LineProduction
          key={line.billItemId}
          billId={billId}
          line={line}
          onRan={() => {
            lines.reload();
            log.reload();
          }}
        />
      )}
      {log.value && (
        <RunLogView runs={log.value.runs} lineOrdering={(id) => lines.value?.lines.find((l) => l.billItemId === id)?.ordering ?? 0} />
      )}
    </>
  );
}

interface LineProps {
  billId: number;
  line: { billItemId: number; handler: string; quantity: number; participants: Participant[] };
  onRan(): void;
}

function LineProduction({ billId, line, onRan }: LineProps) {
  const api = useApi();
  const { t } = useI18n();
  const session = line.handler === 'std_setuponecoursesession';
  const [participants, setParticipants] = useState<Participant[]>(line.participants);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  // What the plan on screen stands for: before a run, what a run did, or a plan a failed run left behind.
  const [phase, setPhase] = useState<PlanPhase>('planned');
  // One action at a time on a line: reading the plan, running it, defining a missing role.
  const action = useAction();
  // The run's progress, only while it runs.
  const [progress, setProgress] = useState<Progress | null>(null);
  const request = useMemo(
    () => ({ billId, billItemId: line.billItemId, ...(session ? { participants } : {}) }),
    [billId, line.billItemId, session, participants],
  );

  useEffect(
    () =>
      api.on('production.progressed', (p) => {
        if (p.billItemId === line.billItemId) setProgress({ step: p.step, done: p.done, total: p.total });
      }),
    [api, line.billItemId],
  );

  const readPlan = async () => {
    setPlan(await api.invoke('production.plan', request));
    setPhase('planned');
  };
  const showPlan = () => action.run(readPlan);
  const run = () =>
    action.run(async () => {
      setResult(null);
      setProgress(null);
      try {
        const ran = await api.invoke('production.run', request);
        setResult(ran);
        setPlan(ran.plan);
        setPhase(planPhase(ran));
      } catch (failure) {
        // A blocked or failed run is refused with its report in the details: shown like any finished run.
        const report = refusedRun(failure);
        if (!report) throw failure;
        setResult(report);
        setPlan(report.plan);
        setPhase(planPhase(report));
      } finally {
        setProgress(null);
        onRan();
      }
    });
  const defineRole = (shortname: string, id: number) =>
    action.run(async () => {
      await api.invoke('production.defineRole', { shortname, id });
      await readPlan();
    });
  const blocked = plan?.problems.some((p) => p.blocking) ?? false;
  const stepLabel = (step: string) => stepWords(step, t);

  return (
    <div className="line-production">
      {session && (
        <ParticipantGrid
          participants={participants}
          seats={line.quantity}
          onChange={(next) => {
            setParticipants(next);
            setPlan(null);
            setPhase('planned');
          }}
          onReset={() => {
            setParticipants(line.participants);
            setPlan(null);
          }}
        />
      )}
      <p className="form-actions">
        <button type="button" className="button" disabled={action.busy} onClick={() => void showPlan()}>
          {t('production.showPlan')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={action.busy || plan === null || blocked || plan.done || phase === 'ran'}
          onClick={() => void run()}
        >
          {result && result.outcome !== 'done' ? t('production.rerun') : t('production.run')}
        </button>
      </p>
      <div aria-live="polite" className="production-status">
        {action.busy && progress && (
          <p>
            {t('production.progress', { step: stepLabel(progress.step), done: progress.done, total: progress.total })}{' '}
            <progress max={Math.max(progress.total, 1)} value={progress.done} />
          </p>
        )}
        {result && <RunResultView result={result} stepLabel={stepLabel} />}
      </div>
      {action.error && <ErrorNotice error={action.error} onDismiss={action.clear} />}
      {plan && <PlanView plan={plan} phase={phase} onDefineRole={(role, id) => void defineRole(role, id)} />}
    </div>
  );
}

function refusedRun(failure: unknown): RunResult | null {
  const shape = toAppErrorShape(failure);
  if (shape.code !== 'production_blocked' && shape.code !== 'production_failed') return null;
  const report = runResultSchema.safeParse(shape.details);
  return report.success ? report.data : null;
}

function RunResultView({ result, stepLabel }: { result: RunResult; stepLabel(step: string): string }) {
  const { t, locale, language } = useI18n();
  const c = result.created;
  if (result.outcome === 'done')
    return (
      <p className="notice notice-success" role="status">
        {t('production.result.done', { made: madeText(c, t, locale), calls: result.calls, ms: result.ms })}
      </p>
    );
  if (result.outcome === 'nothing_to_do')
    return <p className="notice notice-success">{t('production.result.nothing_to_do', { calls: result.calls })}</p>;
  if (result.outcome === 'blocked') return <p className="notice notice-warning">{t('production.result.blocked')}</p>;
  const failure = result.failure;
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('production.result.failed', { step: stepLabel(failure?.step ?? ''), code: failure?.code ?? '' })}</p>
      {failure?.row != null && <p>{t('production.result.failedRow', { row: failure.row, who: failure.who ?? '' })}</p>}
      {failure && <p>{diagnosisWords(failure.diagnosis, t, language)}</p>}
      {c.accounts + c.enrolments + c.memberships > 0 && (
        <p>{t('production.result.partial', { made: madeText(c, t, locale, ['accounts', 'enrolments', 'memberships']) })}</p>
      )}
    </div>
  );
}
