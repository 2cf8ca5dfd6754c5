import { useState } from 'react';
import {
  CONTEXT_LEVELS,
  COURSE_KEYS,
  courseKeyOf,
  HANDLER_FORMS,
  HANDLER_NAMES,
  type CourseKey,
  type ParamSpec,
} from '../../../../shared/handler-params';
import type { HandlerCheck } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { isMessageKey } from '../../i18n/translate';
import { describedBy, FieldFrame } from './field-frame';
import type { IssueMap } from './issue-messages';

interface Props {
  id: string;
  handler: string;
  params: Record<string, string>;
  onHandler(handler: string): void;
  onParams(params: Record<string, string>): void;
  issues: IssueMap;
  /** The last "Check against Moodle" of these parameters, shown under them. */
  check: HandlerCheck | null;
  onCheck(check: HandlerCheck | null, encoded: boolean): void;
  encode(): string;
}

/**
 * What a purchase produces in Moodle: the handler, and its parameters as a form of that handler's own
 * fields (a course by shortname, idnumber or id; a role; an enrolment method; times), never as the raw
 * `k=v` string. Keys the form does not know are kept, listed as other parameters.
 */
export function HandlerParamsForm({ id, handler, params, onHandler, onParams, issues, check, onCheck, encode }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = HANDLER_FORMS[handler] ?? [];
  const known = new Set(form.flatMap((spec) => (spec.kind === 'course' ? [...COURSE_KEYS] : [spec.key])));
  const others = Object.keys(params).filter((key) => !known.has(key));
  const set = (key: string, value: string) => onParams({ ...params, [key]: value });

  const runCheck = async () => {
    setChecking(true);
    setFailure(null);
    try {
      onCheck(await api.invoke('catalogs.checkHandler', { handler, handlerparams: encode() }), true);
    } catch (error) {
      setFailure(error);
      onCheck(null, false);
    } finally {
      setChecking(false);
    }
  };

  return (
    <fieldset className="handler-form">
      <legend>{t('catalogs.item.handlerSection')}</legend>
      <FieldFrame id={`${id}-handler`} label={t('catalogs.item.enablehandler')} errors={issues['enablehandler']}>
        <select
          id={`${id}-handler`}
          value={handler}
          onChange={(event) => onHandler(event.target.value)}
          {...describedBy(`${id}-handler`, issues['enablehandler'])}
        >
          <option value="">{t('catalogs.item.noHandler')}</option>
          {!HANDLER_NAMES.includes(handler) && handler !== '' && <option value={handler}>{handler}</option>}
          {HANDLER_NAMES.map((name) => (
            <option key={name} value={name}>
              {handlerLabel(name, t)}
            </option>
          ))}
        </select>
      </FieldFrame>
      {form.map((spec) => (
        <ParamField
          key={spec.key}
          id={`${id}-param-${spec.key}`}
          spec={spec}
          params={params}
          onParams={onParams}
          set={set}
          errors={issues[`handlerparams.${spec.key}`]}
          check={check}
        />
      ))}
      {others.length > 0 && (
        <div className="handler-others">
          <p className="field-label">{t('catalogs.handler.others')}</p>
          {others.map((key) => (
            <div className="field-row" key={key}>
              <FieldFrame id={`${id}-other-${key}`} label={key}>
                <input
                  id={`${id}-other-${key}`}
                  value={params[key] ?? ''}
                  onChange={(event) => set(key, event.target.value)}
                  spellCheck={false}
                />
              </FieldFrame>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => onParams(Object.fromEntries(Object.entries(params).filter(([k]) => k !== key)))}
                aria-label={t('catalogs.handler.removeParam', { key })}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      )}
      {handler !== '' && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void runCheck()} aria-disabled={checking}>
            {checking ? t('common.working') : t('catalogs.handler.check')}
          </button>
        </div>
      )}
      {failure !== null && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
      {check && (
        <ul className="handler-checks" aria-label={t('catalogs.handler.checkResults')}>
          {check.checks.length === 0 && <li className="muted">{t('catalogs.handler.nothingToCheck')}</li>}
          {check.checks.map((c) => (
            <li key={`${c.key}-${c.code}`} className={`handler-check handler-check-${c.outcome}`}>
              <span className="badge">{t(`catalogs.handler.outcome.${c.outcome}`)}</span> {checkText(c, t)}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function handlerLabel(name: string, t: (key: MessageKey) => string): string {
  const key = `catalogs.handler.name.${name}`;
  return isMessageKey(key) ? `${t(key)} (${name})` : name;
}

function checkText(c: HandlerCheck['checks'][number], t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  const key = `catalogs.handler.result.${c.code}`;
  return isMessageKey(key) ? t(key, c.params ?? {}) : c.message;
}

function ParamField(props: {
  id: string;
  spec: ParamSpec;
  params: Record<string, string>;
  onParams(params: Record<string, string>): void;
  set(key: string, value: string): void;
  errors: string[] | undefined;
  check: HandlerCheck | null;
}) {
  const { id, spec, params, onParams, set, check } = props;
  const { t } = useI18n();
  const checkErrors = (check?.checks ?? []).filter((c) => c.key === spec.key && c.outcome === 'error').map((c) => checkText(c, t));
  const errors = [...(props.errors ?? []), ...checkErrors];
  const labelKey = `catalogs.handler.param.${spec.key}`;
  const label = `${isMessageKey(labelKey) ? t(labelKey) : spec.key}${spec.required ? ' *' : ''}`;
  const hintKey = `catalogs.handler.kind.${spec.kind}`;
  const hint = [
    isMessageKey(hintKey) ? t(hintKey) : '',
    spec.defaultValue ? t('catalogs.handler.default', { value: spec.defaultValue }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (spec.kind === 'course') {
    const key: CourseKey = courseKeyOf(params) ?? 'coursename';
    const value = params[key] ?? '';
    const switchKey = (next: CourseKey) => {
      const rest = Object.fromEntries(Object.entries(params).filter(([k]) => !(COURSE_KEYS as readonly string[]).includes(k)));
      onParams({ ...rest, [next]: value });
    };
    return (
      <div className="field-row course-param">
        <FieldFrame id={`${id}-by`} label={t('catalogs.handler.courseBy')}>
          <select id={`${id}-by`} value={key} onChange={(event) => switchKey(event.target.value as CourseKey)}>
            {COURSE_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`catalogs.handler.courseKey.${k}`)}
              </option>
            ))}
          </select>
        </FieldFrame>
        <FieldFrame id={id} label={label} errors={errors}>
          <input id={id} value={value} spellCheck={false} onChange={(event) => set(key, event.target.value)} {...describedBy(id, errors)} />
        </FieldFrame>
      </div>
    );
  }
  const value = params[spec.key] ?? '';
  if (spec.kind === 'contextlevel' || spec.kind === 'enrol') {
    const options =
      spec.kind === 'contextlevel'
        ? Object.entries(CONTEXT_LEVELS).map(([n, name]) => [n, `${name} (${n})`] as const)
        : ENROL_METHODS.map((m) => [m, m] as const);
    return (
      <FieldFrame id={id} label={label} errors={errors} hint={hint}>
        <select id={id} value={value} onChange={(event) => set(spec.key, event.target.value)} {...describedBy(id, errors, hint)}>
          <option value="">{spec.defaultValue ? t('catalogs.handler.useDefault', { value: spec.defaultValue }) : '—'}</option>
          {value !== '' && !options.some(([v]) => v === value) && <option value={value}>{value}</option>}
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </FieldFrame>
    );
  }
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <input
        id={id}
        value={value}
        spellCheck={false}
        inputMode={spec.kind === 'integer' || spec.kind === 'time' ? 'numeric' : undefined}
        onChange={(event) => set(spec.key, event.target.value)}
        {...describedBy(id, errors, hint)}
      />
    </FieldFrame>
  );
}

/** Enrolment plugins a handler may name; the site says which are enabled ("Check against Moodle"). */
const ENROL_METHODS = ['manual', 'self', 'guest', 'cohort', 'meta', 'paypal', 'fee'] as const;
