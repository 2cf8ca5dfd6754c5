import type { MatchReason, Suggestion } from '../../../../shared/contract/lettering';
import { isMessageKey, type Translate } from '../../i18n/translate';
import { pluralKey } from '../../i18n/plural';
import { formatMoney } from '../../money/money';

/** One reason in words, in the operator's language: "same amount 1 250,00 €", "2 days apart". */
export function reasonText(reason: MatchReason, t: Translate, locale: string): string {
  const money = (cents: number, currency: string) => formatMoney(cents, currency, locale);
  switch (reason.code) {
    case 'sameAmount':
      return t('lettering.reason.sameAmount', { amount: money(reason.cents, reason.currency) });
    case 'amountDiffers':
      return t('lettering.reason.amountDiffers', {
        bill: money(reason.billCents, reason.currency),
        invoice: money(reason.invoiceCents, reason.currency),
      });
    case 'sameCustomer':
      return t(`lettering.reason.sameCustomer.${reason.via}`);
    case 'otherCustomer':
      return t('lettering.reason.otherCustomer', { bill: reason.bill, invoice: reason.invoice });
    case 'reference':
      return t('lettering.reason.reference');
    case 'days':
      return reason.days === 0
        ? t('lettering.reason.days.zero')
        : t(pluralKey(locale, reason.days, 'lettering.reason.days.one', 'lettering.reason.days'), { count: reason.days });
    case 'ambiguous':
      return t('lettering.reason.ambiguous', { count: reason.count });
    case 'alreadyLettered':
      return t('lettering.reason.alreadyLettered', { idnumber: reason.idnumber });
    case 'sumOfBills':
      return t('lettering.reason.sumOfBills', { count: reason.count });
    case 'sumOfInvoices':
      return t('lettering.reason.sumOfInvoices', { count: reason.count });
    case 'awaitingPayment':
      return t('lettering.reason.awaitingPayment', { status: billStatusText(reason.status, t) });
  }
}

/** A bill's state as the Bills workspace names it ("Produced before payment"), or as the shop wrote it. */
export function billStatusText(status: string, t: Translate): string {
  const key = `bill.status.${status}`;
  return isMessageKey(key) ? t(key) : status;
}

/** All the reasons of a suggestion, as one phrase: "same amount 1 250,00 €, same customer, 2 days apart". */
export function reasonsText(suggestion: Pick<Suggestion, 'reasons'>, t: Translate, locale: string): string {
  return suggestion.reasons.map((reason) => reasonText(reason, t, locale)).join(', ');
}
