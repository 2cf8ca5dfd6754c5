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

/** Moodle's standard roles keep their install ids on every site (main/production/site-facts.ts). */
const STANDARD_ROLE_IDS: Readonly<Record<number, string>> = {
  1: 'manager',
  2: 'coursecreator',
  3: 'editingteacher',
  4: 'teacher',
  5: 'student',
  6: 'guest',
  7: 'user',
  8: 'frontpage',
};

const ROLE_KEYS: Readonly<Record<string, MessageKey>> = {
  manager: 'audit.role.manager',
  coursecreator: 'audit.role.coursecreator',
  editingteacher: 'audit.role.editingteacher',
  teacher: 'audit.role.teacher',
  student: 'audit.role.student',
  guest: 'audit.role.guest',
  user: 'audit.role.user',
  frontpage: 'audit.role.frontpage',
};

/**
 * A role by the name Moodle shows for it: a standard shortname or id in words ("Non-editing teacher"), a site's own
 * shortname as it is, an unknown id as "role #9".
 */
export function roleName(role: string, roleId: number, t: Translate): string {
  const shortname = role && !/^\d+$/.test(role) ? role : (STANDARD_ROLE_IDS[roleId || Number(role)] ?? '');
  const key = ROLE_KEYS[shortname];
  if (key) return t(key);
  if (shortname) return t('audit.role.other', { role: shortname });
  return t('audit.role.id', { id: roleId || Number(role) || 0 });
}

function day({ format }: Words, seconds: number): string {
  return format.date(seconds * 1000);
}

function list(words: Words, items: readonly string[]): string {
  return new Intl.ListFormat(words.locale, { type: 'conjunction' }).format(items);
}

/** What is wrong with one finding, in one sentence. */
export function findingText(finding: AuditFinding, words: Words): string {
  const { t } = words;
  const course = finding.course;
  switch (finding.kind) {
    case 'not_enrolled':
      return finding.paidAt > 0
        ? t('audit.what.not_enrolled', { date: day(words, finding.paidAt), course })
        : t('audit.what.not_enrolled.undated', { course });
    case 'ended_early': {
      const found = finding.found ? day(words, finding.found.timeend) : '?';
      return finding.expected.timeend > 0
        ? t('audit.what.ended_early', { found, expected: day(words, finding.expected.timeend) })
        : t('audit.what.ended_early.noEnd', { found });
    }
    case 'suspended':
      // A suspended method holds every enrolment through it: that, not the person, is what to change.
      return finding.found && finding.found.instancestatus !== 0 && finding.found.status === 0
        ? t('audit.what.methodDisabled', { method: finding.found.enrol, course })
        : t('audit.what.suspended', { course });
    case 'wrong_role': {
      const expected = roleName(finding.expected.role, finding.expected.roleId, t);
      const roles = finding.found?.roleids ?? [];
      return roles.length > 0
        ? t('audit.what.wrong_role', {
            found: capitalised(
              list(
                words,
                roles.map((id) => roleName('', id, t)),
              ),
            ),
            expected,
          })
        : t('audit.what.wrong_role.none', { expected });
    }
    case 'not_in_group':
      return finding.expected.group
        ? t('audit.what.not_in_group', { group: finding.expected.group })
        : t('audit.what.not_in_group.unnamed');
    case 'no_account':
      return t('audit.what.no_account', { email: finding.email || finding.who });
    case 'without_sale':
      return t('audit.what.without_sale', { course });
    default:
      return assertNever(finding.kind);
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function assertNever(value: never): never {
  throw new Error(`Unexpected audit kind ${String(value)}`);
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
      return assertNever(write.action);
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
      return assertNever(run.outcome);
  }
}

/** "12 findings" / "1 finding", as the language counts. */
export function countText(count: number, words: Words): string {
  return words.t(pluralKey(words.locale, count, 'audit.count.one', 'audit.count'), { count: words.format.number(count) });
}
