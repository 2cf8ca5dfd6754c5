import { useEffect, useId, useMemo, useState } from 'react';
import { DayField } from '../../dates/day-field';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import {
  customPeriod,
  periodSpan,
  spanDays,
  type CustomDayError,
  type CustomDays,
  type CustomPeriod,
  type PeriodChoice,
  type Span,
} from './dashboard-period';

const pairKeys: Record<Exclude<CustomDayError, 'day'>, MessageKey> = {
  order: 'dashboard.custom.order',
  tooLong: 'dashboard.custom.tooLong',
};
const dayKeys: Record<keyof CustomDays, MessageKey> = { from: 'dashboard.custom.fromInvalid', to: 'dashboard.custom.toInvalid' };

/**
 * The period chosen and the span of the figures asked for: a preset's, or the last custom one that was valid,
 * so that wrong days leave the figures on screen as they are.
 */
export function useDashboardPeriod() {
  const [period, setPeriod] = useState<PeriodChoice>('thisYear');
  const [span, setSpan] = useState<Span>(() => periodSpan('thisYear', new Date()));
  const [days, setDays] = useState<CustomDays>({ from: '', to: '' });
  const custom = useMemo(() => customPeriod(days), [days]);
  useEffect(() => {
    const next = custom.span;
    if (period !== 'custom' || !next) return;
    // A moment's wait: "01/01/20" is already a day (2020) on the way to "01/01/2025", not worth adding up.
    const timer = setTimeout(() => setSpan((now) => (now.from === next.from && now.to === next.to ? now : next)), 400);
    return () => clearTimeout(timer);
  }, [period, custom]);
  const choosePeriod = (choice: PeriodChoice) => {
    setPeriod(choice);
    // A custom period starts from the one on screen, so the figures stay until a day is changed.
    if (choice === 'custom') setDays(spanDays(span));
    else setSpan(periodSpan(choice, new Date()));
  };
  return { period, choosePeriod, span, days, setDays, custom };
}

interface CustomPeriodFieldsProps {
  days: CustomDays;
  onChange(days: CustomDays): void;
  /** The two days checked (dashboard-period.ts): their errors are shown here. */
  checked: CustomPeriod;
  /** The period of the figures on screen, which stay while the days are wrong. */
  shown: string;
}

/** The first and last days of a custom period, in the app's own day fields (dd/mm/yyyy in its language). */
export function CustomPeriodFields({ days, onChange, checked, shown }: CustomPeriodFieldsProps) {
  const t = useT();
  const uid = useId();
  const { errors } = checked;
  // An end before the start or a span too long is the pair's fault, said once below both fields.
  const pairError = errors.to === 'order' || errors.to === 'tooLong' ? errors.to : undefined;
  const errorId = (which: keyof CustomDays) => `${uid}-${which}-error`;
  const field = (which: keyof CustomDays, label: MessageKey) => {
    const describedBy = errors[which] === 'day' ? errorId(which) : pairError && which === 'to' ? `${uid}-pair-error` : undefined;
    return (
      <div className={errors[which] ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${uid}-${which}`}>{t(label)}</label>
        <DayField
          id={`${uid}-${which}`}
          value={days[which]}
          onChange={(value) => onChange({ ...days, [which]: value })}
          invalid={Boolean(errors[which])}
          describedBy={describedBy}
        />
      </div>
    );
  };

  // The errors take a line of their own under the controls, so the fields stay in line with the others.
  return (
    <>
      <div className="dashboard-custom" role="group" aria-label={t('dashboard.custom')}>
        {field('from', 'dashboard.custom.from')}
        {field('to', 'dashboard.custom.to')}
      </div>
      <div className="dashboard-custom-message">
        {(['from', 'to'] as const).map(
          (which) =>
            errors[which] === 'day' && (
              <p key={which} className="field-error" id={errorId(which)}>
                {t(dayKeys[which])}
              </p>
            ),
        )}
        {/* Always there while the fields are, so that a screen reader hears the error when it appears. */}
        <div aria-live="polite">
          {pairError && (
            <p className="field-error" id={`${uid}-pair-error`}>
              {t(pairKeys[pairError])} {t('dashboard.custom.kept', { period: shown })}
            </p>
          )}
        </div>
      </div>
    </>
  );
}
