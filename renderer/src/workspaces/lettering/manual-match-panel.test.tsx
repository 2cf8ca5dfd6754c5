import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/contract';
import type { MatchView, OpenBill, OpenInvoice, Suggestion } from '../../../../shared/contract/lettering';
import { fakeApi, type FakeApi } from '../../api/fake-api.test-support';
import { renderWithApi } from '../../api/render-with-api.test-support';
import type { Language } from '../../i18n/locale';
import { ManualMatchPanel } from './manual-match-panel';

const day = (d: number) => Date.UTC(2026, 2, d) / 1000;

const bills: OpenBill[] = [
  {
    id: 12,
    transactionid: 'TX12ABCDEF',
    status: 'SOLDOUT',
    emissiondate: day(3),
    amountcents: 125000,
    remainingCents: 125000,
    currency: 'EUR',
    customer: 'Hélène Dupré',
    organisation: '',
    email: 'helene@example.test',
  },
  {
    id: 13,
    transactionid: 'TX13GHIJKL',
    status: 'COMPLETE',
    emissiondate: day(4),
    amountcents: 48000,
    remainingCents: 48000,
    currency: 'EUR',
    customer: 'Marc Petit',
    organisation: 'Petit Formation SARL',
    email: 'marc@example.test',
  },
  {
    id: 14,
    transactionid: 'TX14MNOPQR',
    status: 'PENDING',
    emissiondate: day(5),
    amountcents: 30000,
    remainingCents: 30000,
    currency: 'EUR',
    customer: 'Jeanne Roux',
    organisation: '',
    email: 'jeanne@example.test',
  },
];
const invoices: OpenInvoice[] = [
  {
    id: 7,
    reference: 'FA-7',
    date: day(5),
    customer: 'DUPRE Helene',
    label: 'Algebra course',
    amountcents: 125000,
    remainingCents: 125000,
    currency: 'EUR',
  },
  {
    id: 8,
    reference: 'FA-8',
    date: day(6),
    customer: 'PETIT FORMATION',
    label: 'Geometry',
    amountcents: 47999,
    remainingCents: 47999,
    currency: 'EUR',
  },
  {
    id: 9,
    reference: 'FA-9',
    date: day(7),
    customer: 'ROUX Jeanne',
    label: 'Topology',
    amountcents: 30000,
    remainingCents: 30000,
    currency: 'EUR',
  },
];
/** The engine pairs bill 13 with invoice FA-8 (a cent apart). */
const suggestions: Suggestion[] = [
  {
    key: 'b13|i8',
    kind: 'check',
    rule: 'nearAmount',
    score: 60,
    billIds: [13],
    invoiceIds: [8],
    reasons: [{ code: 'amountDiffers', billCents: 48000, invoiceCents: 47999, currency: 'EUR' }],
  },
];

/** The match as the core records it. */
const recorded = (billId: number, invoiceId: number, cents: number): MatchView => ({
  id: 1,
  code: 'AA',
  state: 'closed',
  rule: 'manual',
  toleranceCents: 0,
  createdAt: day(10),
  createdBy: 'operator',
  bills: [{ id: billId, transactionid: `TX${billId}`, customer: '', allocatedCents: cents, idnumber: '' }],
  invoices: [{ id: invoiceId, reference: `FA-${invoiceId}`, customer: '', allocatedCents: cents }],
  creditNotes: [],
  currency: 'EUR',
  balanceCents: 0,
  pushed: 'pending',
  pushedMessage: null,
});

function openPanel(options: { api?: FakeApi; language?: Language } = {}) {
  const onMatched = vi.fn<() => void>();
  const rendered = renderWithApi(
    <ManualMatchPanel bills={bills} invoices={invoices} suggestions={suggestions} onMatched={onMatched} />,
    options,
  );
  return { ...rendered, onMatched };
}

const balance = () => screen.getByRole('status');
const matchButton = () => screen.getByRole('button', { name: 'Match the selection' });
const billsTable = () => screen.getByRole('table', { name: 'Bills to match' });
const invoicesTable = () => screen.getByRole('table', { name: 'Invoices to match' });

