import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DetailTable, Facts } from './detail-table';

/**
 * The markup the hand-made tables had, which the e2e tests and the stylesheet find: column headers with
 * scope="col", numbers right-aligned in the header and the cells, a caption when given, the row's own
 * attributes; and a `dl.facts` of term and value pairs.
 */
interface Payment {
  id: number;
  mode: string;
  cents: number;
}
const payments: Payment[] = [
  { id: 7, mode: 'check', cents: 1200 },
  { id: 9, mode: 'transfer', cents: 50 },
];

describe('DetailTable', () => {
  it('renders headers, cells and numbers as the hand-made tables did', () => {
    const html = renderToStaticMarkup(
      createElement(DetailTable<Payment>, {
        caption: 'Payments',
        rows: payments,
        rowKey: (payment) => payment.id,
        rowProps: (payment) => ({ 'data-payment': payment.id, className: payment.cents < 100 ? 'due-row' : undefined }),
        columns: [
          { header: 'Mode', cell: (payment) => payment.mode },
          { header: 'Amount', numeric: true, cell: (payment) => (payment.cents / 100).toFixed(2) },
        ],
      }),
    );
    expect(html).toBe(
      '<table class="data-table detail-table"><caption>Payments</caption>' +
        '<thead><tr><th scope="col">Mode</th><th scope="col" class="numeric">Amount</th></tr></thead>' +
        '<tbody><tr data-payment="7"><td>check</td><td class="numeric">12.00</td></tr>' +
        '<tr data-payment="9" class="due-row"><td>transfer</td><td class="numeric">0.50</td></tr></tbody></table>',
    );
  });

  it('adds its own classes and leaves the caption out when the heading names it', () => {
    const html = renderToStaticMarkup(
      createElement(DetailTable<Payment>, {
        className: 'audit-fix-table',
        rows: [],
        rowKey: (payment) => payment.id,
        columns: [{ header: 'Mode', cell: (payment) => payment.mode }],
      }),
    );
    expect(html).toBe(
      '<table class="data-table detail-table audit-fix-table"><thead><tr><th scope="col">Mode</th></tr></thead><tbody></tbody></table>',
    );
  });

  it("names each row by its row header, leaves the header row out for rows that name themselves, and adds a column's own class", () => {
    const html = renderToStaticMarkup(
      createElement(DetailTable<Payment>, {
        className: 'totals-table',
        columnHeaders: false,
        rows: payments,
        rowKey: (payment) => payment.id,
        columns: [
          { header: 'Mode', rowHeader: true, cell: (payment) => payment.mode },
          { header: 'Amount', numeric: true, className: 'paid', cell: (payment) => (payment.cents / 100).toFixed(2) },
        ],
      }),
    );
    expect(html).toBe(
      '<table class="data-table detail-table totals-table"><tbody>' +
        '<tr><th scope="row">check</th><td class="numeric paid">12.00</td></tr>' +
        '<tr><th scope="row">transfer</th><td class="numeric paid">0.50</td></tr></tbody></table>',
    );
  });
});

describe('Facts', () => {
  it('lists each fact as a term and its value, leaving out the ones given as false', () => {
    const html = renderToStaticMarkup(
      createElement(Facts, {
        facts: [{ term: 'Bill', value: 12 }, false, { term: 'Plugin', value: 'ready', valueProps: { 'data-plugin-state': 'ready' } }, null],
      }),
    );
    expect(html).toBe('<dl class="facts"><dt>Bill</dt><dd>12</dd><dt>Plugin</dt><dd data-plugin-state="ready">ready</dd></dl>');
  });
});
