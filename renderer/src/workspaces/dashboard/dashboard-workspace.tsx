import { useCallback, useMemo, useRef, useState } from 'react';
import type { BillFilter, DashboardSummary } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { NoSiteNotice } from '../../shell/no-site-notice';
import { openBills } from '../bills/bills-link';
import { BarChart } from './bar-chart';
import { CustomPeriodFields, useDashboardPeriod } from './custom-period';
import { periodIds, type PeriodChoice } from './dashboard-period';
import { DashboardExport } from './dashboard-export';
import { FigureTable, type FigureRow } from './figure-table';
import './dashboard.css';

type Share = DashboardSummary['byProduct'][number];
const CHARTS = ['invoiced', 'cashed', 'byCatalog', 'byProduct', 'byCustomer'] as const;

/**
 * The first screen once synced: how the business is doing over a period, in one shop or all, in one currency.
 * Every figure is computed by the core in SQLite (dashboard.summary) and opens the bills behind it in Bills.
 */
export function DashboardWorkspace() {
  const api = useApi();
  const { t, locale, format } = useI18n();
  const { period, choosePeriod, span, days, setDays, custom } = useDashboardPeriod();
  const [shopId, setShopId] = useState<number | undefined>(undefined);
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  const query = useMemo(
    () => ({ ...span, ...(shopId !== undefined ? { shopId } : {}), ...(currency ? { currency } : {}) }),
    [span, shopId, currency],
  );
  const load = useCallback(() => api.invoke('dashboard.summary', query), [api, query]);
  const summary = useQuery(load);
  useRefreshOn(api, ['sync.finished', 'profiles.changed', 'outbox.changed'], summary.reload, 1000);

  // Every chart reports its paint; once all have painted this answer, the dashboard is shown (the bench's mark).
  const painted = useRef<{ data: DashboardSummary | undefined; charts: Set<string>; marked: boolean }>({
    data: undefined,
    charts: new Set(),
    marked: false,
  });
  const rootRef = useRef<HTMLDivElement>(null);
  const value = summary.value;
  const onPainted = useCallback(
    (chart: string) => {
      if (painted.current.data !== value) painted.current = { data: value, charts: new Set(), marked: false };
      painted.current.charts.add(chart);
      // Once per answer: a chart repainted later (a resize, a hover) is not the dashboard shown again.
      if (painted.current.charts.size === CHARTS.length && !painted.current.marked && rootRef.current && value) {
        painted.current.marked = true;
        rootRef.current.dataset.painted = String(value.months[0]?.from ?? 0) + String(value.totals.invoicedCents);
        performance.mark('dashboard.painted');
      }
    },
    [value],
  );

  if (toAppErrorShape(summary.error).code === 'no_active_profile') return <NoSiteNotice text={t('dashboard.noSite')} />;
  const money = (cents: number) => formatMoney(cents, value?.currency ?? '', locale);
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit' });
  const longMonth = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
  const periodText = `${format.date(span.from * 1000)} – ${format.date(span.to * 1000)}`;
  const open = (filter: BillFilter, label: string) => openBills(filter, label);

  return (
    <div className="dashboard" ref={rootRef} aria-busy={value === undefined}>
      <form className="dashboard-controls" aria-label={t('dashboard.controls')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="dashboard-period">{t('dashboard.period')}</label>
          <select id="dashboard-period" value={period} onChange={(event) => choosePeriod(event.target.value as PeriodChoice)}>
            {periodIds.map((id) => (
              <option key={id} value={id}>
                {t(`dashboard.period.${id}`)}
              </option>
            ))}
            <option value="custom">{t('dashboard.period.custom')}</option>
          </select>
        </div>
        {period === 'custom' && <CustomPeriodFields days={days} onChange={setDays} checked={custom} shown={periodText} />}
        <div className="field">
          <label htmlFor="dashboard-shop">{t('dashboard.shop')}</label>
          <select
            id="dashboard-shop"
            value={shopId ?? ''}
            onChange={(event) => setShopId(event.target.value === '' ? undefined : Number(event.target.value))}
          >
            <option value="">{t('dashboard.shop.all')}</option>
            {value?.shops.map((shop) => (
              <option key={shop.id} value={shop.id}>
                {shop.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-currency">{t('dashboard.currency')}</label>
          <select id="dashboard-currency" value={value?.currency ?? currency ?? ''} onChange={(event) => setCurrency(event.target.value)}>
            {(value?.currencies.length ? value.currencies : [value?.currency ?? '']).map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <p className="dashboard-period-text">{periodText}</p>
        <DashboardExport query={{ ...query, currency: value?.currency }} disabled={value === undefined} />
      </form>
      {summary.error !== null && <ErrorNotice error={summary.error} onRetry={summary.reload} />}
      {value === undefined ? (
        summary.error === null && <p role="status">{t('dashboard.loading')}</p>
      ) : (
        <>
          <p className="dashboard-hint">{t('dashboard.opensBills')}</p>
          <section className="dashboard-cards" aria-label={t('dashboard.totals')}>
            <Figure
              title={t('dashboard.invoiced')}
              amount={money(value.totals.invoicedCents)}
              hint={t('dashboard.invoiced.hint', {
                count: format.number(value.totals.invoicedBills),
                credited: money(value.totals.creditedCents),
              })}
              onOpen={() => open(value.totals.invoicedFilter, t('dashboard.link.invoiced', { period: periodText }))}
            />
            <Figure
              title={t('dashboard.cashed')}
              amount={money(value.totals.cashedCents)}
              hint={t('dashboard.cashed.hint', { refunded: money(value.totals.refundedCents) })}
              onOpen={() => open(value.totals.cashedFilter, t('dashboard.link.cashed', { period: periodText }))}
            />
            <Figure
              title={t('dashboard.basket')}
              amount={money(value.totals.averageBasketCents)}
              hint={t('dashboard.basket.hint')}
              onOpen={() => open(value.totals.invoicedFilter, t('dashboard.link.invoiced', { period: periodText }))}
            />
          </section>
          <section className="dashboard-cards" aria-label={t('dashboard.stages')}>
            <h2 className="dashboard-heading">{t('dashboard.stages')}</h2>
            {value.stages.map((stage) => {
              const name = t(`dashboard.stage.${stage.status as 'PLACED' | 'PENDING' | 'SOLDOUT'}`);
              return (
                <Figure
                  key={stage.status}
                  title={name}
                  amount={t('dashboard.stage.count', { count: format.number(stage.bills) })}
                  hint={money(stage.cents)}
                  onOpen={() => open(stage.filter, t('dashboard.link.stage', { stage: name }))}
                />
              );
            })}
          </section>
          <div className="dashboard-grid">
            {(['invoiced', 'cashed'] as const).map((kind) => {
              const title = t(kind === 'invoiced' ? 'dashboard.months.invoiced' : 'dashboard.months.cashed');
              const now = value.months.map((m) => (kind === 'invoiced' ? m.invoicedCents : m.cashedCents));
              const before = value.months.map((m) => (kind === 'invoiced' ? m.lastYearInvoicedCents : m.lastYearCashedCents));
              const filters = value.months.map((m) =>
                kind === 'invoiced' ? [m.invoicedFilter, m.lastYearInvoicedFilter] : [m.cashedFilter, m.lastYearCashedFilter],
              );
              const linkKey = kind === 'invoiced' ? 'dashboard.link.invoiced' : 'dashboard.link.cashed';
              const linkOf = (series: number, i: number) => t(linkKey, { period: longMonth.format(startOf(filters[i]![series]!) * 1000) });
              const rows: FigureRow[] = value.months.map((m, i) => ({
                name: longMonth.format(m.from * 1000),
                cells: [0, 1].map((series) => ({
                  text: money(series === 0 ? now[i]! : before[i]!),
                  filter: filters[i]![series]!,
                  label: linkOf(series, i),
                })),
              }));
              return (
                <ChartCard key={kind} title={title}>
                  <BarChart
                    label={t('dashboard.chart.label', { title })}
                    labels={value.months.map((m) => monthName.format(m.from * 1000))}
                    series={[
                      {
                        label: t('dashboard.months.thisYear'),
                        values: now.map((c) => c / 100),
                        color: kind === 'invoiced' ? '--accent' : '--success',
                      },
                      { label: t('dashboard.months.lastYear'), values: before.map((c) => c / 100), color: '--border-strong' },
                    ]}
                    format={(v) => money(Math.round(v * 100))}
                    onBarClick={(series, i) => open(filters[i]![series]!, linkOf(series, i))}
                    onPainted={() => onPainted(kind)}
                    height={240}
                  />
                  <FigureTable
                    title={title}
                    summary={t('dashboard.table', { title })}
                    caption={title}
                    headers={[t('dashboard.months.month'), t('dashboard.months.thisYear'), t('dashboard.months.lastYear')]}
                    rows={rows}
                    onOpen={open}
                  />
                </ChartCard>
              );
            })}
            {(['byCatalog', 'byProduct', 'byCustomer'] as const).map((kind) => {
              const title = t(`dashboard.${kind}`);
              const shares = value[kind];
              // The rest (key ''): the period's invoices without the ten names above.
              const nameOf = (share: Share) =>
                share.key === '' ? t('dashboard.share.rest') : share.label || t('dashboard.share.noCatalog');
              const label = (share: Share) =>
                share.key === ''
                  ? t('dashboard.link.rest', { chart: title, period: periodText })
                  : t('dashboard.link.share', { name: nameOf(share), period: periodText });
              return (
                <ChartCard key={kind} title={title}>
                  {shares.length === 0 && <p>{t('dashboard.share.none')}</p>}
                  <BarChart
                    label={t('dashboard.chart.label', { title })}
                    labels={shares.map((share) => truncate(nameOf(share)))}
                    series={[
                      {
                        label: t('dashboard.share.amount'),
                        values: shares.map((s) => s.cents / 100),
                        // The rest is not one of the names: drawn in last year's grey.
                        color: shares.map((s) => (s.key === '' ? '--border-strong' : '--accent')),
                      },
                    ]}
                    horizontal
                    format={(v) => money(Math.round(v * 100))}
                    onBarClick={(_series, i) => {
                      const share = shares[i];
                      if (share?.filter) open(share.filter, label(share));
                    }}
                    onPainted={() => onPainted(kind)}
                    height={Math.max(160, 28 * shares.length + 40)}
                  />
                  <FigureTable
                    title={title}
                    summary={t('dashboard.table', { title })}
                    caption={title}
                    headers={[t('dashboard.share.name'), t('dashboard.share.amount')]}
                    rows={shares.map((share) => ({
                      name: nameOf(share),
                      cells: [{ text: money(share.cents), filter: share.filter, label: label(share) }],
                    }))}
                    onOpen={open}
                  />
                </ChartCard>
              );
            })}
          </div>
        </>
      )}
    </div>
  );
}

/** The first second a month's filter covers: its emission or its payment dates. */
const startOf = (filter: BillFilter) => filter.from ?? filter.paidFrom ?? 0;

const truncate = (text: string) => (text.length > 28 ? `${text.slice(0, 27)}…` : text);

function Figure(props: { title: string; amount: string; hint: string; onOpen(): void }) {
  return (
    <button type="button" className="dashboard-figure" onClick={props.onOpen}>
      <span className="dashboard-figure-title">{props.title}</span>
      <span className="dashboard-figure-amount">{props.amount}</span>
      <span className="dashboard-figure-hint">{props.hint}</span>
    </button>
  );
}

function ChartCard(props: { title: string; children: React.ReactNode }) {
  return (
    <section className="dashboard-card" aria-label={props.title}>
      <h2 className="dashboard-heading">{props.title}</h2>
      {props.children}
    </section>
  );
}