describe('ManualMatchPanel', () => {
  // jsdom lays nothing out, so every box is 0 px high and the virtual tables would draw no row: give the
  // scroll boxes a window's height, enough for every row here.
  beforeEach(() => void vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600));
  afterEach(() => void vi.restoreAllMocks());

  it('matches a ticked bill with a ticked invoice for all that is left on each, then clears the selection', async () => {
    const api = fakeApi({ 'lettering.match': () => recorded(12, 7, 125000) });
    const { user, onMatched } = openPanel({ api });
    expect(balance().textContent).toContain('Select bills and invoices on both sides.');

    await user.click(screen.getByRole('checkbox', { name: 'Select bill 12' }));
    // One side only: nothing to match yet.
    expect(matchButton().getAttribute('aria-disabled')).toBe('true');
    await user.click(matchButton());
    expect(api.sent).toEqual([]);

    await user.click(screen.getByRole('checkbox', { name: 'Select invoice FA-7' }));
    expect(balance().textContent).toContain('Bills €1,250.00 − invoices €1,250.00 = €0.00');
    expect(balance().textContent).toContain('Balanced: the match closes');
    await user.click(matchButton());

    expect(api.sentOf('lettering.match')).toEqual([
      { bills: [{ id: 12, allocatedCents: 125000 }], invoices: [{ id: 7, allocatedCents: 125000 }], toleranceCents: 0, rule: 'manual' },
    ]);
    expect(onMatched).toHaveBeenCalledTimes(1);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select bill 12' }).checked).toBe(false);
    expect(screen.queryByRole('table', { name: 'The selection' })).toBeNull();
  });

  it('says a cent off is not balanced, and balances within a tolerance it sends along', async () => {
    const api = fakeApi({ 'lettering.match': () => recorded(13, 8, 48000) });
    const { user } = openPanel({ api });
    await user.click(screen.getByRole('checkbox', { name: 'Select bill 13' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select invoice FA-8' }));
    expect(balance().textContent).toContain('= €0.01');
    expect(balance().textContent).toContain('Not balanced');

    await user.clear(screen.getByLabelText('Tolerance'));
    await user.type(screen.getByLabelText('Tolerance'), '0.01');
    expect(balance().textContent).toContain('Balanced');
    await user.click(matchButton());
    expect(api.sentOf('lettering.match')[0]).toMatchObject({ toleranceCents: 1 });
  });

  it('sends the part of a bill the operator gives, and refuses more than is left on it', async () => {
    const api = fakeApi({ 'lettering.match': () => recorded(12, 9, 30000) });
    const { user } = openPanel({ api });
    await user.click(screen.getByRole('checkbox', { name: 'Select bill 12' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select invoice FA-9' }));
    const given = screen.getByRole('textbox', { name: 'Amount #12 · Hélène Dupré gives to this match' });
    expect((given as HTMLInputElement).value).toBe('1250.00');

    await user.clear(given);
    await user.type(given, '1250.01');
    expect(given.getAttribute('aria-invalid')).toBe('true');
    expect(matchButton().getAttribute('aria-disabled')).toBe('true');
    await user.click(matchButton());
    expect(api.sent).toEqual([]);

    await user.clear(given);
    await user.type(given, '300');
    expect(balance().textContent).toContain('= €0.00');
    await user.click(matchButton());
    expect(api.sentOf('lettering.match')[0]?.bills).toEqual([{ id: 12, allocatedCents: 30000 }]);
  });

  it('refuses an unreadable tolerance', async () => {
    const { user, api } = openPanel();
    await user.click(screen.getByRole('checkbox', { name: 'Select bill 12' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select invoice FA-7' }));
    await user.clear(screen.getByLabelText('Tolerance'));
    await user.type(screen.getByLabelText('Tolerance'), 'a cent');
    expect(screen.getByLabelText('Tolerance').getAttribute('aria-invalid')).toBe('true');
    expect(matchButton().getAttribute('aria-disabled')).toBe('true');
    await user.click(matchButton());
    expect(api.sent).toEqual([]);
  });

  it('filters each side by accent-free words or by an amount', async () => {
    const { user } = openPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Filter bills' }), 'helene DUPRE');
    expect(
      within(billsTable())
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('aria-label')),
    ).toEqual(['Select bill 12']);

    await user.type(screen.getByRole('searchbox', { name: 'Filter invoices' }), '479.99');
    expect(
      within(invoicesTable())
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('aria-label')),
    ).toEqual(['Select invoice FA-8']);

    await user.clear(screen.getByRole('searchbox', { name: 'Filter invoices' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter invoices' }), 'nobody');
    expect(screen.getByText('No invoice left to match. Import the invoices of your accounting software.')).toBeTruthy();
  });

  it('marks the invoice suggested for the ticked bill, and can show only that one', async () => {
    const { user } = openPanel();
    await user.click(screen.getByRole('checkbox', { name: 'Select bill 13' }));
    const suggestedRow = screen.getByRole('checkbox', { name: 'Select invoice FA-8' }).closest('tr')!;
    expect(within(suggestedRow).getByText('Suggested')).toBeTruthy();
    expect(within(invoicesTable()).getAllByText('Suggested')).toHaveLength(1);

    await user.click(screen.getByRole('checkbox', { name: 'Only the partners suggested for my selection' }));
    expect(
      within(invoicesTable())
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('aria-label')),
    ).toEqual(['Select invoice FA-8']);
    // The bills side is not narrowed while no invoice is ticked.
    expect(within(billsTable()).getAllByRole('checkbox')).toHaveLength(3);
  });

  it('keeps what is ticked in view when only the suggested partners are shown', async () => {
    const { user } = openPanel();
    await user.click(screen.getByRole('checkbox', { name: 'Select bill 12' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select invoice FA-8' }));
    await user.click(screen.getByRole('checkbox', { name: 'Only the partners suggested for my selection' }));
    const shown = (table: HTMLElement) =>
      within(table)
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('aria-label'));
    // Bill 13 is suggested for FA-8; bill 12 is not, but it is ticked. Nothing is suggested for bill 12.
    expect(shown(billsTable())).toEqual(['Select bill 12', 'Select bill 13']);
    expect(shown(invoicesTable())).toEqual(['Select invoice FA-8']);
  });

  it('warns that a bill not paid yet makes the match wait for its payment', async () => {
    const { user } = openPanel();
    expect(within(billsTable()).getByText(/^Not paid yet:/)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Select bill 14' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select invoice FA-9' }));
    expect(balance().textContent).toContain('Balanced, but a bill is not paid yet');
  });

  it('keeps the selection when the core refuses the match, and says why', async () => {
    const api = fakeApi({
      'lettering.match': () => {
        throw new AppError('lettering_taken', 'Another bill already carries the lettering FA-7.');
      },
    });
    const { user, onMatched } = openPanel({ api });
    await user.click(screen.getByRole('checkbox', { name: 'Select bill 12' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select invoice FA-7' }));
    await user.click(matchButton());

    expect(screen.getByRole('alert').textContent).toContain('Another bill already carries the lettering FA-7.');
    expect(onMatched).not.toHaveBeenCalled();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select bill 12' }).checked).toBe(true);
  });

  it('clears the selection and what was typed for it', async () => {
    const { user } = openPanel();
    await user.click(screen.getByRole('checkbox', { name: 'Select bill 12' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select invoice FA-7' }));
    await user.click(screen.getByRole('button', { name: 'Clear the selection' }));
    expect(screen.queryByRole('table', { name: 'The selection' })).toBeNull();
    expect(balance().textContent).toContain('Select bills and invoices on both sides.');

    // Ticked again, the bill gives all that is left, not what was typed before.
    await user.click(screen.getByRole('checkbox', { name: 'Select bill 12' }));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Amount #12 · Hélène Dupré gives to this match' }).value).toBe('1250.00');
  });

  it('speaks French in a French window, amounts included', async () => {
    const { user } = openPanel({ language: 'fr' });
    await user.click(screen.getByRole('checkbox', { name: 'Sélectionner la proforma 13' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sélectionner la facture FA-8' }));
    expect(balance().textContent).toMatch(/Proformas 480,00\s€ − factures 479,99\s€ = 0,01\s€/);
    expect(balance().textContent).toContain('Non équilibré');
    expect(screen.getByRole('button', { name: 'Rapprocher la sélection' })).toBeTruthy();
  });
});
