import { useI18n } from '../../i18n/i18n-context';
import { centsToInput, formatMoney } from '../../money/money';
import type { ChosenItem } from './use-manual-match';

interface ChosenItemsProps {
  items: readonly ChosenItem[];
  /** What the operator typed per item key; an item without gives all that is left. */
  allocations: ReadonlyMap<string, string>;
  onAllocation(key: string, text: string): void;
}

/**
 * The ticked bills and invoices with what each gives to the match, all that is left unless the operator types
 * less (a partial match). What is left below zero (a credit) is given whole: it is shown, not typed.
 */
export function ChosenItems({ items, allocations, onAllocation }: ChosenItemsProps) {
  const { t, locale } = useI18n();
  return (
    <table className="lettering-table lettering-chosen" aria-label={t('lettering.chosen')}>
      <thead>
        <tr>
          <th scope="col">{t('lettering.chosen.item')}</th>
          <th scope="col" className="end">
            {t('lettering.col.remaining')}
          </th>
          <th scope="col" className="end">
            {t('lettering.chosen.given')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.key}>
            <td>{item.label}</td>
            <td className="end">{formatMoney(item.remaining, item.currency, locale)}</td>
            <td className="end">
              {item.remaining < 0 ? (
                formatMoney(item.remaining, item.currency, locale)
              ) : (
                <input
                  className="lettering-tolerance"
                  inputMode="decimal"
                  aria-label={t('lettering.chosen.givenBy', { item: item.label })}
                  aria-invalid={item.amount === null}
                  value={allocations.get(item.key) ?? centsToInput(item.remaining, locale)}
                  onChange={(event) => onAllocation(item.key, event.target.value)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
