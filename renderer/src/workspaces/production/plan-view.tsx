import { useState } from 'react';
import type { Plan, Problem } from '../../../../shared/contract/production';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { isMessageKey } from '../../i18n/translate';
import { accountActionKey, enrolmentActionKey, groupActionKey, groupMembersText, roleActionKey, type PlanPhase } from './run-summary';

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
        <table className="data-table detail-table">
          <caption>{t('production.accounts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('production.col.row')}</th>
              <th scope="col">{t('production.col.person')}</th>
              <th scope="col">{t('production.col.action')}</th>
              <th scope="col">{t('production.col.why')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.accounts.map((a, i) => (
              <tr key={i} data-action={a.action}>
                <td>{a.row ?? '—'}</td>
                <td>
                  {`${a.firstname} ${a.lastname}`.trim()} &lt;{a.email}&gt;
                </td>
                <td>{t(accountActionKey(a.action, phase), { username: a.username, userid: a.userid ?? 0 })}</td>
                <td>{t(`production.reason.${a.reason}`, { email: a.moodleEmail ?? '' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.enrolments.length > 0 && (
        <table className="data-table detail-table">
          <caption>{t('production.enrolments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('production.col.row')}</th>
              <th scope="col">{t('production.col.person')}</th>
              <th scope="col">{t('production.col.course')}</th>
              <th scope="col">{t('production.col.role')}</th>
              <th scope="col">{t('production.col.start')}</th>
              <th scope="col">{t('production.col.end')}</th>
              <th scope="col">{t('production.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.enrolments.map((e, i) => (
              <tr key={i}>
                <td>{e.row ?? '—'}</td>
                <td>{e.who}</td>
                <td>{e.course}</td>
                <td>{e.role}</td>
                <td>{date(e.timestart)}</td>
                <td>{date(e.timeend)}</td>
                <td>{t(enrolmentActionKey(e.action, phase))}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
