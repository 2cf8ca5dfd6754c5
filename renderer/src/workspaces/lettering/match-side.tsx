import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { VirtualTable } from './virtual-table';

/** A row with its second line (transaction id, label), in pixels, before it is measured. */
const ROW_ESTIMATE = 48;

/** What one row of a side shows; the bills side and the invoices side differ only in these. */
export interface SideRow {
  id: number;
  /** data-bill or data-invoice, so tests and styles can find a row by what the operator reads. */
  data: Record<string, string | number>;
  selectLabel: string;
  /** The first column: the bill's number or the invoice's reference, then (under the badge) its second line. */
  reference: ReactNode;
  detail: ReactNode;
  /** Unix seconds: an instant (a bill), or a day kept as its 00:00 UTC (an invoice, with `dayOnly`). */
  date: number;
  dayOnly?: boolean;
  customer: ReactNode;
  remainingCents: number;
  currency: string;
}

interface MatchSideProps {
  headingId: string;
  title: string;
  filterLabel: string;
  filter: string;
  onFilter(text: string): void;
  empty: string;
  referenceHeader: string;
  rows: readonly SideRow[];
  selected: ReadonlySet<number>;
  suggested: ReadonlySet<number>;
  onToggle(id: number): void;
}

/** One side of the manual match: a filter and the open bills or invoices, ticked to take part in a match. */
export function MatchSide(props: MatchSideProps) {
  const { t, locale, format } = useI18n();
  // An invoice's day is shown as that day wherever the operator is, not as an instant in their zone.
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }), [locale]);
  return (
    <div className="lettering-side">
      <h2 id={props.headingId}>{props.title}</h2>
      <div className="search-box">
        <input
          type="search"
          aria-label={props.filterLabel}
          placeholder={t('lettering.filter.placeholder')}
          value={props.filter}
          onChange={(event) => props.onFilter(event.target.value)}
        />
      </div>
      {props.rows.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <VirtualTable
          rows={props.rows}
          estimate={ROW_ESTIMATE}
          labelledBy={props.headingId}
          head={
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('lettering.col.select')}</span>
              </th>
              <th scope="col">{props.referenceHeader}</th>
              <th scope="col">{t('lettering.col.date')}</th>
              <th scope="col">{t('lettering.col.customer')}</th>
              <th scope="col" className="end">
                {t('lettering.col.remaining')}
              </th>
            </tr>
          }
          row={(r, rowProps) => (
            <tr
              key={r.id}
              {...rowProps}
              {...r.data}
              className={props.selected.has(r.id) ? 'selected' : props.suggested.has(r.id) ? 'suggested' : undefined}
            >
              <td>
                <input
                  type="checkbox"
                  className="lettering-select"
                  aria-label={r.selectLabel}
                  checked={props.selected.has(r.id)}
                  onChange={() => props.onToggle(r.id)}
                />
              </td>
              <td>
                {r.reference}
                {props.suggested.has(r.id) && <span className="badge">{t('lettering.suggested')}</span>}
                {r.detail}
              </td>
              <td className="lettering-date">{r.dayOnly ? day.format(r.date * 1000) : format.date(r.date * 1000)}</td>
              <td>{r.customer}</td>
              <td className="end">{formatMoney(r.remainingCents, r.currency, locale)}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}
