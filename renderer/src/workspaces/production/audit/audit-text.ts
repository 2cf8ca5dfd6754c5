import { assertNever } from '../../../../../shared/assert-never';
import { findingSentence, roleName as sharedRoleName } from '../../../../../shared/audit/finding-words';
import type { AuditFinding, AuditFix, AuditKind, AuditRun } from '../../../../../shared/contract/audit';
import type { MessageKey } from '../../../i18n/en';
import type { Formatters } from '../../../i18n/locale';
import { pluralKey } from '../../../i18n/plural';
import type { Translate } from '../../../i18n/translate';

/**
 * The audit's findings and fixes in the operator's words, in the window's language: "Paid on 3 Nov 2026, not
 * enrolled in EXCEL-BASE", never `not_enrolled`. Pure, so the wording is tested without a browser.
 */
export interface Words {
  t: Translate;
  format: Formatters;
  locale: string;
}

export const KIND_KEYS: Readonly<Record<AuditKind, MessageKey>> = {
  not_enrolled: 'audit.kind.not_enrolled',
  ended_early: 'audit.kind.ended_early',
  suspended: 'audit.kind.suspended',
  wrong_role: 'audit.kind.wrong_role',
  not_in_group: 'audit.kind.not_in_group',
  no_account: 'audit.kind.no_account',
  without_sale: 'audit.kind.without_sale',
};

/** A role by the name Moodle shows for it, in the window's language (shared/audit/finding-words.ts). */
export function roleName(role: string, roleId: number, t: Translate): string {
  return sharedRoleName(role, roleId, (key, params) => t(key, params));
}

function day({ format }: Words, seconds: number): string {
  return format.date(seconds * 1000);
}

function list(words: Words, items: readonly string[]): string {
  return new Intl.ListFormat(words.locale, { type: 'conjunction' }).format(items);
}

/** What is wrong with one finding, in one sentence: the words the workbook writes too (shared/audit/finding-words.ts). */
export function findingText(finding: AuditFinding, words: Words): string {
  return findingSentence(finding, {
    say: (key, params) => words.t(key, params),
    day: (seconds) => day(words, seconds),
    list: (items) => list(words, items),
  });
}

/** An enrolment's period, as a fix will send it. */
export function periodText(timestart: number, timeend: number, words: Words): string {
  const { t } = words;
  if (timestart > 0 && timeend > 0) return t('audit.dates.both', { start: day(words, timestart), end: day(words, timeend) });
  if (timestart > 0) return t('audit.dates.startOnly', { start: day(words, timestart) });
  if (timeend > 0) return t('audit.dates.endOnly', { end: day(words, timeend) });
  return t('audit.dates.none');
}

/** One write of a fix: what it does on Moodle. */
export function writeText(write: AuditFix['writes'][number], words: Words): string {
  const { t } = words;
  switch (write.action) {
    case 'account':
      return t('audit.write.account', { who: write.who });
    case 'enrol':
      return t('audit.write.enrol', {
        who: write.who,
        course: write.course,
        role: roleName(write.role, write.roleId, t),
        dates: periodText(write.timestart, write.timeend, words),
      });
    case 'group':
      return t('audit.write.group', { group: write.group, course: write.course });
    case 'member':
      return t('audit.write.member', { who: write.who, group: write.group });
    default:
      return assertNever(write.action, 'audit value');
  }
}

export function skipText(reason: NonNullable<AuditFix['skipped']>, t: Translate): string {
  return t(`audit.skip.${reason}`);
}

/** How long an audit took: seconds below a minute, then minutes and seconds. */
export function durationText(ms: number, words: Words): string {
  const unit = (value: number, unitName: 'second' | 'minute', digits = 0) =>
    words.format.number(value, { style: 'unit', unit: unitName, unitDisplay: 'short', maximumFractionDigits: digits });
  if (ms < 60_000) return unit(Math.max(0, ms) / 1000, 'second', ms < 10_000 ? 1 : 0);
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds > 0 ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}` : unit(minutes, 'minute');
}

/** The last audit, in a sentence (or two): when, how long, how many calls; or how it ended. */
export function lastRunText(run: AuditRun | null, words: Words): string[] {
  const { t, format } = words;
  if (!run) return [t('audit.last.none')];
  const when = format.dateTime(run.startedAt * 1000);
  switch (run.outcome) {
    case 'running':
      return [t('audit.last.running', { when })];
    case 'failed':
      return [t('audit.last.failed', { when, error: run.error })];
    case 'cancelled':
      return [t('audit.last.cancelled', { when })];
    case 'done':
      return [
        t(run.scope === 'changed' ? 'audit.last.scope.changed' : 'audit.last.done', {
          when,
          duration: durationText(run.ms, words),
          calls: format.number(run.calls),
        }),
        t('audit.last.read', {
          products: format.number(run.products),
          enrolments: format.number(run.enrolments),
          courses: format.number(run.courses),
        }),
      ];
    default:
      return assertNever(run.outcome, 'audit value');
  }
}

/** "12 findings" / "1 finding", as the language counts. */
export function countText(count: number, words: Words): string {
  return words.t(pluralKey(words.locale, count, 'audit.count.one', 'audit.count'), { count: words.format.number(count) });
}
