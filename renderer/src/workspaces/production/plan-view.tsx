import { useState } from 'react';
import type { Plan, Problem } from '../../../../shared/contract/production';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { isMessageKey } from '../../i18n/translate';
import { accountActionKey, enrolmentActionKey, groupActionKey, groupMembersText, roleActionKey, type PlanPhase } from './run-summary';
import { DetailTable } from '../../tables/detail-table';

/** A plan as the operator reads it before running: problems first, then accounts, enrolments, groups, roles. */
export function PlanView({
  plan,
  phase = 'planned',
  onDefineRole,
}: {
  plan: Plan;
  /** After a run the plan says what was done (run-summary.ts). */
  phase?: PlanPhase;
  onDefineRole(shortname: string, id: number): void;
}) {
  const { t, format, locale } = useI18n();
  const date = (seconds: number) => (seconds ? format.date(seconds * 1000) : t('production.noEnd'));
  const unknownRoles = plan.problems.filter((p) => p.code === 'role_unknown').map((p) => String(p.params['role']));
  return (
    <section className="detail-section plan-view" aria-labelledby="production-plan">
      <h3 id="production-plan">{t(phase === 'ran' ? 'production.plan.ran' : 'production.plan')}</h3>
      {phase === 'stale' && <p className="notice notice-warning">{t('production.plan.stale')}</p>}
      {phase === 'planned' && <p className="muted">{t('production.plan.calls', { reads: plan.readCalls, writes: plan.writeCalls })}</p>}
      {plan.done && phase === 'planned' && <p className="notice notice-success">{t('production.plan.done')}</p>}
      {plan.problems.length > 0 && (
        <div className="notice notice-warning">
          <p className="notice-title">{t('production.problems')}</p>
          <ul className="problem-list">
            {plan.problems.map((problem, index) => (
              <li key={index} className={problem.blocking ? 'problem-blocking' : 'problem-warning'}>
                <strong>{t(problem.blocking ? 'production.problem.blocking' : 'production.problem.warning')}</strong>
                {problem.row !== null && <> · {t('production.problem.row', { row: problem.row })}</>} · <ProblemText problem={problem} />
              </li>
            ))}
          </ul>
          {unknownRoles.map((role) => (
            <DefineRole key={role} role={role} onDefine={(id) => onDefineRole(role, id)} />
          ))}
        </div>
      )}
      {plan.accounts.length > 0 && (
        <DetailTable
          caption={t('production.accounts')}
          rows={plan.accounts}
          rowKey={(_a, i) => i}
          rowProps={(a) => ({ 'data-action': a.action })}
          columns={[
            { header: t('production.col.row'), cell: (a) => a.row ?? '—' },
            {
              header: t('production.col.person'),
              cell: (a) => (
                <>
                  {`${a.firstname} ${a.lastname}`.trim()} &lt;{a.email}&gt;
                </>
              ),
            },
            {
              header: t('production.col.action'),
              cell: (a) => t(accountActionKey(a.action, phase), { username: a.username, userid: a.userid ?? 0 }),
            },
            { header: t('production.col.why'), cell: (a) => t(`production.reason.${a.reason}`, { email: a.moodleEmail ?? '' }) },
          ]}
        />
      )}
      {plan.enrolments.length > 0 && (
        <DetailTable
          caption={t('production.enrolments')}
          rows={plan.enrolments}
          rowKey={(_e, i) => i}
          columns={[
            { header: t('production.col.row'), cell: (e) => e.row ?? '—' },
            { header: t('production.col.person'), cell: (e) => e.who },
            { header: t('production.col.course'), cell: (e) => e.course },
            { header: t('production.col.role'), cell: (e) => e.role },
            { header: t('production.col.start'), cell: (e) => date(e.timestart) },
            { header: t('production.col.end'), cell: (e) => date(e.timeend) },
            { header: t('production.col.action'), cell: (e) => t(enrolmentActionKey(e.action, phase)) },
          ]}
        />
      )}
      {plan.groups.map((g, i) => (
        <p key={i}>
          {t(groupActionKey(g.action, phase), { name: g.name, course: g.course })} · {groupMembersText(g, phase, t, locale)}
        </p>
      ))}
      {plan.roleAssignments.map((r, i) => (
        <p key={i}>
          {t(roleActionKey(r.action, phase), {
            role: r.role,
            who: r.who,
            context: r.contextlevel,
            instance: r.contextUser ? '' : r.instanceid,
          })}
        </p>
      ))}
      {plan.extension && (
        <p>
          {t('production.extension', {
            reference: plan.extension.reference,
            who: plan.extension.who,
            from: date(plan.extension.previousEnd),
            to: date(plan.extension.newEnd),
            days: plan.extension.days,
            quantity: plan.extension.quantity,
          })}
        </p>
      )}
      <p>
        {phase === 'ran'
          ? t('production.products.done', { count: plan.products.length + plan.recorded })
          : t('production.products', { count: plan.products.length, recorded: plan.recorded })}
      </p>
    </section>
  );
}

function ProblemText({ problem }: { problem: Problem }) {
  const { t } = useI18n();
  const key = `production.problem.${problem.code}`;
  return <>{isMessageKey(key) ? t(key as MessageKey, problem.params) : problem.message}</>;
}

function DefineRole({ role, onDefine }: { role: string; onDefine(id: number): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const id = `define-role-${role}`;
  return (
    <form
      className="field-row"
      onSubmit={(event) => {
        event.preventDefault();
        if (/^[1-9]\d*$/.test(value)) onDefine(Number(value));
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('production.defineRole', { role })}</label>
        <input id={id} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value.trim())} />
      </div>
      <button type="submit" className="button">
        {t('production.defineRole.submit')}
      </button>
    </form>
  );
}
