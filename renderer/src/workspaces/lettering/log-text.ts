import type { LogWhat } from '../../../../shared/contract/lettering';
import type { Translate } from '../../i18n/translate';
import { formatMoney } from '../../money/money';

/** What a log entry records, in the operator's language, with the locale's money format. */
export function logWhatText(what: LogWhat, t: Translate, locale: string): string {
  const money = (cents: number, currency: string) => formatMoney(cents, currency, locale);
  const letterings = (values: readonly string[]) => values.join(', ');
  switch (what.action) {
    case 'import':
      return t('lettering.log.what.import', {
        file: what.file,
        invoices: new Intl.NumberFormat(locale).format(what.invoices),
        skipped: new Intl.NumberFormat(locale).format(what.skipped),
        format: what.format.toUpperCase(),
        encoding: what.encoding ? `, ${what.encoding.toUpperCase()}` : '',
      });
    case 'match':
      return t('lettering.log.what.match', {
        bills: what.bills.map((b) => `${b.id} (${money(b.cents, what.currency)})`).join(', '),
        invoices: what.invoices.map((i) => `${i.reference} (${money(i.cents, what.currency)})`).join(', '),
        rule: t(`lettering.rule.${what.rule}`),
      });
    case 'close': {
      const given = what.letterings.length > 0 ? letterings(what.letterings) : t('lettering.log.what.alreadyOnShop');
      return what.differenceCents === 0
        ? t('lettering.log.what.close', { letterings: given })
        : t('lettering.log.what.closeWithin', {
            difference: money(Math.abs(what.differenceCents), what.currency),
            tolerance: money(what.toleranceCents, what.currency),
            letterings: given,
          });
    }
    case 'unmatch': {
      const done =
        what.letterings.length > 0
          ? t('lettering.log.what.unmatchRemoved', { code: what.code, letterings: letterings(what.letterings) })
          : t('lettering.log.what.unmatch', { code: what.code });
      return what.note ? t('lettering.log.what.note', { what: done, note: what.note }) : done;
    }
  }
}
