import { GridSearch } from '../../tables/grid-search';
import type { RefObject } from 'react';
import { useI18n } from '../../i18n/i18n-context';

interface BillsToolbarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  searchText: string;
  onSearch(text: string): void;
  /** ArrowDown in the search box goes on to the table. */
  onLeaveSearch(): void;
  filtersOpen: boolean;
  filterCount: number;
  onToggleFilters(): void;
  filtersId: string;
  columnsOpen: boolean;
  onToggleColumns(): void;
  columnsId: string;
  onXlsx(): void;
  onPdf(): void;
  onMonth(): void;
  pdfAvailable: boolean;
}

export function BillsToolbar({ searchRef, ...props }: BillsToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="table-toolbar">
      <GridSearch
        id="bills-search"
        label={t('bills.search')}
        placeholder={t('bills.search.placeholder')}
        value={props.searchText}
        onChange={props.onSearch}
        inputRef={searchRef}
        onToTable={() => props.onLeaveSearch()}
      />
      <button
        type="button"
        className="button"
        aria-expanded={props.filtersOpen}
        aria-controls={props.filtersId}
        onClick={props.onToggleFilters}
      >
        {t('bills.filters')}
        {props.filterCount > 0 && <span className="badge badge-accent">{props.filterCount}</span>}
      </button>
      <button
        type="button"
        className="button"
        aria-expanded={props.columnsOpen}
        aria-controls={props.columnsId}
        onClick={props.onToggleColumns}
      >
        {t('grid.columns')}
      </button>
      <span className="toolbar-spacer" />
      <button type="button" className="button" onClick={props.onXlsx}>
        {t('bills.export.xlsx')}
      </button>
      <button
        type="button"
        className="button"
        aria-disabled={!props.pdfAvailable}
        title={props.pdfAvailable ? undefined : t('bills.export.pdfHint')}
        onClick={() => props.pdfAvailable && props.onPdf()}
      >
        {t('bills.export.pdf')}
      </button>
      <button type="button" className="button" onClick={props.onMonth}>
        {t('bills.export.month')}
      </button>
    </div>
  );
}
