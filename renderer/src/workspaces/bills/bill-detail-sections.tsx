import type { BillDetail } from '../../../../shared/contract';
import { BILL_STATUSES, type BillStatus } from '../../../../shared/bills/bill-status';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney, formatRate } from '../../money/money';
import { detailHash } from '../../shell/workspaces';
import { paymodeLabel } from './bill-columns';
import { statusKey } from './bill-status-badge';
import { DetailTable } from '../../tables/detail-table';

type Props = { detail: BillDetail };

function useMoney(currency: string) {
  const { locale } = useI18n();
  return (cents: number) => formatMoney(cents, currency, locale);
}

export function CustomerSection({ detail }: Props) {
  const { t } = useI18n();
  const c = detail.customer;
  const place = [c.address, [c.zip, c.city].filter(Boolean).join(' '), c.country].filter(Boolean);
  return (
    <section className="detail-section" aria-labelledby="bill-customer">
      <h3 id="bill-customer">{t('bill.customer')}</h3>
      <p>
        <a href={detailHash('customers', c.id)}>
          {c.firstname} {c.lastname}
        </a>
        {c.organisation && <span className="muted"> · {c.organisation}</span>}
      </p>
      {c.email && <p className="muted">{c.email}</p>}
      {place.length > 0 && <p className="muted">{place.join(', ')}</p>}
      {detail.bill.invoiceinfo && <p className="pre-wrap">{detail.bill.invoiceinfo}</p>}
    </section>
  );
}

