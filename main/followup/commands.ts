import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import { writeMailMerge } from './mail-merge';
import { receivableBills, receivablesByCustomer } from './receivables';
import { nothingToRemind, prepareReminders, recordReminders, remindersOfBill, sendReminders, type ReminderTargets } from './reminders';
import { renewals } from './renewals';
import { writeRenewalsXlsx } from './renewals-xlsx';

type FollowupCommandName =
  | 'followup.receivables'
  | 'followup.receivableBills'
  | 'followup.renewals'
  | 'followup.exportRenewalsXlsx'
  | 'reminders.preview'
  | 'reminders.send'
  | 'reminders.exportMailMerge'
  | 'reminders.ofBill';

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function followupCommands(services: CoreServices, now: () => number = nowSeconds): CommandsFor<FollowupCommandName> {
  const site = () => services.activeSite();
  /** The due date is the emission date plus the payment terms the invoices state (Settings › Invoicing). */
  const termDays = () => services.invoicing.get(site().profileId).payment.termDays;
  const context = (language: 'fr' | 'en', asOf: number | undefined) => ({
    asOf: asOf ?? now(),
    termDays: termDays(),
    language,
    templates: services.settings.get().reminderTemplates,
  });
  const prepare = (targets: ReminderTargets, language: 'fr' | 'en', asOf: number | undefined) => {
    const prepared = prepareReminders(site().db, targets, context(language, asOf));
    if (prepared.length === 0) throw nothingToRemind();
    return prepared;
  };
  const changed = (billIds: number[]) => services.bus.emit('bills.changed', { ids: [...new Set(billIds)] });
  return {
    'followup.receivables': ({ asOf }) => receivablesByCustomer(site().db, { asOf: asOf ?? now(), termDays: termDays() }),
    'followup.receivableBills': ({ asOf, customerId, bucket }) => {
      const at = asOf ?? now();
      return { asOf: at, ...receivableBills(site().db, { asOf: at, termDays: termDays(), customerId, bucket }) };
    },
    'followup.renewals': ({ asOf, horizonDays, endedWithinDays }) => {
      const at = asOf ?? now();
      return { asOf: at, ...renewals(site().db, { asOf: at, horizonDays, endedWithinDays }) };
    },
    'followup.exportRenewalsXlsx': async ({ asOf, horizonDays, endedWithinDays, language, target }) => {
      const list = renewals(site().db, { asOf: asOf ?? now(), horizonDays, endedWithinDays }).renewals;
      return { path: await writeRenewalsXlsx(list, { target, language }), rows: list.length };
    },
    'reminders.preview': ({ targets, language, asOf }) => ({
      messages: prepare(targets, language, asOf).map(({ kind: _kind, ...message }) => message),
    }),
    'reminders.send': async ({ targets, language, asOf }) => {
      const prepared = prepare(targets, language, asOf);
      const session = site();
      // A reminder goes to the site the bills came from, never to another one the profile now reaches.
      if (prepared.some((m) => m.moodleUserId > 0)) await session.verifySite();
      const result = await sendReminders(session.db, services.moodle({ id: session.profileId }), prepared, language, now);
      services.logger.info('reminders sent', {
        kind: targets.kind,
        sent: result.sent,
        failed: result.failed.length,
        noAccount: result.noAccount,
      });
      changed(prepared.map((m) => m.billId));
      return result;
    },
    'reminders.exportMailMerge': async ({ targets, language, asOf, format, target, withoutAccountOnly }) => {
      const prepared = prepare(targets, language, asOf).filter((m) => !withoutAccountOnly || m.moodleUserId === 0);
      if (prepared.length === 0) throw nothingToRemind();
      const file = await writeMailMerge(prepared, { format, target, language });
      const at = now();
      recordReminders(
        site().db,
        prepared.map((message) => ({ message, channel: 'mailmerge', language, outcome: 'exported', msgid: null, error: null, at })),
      );
      changed(prepared.map((m) => m.billId));
      return { path: file, rows: prepared.length };
    },
    'reminders.ofBill': ({ billId }) => ({ reminders: remindersOfBill(site().db, billId) }),
  };
}
