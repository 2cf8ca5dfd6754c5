import type { HTMLAttributes, Key, ReactNode } from 'react';

/** One column of a detail table: its header, and what each row shows in it. */
export interface DetailColumn<Row> {
  header: ReactNode;
  /** Money, counts: right-aligned, header included. */
  numeric?: boolean;
  /** What names the row (a field, a total's label): a row header, read out before each of the row's cells. */
  rowHeader?: boolean;
  /** The cells' own class (the side of a conflict they show), beside `numeric`. */
  className?: string;
  cell(row: Row, index: number): ReactNode;
}

/** What a row carries besides its cells: a class (a due or ending row), data- attributes the tests find it by. */
export type DetailRowProps = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number | undefined };

interface DetailTableProps<Row> {
  columns: readonly DetailColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row, index: number): Key;
  /** The table's name, read before its rows; none when the section's heading names it. */
  caption?: ReactNode;
  /** Classes beside `data-table detail-table`. */
  className?: string;
  rowProps?(row: Row, index: number): DetailRowProps;
  /** False for a table whose rows name themselves (a bill's totals): no header row. */
  columnHeaders?: boolean;
}

/**
 * The small tables of a detail pane or a dialog (a bill's lines, payments, products; a run's calls; a plan's
 * accounts): every row shown, a header of column headers, numbers right-aligned. Long lists use the virtual
 * grid instead (virtual-grid.tsx).
 */
export function DetailTable<Row>({ columns, rows, rowKey, caption, className, rowProps, columnHeaders = true }: DetailTableProps<Row>) {
  return (
    <table className={className ? `data-table detail-table ${className}` : 'data-table detail-table'}>
      {caption !== undefined && <caption>{caption}</caption>}
      {columnHeaders && (
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} {...rowProps?.(row, index)}>
            {columns.map((column, at) => {
              const Cell = column.rowHeader ? 'th' : 'td';
              return (
                <Cell key={at} scope={column.rowHeader ? 'row' : undefined} className={cellClass(column)}>
                  {column.cell(row, index)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cellClass(column: DetailColumn<never>): string | undefined {
  const classes = [column.numeric ? 'numeric' : '', column.className ?? ''].filter(Boolean).join(' ');
  return classes || undefined;
}

/** One fact of a record: what it is, and its value. */
export interface Fact {
  term: ReactNode;
  value: ReactNode;
  /** Attributes of the value (a data- attribute a test reads). */
  valueProps?: HTMLAttributes<HTMLElement> & { [data: `data-${string}`]: string | number | undefined };
}

/**
 * A record's facts as a description list (`dl.facts`): the identity of a bill, a customer's totals, what a
 * site check found. A fact given as false or null is left out, for the ones that depend on the record.
 */
export function Facts({ facts }: { facts: readonly (Fact | false | null)[] }) {
  return (
    <dl className="facts">
      {facts.map(
        (fact, index) =>
          fact && [
            <dt key={`t${index}`}>{fact.term}</dt>,
            <dd key={`v${index}`} {...fact.valueProps}>
              {fact.value}
            </dd>,
          ],
      )}
    </dl>
  );
}
