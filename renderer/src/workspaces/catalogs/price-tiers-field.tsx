import { MAX_PRICE_TIERS } from '../../../../shared/catalogs/price-tiers';
import { useI18n } from '../../i18n/i18n-context';
import type { IssueMap } from './issue-messages';

/** A tier as typed: quantity and price stay text until saved, so a half-typed value is not lost. */
export interface TierInput {
  fromquantity: string;
  price: string;
}

/**
 * The five quantity price tiers: "from quantity N, unit price P" rows, added and removed, each input with
 * its own error (prices.1.fromquantity, prices.1.unitcents), so the operator sees which tier is wrong.
 */
export function PriceTiersField({
  id,
  tiers,
  onChange,
  issues,
  currency,
}: {
  id: string;
  tiers: TierInput[];
  onChange(next: TierInput[]): void;
  issues: IssueMap;
  currency: string;
}) {
  const { t } = useI18n();
  const set = (index: number, patch: Partial<TierInput>) => onChange(tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)));
  const general = issues['prices'] ?? [];
  return (
    <fieldset className="price-tiers" aria-describedby={general.length > 0 ? `${id}-error` : undefined}>
      <legend>{t('catalogs.item.prices', { currency })}</legend>
      <table className="data-table price-tier-table">
        <thead>
          <tr>
            <th scope="col">{t('catalogs.item.fromQuantity')}</th>
            <th scope="col">{t('catalogs.item.unitPrice')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('catalogs.item.tierActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier, index) => {
            const qErrors = issues[`prices.${index}.fromquantity`] ?? [];
            const pErrors = issues[`prices.${index}.unitcents`] ?? [];
            return (
              <tr key={index}>
                <td className={qErrors.length > 0 ? 'field-invalid' : undefined}>
                  <input
                    id={`${id}-q${index}`}
                    inputMode="numeric"
                    aria-label={t('catalogs.item.tierQuantity', { n: index + 1 })}
                    value={tier.fromquantity}
                    onChange={(event) => set(index, { fromquantity: event.target.value })}
                    aria-invalid={qErrors.length > 0 || undefined}
                    aria-describedby={qErrors.length > 0 ? `${id}-q${index}-error` : undefined}
                  />
                  {qErrors.length > 0 && (
                    <div id={`${id}-q${index}-error`} className="field-error">
                      {qErrors.map((m) => (
                        <p key={m}>{m}</p>
                      ))}
                    </div>
                  )}
                </td>
                <td className={pErrors.length > 0 ? 'field-invalid' : undefined}>
                  <input
                    id={`${id}-p${index}`}
                    inputMode="decimal"
                    aria-label={t('catalogs.item.tierPrice', { n: index + 1 })}
                    value={tier.price}
                    onChange={(event) => set(index, { price: event.target.value })}
                    aria-invalid={pErrors.length > 0 || undefined}
                    aria-describedby={pErrors.length > 0 ? `${id}-p${index}-error` : undefined}
                  />
                  {pErrors.length > 0 && (
                    <div id={`${id}-p${index}-error`} className="field-error">
                      {pErrors.map((m) => (
                        <p key={m}>{m}</p>
                      ))}
                    </div>
                  )}
                </td>
                <td>
                  {tiers.length > 1 && (
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => onChange(tiers.filter((_, i) => i !== index))}
                      aria-label={t('catalogs.item.removeTier', { n: index + 1 })}
                    >
                      ×
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {general.length > 0 && (
        <div id={`${id}-error`} className="field-error" role="alert">
          {general.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      {tiers.length < MAX_PRICE_TIERS && (
        <button type="button" className="button" onClick={() => onChange([...tiers, { fromquantity: '', price: '' }])}>
          {t('catalogs.item.addTier')}
        </button>
      )}
      <p className="field-hint">{t('catalogs.item.pricesHint')}</p>
    </fieldset>
  );
}
