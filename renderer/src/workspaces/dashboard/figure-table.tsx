import type { BillFilter } from '../../../../shared/contract';

/** One row of a chart's figures: its name, and each series' amount with the bills behind it. */
export interface FigureRow {
  name: string;
  cells: { text: string; filter: BillFilter | null; label: string }[];
}

/**
 * A chart's figures as a table, under the chart in a disclosure: screen readers read it instead of the
 * canvas, and every amount is a button that opens its bills, as a click on the bar does.
 */
export function FigureTable(props: {
  title: string;
  caption: string;
  summary: string;
  headers: string[];
  rows: FigureRow[];
  onOpen(filter: BillFilter, label: string): void;
}) {
  return (
    <details className="dashboard-figures">
      <summary>{props.summary}</summary>
      <table className="dashboard-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((header, i) => (
              <th key={i} scope="col" className={i > 0 ? 'amount' : undefined}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, c) => (
                <td key={c} className="amount">
                  {cell.filter ? (
                    <button type="button" className="dashboard-link" onClick={() => props.onOpen(cell.filter!, cell.label)}>
                      {cell.text}
                    </button>
                  ) : (
                    cell.text
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
