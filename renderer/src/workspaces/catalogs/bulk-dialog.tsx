import { ItemStatusOptions } from './item-fields';
import { useId, useState } from 'react';
import type { ITEM_STATUSES } from '../../../../shared/contract/catalogs';
import { type BulkChange, type BulkPreview, type CatalogDetail } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { FieldFrame } from './field-frame';
import { useAction } from '../../actions/use-action';

type Kind = BulkChange['kind'];

/**
 * Many items at once. The change is previewed (each item, before and after) before it is applied; prices by
 * a percentage are rounded per tier to the cent, halves away from zero, as the dialog says.
 */
export function BulkPanel({
  detail,
  ids,
  currency,
  onApplied,
  onClose,
}: {
  detail: CatalogDetail;
  ids: number[];
  currency: string;
  onApplied(d: CatalogDetail): void;
  onClose(): void;
}) {
  const api = useApi();
  const { t, locale } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<Kind>('status');
  const [status, setStatus] = useState<(typeof ITEM_STATUSES)[number]>('AVAILABLE');
  const [categoryid, setCategoryid] = useState(detail.categories[0]?.id ?? 0);
  const [taxcode, setTaxcode] = useState(detail.taxes[0]?.id ?? 0);
  const [percent, setPercent] = useState('5');
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const working = useAction();
  const basisPoints = Math.round(Number(percent.replace(',', '.')) * 100);
  const percentValid = percent.trim() !== '' && Number.isFinite(basisPoints) && basisPoints >= -10000;
  const change = (): BulkChange =>
    kind === 'status'
      ? { kind, status }
      : kind === 'category'
        ? { kind, categoryid }
        : kind === 'taxcode'
          ? { kind, taxcode }
          : { kind, basisPoints };

  const run = (apply: boolean) =>
    working.run(async () => {
      const answer = await api.invoke(apply ? 'catalogs.bulkApply' : 'catalogs.bulkPreview', {
        catalogId: detail.catalog.id,
        ids,
        change: change(),
      });
      setPreview(answer);
      if (apply) {
        onApplied(await api.invoke('catalogs.get', { id: detail.catalog.id }));
        onClose();
      }
    });
  const show = (field: string, value: unknown) => {
    if (field === 'prices' && Array.isArray(value))
      return (value as { fromquantity: number; unitcents: number }[])
        .map((p) => `${p.fromquantity}+ ${formatMoney(p.unitcents, currency, locale)}`)
        .join(' · ');
    if (field === 'categoryid') return detail.categories.find((c) => c.id === value)?.name ?? String(value);
    if (field === 'taxcode') return detail.taxes.find((x) => x.id === value)?.title ?? String(value);
    if (field === 'status') return t(`catalogs.status.${value as (typeof ITEM_STATUSES)[number]}`);
    return String(value);
  };
  return (
    <section className="bulk-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('catalogs.bulk.title', { count: ids.length })}</h3>
      <div className="field-row">
        <FieldFrame id={`${id}-kind`} label={t('catalogs.bulk.change')}>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as Kind);
              setPreview(null);
            }}
          >
            <option value="status">{t('catalogs.item.status')}</option>
            <option value="category">{t('catalogs.item.category')}</option>
            <option value="taxcode">{t('catalogs.item.taxcode')}</option>
            <option value="pricePercent">{t('catalogs.bulk.pricePercent')}</option>
          </select>
        </FieldFrame>
        {kind === 'status' && (
          <FieldFrame id={`${id}-value`} label={t('catalogs.bulk.to')}>
            <select
              id={`${id}-value`}
              value={status}
              onChange={(event) => {
                setStatus(event.target.value as typeof status);
                setPreview(null);
              }}
            >
              <ItemStatusOptions />
            </select>
          </FieldFrame>
        )}
        {kind === 'category' && (
          <FieldFrame id={`${id}-value`} label={t('catalogs.bulk.to')}>
            <select
              id={`${id}-value`}
              value={categoryid}
              onChange={(event) => {
                setCategoryid(Number(event.target.value));
                setPreview(null);
              }}
            >
              {detail.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </FieldFrame>
        )}
        {kind === 'taxcode' && (
          <FieldFrame id={`${id}-value`} label={t('catalogs.bulk.to')}>
            <select
              id={`${id}-value`}
              value={taxcode}
              onChange={(event) => {
                setTaxcode(Number(event.target.value));
                setPreview(null);
              }}
            >
              {detail.taxes.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title} ({x.country})
                </option>
              ))}
            </select>
          </FieldFrame>
        )}
        {kind === 'pricePercent' && (
          <FieldFrame id={`${id}-value`} label={t('catalogs.bulk.percent')} hint={t('catalogs.bulk.rounding')}>
            <input
              id={`${id}-value`}
              inputMode="decimal"
              value={percent}
              onChange={(event) => {
                setPercent(event.target.value);
                setPreview(null);
              }}
              aria-describedby={`${id}-value-hint`}
            />
          </FieldFrame>
        )}
      </div>
      {working.error && <ErrorNotice error={working.error} onDismiss={() => working.clear()} />}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => void run(false)}
          aria-disabled={working.busy || (kind === 'pricePercent' && !percentValid)}
        >
          {t('catalogs.bulk.preview')}
        </button>
        {preview && preview.changed > 0 && (
          <button type="button" className="button button-primary" onClick={() => void run(true)} aria-disabled={working.busy}>
            {t('catalogs.bulk.apply', { count: preview.changed })}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      {preview && (
        <table className="data-table bulk-preview">
          <caption>{t('catalogs.bulk.previewCaption', { count: preview.changed })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogs.item.code')}</th>
              <th scope="col">{t('catalogs.bulk.before')}</th>
              <th scope="col">{t('catalogs.bulk.after')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.id} className={row.skipped ? 'muted' : undefined}>
                <th scope="row">{row.code}</th>
                <td>{show(row.field, row.before)}</td>
                <td>
                  {row.skipped
                    ? t(row.skipped === 'master' ? 'catalogs.bulk.skippedMaster' : 'catalogs.bulk.skippedSame')
                    : show(row.field, row.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