export function LinesSection({ detail }: Props) {
  const { t, locale, format } = useI18n();
  const money = useMoney(detail.bill.currency);
  return (
    <section className="detail-section" aria-labelledby="bill-lines">
      <h3 id="bill-lines">{t('bill.lines')}</h3>
      {detail.lines.length === 0 ? (
        <p className="muted">{t('bill.lines.none')}</p>
      ) : (
        <DetailTable
          rows={detail.lines}
          rowKey={(line) => line.id}
          columns={[
            {
              header: t('bill.line.item'),
              cell: (line) => (
                <>
                  {line.abstract || line.itemcode}
                  <br />
                  <span className="muted">
                    {line.itemcode}
                    {line.type !== 'BILLING' && ` · ${line.type}`}
                  </span>
                </>
              ),
            },
            { header: t('bill.line.unit'), numeric: true, cell: (line) => money(line.unitcents) },
            { header: t('bill.line.quantity'), numeric: true, cell: (line) => format.number(line.quantity) },
            { header: t('bill.line.total'), numeric: true, cell: (line) => money(line.totalcents) },
            {
              header: t('bill.line.tax'),
              numeric: true,
              cell: (line) => (
                <>
                  {money(line.taxcents)}
                  <br />
                  <span className="muted">{formatRate(line.taxratio, locale)}</span>
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

/** One line of a bill's totals: what it is, its amount, and how it stands out (the total, what is still due). */
interface TotalLine {
  key: string;
  label: string;
  cents: number;
  className?: string;
}

export function TotalsSection({ detail }: Props) {
  const { t, locale } = useI18n();
  const money = useMoney(detail.bill.currency);
  const bill = detail.bill;
  const lines: TotalLine[] = [
    { key: 'untaxed', label: t('bill.untaxed'), cents: bill.untaxedcents },
    ...detail.taxesByRate.map((rate) => ({
      key: `tax-${rate.taxratio}`,
      label: t('bill.taxAt', { rate: formatRate(rate.taxratio, locale), base: money(rate.untaxedcents) }),
      cents: rate.taxcents,
    })),
    ...(bill.discountcents !== 0 ? [{ key: 'discount', label: t('bill.discount'), cents: -Math.abs(bill.discountcents) }] : []),
    ...(bill.shippingcents !== 0 ? [{ key: 'shipping', label: t('bill.shipping'), cents: bill.shippingcents }] : []),
    { key: 'taxes', label: t('bill.taxes'), cents: bill.taxcents },
    { key: 'amount', label: t('bill.amount'), cents: bill.amountcents, className: 'total-row' },
    { key: 'paid', label: t('bill.paid'), cents: bill.paidcents },
    { key: 'due', label: t('bill.due'), cents: detail.dueCents, ...(detail.dueCents > 0 ? { className: 'due-row' } : {}) },
  ];
  return (
    <section className="detail-section" aria-labelledby="bill-totals">
      <h3 id="bill-totals">{t('bill.totals')}</h3>
      <DetailTable
        className="totals-table"
        columnHeaders={false}
        rows={lines}
        rowKey={(line) => line.key}
        rowProps={(line) => ({ className: line.className })}
        columns={[
          { header: t('bill.totals'), rowHeader: true, cell: (line) => line.label },
          { header: t('bill.amount'), numeric: true, cell: (line) => money(line.cents) },
        ]}
      />
    </section>
  );
}

export function PaymentsSection({ detail }: Props) {
  const { t, format } = useI18n();
  const money = useMoney(detail.bill.currency);
  return (
    <section className="detail-section" aria-labelledby="bill-payments">
      <h3 id="bill-payments">{t('bill.payments')}</h3>
      {detail.payments.length === 0 ? (
        <p className="muted">{t('bill.payments.none')}</p>
      ) : (
        <DetailTable
          rows={detail.payments}
          rowKey={(payment) => payment.id}
          columns={[
            { header: t('bill.payment.date'), cell: (payment) => format.date(payment.paidon * 1000) },
            { header: t('bill.payment.mode'), cell: (payment) => paymodeLabel(payment.paymode, t) },
            { header: t('bill.payment.reference'), cell: (payment) => payment.reference },
            { header: t('bill.payment.amount'), numeric: true, cell: (payment) => money(payment.amountcents) },
          ]}
        />
      )}
    </section>
  );
}

const isStatus = (value: string): value is BillStatus => (BILL_STATUSES as readonly string[]).includes(value);

export function HistorySection({ detail }: Props) {
  const { t, format } = useI18n();
  const label = (status: string) => (isStatus(status) ? t(statusKey(status)) : status || '—');
  return (
    <section className="detail-section" aria-labelledby="bill-history">
      <h3 id="bill-history">{t('bill.history')}</h3>
      {detail.history.length === 0 ? (
        <p className="muted">{t('bill.history.none')}</p>
      ) : (
        <ol className="history-list">
          {detail.history.map((step, index) => (
            <li key={`${step.timecreated}-${index}`}>
              <span className="muted">{format.dateTime(step.timecreated * 1000)}</span> {label(step.fromstatus)} → {label(step.tostatus)}
              {step.note && <span className="muted"> · {step.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ProductionSection({ detail }: Props) {
  const { t, format } = useI18n();
  return (
    <section className="detail-section" aria-labelledby="bill-production">
      <h3 id="bill-production">{t('bill.production')}</h3>
      {/* The handlers' feedback may hold markup: shown as text, never as HTML. */}
      {detail.bill.productionfeedback ? (
        <p className="pre-wrap">{detail.bill.productionfeedback}</p>
      ) : (
        <p className="muted">{t('bill.production.none')}</p>
      )}
      <p>
        <a className="button" href={detailHash('production', detail.bill.id)}>
          {t('production.runHandler')}
        </a>
      </p>
      {detail.products.length > 0 && (
        <DetailTable
          caption={t('bill.products')}
          rows={detail.products}
          rowKey={(product) => product.id}
          columns={[
            { header: t('bill.product.reference'), cell: (product) => <code>{product.reference}</code> },
            { header: t('bill.product.item'), cell: (product) => product.itemcode },
            { header: t('bill.product.start'), cell: (product) => (product.startdate ? format.date(product.startdate * 1000) : '—') },
            {
              header: t('bill.product.end'),
              cell: (product) => (product.enddate ? format.date(product.enddate * 1000) : t('bill.product.noEnd')),
            },
          ]}
        />
      )}
    </section>
  );
}
